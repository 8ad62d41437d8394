// Step 8: test points added by a button or by clicking the plot; a table that grows row
// by row (X, Y, predicted class, raw output, the true label where the dataset has one)
// and the test loss and accuracy over those rows.
import { t } from '../i18n/index.js';
import type { TestResult } from '../protocol.js';

export class TestTable {
  points: [number, number][] = [];
  #body: HTMLElement;
  #summary: HTMLElement;
  #head: HTMLElement;

  constructor(table: HTMLTableElement, summary: HTMLElement, head: HTMLElement) {
    this.#body = table.tBodies[0];
    this.#summary = summary;
    this.#head = head;
  }

  add(x: number, y: number): void {
    this.points.push([x, y]);
  }

  clear(): void {
    this.points = [];
    this.#body.replaceChildren();
    this.#summary.textContent = '';
  }

  // outputActivation decides the class threshold: 0.5 for a sigmoid, 0 for tanh.
  render(result: TestResult, problem: 'classification' | 'regression', classes: number, outputActivation: string): void {
    this.#head.textContent = problem === 'regression' ? t('colValue') : t('colClass');
    const cell = (text: string) => {
      const td = document.createElement('td');
      td.textContent = text;  // never HTML
      return td;
    };
    this.#body.replaceChildren(...result.rows.map((r) => {
      const tr = document.createElement('tr');
      let predicted = '';
      if (problem === 'classification') {
        const threshold = outputActivation === 'sigmoid' ? 0.5 : 0;
        if (r.output.length === 1) predicted = r.output[0] >= threshold ? '1' : '-1';
        else predicted = String(r.output.indexOf(Math.max(...r.output)));
      }
      const truth = r.truth === null ? '—' : problem === 'classification' && classes === 2 ? String(r.truth) : r.truth.toFixed(2);
      tr.append(cell(r.x.toFixed(2)), cell(r.y.toFixed(2)), cell(predicted), cell(r.output.map((v) => v.toFixed(2)).join(' / ')), cell(truth));
      return tr;
    }));
    const parts: string[] = [];
    if (result.loss !== null) parts.push(`${t('testLoss')}: ${result.loss.toFixed(3)}`);
    if (result.acc !== null) parts.push(`${t('testAcc')}: ${result.acc.toFixed(3)}`);
    this.#summary.textContent = parts.join('  ');
  }
}
