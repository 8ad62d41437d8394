// The counters above the plot: the epoch (zero-padded with thousands commas, as the
// playground's 000,000), epochs per second while playing (else the batches done of the
// epoch in progress), and the metrics (the last epoch's, or evaluated at the current
// weights), with a line saying which of the two they are (a hover says more) and losses
// on the display scale (lossScale.ts).
import { byId } from '../dom.js';
import { t } from '../i18n/index.js';
import { type LossScale, readoutKeys, shownLoss } from '../lossScale.js';
import type { Snapshot } from '../protocol.js';

export function formatEpoch(epoch: number): string {
  return String(epoch).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatMetric(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

// Written only when it changes (this runs every frame while playing).
function setText(id: string, text: string) {
  const el = byId(id);
  if (el.textContent !== text) el.textContent = text;
}

export function renderStats(s: Snapshot, scale: LossScale, loss: string): void {
  setText('epoch', formatEpoch(s.epoch));
  // while playing, the speed; after single batches, how far the epoch in progress is
  setText('eps', s.playing ? `${s.epochsPerSecond} ${t('epochsPerSecond')}`
    : s.batch > 0 ? `${t('batchProgress')} ${s.batch}/${s.batches}` : '');
  setText('trainLoss', formatMetric(shownLoss(s.metrics?.loss, scale, loss)));
  setText('validLoss', formatMetric(shownLoss(s.metrics?.valLoss, scale, loss)));
  setText('trainAcc', formatMetric(s.metrics?.acc));
  setText('validAcc', formatMetric(s.metrics?.valAcc));
  const keys = readoutKeys(s.metricsKind);
  setText('readoutKind', s.metrics ? t(keys.label).replace('{epoch}', String(s.epoch)) : '');
  const hover = t(keys.hover);
  for (const id of ['readoutKind', 'metrics', 'stats']) {
    const el = byId(id);
    if (el.title !== hover) el.title = hover;
  }
}
