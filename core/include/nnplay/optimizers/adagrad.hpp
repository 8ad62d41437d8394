// Adagrad(learning_rate, initial_accumulator_value, epsilon): kernel
// ApplyAdagradV2. The accumulator starts at 0.1, not 0, and epsilon is added outside the
// square root (tf.keras >= 2.11 and Keras 3 put it inside).
#pragma once

#include <cmath>

#include "nnplay/optimizers/optimizer.hpp"

namespace nnplay {

template <class T>
class Adagrad final : public UpdateRule<T, Adagrad<T>> {
 public:
  explicit Adagrad(OptionReader& o) : UpdateRule<T, Adagrad<T>>(o) {
    initial_ = o.number("initial_accumulator_value");
    epsilon_ = o.number("epsilon");
    this->remember("initial_accumulator_value", initial_);
    this->remember("epsilon", epsilon_);
  }

 protected:
  friend class UpdateRule<T, Adagrad<T>>;
  std::size_t slot_count() const override { return 1; }
  KerasSlots keras_slots() const override { return KerasSlots().add("accumulator", 0); }
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
  double initial_, epsilon_;
  T lr_ = T(0);
};

}  // namespace nnplay
