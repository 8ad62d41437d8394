// The row order of each epoch of a shuffled fit, as the engine draws it (core/src/fit.cpp,
// core/include/nnplay/rng.hpp): epoch k's order is a Fisher–Yates shuffle driven by
// std::mt19937 seeded with mix_seed(seed, k). Written out here, without the engine, so that the
// notebook can replay a run's batches in Keras (docs/KERAS_SEMANTICS.md §4.2, §8).
// tests/node/notebook.test.mjs checks it against the engine by training.

// std::mt19937: 32-bit Mersenne Twister, the standard's seeding (init_genrand). One state
// buffer, reused: a notebook draws thousands of epochs' orders. The words are kept as int32
// (the same bits; V8 keeps them small integers), read as unsigned only when drawn.
const N = 624, M = 397;
const mt = new Int32Array(N);
let mti = N;

function seedMt(seed: number): void {
  mt[0] = seed | 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) | 0;
  }
  mti = N;
}

function nextU32(): number {
  if (mti >= N) {
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & 0x80000000) | (mt[k + 1 < N ? k + 1 : 0] & 0x7fffffff);
      mt[k] = mt[k + M < N ? k + M : k + M - N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df | 0 : 0);
    }
    mti = 0;
  }
  let y = mt[mti++];
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

const MASK64 = (1n << 64n) - 1n;

// SplitMix64's finaliser of (seed << 32) ^ stream, folded to 32 bits (rng.hpp's mix_seed).
export function mixSeed(seed: number, stream: number): number {
  let z = ((BigInt(seed >>> 0) << 32n) ^ BigInt(stream >>> 0)) & MASK64;
  z = (z + 0x9e3779b97f4a7c15n) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  z ^= z >> 31n;
  return Number((z ^ (z >> 32n)) & 0xffffffffn);
}

// The rows of epoch `epoch` (0-based) in the order its batches take them.
export function epochOrder(seed: number, epoch: number, rows: number): Uint32Array {
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  seedMt(mixSeed(seed, epoch));
  for (let counter = rows; counter > 0;) {
    const index = Math.floor(nextU32() * (1 / 4294967296) * counter);
    counter--;
    const t = order[counter];
    order[counter] = order[index];
    order[index] = t;
  }
  return order;
}
