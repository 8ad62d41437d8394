// Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7): kernel
// ApplyAdagradV2. The accumulator starts at 0.1, not 0, and epsilon is added outside the
// square root (tf.keras >= 2.11 and Keras 3 put it inside).
#pragma once

#include <cmath>

#include "nnplay/optimizers/optimizer.hpp"

namespace nnplay {

template <class T>
class Adagrad final : public UpdateRule<T, Adagrad<T>> {
 public:
  explicit Adagrad(OptionReader& o) : UpdateRule<T, Adagrad<T>>("Adagrad", o, 0.001) {
    initial_ = o.get_in("initial_accumulator_value", 0.1, 0, 1e30);
    epsilon_ = o.get_in("epsilon", 1e-7, 0, 1e30);
    this->remember("initial_accumulator_value", initial_);
    this->remember("epsilon", epsilon_);
  }

 protected:
  friend class UpdateRule<T, Adagrad<T>>;
  std::size_t slot_count() const override { return 1; }
  std::vector<std::pair<std::string, std::size_t>> keras_slots() const override { return {{"accumulator", 0}}; }
  T slot_initial_value(std::size_t) const override { return T(initial_); }
  void begin_step(T lr, std::int64_t) { lr_ = lr; }
  void update(T* __restrict w, const T* __restrict g, T* const* slots, std::size_t n) {
    T* __restrict acc = slots[0];
    const T eps = T(epsilon_);
    for (std::size_t i = 0; i < n; ++i) {
      acc[i] += g[i] * g[i];
      w[i] -= g[i] * lr_ / (std::sqrt(acc[i]) + eps);
    }
  }

 private:
  double initial_ = 0.1, epsilon_ = 1e-7;
  T lr_ = T(0);
};

}  // namespace nnplay
