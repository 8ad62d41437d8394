// The nnplay command's setting flags, generated from the URL-state schema (state.ts): each
// URL key is a flag named after it in kebab case (--learning-rate,
// --max-epochs, --network-shape, --x-squared), takes what the URL takes, means what the
// page means, and its help is the schema's help and allowed values. A few shorthands say
// the same as a key in the command line's way (--dataset for either problem's dataset,
// --features, --layers, --epochs, --early-stopping, --batch-size all, --init, --train-ratio).
import { LOSSES, type LossName } from './registry.js';
import { CLASSIFY_DATASETS, describeAllowed, FEATURE_KEYS, type Field, parseHash, parseValue, type PlaygroundState, REGRESS_DATASETS, SCHEMA } from './state.js';

export class UsageError extends Error {}

export interface FlagSpec {
  type: 'string' | 'boolean';
  help: string;
  short?: string;
}

export function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

// Every key of the URL, so that `nnplay state` can write any link (view-only keys change no run).
const SETTINGS: readonly Field[] = SCHEMA;
const ALL_DATASETS = [...CLASSIFY_DATASETS, ...REGRESS_DATASETS];

function field(key: string): Field {
  return SCHEMA.find((f) => f.key === key)!;
}

function sameAs(key: string): string {
  return `same as --${flagName(key)}: ${describeAllowed(field(key))}`;
}

// Shorthands: the flag, the schema key it sets (its help names it), and how.
const SHORTHANDS: Record<string, { sets: string; help: string; apply(s: PlaygroundState, text: string): void }> = {
  dataset: {
    sets: 'dataset',
    help: `${ALL_DATASETS.join(' | ')}: the dataset, and with it the problem (reg-* are regression: problem and regDataset)`,
    apply(s, text) {
      if ((REGRESS_DATASETS as readonly string[]).includes(text)) {
        s.problem = 'regression';
        s.regDataset = text as PlaygroundState['regDataset'];
      } else if ((CLASSIFY_DATASETS as readonly string[]).includes(text)) {
        s.problem = 'classification';
        s.dataset = text as PlaygroundState['dataset'];
      } else throw new UsageError(`--dataset ${JSON.stringify(text)} is not allowed: one of ${ALL_DATASETS.join(', ')}`);
    },
  },
  features: {
    sets: 'x, y, …',
    help: `comma-separated inputs, the others off: ${FEATURE_KEYS.join(', ')}`,
    apply(s, text) {
      const list = text.split(',').map((x) => x.trim()).filter(Boolean);
      const unknown = list.find((f) => !(FEATURE_KEYS as readonly string[]).includes(f));
      if (unknown !== undefined) throw new UsageError(`--features: unknown feature ${JSON.stringify(unknown)}; allowed: ${FEATURE_KEYS.join(', ')}`);
      if (list.length === 0) throw new UsageError('--features: at least one feature is needed');
      for (const f of FEATURE_KEYS) s[f] = list.includes(f);
    },
  },
  layers: { sets: 'networkShape', help: sameAs('networkShape'), apply: (s, text) => setKey(s, 'networkShape', 'layers', text.replace(/\s/g, ''), text) },
  epochs: { sets: 'maxEpochs', help: sameAs('maxEpochs'), apply: (s, text) => setKey(s, 'maxEpochs', 'epochs', text) },
  'early-stopping': { sets: 'patience', help: sameAs('patience'), apply: (s, text) => setKey(s, 'patience', 'early-stopping', text) },
  init: {
    sets: 'initOrigin',
    help: "glorot (Keras' glorot_uniform, zero bias) | playground (U[-0.5, 0.5), bias 0.1): --init-origin false | true",
    apply(s, text) {
      if (!['glorot', 'playground'].includes(text)) throw new UsageError(`--init ${JSON.stringify(text)} is not allowed: glorot or playground`);
      s.initOrigin = text === 'playground';
    },
  },
  'train-ratio': {
    sets: 'percTrainData',
    help: 'the fraction of the data used for training: --perc-train-data / 100',
    apply(s, text) {
      const v = Number(text);
      const f = field('percTrainData');
      if (text.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--train-ratio ${JSON.stringify(text)} is not allowed: a number from ${f.min! / 100} to ${f.max! / 100}`);
      const percent = Math.round(v * 1e6) / 1e4;
      if (parseValue(f, String(percent)) === undefined) {
        throw new UsageError(`--train-ratio ${JSON.stringify(text)} is not allowed: a number from ${f.min! / 100} to ${f.max! / 100} in steps of 0.01`);
      }
      s.percTrainData = percent;
    },
  },
};


// state[key] from a flag's text through the schema, or a UsageError naming the flag.
function setKey(state: PlaygroundState, key: string, flag: string, text: string, shown = text) {
  const f = field(key);
  const v = parseValue(f, text);
  if (v === undefined) throw new UsageError(`--${flag} ${JSON.stringify(shown)} is not allowed: ${describeAllowed(f)}`);
  (state as unknown as Record<string, unknown>)[key] = v;
}

function settingHelp(f: Field): string {
  const shorthand = Object.entries(SHORTHANDS).find(([, s]) => s.sets === f.key);
  const more = f.key === 'batchSize' ? ", or 'all' (--batch-full true)"
    : f.key === 'loss' ? " (or Keras' and tfjs' names: mean_squared_error, meanSquaredError, …)"
      : f.key === 'lang' ? "; code, notebook: the comments' language (default: the state's)" : '';
  return `${f.help}: ${describeAllowed(f)}${more}${shorthand ? ` (or --${shorthand[0]})` : ''}`;
}

// Every setting flag, in the schema's order, then the shorthands (a shorthand named like a
// setting, --dataset, replaces it: it takes the setting's values and more).
export const SETTING_FLAGS: Record<string, FlagSpec> = Object.fromEntries([
  ...SETTINGS.filter((f) => !(flagName(f.key) in SHORTHANDS)).map((f) => [flagName(f.key), { type: 'string', help: settingHelp(f) }]),
  ...Object.entries(SHORTHANDS).map(([name, s]) => [name, { type: 'string', help: s.help }]),
]);

// The state for --state and the setting flags: the URL state first, then each flag as the page would set it.
export function stateFromFlags(values: Record<string, string | boolean | undefined>): PlaygroundState {
  const base = parseHash(values.state !== undefined ? String(values.state) : '', '1');
  const problems = [...base.notices, ...base.authorNotices];
  if (values.state !== undefined && problems.length) throw new UsageError(`--state: ${problems[0]}`);
  const s = base.state;
  for (const f of SETTINGS) {
    const name = flagName(f.key);
    const text = values[name];
    if (typeof text !== 'string' || name in SHORTHANDS) continue;
    if (f.key === 'batchSize' && text === 'all') s.batchFull = true;
    else if (f.key === 'loss') setKey(s, f.key, name, LOSSES.find((l) => [l.name, l.short, l.camel].includes(text as LossName))?.short ?? text, text);
    else if (f.type === 'enum') setKey(s, f.key, name, f.values!.find((v) => v.toLowerCase() === text.toLowerCase()) ?? text, text);  // 'Adam', 'l2'
    else {
      setKey(s, f.key, name, text);
      if (f.key === 'batchSize') s.batchFull = false;
    }
  }
  for (const [name, shorthand] of Object.entries(SHORTHANDS)) {
    const text = values[name];
    if (typeof text === 'string') shorthand.apply(s, text);
  }
  return s;
}
