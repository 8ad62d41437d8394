// fit({verbose}) as in tfjs and Keras: 1 prints "Epoch k/N" and, when the epoch ends, Keras'
// progress-bar line (progbar.ts, the nnplay CLI's); 2 prints one line per epoch, as Keras'
// verbose=2 does. To stdout in Node, to the console elsewhere. 0 (the default) prints nothing.
import type { Logs } from './engine.mjs';
import { kerasNumber, progbarLine } from './progbar.js';

export interface FitProgress {
  onEpochBegin(epoch: number): void;
  onEpochEnd(epoch: number, logs: Logs): void;
  // The rows fit() trains on (validationSplit's rows included), known once it has started.
  setSamples(samples: number): void;
}

function defaultWrite(line: string): void {
  const stdout = (globalThis as { process?: { stdout?: { write?: (s: string) => unknown } } }).process?.stdout;
  if (typeof stdout?.write === 'function') stdout.write(`${line}\n`);
  else console.log(line);
}

export function fitProgress(verbose: 1 | 2, options: { epochs?: number; batchSize?: number; validationSplit?: number }, write: (line: string) => void = defaultWrite): FitProgress {
  const epochs = options.epochs ?? 1;
  const batchSize = options.batchSize ?? 32;
  let steps = 0;
  let started = 0;
  return {
    setSamples(samples) {
      // the rows trained on: Keras' split of validationSplit (the last fraction validates)
      const rows = options.validationSplit ? Math.floor(samples * (1 - options.validationSplit)) : samples;
      steps = Math.ceil(rows / batchSize);
    },
    onEpochBegin(epoch) {
      write(`Epoch ${epoch + 1}/${epochs}`);
      started = performance.now();
    },
    onEpochEnd(_epoch, logs) {
      const seconds = (performance.now() - started) / 1000;
      if (verbose === 1) write(progbarLine(steps, seconds, logs));
      else write(`${steps}/${steps} - ${seconds.toFixed(0)}s${Object.entries(logs).map(([k, v]) => ` - ${k}: ${kerasNumber(v)}`).join('')}`);
    },
  };
}
