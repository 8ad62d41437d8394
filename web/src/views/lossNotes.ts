// The one-line note beside every loss on the page (read-outs, charts, side by side, the
// landscape, the test summary: every element of class loss-scale-note), and the lossScale
// check box: which scale the numbers are on and how the two relate (lossScale.ts).
import { t } from '../i18n/index.js';
import { type LossScale, scaleNoteKey } from '../lossScale.js';

export function renderLossNotes(scale: LossScale, loss: string): void {
  const text = t(scaleNoteKey(scale, loss));
  const hover = t('lossScaleHover');  // how the two scales relate, at length
  for (const el of document.querySelectorAll<HTMLElement>('.loss-scale-note')) {
    if (el.textContent !== text) el.textContent = text;
    el.title = hover;
    el.dataset.scale = scale;
  }
  const box = document.getElementById('lossScale') as HTMLInputElement | null;
  if (box) {
    box.checked = scale === 'half';
    box.parentElement!.title = hover;
  }
}
