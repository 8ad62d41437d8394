// The form controls of steps 2-6: built from the schema's allowed values, bound to the
// store, and redrawn from the state. Every control is a native, labelled element, so it
// has an accessible name and works by keyboard.
import { activationLabel, findOptimizer, HIDDEN_ACTIVATIONS, LOSS_SHORT_NAMES, OPTIMIZERS } from '../../../bindings/src/registry.js';
import { type Field, LEARNING_RATES, OPTIMIZER_STATE_KEYS, parseValue, type PlaygroundState, REGULARIZATION_RATES, SCHEMA } from '../../../bindings/src/state.js';
import type { Message } from '../../../bindings/src/messages.js';
import { byId } from '../dom.js';
import { type MessageKey, t } from '../i18n/index.js';
import { word } from '../wording.js';
import type { Store } from '../state/store.js';

// The optimizer's hyper-parameters the state holds, with the registry's tf.keras 2.x
// defaults as placeholders (as Python writes them: 0.0); empty inputs keep them.
function hyperFields(optimizer: string): [keyof PlaygroundState, string][] {
  const options = findOptimizer(optimizer)?.options ?? [];
  return options
    .filter((o) => OPTIMIZER_STATE_KEYS.includes(o.camel))
    .map((o) => [o.camel as keyof PlaygroundState, Number.isInteger(o.default) ? (o.default as number).toFixed(1) : String(o.default)]);
}
export const SPEEDS = [1, 5, 20, 0];

function field(key: string): Field {
  return SCHEMA.find((f) => f.key === key)!;
}

function fill(select: HTMLSelectElement, options: [string, string][]) {
  select.replaceChildren(...options.map(([value, label]) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  }));
}

function numberOrNull(input: HTMLInputElement): number | null {
  if (input.value.trim() === '') return null;
  const v = Number(input.value);
  return Number.isFinite(v) ? v : null;
}

export class Controls {
  #store: Store;

  constructor(store: Store) {
    this.#store = store;
    this.build();
    this.bind();
  }

  // Option lists (their texts follow the language).
  build(): void {
    fill(byId('activation'), HIDDEN_ACTIVATIONS.map((a) => [a, activationLabel(a)]));
    fill(byId('regularization'), field('regularization').values!.map((r) => [r, r === 'none' ? t('none') : r]));
    fill(byId('regularizationRate'), REGULARIZATION_RATES.map((r) => [String(r), String(r)]));
    fill(byId('loss'), LOSS_SHORT_NAMES.map((l) => [l, t(`loss.${l}` as MessageKey)]));
    fill(byId('optimizer'), OPTIMIZERS.map((o) => [o.key, o.className]));
    fill(byId('problem'), field('problem').values!.map((p) => [p, t(p as MessageKey)]));
    fill(byId('speed'), SPEEDS.map((s) => [String(s), t(`speed.${s}` as MessageKey)]));
    byId<HTMLInputElement>('maxEpochs').placeholder = t('unlimited');
    byId<HTMLInputElement>('patience').placeholder = t('off');
    for (const key of ['maxEpochs', 'patience', 'percTrainData']) {  // the schema's ranges (the sliders' own are narrower)
      const input = byId<HTMLInputElement>(key);
      input.min = String(field(key).min);
      input.max = String(field(key).max);
    }
  }

  bind(): void {
    const s = this.#store;
    const on = (id: string, event: string, f: (el: HTMLInputElement & HTMLSelectElement) => void) => {
      const el = byId<HTMLInputElement & HTMLSelectElement>(id);
      el.addEventListener(event, () => f(el));
    };
    on('activation', 'change', (el) => s.update({ activation: el.value as PlaygroundState['activation'] }));
    on('regularization', 'change', (el) => s.update({ regularization: el.value as PlaygroundState['regularization'] }));
    on('regularizationRate', 'change', (el) => s.update({ regularizationRate: Number(el.value) }));
    on('loss', 'change', (el) => s.update({ loss: el.value as PlaygroundState['loss'] }));
    on('learningRate', 'change', (el) => s.update({ learningRate: Number(el.value) }));
    on('optimizer', 'change', (el) => s.update({ optimizer: el.value, ...Object.fromEntries(OPTIMIZER_STATE_KEYS.map((k) => [k, null])) }));
    on('batchSize', 'input', (el) => s.update({ batchSize: Number(el.value) }));
    on('batchFull', 'change', (el) => s.update({ batchFull: el.checked }));
    on('problem', 'change', (el) => s.update({ problem: el.value as PlaygroundState['problem'] }));
    on('percTrainData', 'input', (el) => s.update({ percTrainData: Number(el.value) }));
    on('noise', 'input', (el) => s.update({ noise: Number(el.value) }));
    // empty, or not what the URL allows: no maximum / no early stopping
    on('maxEpochs', 'change', (el) => s.update({ maxEpochs: (parseValue(field('maxEpochs'), el.value.trim()) as number | undefined) ?? null }));
    on('patience', 'change', (el) => s.update({ patience: (parseValue(field('patience'), el.value.trim()) as number | undefined) ?? null }));
    for (const key of ['showTrainData', 'showValidationData', 'showTestData', 'discretize'] as const) {
      on(key, 'change', (el) => s.update({ [key]: el.checked }));
    }
    on('palette', 'change', (el) => s.update({ palette: el.checked ? 'cb' : 'default' }));
  }

  // Redraws every control from the state.
  render(state: PlaygroundState): void {
    const set = (id: string, value: string) => {
      const el = byId<HTMLInputElement & HTMLSelectElement>(id);
      if (el.value !== value) el.value = value;
    };
    set('activation', state.activation);
    set('regularization', state.regularization);
    set('regularizationRate', String(state.regularizationRate));
    set('loss', state.loss);
    const lr = byId<HTMLSelectElement>('learningRate');
    const rates: number[] = [...LEARNING_RATES];
    if (!rates.includes(state.learningRate)) rates.push(state.learningRate);  // a URL's own rate stays selectable
    rates.sort((a, b) => a - b);
    if (lr.options.length !== rates.length) fill(lr, rates.map((r) => [String(r), String(r)]));
    set('learningRate', String(state.learningRate));
    set('optimizer', state.optimizer);
    this.renderHyper(state);
    set('batchSize', String(Math.min(30, state.batchSize)));
    byId('batchSizeValue').textContent = String(state.batchSize);
    byId<HTMLInputElement>('batchSize').disabled = state.batchFull;
    byId<HTMLInputElement>('batchFull').checked = state.batchFull;
    set('problem', state.problem);
    set('percTrainData', String(state.percTrainData));
    byId('percTrainDataValue').textContent = String(state.percTrainData);
    set('noise', String(Math.min(50, state.noise)));
    byId('noiseValue').textContent = String(state.noise);
    set('maxEpochs', state.maxEpochs === null ? '' : String(state.maxEpochs));
    set('patience', state.patience === null ? '' : String(state.patience));
    for (const key of ['showTrainData', 'showValidationData', 'showTestData', 'discretize'] as const) {
      byId<HTMLInputElement>(key).checked = state[key];
    }
    byId<HTMLInputElement>('palette').checked = state.palette === 'cb';
    document.querySelector<HTMLElement>('.ui-activspacer')!.hidden = !state.activspacer;
  }

  renderHyper(state: PlaygroundState): void {
    const box = byId('hyper');
    const fields = hyperFields(state.optimizer);
    const key = state.optimizer + fields.map(([k]) => k).join();
    if (box.dataset.for !== key) {
      box.dataset.for = key;
      const error = document.createElement('p');
      error.id = 'hyperError';
      error.className = 'errors';
      error.setAttribute('role', 'alert');
      box.replaceChildren(error, ...fields.map(([name, placeholder]) => {
        const option = findOptimizer(state.optimizer)?.options.find((o) => o.camel === name);
        const min = option?.min ?? -Infinity, max = option?.max ?? Infinity;
        const label = document.createElement('label');
        const span = document.createElement('span');
        span.dataset.i18n = name;
        span.textContent = t(name as MessageKey);
        const input = document.createElement('input');
        input.type = 'number';
        input.step = 'any';
        if (Number.isFinite(min)) input.min = String(min);
        if (Number.isFinite(max)) input.max = String(max);
        input.id = `hyper-${name}`;
        input.placeholder = placeholder;
        input.addEventListener('change', () => {
          const v = numberOrNull(input);
          const empty = input.value.trim() === '';
          const ok = empty || (v !== null && v >= min && (option?.maxOpen ? v < max : v <= max));
          // a value outside the range is refused with a message, never silently dropped
          const current = this.#store.state[name] as number | null;
          if (!ok) {
            const range = `${min} ≤ ${name} ${option?.maxOpen ? '<' : '≤'} ${max}`;
            error.textContent = t('hyperInvalid').replace('{name}', name).replace('{value}', input.value).replace('{range}', range);
            input.value = current === null ? '' : String(current);
            return;
          }
          error.textContent = '';
          this.#store.update({ [name]: empty ? null : v } as Partial<PlaygroundState>);
        });
        label.append(span, input);
        return label;
      }));
    }
    for (const [name] of fields) {
      const input = byId<HTMLInputElement>(`hyper-${name}`);
      const v = state[name] as number | null;
      const text = v === null ? '' : String(v);
      if (input.value !== text && document.activeElement !== input) input.value = text;
    }
  }

  // The output layer's activation follows the problem and the loss; it is shown, not chosen.
  renderOutput(outputActivation: string, notes: Message[]): void {
    fill(byId('outputActivation'), [[outputActivation, activationLabel(outputActivation)]]);
    byId('loss-note').textContent = notes.map(word).join(' ');
  }
}

// Parts hidden by hideText and <part>_hide (for articles that embed the page).
export function applyHides(state: PlaygroundState): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-hidden-by]')) {
    el.style.display = '';
    delete el.dataset.hiddenBy;
  }
  const hide = (selector: string, why: string) => {
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      el.style.display = 'none';
      el.dataset.hiddenBy = why;
    }
  };
  if (state.hideText) hide('.ui-hideText, .ui-description', 'hideText');
  for (const part of state.hide) hide(`.ui-${part}`, part);
}
