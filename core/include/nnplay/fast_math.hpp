// A fast float tanh, within 2 ulp of std::tanh (checked over every float in [-10, 10] by
// bench/tanh_accuracy and over a dense sample by tests/core/test_fast_math.cpp).
// tanh dominates a training step; libm's tanhf is ~25 ns, this is a few ns and has no
// branch, so the compiler vectorises loops that call it.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace nnplay {

namespace detail {

// e^y for y in [0, 18.2]: Cody–Waite reduction y = k·ln2 + r, |r| <= ln2/2, then the
// Cephes expf polynomial (~1 ulp), then 2^k by building the exponent bits.
inline float exp_for_tanh(float y) {
  // y >= 0, so truncation rounds to nearest here; it compiles to one vector instruction
  // where std::floor would be a library call without SSE4.1.
  const std::int32_t ki = static_cast<std::int32_t>(y * 1.44269504088896341f + 0.5f);
  const float k = static_cast<float>(ki);
  float r = y - k * 0.693359375f;
  r = r - k * -2.12194440e-4f;
  const float z = r * r;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  const float e = p * z + r + 1.0f;
  const std::int32_t bits = (ki + 127) << 23;
  float scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return e * scale;
}

}  // namespace detail

inline float fast_tanh(float x) {
  // |x| >= 9.1 gives exactly ±1 in float, as std::tanh does; clamping keeps e^(2|x|) finite.
  // (Written as a comparison, not fmin, so that NaN stays NaN.)
  const float a = std::fabs(x) > 9.1f ? 9.1f : std::fabs(x);
  // |x| < 0.55: odd polynomial x + x³·P(x²), Chebyshev-fitted (error 0.07 ulp before rounding).
  const float t = a * a;
  float p = -0.006610227832983735f;
  p = p * t + 0.021309388666960378f;
  p = p * t + -0.05390942882849311f;
  p = p * t + 0.1333311372903612f;
  p = p * t + -0.33333332007977573f;
  const float small = a + a * t * p;
  // |x| >= 0.55: 1 - 2/(e^(2|x|) + 1); the result is >= 0.5 there, so no cancellation.
  const float large = 1.0f - 2.0f / (detail::exp_for_tanh(2.0f * a) + 1.0f);
  const float r = a < 0.55f ? small : large;
  // NaN in, NaN out — explicitly, since compilers may rewrite the clamp above as a min
  // that drops NaN (clang does for wasm).
  return x != x ? x : std::copysign(r, x);
}

// The tanh the engine uses for a scalar type: fast in float (what ships), exact libm in
// double (what the gradient and formula tests use).
inline float engine_tanh(float x) { return fast_tanh(x); }
inline double engine_tanh(double x) { return std::tanh(x); }

}  // namespace nnplay
