// An epoch's Keras logs as the page's Metrics; accMetric: the compiled accuracy metric's
// name (the setup's first metric), if any.
import type { Metrics } from '../protocol.js';

export function metricsOf(logs: Record<string, number>, accMetric: string | undefined): Metrics {
  return {
    loss: logs.loss,
    valLoss: logs.val_loss ?? null,
    acc: accMetric ? logs[accMetric] : null,
    valAcc: accMetric && `val_${accMetric}` in logs ? logs[`val_${accMetric}`] : null,
  };
}
