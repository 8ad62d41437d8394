// The affine op's kernels: out = x·W + b and its gradients, specialised by shape.
//   - small_affine_*: layers up to 4 inputs x 4 units in float, a row per 4-lane vector
//     (the tutorial's 2-3-3-1 network);
//   - affine_forward / affine_backward_weights: any shape, with the output width known at
//     compile time up to 8 (the playground's layer sizes) and at run time beyond.
// Private to core/src (ops.cpp); tests/core/test_kernels.cpp checks every shape up to 9 x 9
// against the double-precision op.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

namespace nnplay::kernels {

// Clang's loop vectoriser turns the row loop of a small-width kernel into lane-by-lane
// gathers (extract_lane / replace_lane), which are slow in wasm engines; the rows stay
// scalar and the inner loops (fully unrolled for a known shape) keep their SLP vectors.
#if defined(__clang__)
#define NNPLAY_SCALAR_ROWS _Pragma("clang loop vectorize(disable)")
#else
#define NNPLAY_SCALAR_ROWS
#endif

// The affine kernels are written for an output width N known at compile time (N = 1..8,
// the playground's layer sizes), so that a row's N accumulators live in registers and
// the inner loops unroll and vectorise; N = 0 is the same code for any width.
// The buffers never overlap (each is its own node); __restrict lets the compilers vectorise
// without runtime overlap checks (measured: wasm W2 1.25M -> 1.42M samples/s).
template <class T, std::size_t N>
void affine_forward(const T* __restrict x, const T* __restrict w, const T* __restrict b, T* __restrict out, std::size_t rows,
                    std::size_t k, std::size_t n_) {
  const std::size_t n = N ? N : n_;
  NNPLAY_SCALAR_ROWS
  for (std::size_t r = 0; r < rows; ++r) {
    T* o = out + r * n;
    for (std::size_t j = 0; j < n; ++j) o[j] = b ? b[j] : T(0);
    const T* xr = x + r * k;
    for (std::size_t i = 0; i < k; ++i) {
      const T xi = xr[i];
      const T* wi = w + i * n;
      for (std::size_t j = 0; j < n; ++j) o[j] += xi * wi[j];
    }
  }
}

// Writes dw and db (see graph.hpp: each gradient has one writer). dx is computed apart,
// as dout · Wᵀ by affine_forward: row by row, a sum of scaled rows of Wᵀ, which vectorises
// like the forward pass, where k dot products of length n need horizontal sums (shuffles;
// measured: wasm W2's dx 5x slower than natively).
template <class T, std::size_t N>
void affine_backward_weights(const T* __restrict x, const T* __restrict dout, T* __restrict dw, T* __restrict db,
                             std::size_t rows, std::size_t k, std::size_t n_) {
  const std::size_t n = N ? N : n_;
  if (rows == 0) {
    std::fill(dw, dw + k * n, T(0));
    if (db) std::fill(db, db + n, T(0));
    return;
  }
  NNPLAY_SCALAR_ROWS
  for (std::size_t r = 0; r < rows; ++r) {
    const T* g = dout + r * n;
    const T* xr = x + r * k;
    const bool first = r == 0;  // row 0 assigns dw and db, later rows add (no memset calls)
    for (std::size_t i = 0; i < k; ++i) {
      T* dwi = dw + i * n;
      const T xi = xr[i];
      for (std::size_t j = 0; j < n; ++j) dwi[j] = (first ? T(0) : dwi[j]) + xi * g[j];  // dL/dw[i, j] = Σ_r x[r, i] · dL/dout[r, j]
    }
    if (db) {
      for (std::size_t j = 0; j < n; ++j) db[j] = (first ? T(0) : db[j]) + g[j];  // dL/db[j] = Σ_r dL/dout[r, j]
    }
  }
}

// --- Small layers: k and n up to 4, in float (the tutorial's 2-3-3-1 network) ----------
// A row of outputs, of W or of dx fits one 4-lane vector (GCC / Clang vector extensions:
// SSE natively, SIMD128 in wasm), and the shape is known at compile time, so each row
// is a few vector multiply-adds with W and the weight gradients held in registers.
// The sums run in the same order as in the kernels above, so the results are identical.
using Float4 = float __attribute__((vector_size(16)));

// The first N lanes of a vector from / to memory. Clang compiles the memcpy to a partial
// load (v128.load64_zero and a lane load in wasm); GCC would assemble the vector on the
// stack and reload it whole (a store-forwarding stall on every row), so there it is built
// lane by lane. Each form measured on the compiler it serves.
template <std::size_t N>
Float4 load_first(const float* p) {  // lanes >= N are 0
#if defined(__clang__)
  Float4 v = {};
  std::memcpy(&v, p, N * sizeof(float));
  return v;
#else
  if constexpr (N == 1) return Float4{p[0], 0, 0, 0};
  if constexpr (N == 2) return Float4{p[0], p[1], 0, 0};
  if constexpr (N == 3) return Float4{p[0], p[1], p[2], 0};
  if constexpr (N == 4) return Float4{p[0], p[1], p[2], p[3]};
#endif
}
template <std::size_t N>
void store_first(float* p, Float4 v) {
#if defined(__clang__)
  std::memcpy(p, &v, N * sizeof(float));
#else
  for (std::size_t i = 0; i < N; ++i) p[i] = v[i];
#endif
}

template <std::size_t K, std::size_t N>
void small_affine_forward(const float* __restrict x, const float* __restrict w, const float* __restrict b,
                          float* __restrict out, std::size_t rows) {
  Float4 w_rows[K];
  for (std::size_t i = 0; i < K; ++i) w_rows[i] = load_first<N>(w + i * N);
  const Float4 bias = b ? load_first<N>(b) : Float4{};
  for (std::size_t r = 0; r < rows; ++r) {
    Float4 o = bias;
    for (std::size_t i = 0; i < K; ++i) o += x[r * K + i] * w_rows[i];
    store_first<N>(out + r * N, o);
  }
}

// Σ_j g[j] · cols[j], unrolled at compile time: with a loop index, Clang spills g and
// cols to the stack and reloads them lane by lane on every row.
template <std::size_t... J>
Float4 weighted_sum(Float4 g, const Float4* cols, std::index_sequence<J...>) {
  Float4 sum = {};
  ((sum += g[J] * cols[J]), ...);
  return sum;
}

template <std::size_t K, std::size_t N>
void small_affine_backward(const float* __restrict x, const float* __restrict w, const float* __restrict dout,
                           float* __restrict dx, float* __restrict dw, float* __restrict db, std::size_t rows) {
  Float4 dw_rows[K] = {};
  Float4 dbias = {};
  Float4 w_cols[N];  // column j of W: dx's row is Σ_j g[j] · w_cols[j], no horizontal sums
  for (std::size_t j = 0; j < N; ++j) {
    w_cols[j] = Float4{};
    for (std::size_t i = 0; i < K; ++i) w_cols[j][i] = w[i * N + j];
  }
  for (std::size_t r = 0; r < rows; ++r) {
    const Float4 g = load_first<N>(dout + r * N);
    for (std::size_t i = 0; i < K; ++i) dw_rows[i] += x[r * K + i] * g;
    dbias += g;
    if (dx) store_first<K>(dx + r * K, weighted_sum(g, w_cols, std::make_index_sequence<N>{}));
  }
  for (std::size_t i = 0; i < K; ++i) store_first<N>(dw + i * N, dw_rows[i]);
  if (db) store_first<N>(db, dbias);
}

// Calls f(K, N) with compile-time K = k and N = n, both in 1..4.
template <class F>
void dispatch_small(std::size_t k, std::size_t n, F&& f) {
  auto with_n = [&](auto depth) {
    switch (n) {
      case 1: return f(depth, std::integral_constant<std::size_t, 1>{});
      case 2: return f(depth, std::integral_constant<std::size_t, 2>{});
      case 3: return f(depth, std::integral_constant<std::size_t, 3>{});
      default: return f(depth, std::integral_constant<std::size_t, 4>{});
    }
  };
  switch (k) {
    case 1: return with_n(std::integral_constant<std::size_t, 1>{});
    case 2: return with_n(std::integral_constant<std::size_t, 2>{});
    case 3: return with_n(std::integral_constant<std::size_t, 3>{});
    default: return with_n(std::integral_constant<std::size_t, 4>{});
  }
}

template <class T>
constexpr bool has_small_kernels = std::is_same_v<T, float>;
inline bool is_small(std::size_t k, std::size_t n) { return k <= 4 && n <= 4; }

}  // namespace nnplay::kernels
