// Nadam(learning_rate, beta_1, beta_2, epsilon, schedule_decay): tf.keras 2.x
// (OptimizerV2) nadam.py. The momentum schedule is mu_t = beta_1·(1 - 0.5·0.96^(schedule_decay·t)),
// schedule_decay 0.004 by default: the keyword tf.keras 2.x takes for the old Keras NAdam
// (tf.keras >= 2.11 and Keras 3 dropped it). It is not a learning-rate decay.
// The learning rate is not decayed (Nadam overrides _prepare_local).
#pragma once

#include <cmath>

#include "nnplay/optimizers/optimizer.hpp"

namespace nnplay {

template <class T>
class Nadam final : public UpdateRule<T, Nadam<T>> {
 public:
  explicit Nadam(OptionReader& o) : UpdateRule<T, Nadam<T>>(o) {
    beta_1_ = o.number("beta_1");
    beta_2_ = o.number("beta_2");
    epsilon_ = o.number("epsilon");
    schedule_decay_ = o.number("schedule_decay");
    this->remember("beta_1", beta_1_);
    this->remember("beta_2", beta_2_);
    this->remember("epsilon", epsilon_);
    this->remember("schedule_decay", schedule_decay_);
  }

 protected:
  friend class UpdateRule<T, Nadam<T>>;
  // slot 0: m, slot 1: v
  std::size_t slot_count() const override { return 2; }
  KerasSlots keras_slots() const override { return KerasSlots().add("m", 0).add("v", 1); }
  // Π mu_i over the steps so far (1 before the first): Keras' momentum_cache weight.
  std::vector<std::pair<std::string, double>> scalar_state() const override { return {{"momentum_cache", double(momentum_cache_)}}; }
  void on_build() override { momentum_cache_ = T(1); }
  void begin_step(T lr, std::int64_t t) {
    const T b1 = T(beta_1_), decay = T(schedule_decay_);
    const T mu_t = b1 * (T(1) - T(0.5) * std::pow(T(0.96), decay * T(t)));
    const T mu_next = b1 * (T(1) - T(0.5) * std::pow(T(0.96), decay * T(t + 1)));
    const T prod_t = momentum_cache_ * mu_t;  // Π_{i<=t} mu_i
    momentum_cache_ = prod_t;
    const T prod_next = prod_t * mu_next;
    lr_ = lr;
    mu_t_ = mu_t;
    mu_next_ = mu_next;
    g_scale_ = T(1) / (T(1) - prod_t);
    m_scale_ = T(1) / (T(1) - prod_next);
    v_scale_ = T(1) / (T(1) - std::pow(T(beta_2_), T(t)));
  }
  void update(T* __restrict w, const T* __restrict g, T* const* slots, std::size_t n) {
    T* __restrict m = slots[0];
    T* __restrict v = slots[1];
    const T b1 = T(beta_1_), b2 = T(beta_2_), eps = T(epsilon_);
    for (std::size_t i = 0; i < n; ++i) {
      const T g_prime = g[i] * g_scale_;
      m[i] = b1 * m[i] + (T(1) - b1) * g[i];
      const T m_prime = m[i] * m_scale_;
      v[i] = b2 * v[i] + (T(1) - b2) * g[i] * g[i];
      const T v_prime = v[i] * v_scale_;
      const T m_bar = (T(1) - mu_t_) * g_prime + mu_next_ * m_prime;
      w[i] -= lr_ * m_bar / (std::sqrt(v_prime) + eps);
    }
  }

 private:
  double beta_1_, beta_2_, epsilon_, schedule_decay_;
  T momentum_cache_ = T(1);
  T lr_ = T(0), mu_t_ = T(0), mu_next_ = T(0), g_scale_ = T(0), m_scale_ = T(0), v_scale_ = T(0);
};

}  // namespace nnplay
