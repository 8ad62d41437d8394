// Adadelta(learning_rate, rho, epsilon): kernel ApplyAdadelta. The
// default learning rate is 0.001 in tf.keras 2.x (1.0 in the paper and in tfjs), and the
// update uses the NEW accumulated gradient (tfjs uses the old one).
#pragma once

#include <cmath>

#include "nnplay/optimizers/optimizer.hpp"

namespace nnplay {

template <class T>
class Adadelta final : public UpdateRule<T, Adadelta<T>> {
 public:
  explicit Adadelta(OptionReader& o) : UpdateRule<T, Adadelta<T>>(o) {
    rho_ = o.number("rho");
    epsilon_ = o.number("epsilon");
    this->remember("rho", rho_);
    this->remember("epsilon", epsilon_);
  }

 protected:
  friend class UpdateRule<T, Adadelta<T>>;
  // slot 0: accum_grad, slot 1: accum_var
  std::size_t slot_count() const override { return 2; }
  KerasSlots keras_slots() const override { return KerasSlots().add("accum_grad", 0).add("accum_var", 1); }
  void begin_step(T lr, std::int64_t) { lr_ = lr; }
  void update(T* __restrict w, const T* __restrict g, T* const* slots, std::size_t n) {
    T* __restrict accum_grad = slots[0];
    T* __restrict accum_var = slots[1];
    const T rho = T(rho_), one_minus_rho = T(1) - T(rho_), eps = T(epsilon_);
    for (std::size_t i = 0; i < n; ++i) {
      accum_grad[i] = accum_grad[i] * rho + g[i] * g[i] * one_minus_rho;
      const T upd = std::sqrt(accum_var[i] + eps) / std::sqrt(accum_grad[i] + eps) * g[i];
      w[i] -= lr_ * upd;
      accum_var[i] = accum_var[i] * rho + upd * upd * one_minus_rho;
    }
  }

 private:
  double rho_, epsilon_;
  T lr_ = T(0);
};

}  // namespace nnplay
