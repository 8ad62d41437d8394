// Adam(learning_rate, beta_1, beta_2, epsilon, amsgrad):
// kernels ApplyAdam / ApplyAdamWithAmsgrad, in the "epsilon hat" form: epsilon is added
// to sqrt(v), not to sqrt(v_hat).
#pragma once

#include <algorithm>
#include <cmath>

#include "nnplay/optimizers/optimizer.hpp"

namespace nnplay {

template <class T>
class Adam final : public UpdateRule<T, Adam<T>> {
 public:
  explicit Adam(OptionReader& o) : UpdateRule<T, Adam<T>>(o) {
    beta_1_ = o.number("beta_1");
    beta_2_ = o.number("beta_2");
    epsilon_ = o.number("epsilon");
    amsgrad_ = o.flag("amsgrad");
    this->remember("beta_1", beta_1_);
    this->remember("beta_2", beta_2_);
    this->remember("epsilon", epsilon_);
    this->remember("amsgrad", amsgrad_);
  }

 protected:
  friend class UpdateRule<T, Adam<T>>;
  // slot 0: m, slot 1: v, slot 2: vhat (amsgrad)
  std::size_t slot_count() const override { return amsgrad_ ? 3 : 2; }
  KerasSlots keras_slots() const override {
    KerasSlots s;
    s.add("m", 0).add("v", 1);
    if (amsgrad_) s.add("vhat", 2);
    return s;
  }
  void begin_step(T lr, std::int64_t t) {
    const T b1_power = std::pow(T(beta_1_), T(t)), b2_power = std::pow(T(beta_2_), T(t));
    alpha_ = lr * std::sqrt(T(1) - b2_power) / (T(1) - b1_power);
  }
  void update(T* __restrict w, const T* __restrict g, T* const* slots, std::size_t n) {
    T* __restrict m = slots[0];
    T* __restrict v = slots[1];
    T* __restrict vhat = amsgrad_ ? slots[2] : nullptr;
    const T one_minus_b1 = T(1) - T(beta_1_), one_minus_b2 = T(1) - T(beta_2_), eps = T(epsilon_), alpha = alpha_;
    for (std::size_t i = 0; i < n; ++i) {
      m[i] += (g[i] - m[i]) * one_minus_b1;
      v[i] += (g[i] * g[i] - v[i]) * one_minus_b2;
      T second = v[i];
      if (vhat) second = vhat[i] = std::max(vhat[i], v[i]);
      w[i] -= m[i] * alpha / (std::sqrt(second) + eps);
    }
  }

 private:
  double beta_1_, beta_2_, epsilon_;
  bool amsgrad_;
  T alpha_ = T(0);
};

}  // namespace nnplay
