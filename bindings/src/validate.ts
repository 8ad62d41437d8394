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

export function numberRule(o: { min?: number; max?: number; integer?: boolean; above?: number } = {}): Rule<number> {
  const whole = o.integer ? 'a whole number' : 'a number';
  const lo = o.above !== undefined ? `above ${o.above}` : o.min !== undefined ? `from ${o.min}` : '';
  const hi = o.max !== undefined ? `${lo ? ' ' : ''}${lo ? 'to' : 'up to'} ${o.max}` : '';
  const max = o.max ?? (o.integer ? Number.MAX_SAFE_INTEGER : FLOAT32_MAX);
  const min = o.min ?? (o.integer ? -Number.MAX_SAFE_INTEGER : -FLOAT32_MAX);
  return rule(`${whole}${lo || hi ? ' ' : ''}${lo}${hi}`, (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (o.above === undefined || v > o.above)
    && (!o.integer || Number.isInteger(v)));
}

export const booleanRule: Rule<boolean> = rule('true or false', (v) => typeof v === 'boolean');
export const functionRule: Rule<(...args: never[]) => unknown> = rule('a function', (v) => typeof v === 'function');
export const stringRule: Rule<string> = rule('a string', (v) => typeof v === 'string');

export function oneOf<T extends string>(values: readonly T[]): Rule<T> {
  return rule(`one of ${values.join(', ')}`, (v) => typeof v === 'string' && (values as readonly string[]).includes(v));
}

export function either<A, B>(a: Rule<A>, b: Rule<B>): Rule<A | B> {
  return rule(`${a.allowed}, or ${b.allowed}`, (v) => a.test(v) || b.test(v));
}

export function fail(message: string): never {
  throw new Error(message);
}

// Throws unless the value follows the rule: "<call>: <name> must be <allowed>, got <value>".
export function check<T>(call: string, name: string, value: unknown, r: Rule<T>): T {
  if (!r.test(value)) fail(`${call}: ${name} must be ${r.allowed}, got ${show(value)}`);
  return value;
}

// A dense array (no holes) of values that each follow the rule.
export function checkArray<T>(call: string, name: string, value: unknown, item: Rule<T>, o: { min?: number; max?: number } = {}): T[] {
  if (!Array.isArray(value)) fail(`${call}: ${name} must be an array of ${item.allowed}, got ${show(value)}`);
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
type Checked<S extends Spec> = { [K in keyof S]?: S[K] extends Rule<infer T> ? T : never };

// An options object: undefined -> {}; anything but a plain object, an unknown key, or a value
// that breaks its key's rule throws. A key given as undefined counts as absent (tfjs does so).
export function checkOptions<S extends Spec>(call: string, given: unknown, spec: S, what = 'options'): Checked<S> {
  if (given === undefined) return {};
  if (given === null || typeof given !== 'object' || Array.isArray(given) || ArrayBuffer.isView(given)) {
    fail(`${call}: ${what} must be an object such as {${Object.keys(spec).slice(0, 2).join(', ')}}, got ${show(given)}`);
  }
  const allowed = Object.keys(spec);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    const value = (given as Record<string, unknown>)[key];
    if (!Object.hasOwn(spec, key)) {
      const hint = didYouMean(key, allowed);
      fail(`${call}: unknown option '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}; allowed: ${allowed.join(', ')}`);
    }
    if (value === undefined) continue;
    out[key] = check(call, key, value, spec[key]);
  }
  return out as Checked<S>;
}
