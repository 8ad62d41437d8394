// Weight initializers: Keras' (glorot_uniform for kernels and zeros for biases by
// default) and the original TensorFlow Playground's ("playground": kernel U[-0.5, 0.5),
// bias 0.1; the Deep Insider playground's initOrigin=true).
#pragma once

#include <string>
#include <vector>

#include "nnplay/rng.hpp"
#include "nnplay/tensor.hpp"

namespace nnplay {

enum class Initializer { glorot_uniform, he_uniform, lecun_uniform, random_uniform, zeros, ones, playground };

Initializer parse_initializer(const std::string& name, const std::string& argument);
const std::vector<std::string>& initializer_names();

// Fills `m` (a kernel [fan_in, fan_out], or a bias [1, fan_out] when is_bias) in row-major
// order, drawing from `rng`.
template <class T>
void initialize(Initializer init, Matrix<T>& m, std::size_t fan_in, std::size_t fan_out, bool is_bias, Rng& rng);

}  // namespace nnplay
