// Step 8: test points added by a button, by clicking the plot, or drawn fresh by the
// dataset's generator; a table (X, Y, predicted class, raw output, the true label where
// known, else "—" with why) and the test loss and accuracy over the rows with a truth.
// The worker evaluates the rows again with every new model state; this view only shows them.
import { type MessageKey, t } from '../i18n/index.js';
import type { TestResult } from '../protocol.js';

const ROWS_SHOWN = 50;  // the table's length; every point is still drawn and counted

export class TestTable {
  points: [number, number][] = [];  // the clicked ones (the worker also holds the fresh ones)
  #body: HTMLElement;
  #summary: HTMLElement;
  #head: HTMLElement;
  #note: HTMLElement;

  constructor(table: HTMLTableElement, summary: HTMLElement, head: HTMLElement, note: HTMLElement) {
    this.#body = table.tBodies[0];
    this.#summary = summary;
    this.#head = head;
    this.#note = note;
  }

  add(x: number, y: number): void {
    this.points.push([x, y]);
  }

  clear(): void {
    this.points = [];
    this.#body.replaceChildren();
    this.#summary.textContent = '';
    this.#note.textContent = '';
  }

  // A message instead of results (e.g. own data has no generator).
  say(text: string): void {
    this.#note.textContent = text;
  }

  // outputActivation decides the class threshold: 0.5 for a sigmoid, 0 for tanh.
  // lossFactor: the page's loss display scale (lossScale.ts) for the test loss.
  render(result: TestResult, problem: 'classification' | 'regression', classes: number, outputActivation: string, lossFactor = 1): void {
    this.#head.textContent = problem === 'regression' ? t('colValue') : t('colClass');
    const cell = (text: string, title = '') => {
      const td = document.createElement('td');
      td.textContent = text;  // never HTML
      if (title) {
        td.title = title;
        td.tabIndex = 0;  // the reason is reachable by keyboard too
        td.setAttribute('aria-label', `— ${title}`);
        td.className = 'no-truth';
      }
      return td;
    };
    const noTruth = t(`noTruth.${result.dataset}` as MessageKey);
    this.#body.replaceChildren(...result.rows.slice(0, ROWS_SHOWN).map((r) => {
      const tr = document.createElement('tr');
      let predicted = '';
      if (problem === 'classification') {
        const threshold = outputActivation === 'sigmoid' ? 0.5 : 0;
        if (r.output.length === 1) predicted = r.output[0] >= threshold ? '1' : '-1';
        else if (classes === 2) predicted = r.output[1] >= r.output[0] ? '1' : '-1';  // softmax over (−1, +1)
        else predicted = String(r.output.indexOf(Math.max(...r.output)));
      }
      const truth = r.truth === null ? cell('—', noTruth)
        : cell(problem === 'classification' ? String(r.truth) : r.truth.toFixed(2));
      tr.append(cell(r.x.toFixed(2)), cell(r.y.toFixed(2)), cell(predicted), cell(r.output.map((v) => v.toFixed(2)).join(' / ')), truth);
      return tr;
    }));
    const parts: string[] = [];
    if (result.loss !== null) parts.push(`${t('testLoss')}: ${(result.loss * lossFactor).toFixed(4)}`);
    if (result.acc !== null) parts.push(`${t('testAcc')}: ${result.acc.toFixed(3)}`);
    this.#summary.textContent = parts.join('  ');
    const notes: string[] = [];
    if (result.note === 'datasetChanged') notes.push(t('testDatasetChanged'));
    if (result.fresh > 0) notes.push(t('testFreshNote').replace('{n}', String(result.fresh)));
    if (result.rows.length > ROWS_SHOWN) notes.push(t('testRowsShown').replace('{shown}', String(ROWS_SHOWN)).replace('{n}', String(result.rows.length)));
    this.#note.textContent = notes.join(' ');
  }
}
