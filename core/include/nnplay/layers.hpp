// Dense(units, activation, use_bias, kernel_initializer, bias_initializer,
// kernel_regularizer): y = activation(x · kernel + bias), kernel [in, out] as in Keras.
#pragma once

#include <cstddef>
#include <string>

#include "nnplay/activations.hpp"
#include "nnplay/graph.hpp"
#include "nnplay/initializers.hpp"
#include "nnplay/regularizers.hpp"
#include "nnplay/rng.hpp"

namespace nnplay {

struct DenseConfig {
  std::size_t units = 0;
  std::string activation = "linear";
  bool use_bias = true;
  std::string kernel_initializer = "glorot_uniform";
  std::string bias_initializer = "zeros";
  Regularizer kernel_regularizer;  // see make_regularizer("l2", 0.03)
  std::size_t input_dim = 0;       // needed on the first layer only (Keras' input_shape=(n,))
};

template <class T>
class Dense {
 public:
  // Validates the config and draws the initial weights from `rng` (kernel, then bias).
  Dense(const DenseConfig& config, std::size_t input_dim, std::string name, Rng& rng);

  const std::string& name() const { return name_; }
  std::size_t units() const { return units_; }
  std::size_t input_dim() const { return input_dim_; }
  bool use_bias() const { return use_bias_; }
  Activation activation() const { return activation_; }
  const Regularizer& regularizer() const { return regularizer_; }
  std::size_t parameter_count() const { return input_dim_ * units_ + (use_bias_ ? units_ : 0); }

  Node<T> kernel;  // [input_dim, units]
  Node<T> bias;    // [1, units] (empty without bias)

 private:
  std::string name_;
  std::size_t units_, input_dim_;
  bool use_bias_;
  Activation activation_;
  Regularizer regularizer_;
};

}  // namespace nnplay
