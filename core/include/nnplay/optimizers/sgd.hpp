// SGD(learning_rate, momentum, nesterov): kernels ApplyGradientDescent and
// ApplyKerasMomentum (the "velocity" form v = m·v - lr·g).
#pragma once

#include "nnplay/optimizers/optimizer.hpp"

namespace nnplay {

template <class T>
class SGD final : public UpdateRule<T, SGD<T>> {
 public:
  explicit SGD(OptionReader& o) : UpdateRule<T, SGD<T>>(o) {
    momentum_ = o.number("momentum");  // Keras: "`momentum` must be between [0, 1]"
    nesterov_ = o.flag("nesterov");
    this->remember("momentum", momentum_);
    this->remember("nesterov", nesterov_);
  }

 protected:
  friend class UpdateRule<T, SGD<T>>;
  std::size_t slot_count() const override { return momentum_ > 0 ? 1 : 0; }
  KerasSlots keras_slots() const override {
    KerasSlots s;
    if (momentum_ > 0) s.add("momentum", 0);
    return s;
  }
  void begin_step(T lr, std::int64_t) { lr_ = lr; }
  void update(T* __restrict w, const T* __restrict g, T* const* slots, std::size_t n) {
    if (momentum_ == 0) {
      for (std::size_t i = 0; i < n; ++i) w[i] -= g[i] * lr_;
      return;
    }
    const T m = T(momentum_);
    T* __restrict v = slots[0];
    for (std::size_t i = 0; i < n; ++i) {
      v[i] = v[i] * m - g[i] * lr_;
      w[i] += nesterov_ ? v[i] * m - g[i] * lr_ : v[i];
    }
  }

 private:
  double momentum_;
  bool nesterov_;
  T lr_ = T(0);
};

}  // namespace nnplay
