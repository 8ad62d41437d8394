// The loss landscape (issue 13): the training loss on a plane through the current weights
// as a heatmap (log scale) with contour lines, and the path training took projected onto
// the plane; the worker's engine computes it, and it follows training as it goes.
import { t } from '../i18n/index.js';
import { byId } from '../dom.js';
import type { LandscapeInfo } from '../protocol.js';
import { fmt } from '../inspector/formulas.js';

const CONTOURS = 10;

export class LandscapeView {
  #canvas = byId<HTMLCanvasElement>('landscapeCanvas');
  #select = byId<HTMLSelectElement>('landscapeMode');
  #last: LandscapeInfo | null = null;
  #count = 0;

  constructor(setMode: (mode: 'off' | 'random' | 'pca') => void) {
    this.#select.addEventListener('change', () => setMode(this.#select.value as 'off' | 'random' | 'pca'));
  }

  render(mode: 'off' | 'random' | 'pca'): void {
    this.#select.replaceChildren(
      new Option(t('landscapeOff'), 'off'),
      new Option(t('landscapeRandom'), 'random'),
      new Option(t('landscapePca'), 'pca'),
    );
    this.#select.value = mode;
    byId('landscapeFigure').hidden = mode === 'off';
  }

  get last(): LandscapeInfo | null {
    return this.#last;
  }
  get count(): number {
    return this.#count;
  }

  update(l: LandscapeInfo): void {
    this.#last = l;
    this.#count++;
    this.#draw(l);
    const pca = l.directions === 'pca' ? ` · PCA ${(l.explained[0] * 100).toFixed(1)}% + ${(l.explained[1] * 100).toFixed(1)}%` : '';
    byId('landscapeStatus').textContent = `${t('landscapeCenter')} ${fmt(l.centerLoss)} · ${l.alpha.length}×${l.beta.length} ${t('landscapeIn')} ${Math.round(l.ms)} ms${pca}`;
  }

  #draw(l: LandscapeInfo) {
    const canvas = this.#canvas;
    const g = canvas.getContext('2d')!;
    const W = canvas.width, H = canvas.height;
    const nx = l.alpha.length, ny = l.beta.length;
    const logs = Array.from(l.loss, (v) => Math.log10(Math.max(v, 1e-12)));
    const finite = logs.filter(Number.isFinite);
    const lo = Math.min(...finite), hi = Math.max(...finite);
    const norm = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
    // heatmap: one cell per grid point, low loss dark blue, high loss yellow
    const cw = W / nx, ch = H / ny;
    for (let i = 0; i < ny; i++) {
      for (let j = 0; j < nx; j++) {
        g.fillStyle = ramp(norm(logs[i * nx + j]));
        g.fillRect(j * cw, H - (i + 1) * ch, cw + 0.5, ch + 0.5);
      }
    }
    // contours (marching squares on the cell centres)
    const px = (j: number) => (j + 0.5) * cw, py = (i: number) => H - (i + 0.5) * ch;
    g.strokeStyle = 'rgba(255,255,255,0.55)';
    g.lineWidth = 1;
    g.beginPath();
    for (let k = 1; k < CONTOURS; k++) {
      const level = lo + ((hi - lo) * k) / CONTOURS;
      for (let i = 0; i + 1 < ny; i++) {
        for (let j = 0; j + 1 < nx; j++) {
          const v = [logs[i * nx + j], logs[i * nx + j + 1], logs[(i + 1) * nx + j + 1], logs[(i + 1) * nx + j]];
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
    // the path, in plane coordinates
    const a0 = l.alpha[0], a1 = l.alpha[nx - 1], b0 = l.beta[0], b1 = l.beta[ny - 1];
    const X = (a: number) => ((a - a0) / (a1 - a0)) * (W - cw) + cw / 2;
    const Y = (b: number) => H - (((b - b0) / (b1 - b0)) * (H - ch) + ch / 2);
    g.strokeStyle = '#fff';
    g.lineWidth = 2;
    g.beginPath();
    l.path.forEach(([a, b], i) => (i === 0 ? g.moveTo(X(a), Y(b)) : g.lineTo(X(a), Y(b))));
    g.stroke();
    g.fillStyle = '#fff';
    for (const [a, b] of l.path) {
      g.beginPath();
      g.arc(X(a), Y(b), 2, 0, 2 * Math.PI);
      g.fill();
    }
    g.fillStyle = '#e4572e';  // the current weights: the centre
    g.beginPath();
    g.arc(X(0), Y(0), 4.5, 0, 2 * Math.PI);
    g.fill();
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
