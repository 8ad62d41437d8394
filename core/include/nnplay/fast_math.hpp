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

inline std::uint32_t bits_of(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}
inline float float_of(std::uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

// e^y for y in [0, 18.2]: Cody–Waite reduction y = k·ln2 + r, |r| <= ln2/2, then the
// Cephes expf polynomial (~1 ulp), then 2^k by building the exponent bits.
// k is rounded with the "magic number" trick (adding 1.5·2^23 leaves round(y·log2 e) in
// the low mantissa bits) rather than a float -> int conversion: that is plain adds and
// integer ops in every SIMD instruction set, where wasm's saturating conversion costs
// several x86 instructions per vector.
inline float exp_for_tanh(float y) {
  constexpr float kMagic = 12582912.0f;  // 1.5 * 2^23
  const float shifted = y * 1.44269504088896341f + kMagic;
  const float k = shifted - kMagic;
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
  // The low bits of `shifted` are k (0 <= k <= 27); 2^k's bits are (k + 127) << 23, and the
  // shift drops the magic number's own bits (all at bit 22 and above).
  return e * float_of((bits_of(shifted) + 127u) << 23);
}

}  // namespace detail

inline float fast_tanh(float x) {
  const float ax = std::fabs(x);
  // |x| >= 9.1 gives exactly ±1 in float, as std::tanh does; clamping keeps e^(2|x|) finite.
  // Written as `ax < 9.1 ? ax : 9.1`, which Clang compiles to one wasm f32x4.pmin (other
  // forms become f32x4.min, whose NaN rules cost V8 about nine x86 instructions). It turns
  // NaN into 9.1; the last line puts NaN back.
  const float a = ax < 9.1f ? ax : 9.1f;
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
  const float r = a < 0.55f ? small : large;  // r >= 0
  // x's sign onto r with bit operations (a vector AND/OR; copysign is scalarised in wasm).
  const float signed_r = detail::float_of(detail::bits_of(r) | (detail::bits_of(x) & 0x80000000u));
  return x != x ? x : signed_r;  // NaN in, NaN out
}

// The tanh the engine uses for a scalar type: fast in float (what ships), exact libm in
// double (what the gradient and formula tests use).
inline float engine_tanh(float x) { return fast_tanh(x); }
inline double engine_tanh(double x) { return std::tanh(x); }

}  // namespace nnplay
