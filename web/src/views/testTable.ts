// Step 8: test points added by a button, by clicking the plot, or drawn fresh by the
// dataset's generator; a table of every row (X, Y, predicted class, raw output, the true
// label where known, else "—" with why; it scrolls), a per-class summary, and the test loss
// and accuracy over the rows with a truth. The worker evaluates the rows again with every
// new model state (a few times a second while playing): the rows' cells are reused and only
// their texts change. This view only shows them.
import { type MessageKey, t } from '../i18n/index.js';
import type { TestResult } from '../protocol.js';
import { perClass, predictedClass } from './testClasses.js';

export class TestTable {
  points: [number, number][] = [];  // the clicked ones (the worker also holds the fresh ones)
  #body: HTMLTableSectionElement;
  #summary: HTMLElement;
  #head: HTMLElement;
  #note: HTMLElement;
  #classes: HTMLTableElement;

  constructor(table: HTMLTableElement, summary: HTMLElement, head: HTMLElement, note: HTMLElement, classes: HTMLTableElement) {
    this.#body = table.tBodies[0];
    this.#summary = summary;
    this.#head = head;
    this.#note = note;
    this.#classes = classes;
  }

  add(x: number, y: number): void {
    this.points.push([x, y]);
  }

  clear(): void {
    this.points = [];
    this.#body.replaceChildren();
    this.#summary.textContent = '';
    this.#note.textContent = '';
    this.#classes.hidden = true;
  }

  // A message instead of results (e.g. own data has no generator).
  say(text: string): void {
    this.#note.textContent = text;
  }

  // As many rows of 5 cells as there are test points, made once and then reused.
  #rows(n: number): HTMLTableRowElement[] {
    const body = this.#body;
    while (body.rows.length > n) body.lastElementChild!.remove();
    while (body.rows.length < n) {
      const tr = document.createElement('tr');
      for (let i = 0; i < 5; i++) tr.append(document.createElement('td'));
      body.append(tr);
    }
    return Array.from(body.rows);
  }

  // outputActivation decides the class threshold: 0.5 for a sigmoid, 0 for tanh.
  // lossFactor: the page's loss display scale (lossScale.ts) for the test loss.
  render(result: TestResult, problem: 'classification' | 'regression', classes: number, outputActivation: string, lossFactor = 1): void {
    this.#head.textContent = problem === 'regression' ? t('colValue') : t('colClass');
    const set = (td: HTMLTableCellElement, text: string, why = '') => {
      if (td.textContent !== text) td.textContent = text;  // never HTML
      if (why) {
        td.title = why;
        td.tabIndex = 0;  // the reason is reachable by keyboard too
        td.setAttribute('aria-label', `— ${why}`);
        td.className = 'no-truth';
      } else if (td.className) {
        td.removeAttribute('title');
        td.removeAttribute('tabindex');
        td.removeAttribute('aria-label');
        td.className = '';
      }
    };
    const noTruth = t(`noTruth.${result.dataset}` as MessageKey);
    const trs = this.#rows(result.rows.length);
    result.rows.forEach((r, i) => {
      const [cx, cy, cp, co, ct] = Array.from(trs[i].cells);
      set(cx, r.x.toFixed(2));
      set(cy, r.y.toFixed(2));
      set(cp, problem === 'classification' ? predictedClass(r.output, classes, outputActivation) : '');
      set(co, r.output.map((v) => v.toFixed(2)).join(' / '));
      if (r.truth === null) set(ct, '—', noTruth);
      else set(ct, problem === 'classification' ? String(r.truth) : r.truth.toFixed(2));
    });
    const parts: string[] = [];
    if (result.loss !== null) parts.push(`${t('testLoss')}: ${(result.loss * lossFactor).toFixed(4)}`);
    if (result.acc !== null) parts.push(`${t('testAcc')}: ${result.acc.toFixed(3)}`);
    if (result.rows.length) parts.push(t('testRows').replace('{n}', String(result.rows.length)));
    this.#summary.textContent = parts.join('  ');
    this.#renderClasses(result, problem, classes, outputActivation);
    const notes: string[] = [];
    if (result.note === 'datasetChanged') notes.push(t('testDatasetChanged'));
    if (result.fresh > 0) notes.push(t('testFreshNote').replace('{n}', String(result.fresh)));
    this.#note.textContent = notes.join(' ');
  }

  // One line per class: true points, of them right (and the share), predicted points.
  #renderClasses(result: TestResult, problem: string, classes: number, outputActivation: string) {
    const box = this.#classes;
    box.hidden = problem !== 'classification' || result.rows.length === 0;
    if (box.hidden) return;
    const lines = perClass(result.rows, classes, outputActivation);
    const head = [t('classCol'), t('classTruth'), t('classRight'), t('classPredicted')];
    const row = (cells: string[], tag: 'th' | 'td') => {
      const tr = document.createElement('tr');
      for (const c of cells) {
        const cell = document.createElement(tag);
        cell.textContent = c;
        tr.append(cell);
      }
      return tr;
    };
    box.tHead!.replaceChildren(row(head, 'th'));
    box.tBodies[0].replaceChildren(...lines.map((l) => row([
      l.label, String(l.truth), l.truth ? `${l.right} (${(l.right / l.truth).toFixed(3)})` : '—', String(l.predicted),
    ], 'td')));
  }
}
