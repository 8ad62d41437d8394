// The output plot: the network's output over [-6, 6]² as a GRID × GRID image in the
// playground's colours, the data points over it, axes, the pointer's coordinates, and a
// click that tests a point (step 8).
import { DOMAIN, GRID } from '../protocol.js';
import type { ColourScale } from './colors.js';

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

  constructor(canvas: HTMLCanvasElement, overlay: HTMLCanvasElement, coords: HTMLElement, onClick: (x: number, y: number) => void) {
    this.#canvas = canvas;
    this.#overlay = overlay;
    this.#image = canvas.getContext('2d')!.createImageData(GRID, GRID);
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
    colours.paint(values, units, this.#image.data, { ...opts, alpha: 160 });
    this.#canvas.getContext('2d')!.putImageData(this.#image, 0, 0);
  }

  get values(): Float32Array | null {
    return this.#values;
  }
  get units(): number {
    return this.#units;
  }

  setPoints(sets: PointSet[], classes: number): void {
    this.#sets = sets;
    this.#classes = classes;
  }

  drawPoints(colours: ColourScale): void {
    const c = this.#overlay;
    const dpr = window.devicePixelRatio || 1;
    this.#colours = colours;
    const size = this.#size || 300;
    if (c.width !== Math.round(size * dpr)) {
      c.width = c.height = Math.round(size * dpr);
    }
    const g = c.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, size, size);
    const px = (x: number) => ((x + DOMAIN) / (2 * DOMAIN)) * size;
    const py = (y: number) => ((DOMAIN - y) / (2 * DOMAIN)) * size;
    for (const set of this.#sets) {
      for (let i = 0; i < set.labels.length; i++) {
        const x = set.points[i * 2], y = set.points[i * 2 + 1];
        if (Math.abs(x) > DOMAIN || Math.abs(y) > DOMAIN) continue;  // outside the plot, as upstream
        g.beginPath();
        g.arc(px(x), py(y), set.ring ? 5 : 3, 0, 2 * Math.PI);
        g.fillStyle = set.kind === 'class' ? colours.classColour(set.labels[i], this.#classes) : colours.css(set.labels[i]);
        g.fill();
        g.lineWidth = set.ring ? 2 : 1;
        g.strokeStyle = set.stroke;
        g.stroke();
      }
    }
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
