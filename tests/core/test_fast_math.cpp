// fast_tanh against std::tanh: within 2 ulp (bench/tanh_accuracy checks every float in
// [-10, 10]; this test a dense sample so that it stays fast).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "nnplay/fast_math.hpp"

namespace {
std::int64_t ordered(float f) {
  std::int32_t i;
  std::memcpy(&i, &f, 4);
  return i < 0 ? -std::int64_t(i & 0x7fffffff) : std::int64_t(i);
}
}  // namespace

TEST_CASE("fast_tanh is within 2 ulp of std::tanh", "[fast_math]") {
  std::int64_t worst = 0;
  float worst_at = 0;
  std::size_t checked = 0;
  // every 997th float bit pattern in [-10, 10], plus the region around the branch switch
  for (std::int64_t k = ordered(-10.f); k <= ordered(10.f); k += 997) {
    std::int32_t bits = k < 0 ? std::int32_t(0x80000000u | std::uint32_t(-k)) : std::int32_t(k);
    float x;
    std::memcpy(&x, &bits, 4);
    const std::int64_t d = std::llabs(ordered(nnplay::fast_tanh(x)) - ordered(std::tanh(x)));
    if (d > worst) {
      worst = d;
      worst_at = x;
    }
    ++checked;
  }
  for (float x = 0.5f; x < 0.6f; x = std::nextafter(x, 1.f)) {
    const std::int64_t d = std::llabs(ordered(nnplay::fast_tanh(x)) - ordered(std::tanh(x)));
    if (d > worst) {
      worst = d;
      worst_at = x;
    }
  }
  INFO("worst " << worst << " ulp at " << worst_at << " over " << checked << " samples");
  CHECK(worst <= 2);
  CHECK(checked > 1000000);
}

TEST_CASE("fast_tanh special values", "[fast_math]") {
  CHECK(nnplay::fast_tanh(0.f) == 0.f);
  CHECK(std::signbit(nnplay::fast_tanh(-0.f)));
  CHECK(nnplay::fast_tanh(9.2f) == 1.f);
  CHECK(nnplay::fast_tanh(-50.f) == -1.f);
  CHECK(nnplay::fast_tanh(std::numeric_limits<float>::infinity()) == 1.f);
  CHECK(nnplay::fast_tanh(-std::numeric_limits<float>::infinity()) == -1.f);
  CHECK(std::isnan(nnplay::fast_tanh(std::numeric_limits<float>::quiet_NaN())));
  const float tiny = 1e-30f;
  CHECK(nnplay::fast_tanh(tiny) == tiny);
  CHECK(nnplay::fast_tanh(-0.3f) == -nnplay::fast_tanh(0.3f));
}
