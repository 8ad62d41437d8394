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

function draw(canvas: HTMLCanvasElement, set: Sets[number] | undefined, colours: ColourScale) {
  const g = canvas.getContext('2d')!;
  const h = canvas.height, w = canvas.width;
  g.fillStyle = '#e8eaeb';
  g.fillRect(0, 0, w, h);
  if (!set || set.labels.length === 0) {  // own data before any point: a pencil says "draw here"
    g.fillStyle = '#888';
    g.font = '40px sans-serif';
    g.textAlign = 'center';
    g.fillText('✎', w / 2, h / 2 + 14);
    return;
  }
  for (let i = 0; i < set.labels.length; i++) {
    const x = set.points[i * 2], y = set.points[i * 2 + 1];
    g.fillStyle = set.name === 'gauss3' || set.threeClasses ? colours.classCss(set.labels[i]) : colours.css(set.labels[i]);
    g.fillRect((w * (x + 6)) / 12, h - (h * (y + 6)) / 12 - 4, 4, 4);
  }
}
