// Kernel regularizers of tf.keras: l1(λ) adds λ·Σ|w|, l2(λ) adds λ·Σw² (no ½, so its
// gradient is 2λw), l1_l2 both. The penalty is part of the reported loss, as in Keras.
#pragma once

#include <string>

#include "nnplay/graph.hpp"

namespace nnplay {

struct Regularizer {
  double l1 = 0;
  double l2 = 0;
  bool active() const { return l1 != 0 || l2 != 0; }
};

// "none" / "" -> no penalty, "l1", "l2", "l1_l2" with `rate` (Keras' default 0.01 for each).
Regularizer make_regularizer(const std::string& kind, double rate = 0.01);

template <class T>
class PenaltyOp final : public Op<T> {
 public:
  PenaltyOp(Regularizer r, Node<T>* weights) : regularizer_(r), weights_(weights) {}
  void forward(std::size_t rows) override;
  void backward(std::size_t rows) override;
  T loss() const override { return value_; }

 private:
  Regularizer regularizer_;
  Node<T>* weights_;
  T value_ = T(0);
};

}  // namespace nnplay
