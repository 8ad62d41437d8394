// Matrices, fit options and histories across the JavaScript boundary in one call each.
// Every emscripten::val operation is a crossing of its own (a property read, a method call,
// a conversion: ~0.2-0.5 µs each), and an epoch of a small network is ~25 µs, so fit()
// called once per epoch spent more time converting than training. These EM_JS functions
// read or build the whole object in JavaScript instead. Included by embind.cpp only.
#pragma once

#include <emscripten/emscripten.h>
#include <emscripten/val.h>

// m.shape[0], m.shape[1] and m.data.length into out[0..2]; NaN where one is missing or not a
// number (the caller refuses it), so that a malformed argument never throws inside wasm.
EM_JS(void, nnplay_js_matrix_shape, (emscripten::EM_VAL m, double* out), {
  const v = Emval.toValue(m);
  const shape = v !== null && typeof v === 'object' ? v.shape : undefined;
  const data = v !== null && typeof v === 'object' ? v.data : undefined;
  const num = (x) => (typeof x === 'number' ? x : NaN);
  const i = out >> 3;
  HEAPF64[i] = Array.isArray(shape) ? num(shape[0]) : NaN;
  HEAPF64[i + 1] = Array.isArray(shape) ? num(shape[1]) : NaN;
  HEAPF64[i + 2] = data !== null && typeof data === 'object' ? num(data.length) : NaN;
});

// Copies m.data (n values: a Float32Array is a memcpy, other arrays convert as Number())
// to `into`. 0 when the length is no longer n (a view of the engine's memory that an
// allocation since nnplay_js_matrix_shape detached).
EM_JS(int, nnplay_js_matrix_copy, (emscripten::EM_VAL m, float* into, double n), {
  const data = Emval.toValue(m).data;
  if (data.length !== n) return 0;
  HEAPF32.set(data, into >> 2);
  return 1;
});

// fit options: batchSize, epochs, initialEpoch, shuffle (1 / 0), validationSplit, seed into
// out[0..5] (NaN where undefined or null: the default); out[6] = 1 when validationX is
// given, out[7] = 1 when earlyStopping is (both read through val: rare, and not numbers).
EM_JS(void, nnplay_js_fit_numbers, (emscripten::EM_VAL o, double* out), {
  const v = Emval.toValue(o);
  const i = out >> 3;
  const num = (x) => (x === undefined || x === null ? NaN : +x);
  HEAPF64[i] = num(v.batchSize);
  HEAPF64[i + 1] = num(v.epochs);
  HEAPF64[i + 2] = num(v.initialEpoch);
  HEAPF64[i + 3] = v.shuffle === undefined || v.shuffle === null ? NaN : v.shuffle ? 1 : 0;
  HEAPF64[i + 4] = num(v.validationSplit);
  HEAPF64[i + 5] = num(v.seed);
  HEAPF64[i + 6] = v.validationX === undefined ? 0 : 1;
  HEAPF64[i + 7] = v.earlyStopping === undefined || v.earlyStopping === null ? 0 : 1;
});

// {epoch, history: {key: values}, stopReason, stoppedEpoch, stopMessage} from n epoch
// indices, key_count columns of n values each (column-major), the keys joined by '\n'.
EM_JS(emscripten::EM_VAL, nnplay_js_history, (const int* epochs, int n, const double* columns, const char* keys,
                                              int key_count, const char* reason, int stopped, const char* message), {
  const names = key_count > 0 ? UTF8ToString(keys).split('\n') : [];
  const history = {};
  for (let k = 0, from = columns >> 3; k < key_count; k++, from += n) {
    const column = new Array(n);
    for (let e = 0; e < n; e++) column[e] = HEAPF64[from + e];
    history[names[k]] = column;
  }
  const epoch = new Array(n);
  for (let e = 0; e < n; e++) epoch[e] = HEAP32[(epochs >> 2) + e];
  const stopMessage = HEAPU8[message] === 0 ? '' : UTF8ToString(message);
  return Emval.toHandle({ epoch, history, stopReason: UTF8ToString(reason), stoppedEpoch: stopped, stopMessage });
});
