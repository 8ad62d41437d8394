// Draws a loss landscape: the loss on a grid (log scale) as a heatmap with contour lines,
// and paths in plane coordinates on top. Shared by the landscape panel (one path) and the
// side-by-side panel (four runs on one landscape). Non-finite losses are painted grey.

export interface LandscapeGrid {
  alpha: number[];
  beta: number[];
  loss: ArrayLike<number>;  // [beta][alpha]
}

export interface PathStyle {
  points: [number, number][];
  colour: string;
  end?: string;  // a dot at the path's end in this colour
}

const CONTOURS = 10;

// Returns the colour scale's range: log10 of the lowest and highest finite loss.
export function drawLandscape(canvas: HTMLCanvasElement, l: LandscapeGrid, paths: PathStyle[], centre: string | null): { lo: number; hi: number } {
  const g = canvas.getContext('2d')!;
  const W = canvas.width, H = canvas.height;
  const nx = l.alpha.length, ny = l.beta.length;
  const logs = Array.from(l.loss, (v) => (Number.isFinite(v) ? Math.log10(Math.max(v, 1e-12)) : NaN));
  const finite = logs.filter(Number.isFinite);
  const lo = finite.length ? Math.min(...finite) : 0, hi = finite.length ? Math.max(...finite) : 0;
  const norm = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  // heatmap: one cell per grid point, low loss dark blue, high loss yellow
  const cw = W / nx, ch = H / ny;
  for (let i = 0; i < ny; i++) {
    for (let j = 0; j < nx; j++) {
      const v = logs[i * nx + j];
      g.fillStyle = Number.isFinite(v) ? ramp(norm(v)) : '#999';
      g.fillRect(j * cw, H - (i + 1) * ch, cw + 0.5, ch + 0.5);
    }
  }
  // contours (marching squares on the cell centres)
  const px = (j: number) => (j + 0.5) * cw, py = (i: number) => H - (i + 0.5) * ch;
  g.strokeStyle = 'rgba(255,255,255,0.55)';
  g.lineWidth = 1;
  g.beginPath();
  for (let k = 1; k < CONTOURS && hi > lo; k++) {
    const level = lo + ((hi - lo) * k) / CONTOURS;
    for (let i = 0; i + 1 < ny; i++) {
      for (let j = 0; j + 1 < nx; j++) {
        const v = [logs[i * nx + j], logs[i * nx + j + 1], logs[(i + 1) * nx + j + 1], logs[(i + 1) * nx + j]];
        if (!v.every(Number.isFinite)) continue;
        const corners: [number, number][] = [[px(j), py(i)], [px(j + 1), py(i)], [px(j + 1), py(i + 1)], [px(j), py(i + 1)]];
        const cuts: [number, number][] = [];
        for (let e = 0; e < 4; e++) {
          const a = v[e], b = v[(e + 1) % 4];
          if ((a < level) !== (b < level)) {
            const f = (level - a) / (b - a);
            const [x1, y1] = corners[e], [x2, y2] = corners[(e + 1) % 4];
            cuts.push([x1 + f * (x2 - x1), y1 + f * (y2 - y1)]);
          }
        }
        for (let c = 0; c + 1 < cuts.length; c += 2) {
          g.moveTo(cuts[c][0], cuts[c][1]);
          g.lineTo(cuts[c + 1][0], cuts[c + 1][1]);
        }
      }
    }
  }
  g.stroke();
  // the paths, in plane coordinates (a path that leaves the slice is cut at its edge)
  const a0 = l.alpha[0], a1 = l.alpha[nx - 1], b0 = l.beta[0], b1 = l.beta[ny - 1];
  const X = (a: number) => ((a - a0) / (a1 - a0)) * (W - cw) + cw / 2;
  const Y = (b: number) => H - (((b - b0) / (b1 - b0)) * (H - ch) + ch / 2);
  const dot = (a: number, b: number, r: number, colour: string) => {
    g.fillStyle = colour;
    g.beginPath();
    g.arc(X(a), Y(b), r, 0, 2 * Math.PI);
    g.fill();
  };
  for (const path of paths) {
    const points = path.points.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
    g.strokeStyle = path.colour;
    g.lineWidth = 2;
    g.beginPath();
    points.forEach(([a, b], i) => (i === 0 ? g.moveTo(X(a), Y(b)) : g.lineTo(X(a), Y(b))));
    g.stroke();
    for (const [a, b] of points) dot(a, b, 2, path.colour);
    const last = points.at(-1);
    if (path.end && last) dot(last[0], last[1], 4.5, path.end);
  }
  if (centre) dot(0, 0, 4.5, centre);
  return { lo, hi };
}

// The colour scale as a vertical bar: high loss (yellow) at the top, low (dark blue) at the bottom.
export function drawScaleBar(canvas: HTMLCanvasElement): void {
  const g = canvas.getContext('2d')!;
  for (let y = 0; y < canvas.height; y++) {
    g.fillStyle = ramp(1 - y / (canvas.height - 1));
    g.fillRect(0, y, canvas.width, 1);
  }
}

// dark blue -> teal -> yellow
function ramp(x: number): string {
  const stops = [[13, 8, 135], [33, 145, 140], [253, 231, 37]];
  const f = Math.max(0, Math.min(1, x)) * 2;
  const k = Math.min(1, Math.floor(f));
  const u = f - k;
  const [r, gg, b] = stops[k].map((c, i) => Math.round(c + (stops[k + 1][i] - c) * u));
  return `rgb(${r},${gg},${b})`;
}
