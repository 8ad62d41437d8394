// The dataset pickers: a thumbnail of 200 noise-free points per dataset (y up, as the
// Deep Insider fork fixed), the classification or the regression group.
import { CLASSIFY_DATASETS, REGRESS_DATASETS } from '../../../bindings/src/state.js';
import { type MessageKey, t } from '../i18n/index.js';
import type { ColourScale } from './colors.js';

// labels: ±1 (two classes), a value (regression), or class indices when threeClasses
type Sets = { name: string; points: Float32Array; labels: Float32Array; threeClasses?: boolean }[];

export class DatasetPicker {
  #root: HTMLElement;
  #sets = new Map<string, Sets[number]>();
  #onPick: (name: string) => void;

  #drawn = new WeakMap<HTMLCanvasElement, [Sets[number] | undefined, ColourScale]>();  // what each thumbnail shows

  constructor(root: HTMLElement, onPick: (name: string) => void) {
    this.#root = root;
    this.#onPick = onPick;
  }

  // Adds or replaces thumbnails by dataset name.
  setThumbnails(sets: Sets): void {
    for (const set of sets) this.#sets.set(set.name, set);
  }

  render(problem: 'classification' | 'regression', selected: string, colours: ColourScale): void {
    const names: readonly string[] = problem === 'regression' ? REGRESS_DATASETS : CLASSIFY_DATASETS;
    if (this.#root.dataset.group !== problem + document.documentElement.lang) {
      this.#root.dataset.group = problem + document.documentElement.lang;
      this.#root.replaceChildren(...names.map((name) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'dataset';
        b.dataset.name = name;
        b.setAttribute('role', 'radio');
        const label = t(`dataset.${name}` as MessageKey);
        b.setAttribute('aria-label', label);
        b.title = label;
        const c = document.createElement('canvas');
        c.width = c.height = 100;
        b.append(c);
        b.addEventListener('click', () => this.#onPick(name));
        return b;
      }));
    }
    for (const b of this.#root.querySelectorAll<HTMLButtonElement>('button.dataset')) {
      const on = b.dataset.name === selected;
      b.classList.toggle('selected', on);
      b.setAttribute('aria-checked', String(on));
      const set = this.#sets.get(b.dataset.name!);
      const canvas = b.querySelector('canvas')!;
      const last = this.#drawn.get(canvas);
      if ((set || b.dataset.name === 'custom') && (last?.[0] !== set || last?.[1] !== colours)) {  // only what changed: render runs on every setting
        draw(canvas, set, colours);
        this.#drawn.set(canvas, [set, colours]);
      }
    }
  }
}

// Each point is a 4×4 square written into the pixels directly, in the data's order (a later
// point covers an earlier one): one putImageData instead of a fillRect and a colour string
// per point (six sets of 500 points were a long task at start-up).
function draw(canvas: HTMLCanvasElement, set: Sets[number] | undefined, colours: ColourScale) {
  const g = canvas.getContext('2d')!;
  const h = canvas.height, w = canvas.width;
  if (!set || set.labels.length === 0) {  // own data before any point: a pencil says "draw here"
    g.fillStyle = '#e8eaeb';
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#888';
    g.font = '40px sans-serif';
    g.textAlign = 'center';
    g.fillText('✎', w / 2, h / 2 + 14);
    return;
  }
  const image = g.createImageData(w, h);
  const px = new Uint32Array(image.data.buffer);
  const rgba = (r: number, gr: number, b: number) => new Uint32Array(new Uint8ClampedArray([r, gr, b, 255]).buffer)[0];
  px.fill(rgba(0xe8, 0xea, 0xeb));
  const classes = set.name === 'gauss3' || set.threeClasses;
  const classPx = colours.classes.map(([r, gr, b]) => rgba(r, gr, b));
  const shadePx = Array.from({ length: colours.shades.length / 3 }, (_, k) => rgba(colours.shades[k * 3], colours.shades[k * 3 + 1], colours.shades[k * 3 + 2]));
  const nanPx = rgba(158, 158, 158);
  for (let i = 0; i < set.labels.length; i++) {
    const x = set.points[i * 2], y = set.points[i * 2 + 1];
    const k = classes ? null : colours.index(set.labels[i]);
    const colour = classes ? classPx[colours.classIndex(set.labels[i])] : k === null ? nanPx : shadePx[k];
    const left = Math.round((w * (x + 6)) / 12), top = Math.round(h - (h * (y + 6)) / 12 - 4);
    for (let row = Math.max(0, top); row < Math.min(h, top + 4); row++) {
      for (let col = Math.max(0, left); col < Math.min(w, left + 4); col++) px[row * w + col] = colour;
    }
  }
  g.putImageData(image, 0, 0);
}
