// Adamax(learning_rate, beta_1, beta_2, epsilon): kernel ApplyAdaMax.
#pragma once

#include <algorithm>
#include <cmath>

#include "nnplay/optimizers/optimizer.hpp"

namespace nnplay {

template <class T>
class Adamax final : public UpdateRule<T, Adamax<T>> {
 public:
  explicit Adamax(OptionReader& o) : UpdateRule<T, Adamax<T>>(o) {
    beta_1_ = o.number("beta_1");
    beta_2_ = o.number("beta_2");
    epsilon_ = o.number("epsilon");
    this->remember("beta_1", beta_1_);
    this->remember("beta_2", beta_2_);
    this->remember("epsilon", epsilon_);
  }

 protected:
  friend class UpdateRule<T, Adamax<T>>;
  // slot 0: m, slot 1: u (the exponentially weighted infinity norm)
  std::size_t slot_count() const override { return 2; }
  // Keras names u "v".
  KerasSlots keras_slots() const override { return KerasSlots().add("m", 0).add("v", 1); }
  void begin_step(T lr, std::int64_t t) { step_ = lr / (T(1) - std::pow(T(beta_1_), T(t))); }
  void update(T* __restrict w, const T* __restrict g, T* const* slots, std::size_t n) {
    T* __restrict m = slots[0];
    T* __restrict u = slots[1];
    const T one_minus_b1 = T(1) - T(beta_1_), b2 = T(beta_2_), eps = T(epsilon_);
    for (std::size_t i = 0; i < n; ++i) {
      m[i] += (g[i] - m[i]) * one_minus_b1;
      u[i] = std::max(b2 * u[i], std::fabs(g[i]));
      w[i] -= step_ * (m[i] / (u[i] + eps));
    }
  }

 private:
  double beta_1_, beta_2_, epsilon_;
  T step_ = T(0);
};

}  // namespace nnplay
