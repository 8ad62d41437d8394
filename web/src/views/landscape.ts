// The loss landscape (issue 13): the training loss on a plane through the current weights
// as a heatmap (log scale) with contour lines, and the path training took projected onto
// the plane; the worker's engine computes it, and it follows training as it goes.
// It opens ready (issue 20): opening the panel draws random directions at once (closing it
// turns the computation off), with α/β axes and their unit, a colour scale in the page's
// loss scale, and a centre loss that says whether it is the Train loss read-out's definition.
import { t } from '../i18n/index.js';
import { byId } from '../dom.js';
import type { LandscapeInfo, ReadoutKind } from '../protocol.js';
import { fmt } from '../inspector/formulas.js';
import { drawLandscape, drawScaleBar } from './landscapeDraw.js';

export type LandscapeMode = 'off' | 'random' | 'pca';
export const OPENED_MODE: LandscapeMode = 'random';  // what an opened panel shows first

// A tick label: two significant digits (the grid spans ±1 for random directions).
const tick = (v: number) => (Math.abs(v) < 1e-9 ? '0' : String(Number(v.toPrecision(2))));

// Built lazily: the choices are listed and slices drawn only while the panel is open (a link
// with `landscape` opens it), so the page's start-up does no work for it.
export class LandscapeView {
  #panel = byId<HTMLDetailsElement>('landscapePanel');
  #canvas = byId<HTMLCanvasElement>('landscapeCanvas');
  #select = byId<HTMLSelectElement>('landscapeMode');
  #last: LandscapeInfo | null = null;
  #drawn: LandscapeInfo | null = null;
  #range = { lo: 0, hi: 0 };
  #count = 0;
  #mode: LandscapeMode = 'off';
  #listed = '';  // the language the choices were listed in
  #opened = false;
  #factor = 1;  // the display scale (lossScale.ts)
  #readout: { kind: ReadoutKind; loss: number | null } = { kind: 'current', loss: null };
  #statusText = '';

  constructor(setMode: (mode: LandscapeMode) => void) {
    this.#select.addEventListener('change', () => setMode(this.#select.value as LandscapeMode));
    this.#panel.addEventListener('toggle', () => {
      if (this.#panel.open && this.#mode === 'off') setMode(OPENED_MODE);
      else if (!this.#panel.open && this.#mode !== 'off') setMode('off');
      this.#show();
    });
  }

  render(mode: LandscapeMode): void {
    this.#mode = mode;
    if (mode !== 'off' && !this.#opened) this.#panel.open = true;  // a link that asks for it opens the panel
    this.#opened ||= mode !== 'off';
    this.#show();
  }

  // The display scale's factor and what the Train loss read-out beside it shows (its
  // definition and value, Keras scale): the centre's line says whether they agree.
  setReadout(factor: number, kind: ReadoutKind, loss: number | null): void {
    const changed = factor !== this.#factor;
    this.#factor = factor;
    this.#readout = { kind, loss };
    if (changed) this.#drawn = null;
    if (this.#panel.open && this.#last) this.#show();
  }

  // Texts again in the page's language.
  reword(): void {
    this.#listed = '';
    this.#drawn = null;
    this.#show();
  }

  #show() {
    if (!this.#panel.open) return;
    const language = t('landscapeOff');
    if (this.#listed !== language) {
      this.#listed = language;
      this.#select.replaceChildren(
        new Option(t('landscapeOff'), 'off'),
        new Option(t('landscapeRandom'), 'random'),
        new Option(t('landscapePca'), 'pca'),
      );
    }
    this.#select.value = this.#mode;
    byId('landscapeFigure').hidden = this.#mode === 'off';
    const l = this.#last;
    if (!l) return;
    if (l !== this.#drawn) this.#draw(l);
    this.#status(l);
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
    this.#show();
  }

  #draw(l: LandscapeInfo) {
    this.#drawn = l;
    this.#range = drawLandscape(this.#canvas, l, [{ points: l.path, colour: '#fff' }], '#e4572e');
    const bar = byId<HTMLCanvasElement>('landscapeScaleBar');
    if (!bar.dataset.drawn) {
      drawScaleBar(bar);
      bar.dataset.drawn = '1';
    }
    const ticks = (id: string, values: number[]) => byId(id).replaceChildren(...values.map((v) => {
      const s = document.createElement('span');
      s.textContent = tick(v);
      return s;
    }));
    const a = l.alpha, b = l.beta;
    ticks('landscapeXTicks', [a[0], (a[0] + a[a.length - 1]) / 2, a[a.length - 1]]);
    ticks('landscapeYTicks', [b[b.length - 1], (b[0] + b[b.length - 1]) / 2, b[0]]);
    const finite = l.loss.some(Number.isFinite) && !l.diverged;
    byId('landscapeScaleTop').textContent = finite ? fmt(10 ** this.#range.hi * this.#factor) : '';
    byId('landscapeScaleBottom').textContent = finite ? fmt(10 ** this.#range.lo * this.#factor) : '';
    byId('landscapeUnits').textContent = t(l.directions === 'pca' ? 'landscapeUnitsPca' : 'landscapeUnitsRandom');
  }

  // Diverged weights give no loss to show: say so instead of printing NaN.
  #status(l: LandscapeInfo) {
    const status = byId('landscapeStatus');
    let text: string;
    if (l.diverged || !Number.isFinite(l.centerLoss)) {
      text = `${t('diverged')} — ${t('divergedHelp')}`;
    } else {
      const pca = l.directions === 'pca' ? ` · PCA ${(l.explained[0] * 100).toFixed(1)}% + ${(l.explained[1] * 100).toFixed(1)}%` : '';
      const r = this.#readout;
      const centre = r.kind === 'current' || r.loss === null
        ? t('landscapeCenterSame').replace('{loss}', fmt(l.centerLoss * this.#factor))
        : t('landscapeCenterDiffers').replace('{loss}', fmt(l.centerLoss * this.#factor)).replace('{readout}', fmt(r.loss * this.#factor));
      text = `${centre} · ${l.alpha.length}×${l.beta.length} ${t('landscapeIn')} ${Math.round(l.ms)} ms${pca}`;
    }
    if (text !== this.#statusText) status.textContent = this.#statusText = text;
  }
}
