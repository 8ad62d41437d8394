// nnplay_tanh_accuracy: nnplay::fast_tanh against std::tanh (glibc's tanhf) for EVERY
// float in [-10, 10] (stepping with std::nextafter, about 2.2e9 values), then the cost per
// call of both over a 4096-value array. Exits 1 if the worst difference exceeds 2 ulp.
//
//   nnplay_tanh_accuracy               # the exhaustive check (~40 s) and the timings
//   nnplay_tanh_accuracy --vs-double   # also against tanh computed in double, rounded to
//                                      # float (the correctly rounded value, bar rare
//                                      # double-rounding cases); about twice as long
//   nnplay_tanh_accuracy --timing-only # skip the exhaustive check
//
// A tool, not a test: tests/core/test_fast_math.cpp checks a dense sample in the suite.
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "nnplay/fast_math.hpp"

namespace {

// Floats mapped to integers in value order, so that the distance of two mapped values is
// their distance in ulp (-0 and +0 both map to 0).
std::int64_t ordered(float f) {
  std::int32_t i;
  std::memcpy(&i, &f, sizeof i);
  return i < 0 ? -std::int64_t(i & 0x7fffffff) : std::int64_t(i);
}

std::int64_t ulp_distance(float a, float b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) ? 0 : INT64_MAX;
  const std::int64_t d = ordered(a) - ordered(b);
  return d < 0 ? -d : d;
}

// The worst ulp distance of `got` from a reference, where it occurs, and a histogram.
struct Tally {
  const char* name;
  std::int64_t worst = -1;
  float worst_x = 0, worst_got = 0, worst_ref = 0;
  std::uint64_t histogram[4] = {0, 0, 0, 0};  // 0, 1, 2, > 2 ulp

  void add(float x, float got, float ref) {
    const std::int64_t d = ulp_distance(got, ref);
    ++histogram[std::min<std::int64_t>(d, 3)];
    if (d > worst) {
      worst = d;
      worst_x = x;
      worst_got = got;
      worst_ref = ref;
    }
  }
  void print() const {
    std::printf("%s\n", name);
    std::printf("  worst: %" PRId64 " ulp at x = %.9g (%a): got %.9g, reference %.9g\n", worst, double(worst_x),
                double(worst_x), double(worst_got), double(worst_ref));
    std::printf("  0 ulp: %" PRIu64 ", 1 ulp: %" PRIu64 ", 2 ulp: %" PRIu64 ", > 2 ulp: %" PRIu64 "\n", histogram[0],
                histogram[1], histogram[2], histogram[3]);
  }
};

// The exhaustive check, in blocks: x values are collected with nextafter, then fast_tanh
// runs over the block in a vectorisable loop and the references in scalar loops.
void exhaustive(bool vs_double, Tally& vs_std, Tally& fast_vs_exact, Tally& std_vs_exact) {
  constexpr std::size_t kBlock = 4096;
  std::vector<float> xs(kBlock), fast(kBlock), ref(kBlock), exact(kBlock);
  std::uint64_t count = 0;
  float x = -10.0f;
  bool done = false;
  const auto start = std::chrono::steady_clock::now();
  while (!done) {
    std::size_t n = 0;
    while (n < kBlock) {
      xs[n++] = x;
      if (x == 10.0f) {
        done = true;
        break;
      }
      x = std::nextafter(x, 11.0f);
    }
    for (std::size_t i = 0; i < n; ++i) fast[i] = nnplay::fast_tanh(xs[i]);
    for (std::size_t i = 0; i < n; ++i) ref[i] = std::tanh(xs[i]);
    for (std::size_t i = 0; i < n; ++i) vs_std.add(xs[i], fast[i], ref[i]);
    if (vs_double) {
      for (std::size_t i = 0; i < n; ++i) exact[i] = static_cast<float>(std::tanh(double(xs[i])));
      for (std::size_t i = 0; i < n; ++i) {
        fast_vs_exact.add(xs[i], fast[i], exact[i]);
        std_vs_exact.add(xs[i], ref[i], exact[i]);
      }
    }
    count += n;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("checked %" PRIu64 " floats in [-10, 10] (every one, via std::nextafter; +0 is skipped, -0 is not) in %.1f s\n",
              count, seconds);
}

// --- timing -------------------------------------------------------------------------------

__attribute__((noinline)) void fast_loop(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = nnplay::fast_tanh(in[i]);
}

// The same loop with GCC's vectoriser off, to show what vectorisation is worth.
__attribute__((noinline, optimize("no-tree-vectorize", "no-tree-slp-vectorize"))) void fast_loop_scalar(
    const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = nnplay::fast_tanh(in[i]);
}

__attribute__((noinline)) void std_loop(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::tanh(in[i]);
}

// ns per value: the best of 7 trials of about 0.1 s each.
double ns_per_call(void (*loop)(const float*, float*, std::size_t), const std::vector<float>& in,
                   std::vector<float>& out) {
  using clock = std::chrono::steady_clock;
  std::size_t reps = 1;
  for (;;) {  // calibrate
    const auto t0 = clock::now();
    for (std::size_t r = 0; r < reps; ++r) {
      loop(in.data(), out.data(), in.size());
      asm volatile("" : : "r"(out.data()) : "memory");
    }
    if (std::chrono::duration<double>(clock::now() - t0).count() > 0.1) break;
    reps *= 2;
  }
  double best = 1e30;
  for (int trial = 0; trial < 7; ++trial) {
    const auto t0 = clock::now();
    for (std::size_t r = 0; r < reps; ++r) {
      loop(in.data(), out.data(), in.size());
      asm volatile("" : : "r"(out.data()) : "memory");
    }
    const double s = std::chrono::duration<double>(clock::now() - t0).count();
    best = std::min(best, s * 1e9 / double(reps * in.size()));
  }
  return best;
}

void timing() {
  // 4096 values drawn uniformly from [-10, 10] (a fixed LCG), so that std::tanh's range
  // branches are not trivially predicted.
  std::vector<float> in(4096), out(4096);
  std::uint32_t s = 12345;
  for (auto& v : in) {
    s = s * 1664525u + 1013904223u;
    v = -10.0f + 20.0f * float(s >> 8) / float(1u << 24);
  }
  const double fast = ns_per_call(fast_loop, in, out);
  const double scalar = ns_per_call(fast_loop_scalar, in, out);
  const double libm = ns_per_call(std_loop, in, out);
  std::printf("ns per call over 4096 floats in [-10, 10] (best of 7):\n");
  std::printf("  nnplay::fast_tanh  %.2f ns  (vectorisable loop)\n", fast);
  std::printf("  nnplay::fast_tanh  %.2f ns  (same loop, vectoriser off)\n", scalar);
  std::printf("  std::tanh (float)  %.2f ns\n", libm);
  std::printf("  speed-up           %.1fx\n", libm / fast);
  if (fast > 0.8 * scalar) {
    std::printf("note: the first loop did not vectorise (it runs at the vectoriser-off speed). With GCC\n"
                "      this happens under the default -ftrapping-math: the clamp and the a < 0.55\n"
                "      select stay branches. See bench/README.md.\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool vs_double = false, timing_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--vs-double") vs_double = true;
    else if (a == "--timing-only") timing_only = true;
    else {
      std::fprintf(stderr, "usage: %s [--vs-double] [--timing-only]\n", argv[0]);
      return 2;
    }
  }
  int status = 0;
  if (!timing_only) {
    Tally vs_std{"fast_tanh vs std::tanh (float):"};
    Tally fast_vs_exact{"fast_tanh vs tanh in double, rounded to float:"};
    Tally std_vs_exact{"std::tanh (float) vs tanh in double, rounded to float:"};
    exhaustive(vs_double, vs_std, fast_vs_exact, std_vs_exact);
    vs_std.print();
    if (vs_double) {
      fast_vs_exact.print();
      std_vs_exact.print();
    }
    if (vs_std.worst > 2) {
      std::printf("FAIL: fast_tanh is more than 2 ulp from std::tanh\n");
      status = 1;
    } else {
      std::printf("OK: fast_tanh is within 2 ulp of std::tanh\n");
    }
  }
  timing();
  return status;
}
