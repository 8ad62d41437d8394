// The output plot: the network's output over [-6, 6]² as a GRID × GRID image in the
// playground's colours, the data points over it, axes, the pointer's coordinates, and a
// click that tests a point (step 8).
import { DOMAIN, GRID } from '../protocol.js';
import type { ColourScale } from './colors.js';
import { OnScreen } from './onScreen.js';

export interface PointSet {
  points: Float32Array;  // [n, 2]
  labels: Float32Array;  // class indices (kind 'class') or values on the [-1, 1] scale ('value')
  kind: 'class' | 'value';
  stroke: string;
  ring?: boolean;
}

export class Heatmap {
  #image: ImageData;
  #canvas: HTMLCanvasElement;
  #overlay: HTMLCanvasElement;
  #values: Float32Array | null = null;
  #units = 1;
  #sets: PointSet[] = [];
  #classes = 2;
  // The overlay's CSS width, kept by a ResizeObserver: reading it in drawPoints forced a
  // layout of the page on every setting change (and several times at start-up).
  #size = 0;
  #colours: ColourScale | null = null;
  // Off-screen, the plot is not drawn; what it would have shown is drawn when it comes into view.
  #onScreen: OnScreen;
  #imageStale = false;
  #pointsStale = false;

  constructor(canvas: HTMLCanvasElement, overlay: HTMLCanvasElement, coords: HTMLElement, onClick: (x: number, y: number) => void) {
    this.#canvas = canvas;
    this.#overlay = overlay;
    this.#image = canvas.getContext('2d')!.createImageData(GRID, GRID);
    this.#onScreen = new OnScreen(overlay, () => {
      if (this.#imageStale) this.#paint();
      if (this.#pointsStale && this.#colours) this.drawPoints(this.#colours);
    });
    const toData = (e: MouseEvent) => {
      const r = overlay.getBoundingClientRect();
      const x = -DOMAIN + ((e.clientX - r.left) / r.width) * 2 * DOMAIN;
      const y = DOMAIN - ((e.clientY - r.top) / r.height) * 2 * DOMAIN;
      return [x, y] as const;
    };
    overlay.addEventListener('mousemove', (e) => {
      const [x, y] = toData(e);
      coords.textContent = `(${x.toFixed(2)}, ${y.toFixed(2)})`;
    });
    overlay.addEventListener('mouseleave', () => (coords.textContent = ''));
    overlay.addEventListener('click', (e) => onClick(...toData(e)));
    new ResizeObserver(([entry]) => {
      if (entry.contentRect.width === this.#size) return;
      this.#size = entry.contentRect.width;
      if (this.#colours) this.drawPoints(this.#colours);
    }).observe(overlay);
  }

  // values: GRID² × units (units 1: [-1, 1]; >= 2: class probabilities)
  draw(values: Float32Array, units: number, colours: ColourScale, opts: { discretize: boolean; grey: boolean }): void {
    this.#values = values;
    this.#units = units;
    this.#look = { colours, opts };
    if (this.#onScreen.visible) this.#paint();
    else this.#imageStale = true;
  }

  #look: { colours: ColourScale; opts: { discretize: boolean; grey: boolean } } | null = null;
  #paint() {
    this.#imageStale = false;
    if (!this.#values || !this.#look) return;
    this.#look.colours.paint(this.#values, this.#units, this.#image.data, { ...this.#look.opts, alpha: 160 });
    this.#canvas.getContext('2d')!.putImageData(this.#image, 0, 0);
  }

  get values(): Float32Array | null {
    return this.#values;
  }
  get units(): number {
    return this.#units;
  }

  // A point's look (a filled, outlined circle) at the screen's resolution, drawn once.
  #stamps = new Map<string, HTMLCanvasElement>();
  #stamp(fill: string, radius: number, lineWidth: number, stroke: string, dpr: number): HTMLCanvasElement {
    const key = `${fill} ${radius} ${lineWidth} ${stroke} ${dpr}`;
    let stamp = this.#stamps.get(key);
    if (!stamp) {
      stamp = document.createElement('canvas');
      stamp.width = stamp.height = 2 * Math.ceil((radius + lineWidth) * dpr) + 2;
      const g = stamp.getContext('2d')!;
      g.setTransform(dpr, 0, 0, dpr, stamp.width / 2, stamp.height / 2);
      g.beginPath();
      g.arc(0, 0, radius, 0, 2 * Math.PI);
      g.fillStyle = fill;
      g.fill();
      g.lineWidth = lineWidth;
      g.strokeStyle = stroke;
      g.stroke();
      this.#stamps.set(key, stamp);
    }
    return stamp;
  }

  setPoints(sets: PointSet[], classes: number): void {
    this.#sets = sets;
    this.#classes = classes;
  }

  drawPoints(colours: ColourScale): void {
    const c = this.#overlay;
    const dpr = window.devicePixelRatio || 1;
    this.#colours = colours;
    this.#pointsStale = !this.#onScreen.visible;
    if (this.#pointsStale) return;
    const size = this.#size || 300;
    if (c.width !== Math.round(size * dpr)) {
      c.width = c.height = Math.round(size * dpr);
    }
    const g = c.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, size, size);
    const px = (x: number) => ((x + DOMAIN) / (2 * DOMAIN)) * size;
    const py = (y: number) => ((DOMAIN - y) / (2 * DOMAIN)) * size;
    // Each point is a stamp of its look (drawn once, cached), in the data's order so that a
    // later point covers an earlier one: a path, a fill and a stroke per point were the page's
    // slowest drawing (500 points: 25-50 ms at start-up). Stamps sit on whole device pixels.
    g.setTransform(1, 0, 0, 1, 0, 0);
    for (const set of this.#sets) {
      const radius = set.ring ? 5 : 3, lineWidth = set.ring ? 2 : 1;
      for (let i = 0; i < set.labels.length; i++) {
        const x = set.points[i * 2], y = set.points[i * 2 + 1];
        if (Math.abs(x) > DOMAIN || Math.abs(y) > DOMAIN) continue;  // outside the plot, as upstream
        const fill = set.kind === 'class' ? colours.classColour(set.labels[i], this.#classes) : colours.css(set.labels[i]);
        const stamp = this.#stamp(fill, radius, lineWidth, set.stroke, dpr);
        g.drawImage(stamp, Math.round(px(x) * dpr - stamp.width / 2), Math.round(py(y) * dpr - stamp.height / 2));
      }
    }
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    // axes: ticks every 2 units along the bottom and the right, as the playground
    g.fillStyle = '#555';
    g.font = '9px sans-serif';
    for (let v = -DOMAIN; v <= DOMAIN; v += 2) {
      g.fillRect(px(v), size - 4, 1, 4);
      g.fillRect(size - 4, py(v), 4, 1);
      // the corner is shared: x labels stop at 4, y labels at -4
      if (v < DOMAIN) g.fillText(String(v), Math.max(1, px(v) - 4), size - 6);
      if (v > -DOMAIN) g.fillText(String(v), size - 18, Math.max(8, py(v) + 3));
    }
  }
}
