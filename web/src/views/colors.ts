// The playground's colour scale: 31 shades from orange (-1) through grey (0) to blue (+1),
// quantized as d3.scale.quantize does; and a colour-blind-safe alternative (cividis-like
// dark blue to yellow). Three classes use Okabe–Ito's orange, blue and green.
export type Palette = 'default' | 'cb';

const RAMPS: Record<Palette, [string, string, string]> = {
  default: ['#f59322', '#e8eaeb', '#0877bd'],
  cb: ['#00204d', '#e8eaeb', '#d9a400'],
};
const CLASS_COLOURS: Record<Palette, string[]> = {
  default: ['#f59322', '#0877bd', '#2ca02c'],
  cb: ['#e69f00', '#0072b2', '#009e73'],
};
const SHADES = 31;

function hex(c: string): [number, number, number] {
  return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
}

export class ColourScale {
  readonly shades: Uint8ClampedArray;  // SHADES × rgb
  readonly classes: [number, number, number][];
  readonly palette: Palette;
  // The same colours as CSS strings, made once: points and links ask for them by the
  // thousand, and a canvas parses a string it has seen before faster.
  #shadeCss: string[];
  #classCss: string[];

  constructor(palette: Palette) {
    this.palette = palette;
    const [lo, mid, hi] = RAMPS[palette].map(hex);
    this.shades = new Uint8ClampedArray(SHADES * 3);
    for (let i = 0; i < SHADES; i++) {
      const v = -1 + (2 * i) / (SHADES - 1);  // the centre of each quantize bin
      const [a, b, f] = v < 0 ? [lo, mid, v + 1] : [mid, hi, v];
      for (let k = 0; k < 3; k++) this.shades[i * 3 + k] = Math.round(a[k] + (b[k] - a[k]) * f);
    }
    this.classes = CLASS_COLOURS[palette].map(hex);
    this.#shadeCss = Array.from({ length: SHADES }, (_, i) => `rgb(${this.shades[i * 3]},${this.shades[i * 3 + 1]},${this.shades[i * 3 + 2]})`);
    this.#classCss = this.classes.map(([r, g, b]) => `rgb(${r},${g},${b})`);
  }

  // v in [-1, 1] (clamped; NaN -> null) -> the shade's index
  index(v: number): number | null {
    if (Number.isNaN(v)) return null;
    const i = Math.floor(((Math.max(-1, Math.min(1, v)) + 1) / 2) * SHADES);
    return Math.min(SHADES - 1, i);
  }

  css(v: number): string {
    const i = this.index(v);
    return i === null ? '#9e9e9e' : this.#shadeCss[i];
  }

  // A class's colour: two classes take the scale's ends (class 0 low, class 1 high), as the
  // heatmap draws them; three take the class colours.
  classColour(c: number, classes: number): string {
    return classes >= 3 ? this.classCss(c) : this.css(c >= 1 ? 1 : -1);
  }

  classCss(c: number): string {
    return this.#classCss[this.classIndex(c)];
  }

  // A class label's index into classes (never out of range).
  classIndex(c: number): number {
    const n = this.classes.length;
    return Number.isFinite(c) ? ((Math.round(c) % n) + n) % n : 0;
  }

  // Fills RGBA pixels from values (units per pixel: 1, or >= 2 for classes).
  paint(values: Float32Array, units: number, pixels: Uint8ClampedArray, opts: { discretize: boolean; alpha: number; grey: boolean }): void {
    const n = pixels.length / 4;
    for (let p = 0; p < n; p++) {
      let r: number, g: number, b: number;
      if (units === 1) {
        let v = values[p];
        if (opts.discretize && !Number.isNaN(v)) v = v >= 0 ? 1 : -1;
        const i = opts.grey ? null : this.index(v);
        if (i === null) {
          r = g = b = 158;  // NaN or a diverged model: grey
        } else {
          r = this.shades[i * 3];
          g = this.shades[i * 3 + 1];
          b = this.shades[i * 3 + 2];
        }
      } else {
        let best = 0;
        for (let c = 1; c < units; c++) if (values[p * units + c] > values[p * units + best]) best = c;
        const confidence = opts.discretize ? 1 : Math.max(0, (values[p * units + best] - 1 / units) / (1 - 1 / units));
        const [cr, cg, cb] = this.classes[best % this.classes.length];
        const grey = 232;
        r = grey + (cr - grey) * confidence;
        g = grey + (cg - grey) * confidence;
        b = grey + (cb - grey) * confidence;
        if (opts.grey || Number.isNaN(values[p * units + best])) r = g = b = 158;
      }
      pixels[p * 4] = r;
      pixels[p * 4 + 1] = g;
      pixels[p * 4 + 2] = b;
      pixels[p * 4 + 3] = opts.alpha;
    }
  }
}
