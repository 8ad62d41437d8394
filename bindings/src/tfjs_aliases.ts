// tfjs names Keras' 'accuracy' metric `acc` in its logs and history (`logs.acc`,
// `logs.val_acc`, `history.history.val_acc`) whether it was asked as 'acc' or 'accuracy';
// tf.keras 2.x, which nnplay follows, keeps the name asked for. So that code ported from
// tfjs does not read undefined, `acc` and `val_acc` are also there as read-only aliases of
// `accuracy` and `val_accuracy`, not enumerable: Object.keys, JSON and the CSV exports keep
// Keras' names. (Asked as 'acc', the keys are `acc` and `val_acc` themselves, as in both.)
import type { FitCallbacks, History } from './model_args.js';

const ALIASES: readonly [alias: string, of: string][] = [['acc', 'accuracy'], ['val_acc', 'val_accuracy']];

export function withAccAliases<T extends object>(record: T): T {
  const r = record as Record<string, unknown>;
  for (const [alias, of] of ALIASES) {
    if (of in r && !(alias in r)) Object.defineProperty(r, alias, { get: () => r[of], enumerable: false, configurable: true });
  }
  return record;
}

export function historyWithAccAliases<T extends Pick<History, 'history'>>(history: T): T {
  withAccAliases(history.history);
  return history;
}

// The user's callbacks, handed logs and history with the aliases.
export function callbacksWithAccAliases(cb: FitCallbacks): FitCallbacks {
  const out: FitCallbacks = {};
  if (cb.onTrainBegin) out.onTrainBegin = () => cb.onTrainBegin!.call(cb);
  if (cb.onEpochBegin) out.onEpochBegin = (epoch) => cb.onEpochBegin!.call(cb, epoch);
  if (cb.onEpochEnd) out.onEpochEnd = (epoch, logs) => cb.onEpochEnd!.call(cb, epoch, withAccAliases(logs));
  if (cb.onBatchEnd) out.onBatchEnd = (batch, logs) => cb.onBatchEnd!.call(cb, batch, withAccAliases(logs));
  if (cb.onTrainEnd) out.onTrainEnd = (history) => cb.onTrainEnd!.call(cb, historyWithAccAliases(history));
  return out;
}
