// Argument checks for the public API: one helper, so that every entry point refuses what
// it would otherwise misread (an unknown key, a truthy string, a hole in an array, NaN, a
// number float32 cannot hold) with a message that names the call, the argument, the value
// and what is allowed. The engine checks again; this layer gives JavaScript's words.

// The largest finite float32: the engine computes in float32, so a larger "finite" double
// would become Infinity inside it.
export const FLOAT32_MAX = 3.4028234663852886e38;

// A rule: a test, and what it allows in words ("a whole number from 1 to 10").
export interface Rule<T = unknown> {
  readonly allowed: string;
  test(value: unknown): value is T;
  // A rule for a container (an array, a nested options object) checks its items itself, so
  // that the message names the item: "fit: earlyStopping.patience must be ...".
  check?(call: string, name: string, value: unknown): T;
}

function rule<T>(allowed: string, test: (v: unknown) => boolean): Rule<T> {
  return { allowed, test: test as (v: unknown) => v is T };
}

// A value as the message shows it: short, printable, never interpreted.
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value == null) text = String(value);
  else if (typeof value === 'function') text = 'a function';
  else if (Array.isArray(value)) text = `an array of ${value.length}`;
  else if (ArrayBuffer.isView(value)) text = `a ${value.constructor.name}`;
  else if (typeof value === 'symbol') text = 'a symbol';
  else text = 'an object';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// A finite number (within float32's range unless whole) in a range: min / max inclusive,
// above / below exclusive.
export function numberRule(o: { min?: number; max?: number; integer?: boolean; above?: number; below?: number } = {}): Rule<number> {
  const whole = o.integer ? 'a whole number' : 'a finite number';
  const lo = o.above ?? o.min;
  const hi = o.below ?? o.max;
  const open = o.above !== undefined || o.below !== undefined;
  const range = lo !== undefined && hi !== undefined
    ? (open ? ` in ${o.above !== undefined ? '(' : '['}${lo}, ${hi}${o.below !== undefined ? ')' : ']'}` : ` from ${lo} to ${hi}`)
    : lo !== undefined ? ` ${o.above !== undefined ? '>' : '>='} ${lo}`
      : hi !== undefined ? ` ${o.below !== undefined ? '<' : '<='} ${hi}` : '';
  const max = o.max ?? (o.integer ? Number.MAX_SAFE_INTEGER : FLOAT32_MAX);
  const min = o.min ?? (o.integer ? -Number.MAX_SAFE_INTEGER : -FLOAT32_MAX);
  return rule(`${whole}${range}`, (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (o.above === undefined || v > o.above)
    && (o.below === undefined || v < o.below) && (!o.integer || Number.isInteger(v)));
}

// The largest count the engine takes (rows, units, epochs, ...): what it converts safely.
export const MAX_COUNT = 1e9;
export function countRule(min = 0, max = MAX_COUNT): Rule<number> {
  return numberRule({ integer: true, min, max });
}

// A seed as the engine takes it: a whole number in [0, 2^32); and a random one.
export const SEED_RULE = numberRule({ integer: true, min: 0, max: 2 ** 32 - 1 });
export function randomSeedNumber(): number {
  return Math.floor(Math.random() * 2 ** 32);
}

export const booleanRule: Rule<boolean> = rule('true or false', (v) => typeof v === 'boolean');
export const functionRule: Rule<(...args: never[]) => unknown> = rule('a function', (v) => typeof v === 'function');
export const stringRule: Rule<string> = rule('a string', (v) => typeof v === 'string');

export function oneOf<T extends string>(values: readonly T[]): Rule<T> {
  return rule(`one of ${values.join(', ')}`, (v) => typeof v === 'string' && (values as readonly string[]).includes(v));
}

export function either<A, B>(a: Rule<A>, b: Rule<B>): Rule<A | B> {
  return {
    allowed: `${a.allowed}, or ${b.allowed}`,
    test: (v: unknown): v is A | B => a.test(v) || b.test(v),
    // the detailed message of the alternative the value looks like
    check: (call, name, v) => {
      if (a.test(v) || b.test(v)) return v;
      const near = [a, b].find((r) => r.check && (Array.isArray(v) ? r.allowed.includes('array') : isPlainObject(v) && r.allowed.includes('object')));
      if (near?.check) near.check(call, name, v);
      return fail(`${call}: ${name} must be ${a.allowed}, or ${b.allowed}, got ${show(v)}`);
    },
  };
}

// null, or what the rule allows (tfjs' `kernelRegularizer: null`, Keras' `baseline=None`).
export function nullable<T>(r: Rule<T>): Rule<T | null> {
  return {
    allowed: `${r.allowed}, or null`,
    test: (v: unknown): v is T | null => v === null || r.test(v),
    check: (call, name, v) => (v === null ? null : check(call, name, v, r)),
  };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

// A dense array of items that follow `item` (see checkArray).
export function arrayOf<T>(item: Rule<T>, o: { min?: number; max?: number; length?: number } = {}): Rule<T[]> {
  const size = o.length !== undefined ? `${o.length} ` : '';
  const r: Rule<T[]> = {
    allowed: `an array of ${size}${item.allowed.replace(/^an? /, '')}`,
    test: (v: unknown): v is T[] => {
      try {
        r.check!('', '', v);
        return true;
      } catch {
        return false;
      }
    },
    check: (call, name, v) => checkArray(call, name, v, item, o.length !== undefined ? { min: o.length, max: o.length } : o),
  };
  return r;
}

// A nested options object, checked key by key like checkOptions.
export function objectOf<S extends Spec>(spec: S, example: string): Rule<Checked<S>> {
  const r: Rule<Checked<S>> = {
    allowed: `an object such as ${example}`,
    test: (v: unknown): v is Checked<S> => {
      try {
        r.check!('', '', v);
        return true;
      } catch {
        return false;
      }
    },
    check: (call, name, v) => {
      if (!isPlainObject(v)) fail(`${call}: ${name} must be an object such as ${example}, got ${show(v)}`);
      return checkOptions(call, v, spec, name);
    },
  };
  return r;
}

export function fail(message: string): never {
  throw new Error(message);
}

// Throws unless the value follows the rule: "<call>: <name> must be <allowed>, got <value>".
export function check<T>(call: string, name: string, value: unknown, r: Rule<T>): T {
  if (r.check) return r.check(call, name, value);
  if (!r.test(value)) fail(`${call}: ${name} must be ${r.allowed}, got ${show(value)}`);
  return value;
}

// A dense array (no holes) of values that each follow the rule.
export function checkArray<T>(call: string, name: string, value: unknown, item: Rule<T>, o: { min?: number; max?: number } = {}): T[] {
  if (!Array.isArray(value)) fail(`${call}: ${name} must be an array of ${item.allowed.replace(/^an? /, '')}, got ${show(value)}`);
  if (o.min !== undefined && value.length < o.min) fail(`${call}: ${name} needs at least ${o.min} item(s), got ${value.length}`);
  if (o.max !== undefined && value.length > o.max) fail(`${call}: ${name} takes at most ${o.max} item(s), got ${value.length}`);
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) fail(`${call}: ${name}[${i}] is a hole in the array; every item must be ${item.allowed}`);
    check(call, `${name}[${i}]`, value[i], item);
  }
  return value as T[];
}

function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return row[b.length];
}

// The allowed key a mistyped one most likely meant: Keras' snake_case spelling of a camelCase
// key (batch_size -> batchSize), a different case, or a near miss (epoch -> epochs).
export function didYouMean(key: string, allowed: readonly string[]): string | undefined {
  const camel = camelCase(key);
  const exact = allowed.find((k) => k === camel || k.toLowerCase() === key.toLowerCase());
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of allowed) {
    const d = distance(camel.toLowerCase(), k.toLowerCase());
    if (d < bestDistance && d < Math.max(2, k.length / 3)) [best, bestDistance] = [k, d];
  }
  return best;
}

export type Spec = Readonly<Record<string, Rule>>;
export type Checked<S extends Spec> = { [K in keyof S]?: S[K] extends Rule<infer T> ? T : never };

// An options object: undefined -> {}; anything but a plain object, an unknown key, or a value
// that breaks its key's rule throws. A key given as undefined counts as absent (tfjs does so).
// `what`: 'options' or 'arguments' for a call's own object, else the nested object's name.
export function checkOptions<S extends Spec>(call: string, given: unknown, spec: S, what = 'options'): Checked<S> {
  if (given === undefined) return {};
  if (!isPlainObject(given)) {
    fail(`${call}: ${what} must be an object such as {${Object.keys(spec).slice(0, 2).join(', ')}}, got ${show(given)}`);
  }
  const top = what === 'options' || what === 'arguments';  // else a nested object's name
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    const value = (given as Record<string, unknown>)[key];
    if (!Object.hasOwn(spec, key)) {
      const allowed = Object.keys(spec);
      const hint = didYouMean(key, allowed);
      const where = top ? what.replace(/s$/, '') : `key in ${what}`;
      fail(`${call}: unknown ${where} '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}; allowed: ${allowed.join(', ')}`);
    }
    if (value === undefined) continue;
    out[key] = check(call, top ? key : `${what}.${key}`, value, spec[key]);
  }
  return out as Checked<S>;
}

// Runs an engine call so that its errors name the public call: the engine's own prefix
// ("dataset: samples = 1 gives no points") becomes "datasets.generate: dataset: ...".
export function named<T>(call: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && !e.message.startsWith(`${call}:`)) e.message = `${call}: ${e.message}`;
    throw e;
  }
}
