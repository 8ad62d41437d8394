#include "nnplay/layers.hpp"

#include "nnplay/errors.hpp"
#include "nnplay/limits.hpp"

namespace nnplay {

template <class T>
Dense<T>::Dense(const DenseConfig& config, std::size_t input_dim, std::string name, Rng& rng)
    : name_(std::move(name)),
      units_(config.units),
      input_dim_(input_dim),
      use_bias_(config.use_bias),
      activation_(parse_activation(config.activation, "Dense: activation")),
      regularizer_(config.kernel_regularizer) {
  if (units_ < 1) fail("Dense: units must be >= 1, got ", units_);
  if (units_ > max_layer_units) fail("Dense: units must be at most ", max_layer_units, ", got ", units_);
  if (input_dim_ < 1) fail("Dense: input_dim must be >= 1, got ", input_dim_);
  if (input_dim_ > max_layer_weights / units_) {
    fail("Dense: input_dim x units = ", input_dim_, " x ", units_, " weights; at most ", max_layer_weights, " are allowed per layer");
  }
  if (!(regularizer_.l1 >= 0) || !(regularizer_.l2 >= 0) || !std::isfinite(regularizer_.l1) ||
      !std::isfinite(regularizer_.l2)) {
    fail("Dense: kernel_regularizer rates must be finite and >= 0, got l1=", regularizer_.l1, " l2=", regularizer_.l2);
  }
  const Initializer kernel_init = parse_initializer(config.kernel_initializer, "Dense: kernel_initializer");
  const Initializer bias_init = parse_initializer(config.bias_initializer, "Dense: bias_initializer");
  kernel = Node<T>::parameter(input_dim_, units_);
  initialize(kernel_init, kernel.value, input_dim_, units_, false, rng);
  if (use_bias_) {
    bias = Node<T>::parameter(1, units_);
    initialize(bias_init, bias.value, input_dim_, units_, true, rng);
  }
}

template class Dense<float>;
template class Dense<double>;

}  // namespace nnplay
