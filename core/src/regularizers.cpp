#include "nnplay/regularizers.hpp"

#include <cmath>

#include "nnplay/errors.hpp"

namespace nnplay {

Regularizer make_regularizer(const std::string& kind, double rate) {
  if (!std::isfinite(rate) || rate < 0) {
    fail("regularizer: rate must be a finite number >= 0, got ", rate);
  }
  if (kind.empty() || kind == "none") return {};
  if (kind == "l1" || kind == "L1") return {rate, 0};
  if (kind == "l2" || kind == "L2") return {0, rate};
  if (kind == "l1_l2") return {rate, rate};
  fail("regularizer: unknown regularizer '", kind, "'; allowed: none, l1, l2, l1_l2");
}

template <class T>
void PenaltyOp<T>::forward(std::size_t) {
  const T* w = weights_->value.data();
  T a = T(0), s = T(0);
  for (std::size_t i = 0, n = weights_->value.size(); i < n; ++i) {
    a += std::fabs(w[i]);
    s += w[i] * w[i];
  }
  value_ = T(regularizer_.l1) * a + T(regularizer_.l2) * s;
}

// Adds to the gradient the network wrote (penalties run last in Graph::backward).
template <class T>
void PenaltyOp<T>::backward(std::size_t) {
  const T* w = weights_->value.data();
  T* g = weights_->grad.data();
  const T l1 = T(regularizer_.l1), two_l2 = T(2 * regularizer_.l2);
  for (std::size_t i = 0, n = weights_->value.size(); i < n; ++i) {
    g[i] += l1 * T((w[i] > T(0)) - (w[i] < T(0))) + two_l2 * w[i];  // sign(0) = 0, as TF
  }
}

template class PenaltyOp<float>;
template class PenaltyOp<double>;

}  // namespace nnplay
