// "Gradient descent, seen" (figures 5-5 … 5-9): a ball on a one-parameter loss curve
// takes steps of the engine's own optimizers (computed in the worker), so a reader sees
// 0.003 crawl, 0.03 reach the minimum, 0.3 overshoot and zig-zag, 3 fly off, and a start
// behind the hump end in the local minimum; the status says which, in words.
import { OPTIMIZERS } from '../../../bindings/src/registry.js';
import { LEARNING_RATES } from '../../../bindings/src/state.js';
import { loss, LOSS_RANGE, START, verdict, W_RANGE } from '../descent/curve.js';
import { type MessageKey, t } from '../i18n/index.js';
import { byId } from '../dom.js';

const STEPS = 60;

export type DescentRequest = (optimizer: string, learningRate: number, w0: number, steps: number) => void;

export const BALL_RADIUS = 7;

export class DescentView {
  #canvas: HTMLCanvasElement;
  #path: number[] = [START];
  #shown = 1;
  #timer: number | undefined;
  #request: DescentRequest;

  constructor(request: DescentRequest) {
    this.#request = request;
    this.#canvas = byId<HTMLCanvasElement>('descentCanvas');
    const lr = byId<HTMLSelectElement>('descentRate');
    lr.replaceChildren(...LEARNING_RATES.filter((r) => r >= 0.001).map((r) => new Option(String(r), String(r), r === 0.03, r === 0.03)));
    const opt = byId<HTMLSelectElement>('descentOptimizer');
    opt.replaceChildren(...OPTIMIZERS.map((o) => new Option(o.className, o.key)));  // RMSprop, not Rmsprop
    const start = byId<HTMLInputElement>('descentStart');
    start.min = String(W_RANGE[0] + 0.1);
    start.max = String(W_RANGE[1] - 0.1);
    start.value = String(START);
    const run = () => this.#request(opt.value, Number(lr.value), Number(start.value), STEPS);
    byId('descentRun').addEventListener('click', run);
    for (const el of [lr, opt, start]) el.addEventListener('change', () => this.reset());
    this.#path = [Number(start.value)];
    // Drawn when its panel is first opened (it starts closed): a canvas's first drawing is
    // costly, and start-up need not pay it.
    const panel = this.#canvas.closest('details');
    if (!panel || panel.open) this.draw();
    else panel.addEventListener('toggle', () => this.draw(), { once: true });
  }

  reset(): void {
    clearInterval(this.#timer);
    this.#path = [Number(byId<HTMLInputElement>('descentStart').value)];
    this.#shown = 1;
    this.draw();
  }

  // Animates the path the worker computed, one step every 80 ms.
  play(path: number[]): void {
    clearInterval(this.#timer);
    this.#path = path;
    this.#shown = 1;
    this.#timer = window.setInterval(() => {
      this.#shown = Math.min(this.#path.length, this.#shown + 1);
      this.draw();
      if (this.#shown >= this.#path.length) clearInterval(this.#timer);
    }, 80);
  }

  get path(): number[] {
    return this.#path;
  }
  // True once the animation has shown every step.
  get done(): boolean {
    return this.#shown >= this.#path.length;
  }

  draw(): void {
    const c = this.#canvas;
    const g = c.getContext('2d')!;
    const [lo, hi] = W_RANGE;
    const [fMin, fMax] = LOSS_RANGE;
    const px = (w: number) => ((w - lo) / (hi - lo)) * c.width;
    // the curve inset by the ball's radius and a little: the ball is never cut at an edge
    const inset = BALL_RADIUS + 2;
    const py = (f: number) => c.height - inset - ((f - fMin) / (fMax - fMin)) * (c.height - 2 * inset);
    g.clearRect(0, 0, c.width, c.height);
    g.strokeStyle = '#0877bd';
    g.lineWidth = 2;
    g.beginPath();
    for (let x = 0; x <= c.width; x++) {
      const w = lo + (x / c.width) * (hi - lo);
      if (x === 0) g.moveTo(x, py(loss(w)));
      else g.lineTo(x, py(loss(w)));
    }
    g.stroke();
    const visible = this.#path.slice(0, this.#shown);
    g.fillStyle = 'rgba(245, 147, 34, 0.45)';
    for (const w of visible.slice(0, -1)) {
      if (w < lo || w > hi) continue;
      g.beginPath();
      g.arc(px(w), py(loss(w)), 3, 0, 2 * Math.PI);
      g.fill();
    }
    const w = visible[visible.length - 1];
    const status = byId('descentStatus');
    if (!Number.isFinite(w) || w < lo || w > hi) {
      status.textContent = `${t('descentStep')} ${visible.length - 1}: ${t('descentOut')}`;
      return;
    }
    g.fillStyle = '#f59322';
    g.beginPath();
    g.arc(px(w), py(loss(w)), BALL_RADIUS, 0, 2 * Math.PI);
    g.fill();
    const said = this.done && this.#path.length > 1 ? ` — ${t(`descent.${verdict(this.#path)}` as MessageKey)}` : '';
    status.textContent = `${t('descentStep')} ${visible.length - 1}: w = ${w.toFixed(3)}, loss = ${loss(w).toFixed(3)}${said}`;
  }
}
