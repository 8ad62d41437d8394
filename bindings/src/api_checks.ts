// Argument checks of the module's functions outside the model: the playground state (as
// state.serialize, codegen.keras and playground.* take it), own data, a setup, and the
// exports' inputs. Each refuses what it would misread, naming the call and the argument.
import type { Matrix2D, WeightArray } from './engine.mjs';
import type { CustomData } from './playground.js';
import { type Field, HIDABLE_PARTS, type PlaygroundState, formatValue, parseValue, SCHEMA } from './state.js';
import type { TrainingSetup } from './playgroundEngine.js';
import { checkArray, didYouMean, fail, isPlainObject, oneOf, show } from './validate.js';

const KEYS = [...SCHEMA.map((f) => f.key), 'hide'];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// The field's value as the schema allows it: what parseValue gives back for its own text.
function fieldOk(f: Field, v: unknown): boolean {
  if (v === null) return f.default === null || f.optional === true;
  switch (f.type) {
    case 'enum': case 'seed': if (typeof v !== 'string') return false; break;
    case 'bool': if (typeof v !== 'boolean') return false; break;
    case 'number': case 'int': if (typeof v !== 'number' || !Number.isFinite(v)) return false; break;
    case 'intList':
      if (!Array.isArray(v) || v.some((x, i) => !(i in v) || typeof x !== 'number')) return false;
      if (Object.keys(v).length !== v.length) return false;  // holes
      break;
    case 'compare':
      if (!isPlainObject(v) || typeof v.setting !== 'string' || !Array.isArray(v.values) || Object.keys(v).length !== 2) return false;
      if (v.values.some((x, i) => !(i in (v.values as unknown[])) || (typeof x !== 'string' && typeof x !== 'number'))) return false;
      break;
    case 'points':
      if (!isPlainObject(v) || !Array.isArray(v.points) || !Array.isArray(v.classes) || Object.keys(v).length !== 2) return false;
      break;
  }
  return sameValue(parseValue(f, formatValue(f, v)), v);
}

// A whole playground state (nn.state.defaults() or .parse(hash).state, maybe changed).
export function checkState(call: string, value: unknown, name = 'state'): PlaygroundState {
  if (!isPlainObject(value)) fail(`${call}: ${name} must be a playground state object (nn.state.defaults() or nn.state.parse(hash).state), got ${show(value)}`);
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key)) {
      const hint = didYouMean(key, KEYS);
      fail(`${call}: unknown key '${key}' in ${name}${hint ? ` (did you mean '${hint}'?)` : ''}; see nn.state.schema for the keys`);
    }
  }
  for (const f of SCHEMA) {
    if (!(f.key in value)) fail(`${call}: ${name}.${f.key} is missing; start from nn.state.defaults()`);
    if (!fieldOk(f, value[f.key])) fail(`${call}: ${name}.${f.key} is ${show(value[f.key])}; allowed: ${describe(f)}`);
  }
  checkArray(call, `${name}.hide`, value.hide ?? [], oneOf(HIDABLE_PARTS));
  return value as unknown as PlaygroundState;
}

function describe(f: Field): string {
  switch (f.type) {
    case 'enum': return `one of ${f.values!.join(', ')}`;
    case 'bool': return 'true or false';
    case 'number': return `a number from ${f.min} to ${f.max}${f.default === null ? ', or null' : ''}`;
    case 'int': return `a whole number from ${f.min} to ${f.max}${f.default === null ? ', or null' : ''}`;
    case 'intList': return `an array of up to ${f.maxItems} whole numbers from ${f.min} to ${f.max}`;
    case 'seed': return 'a string of up to 40 letters, digits, dots, dashes or underscores';
    case 'compare': return '{setting, values} as nn.state.parse gives it, or null';
    case 'points': return `{points, classes} of up to ${f.max} points on a 0.005 grid, as nn.state.parse gives it, or null`;
  }
}

export function checkText(call: string, name: string, value: unknown, max = Infinity): string {
  if (typeof value !== 'string') fail(`${call}: ${name} must be a string, got ${show(value)}`);
  if (value.length > max) fail(`${call}: ${name} is ${value.length} characters long; at most ${max} are allowed`);
  return value;
}

function floatArray(call: string, name: string, v: unknown): Float32Array {
  if (!(v instanceof Float32Array)) fail(`${call}: ${name} must be a Float32Array, got ${show(v)}`);
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) fail(`${call}: ${name}[${i}] is ${v[i]}; only finite numbers are allowed`);
  }
  return v;
}

// Own data: {points: Float32Array [n·2], classes: Float32Array [n] of 0, 1 or 2}.
export function checkCustom(call: string, value: unknown): CustomData | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) fail(`${call}: custom must be {points: Float32Array, classes: Float32Array}, got ${show(value)}`);
  for (const key of Object.keys(value)) {
    if (key !== 'points' && key !== 'classes') fail(`${call}: unknown key '${key}' in custom; allowed: points, classes`);
  }
  const points = floatArray(call, 'custom.points', value.points);
  const classes = floatArray(call, 'custom.classes', value.classes);
  if (points.length !== classes.length * 2) fail(`${call}: custom.points has ${points.length} values; it needs 2 per class label (${classes.length * 2})`);
  classes.forEach((c, i) => {
    if (c !== 0 && c !== 1 && c !== 2) fail(`${call}: custom.classes[${i}] is ${c}; allowed: 0, 1, 2`);
  });
  return { points, classes };
}

const SETUPS = new WeakSet<object>();
export function registerSetup<T extends TrainingSetup>(setup: T): T {
  SETUPS.add(setup);
  return Object.freeze(setup);
}
export function checkSetup(call: string, value: unknown): TrainingSetup {
  if (typeof value !== 'object' || value === null || !SETUPS.has(value)) {
    fail(`${call}: setup must be what nn.playground.setup(state) returned, got ${show(value)}`);
  }
  return value as TrainingSetup;
}

// A {data, shape: [rows, cols]} matrix as the engine returns it (exports).
export function checkMatrix(call: string, name: string, value: unknown, cols?: number): Matrix2D {
  const ok = isPlainObject(value) && value.data instanceof Float32Array && Array.isArray(value.shape) && value.shape.length === 2
    && value.shape.every((s) => Number.isInteger(s) && s >= 0) && value.data.length === (value.shape[0] as number) * (value.shape[1] as number);
  if (!ok) fail(`${call}: ${name} must be {data: Float32Array, shape: [rows, cols]} with rows·cols values, got ${show(value)}`);
  const m = value as unknown as Matrix2D;
  if (cols !== undefined && m.shape[1] !== cols) fail(`${call}: ${name} must have ${cols} columns, got ${m.shape[1]}`);
  return m;
}

export function checkHistory(call: string, value: unknown): { epoch: number[]; history: Record<string, number[]> } {
  // numbers (NaN and ±Infinity included: a diverged run's history has them), no holes
  const numbers = (v: unknown): v is number[] => Array.isArray(v) && Object.keys(v).length === v.length && v.every((n) => typeof n === 'number');
  const ok = isPlainObject(value) && numbers(value.epoch) && isPlainObject(value.history)
    && Object.values(value.history).every((v) => numbers(v) && v.length === (value.epoch as unknown[]).length);
  if (!ok) fail(`${call}: history must be {epoch: number[], history: {key: number[]}} as fit() returns it, got ${show(value)}`);
  return value as { epoch: number[]; history: Record<string, number[]> };
}

export function checkWeightList(call: string, value: unknown): WeightArray[] {
  const item = {
    allowed: '{name, shape, data: Float32Array} as getWeights() returns it',
    test: (v: unknown): v is WeightArray => isPlainObject(v) && typeof v.name === 'string' && Array.isArray(v.shape) && v.data instanceof Float32Array,
  };
  return checkArray(call, 'weights', value, item);
}
