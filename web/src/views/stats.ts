// The counters above the plot: the epoch (zero-padded with thousands commas, as the
// playground's 000,000), epochs per second while playing (else the batches done of the
// epoch in progress), and the metrics (the last epoch's, or evaluated at epoch 0).
import { byId } from '../dom.js';
import { t } from '../i18n/index.js';
import type { Snapshot } from '../protocol.js';

export function formatEpoch(epoch: number): string {
  return String(epoch).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatMetric(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

export function renderStats(s: Snapshot): void {
  byId('epoch').textContent = formatEpoch(s.epoch);
  // while playing, the speed; after single batches, how far the epoch in progress is
  byId('eps').textContent = s.playing ? `${s.epochsPerSecond} ${t('epochsPerSecond')}`
    : s.batch > 0 ? `${t('batchProgress')} ${s.batch}/${s.batches}` : '';
  byId('trainLoss').textContent = formatMetric(s.metrics?.loss);
  byId('validLoss').textContent = formatMetric(s.metrics?.valLoss);
  byId('trainAcc').textContent = formatMetric(s.metrics?.acc);
  byId('validAcc').textContent = formatMetric(s.metrics?.valAcc);
}
