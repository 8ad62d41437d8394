// The one seeded PRNG of nnplay: std::mt19937 (32-bit Mersenne Twister). Its output
// sequence is fixed by the C++ standard, and every conversion to a real number below is
// done by hand in double precision, so a seed gives the same data, initial weights and
// shuffles natively and in WebAssembly. (std::uniform_real_distribution and friends are
// implementation-defined, which is why they are not used.)
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace nnplay {

class Rng {
 public:
  explicit Rng(std::uint32_t seed) : engine_(seed) {}

  std::uint32_t next_u32() { return static_cast<std::uint32_t>(engine_()); }

  // Uniform on [0, 1), 32 random bits, exact in double.
  double uniform() { return next_u32() * (1.0 / 4294967296.0); }

  // Uniform on [a, b), as the playground's randUniform(a, b).
  double uniform(double a, double b) { return uniform() * (b - a) + a; }

  // Gaussian by Marsaglia's polar method, exactly as the playground's normalRandom:
  // v1, v2 ~ U(-1, 1), rejected while s = v1² + v2² > 1, result mean + sqrt(variance)·v1·sqrt(-2 ln s / s).
  double normal(double mean, double variance) {
    double v1, v2, s;
    do {
      v1 = 2 * uniform() - 1;
      v2 = 2 * uniform() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s > 1 || s == 0);  // s == 0 would divide by zero; the playground never meets it
    const double result = std::sqrt(-2 * std::log(s) / s) * v1;
    return mean + std::sqrt(variance) * result;
  }

  // Fisher–Yates walking the counter down, as the playground's shuffle().
  template <class Vec>
  void shuffle(Vec& items) {
    std::size_t counter = items.size();
    while (counter > 0) {
      const auto index = static_cast<std::size_t>(std::floor(uniform() * static_cast<double>(counter)));
      --counter;
      std::swap(items[counter], items[index]);
    }
  }

 private:
  std::mt19937 engine_;
};

// A seed for a sub-stream (e.g. the shuffle of epoch k): SplitMix64's finaliser of both
// words, so nearby inputs give unrelated seeds.
inline std::uint32_t mix_seed(std::uint32_t seed, std::uint32_t stream) {
  std::uint64_t z = (static_cast<std::uint64_t>(seed) << 32) ^ stream;
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<std::uint32_t>(z ^ (z >> 32));
}

// The playground's seeds are strings such as "0.59704" (URL key `seed`): FNV-1a makes
// them a 32-bit engine seed.
inline std::uint32_t seed_from_string(const std::string& text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

}  // namespace nnplay
