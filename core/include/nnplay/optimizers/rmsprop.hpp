// RMSprop(learning_rate, rho, momentum, epsilon, centered).
// Without momentum tf.keras 2.x runs Python ops with epsilon OUTSIDE the square root;
// with momentum it runs the kernels ApplyRMSProp / ApplyCenteredRMSProp, where epsilon
// is INSIDE. Both are reproduced as they are.
#pragma once

#include <cmath>

#include "nnplay/optimizers/optimizer.hpp"

namespace nnplay {

template <class T>
class RMSprop final : public UpdateRule<T, RMSprop<T>> {
 public:
  explicit RMSprop(OptionReader& o) : UpdateRule<T, RMSprop<T>>(o) {
    rho_ = o.number("rho");
    momentum_ = o.number("momentum");
    epsilon_ = o.number("epsilon");
    centered_ = o.flag("centered");
    this->remember("rho", rho_);
    this->remember("momentum", momentum_);
    this->remember("epsilon", epsilon_);
    this->remember("centered", centered_);
  }

 protected:
  friend class UpdateRule<T, RMSprop<T>>;
  // slot 0: mean square ("rms"); slot 1: mean gradient ("mg", centered); slot 2: "momentum".
  std::size_t slot_count() const override { return 3; }
  // Keras creates rms, then momentum (momentum > 0), then mg (centered).
  KerasSlots keras_slots() const override {
    KerasSlots s;
    s.add("rms", 0);
    if (momentum_ > 0) s.add("momentum", 2);
    if (centered_) s.add("mg", 1);
    return s;
  }
  void begin_step(T lr, std::int64_t) { lr_ = lr; }
  void update(T* __restrict w, const T* __restrict g, T* const* slots, std::size_t n) {
    T* __restrict ms = slots[0];
    T* __restrict mg = slots[1];
    T* __restrict mom = slots[2];
    const T rho = T(rho_), one_minus_rho = T(1) - T(rho_), eps = T(epsilon_), m = T(momentum_);
    for (std::size_t i = 0; i < n; ++i) {
      if (momentum_ == 0) {
        ms[i] = rho * ms[i] + one_minus_rho * g[i] * g[i];
        T denom = ms[i];
        if (centered_) {
          mg[i] = rho * mg[i] + one_minus_rho * g[i];
          denom = ms[i] - mg[i] * mg[i];
        }
        w[i] -= lr_ * g[i] / (std::sqrt(denom) + eps);
      } else {
        ms[i] += (g[i] * g[i] - ms[i]) * one_minus_rho;
        T denom = ms[i];
        if (centered_) {
          mg[i] += (g[i] - mg[i]) * one_minus_rho;
          denom = ms[i] - mg[i] * mg[i];
        }
        mom[i] = mom[i] * m + lr_ * g[i] / std::sqrt(denom + eps);
        w[i] -= mom[i];
      }
    }
  }

 private:
  double rho_, momentum_, epsilon_;
  bool centered_;
  T lr_ = T(0);
};

}  // namespace nnplay
