#include "nnplay/initializers.hpp"

#include <cmath>

#include "nnplay/errors.hpp"

namespace nnplay {

const std::vector<std::string>& initializer_names() {
  static const std::vector<std::string> names = {"glorot_uniform", "he_uniform", "lecun_uniform", "random_uniform",
                                                 "zeros",          "ones",       "playground"};
  return names;
}

Initializer parse_initializer(const std::string& name, const std::string& argument) {
  const auto& names = initializer_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<Initializer>(i);
  }
  std::string allowed;
  for (const auto& n : names) allowed += (allowed.empty() ? "" : ", ") + n;
  fail(argument, ": unknown initializer '", name, "'; allowed: ", allowed);
}

template <class T>
void initialize(Initializer init, Matrix<T>& m, std::size_t fan_in, std::size_t fan_out, bool is_bias, Rng& rng) {
  T* p = m.data();
  const std::size_t n = m.size();
  auto uniform = [&](double limit) {
    for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<T>(rng.uniform(-limit, limit));
  };
  switch (init) {
    case Initializer::glorot_uniform:  // VarianceScaling(1, fan_avg, uniform): limit = sqrt(6 / (in + out))
      return uniform(std::sqrt(6.0 / double(fan_in + fan_out)));
    case Initializer::he_uniform:  // VarianceScaling(2, fan_in, uniform)
      return uniform(std::sqrt(6.0 / double(fan_in)));
    case Initializer::lecun_uniform:  // VarianceScaling(1, fan_in, uniform)
      return uniform(std::sqrt(3.0 / double(fan_in)));
    case Initializer::random_uniform:  // Keras' RandomUniform default range
      return uniform(0.05);
    case Initializer::zeros:
      m.fill(T(0));
      return;
    case Initializer::ones:
      m.fill(T(1));
      return;
    case Initializer::playground:  // nn.ts: weight = Math.random() - 0.5, bias = 0.1
      if (is_bias) {
        m.fill(T(0.1));
      } else {
        for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<T>(rng.uniform() - 0.5);
      }
      return;
  }
}

template void initialize<float>(Initializer, Matrix<float>&, std::size_t, std::size_t, bool, Rng&);
template void initialize<double>(Initializer, Matrix<double>&, std::size_t, std::size_t, bool, Rng&);

}  // namespace nnplay
