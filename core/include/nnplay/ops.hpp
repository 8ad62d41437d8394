// The network's operations: out = x·W + b (matmul and bias add in one pass over memory)
// and out = f(x). Each records its input and output nodes at construction and computes
// its local derivative in backward().
#pragma once

#include <cstddef>
#include <vector>

#include "nnplay/activations.hpp"
#include "nnplay/graph.hpp"

namespace nnplay {

// out[rows, n] = x[rows, k] · w[k, n] + b[1, n]; b may be null (use_bias = false).
template <class T>
class AffineOp final : public Op<T> {
 public:
  AffineOp(Node<T>* x, Node<T>* w, Node<T>* b, Node<T>* out)
      : x_(x), w_(w), b_(b), out_(out), w_transposed_(w->value.size()) {}
  void forward(std::size_t rows) override;
  void backward(std::size_t rows) override;

 private:
  Node<T>* x_;
  Node<T>* w_;
  Node<T>* b_;
  Node<T>* out_;
  std::vector<T> w_transposed_;  // scratch for backward: dx = dout · Wᵀ
};

// out = f(x), element-wise (softmax: along each row).
template <class T>
class ActivationOp final : public Op<T> {
 public:
  ActivationOp(Activation a, Node<T>* x, Node<T>* out) : activation_(a), x_(x), out_(out) {}
  void forward(std::size_t rows) override;
  void backward(std::size_t rows) override;
  // When the loss is computed from the logits (sigmoid + binary cross entropy, softmax +
  // categorical cross entropy), the loss writes the logits' gradient itself.
  void skip_backward() { skip_backward_ = true; }

 private:
  Activation activation_;
  Node<T>* x_;
  Node<T>* out_;
  bool skip_backward_ = false;
};

// A Dense layer's work: z = x·W + b, then y = f(z), as one op: one virtual call each
// way instead of two (in wasm an indirect call costs several times what it does natively,
// and the tutorial's network does little else per call).
template <class T>
class DenseOp final : public Op<T> {
 public:
  DenseOp(Node<T>* x, Node<T>* w, Node<T>* b, Activation a, Node<T>* z, Node<T>* y)
      : affine_(x, w, b, z), activation_(a, z, y) {}
  void forward(std::size_t rows) override {
    affine_.forward(rows);
    activation_.forward(rows);
  }
  void backward(std::size_t rows) override {
    activation_.backward(rows);
    affine_.backward(rows);
  }
  // See ActivationOp::skip_backward.
  void skip_activation_backward() { activation_.skip_backward(); }

 private:
  AffineOp<T> affine_;
  ActivationOp<T> activation_;
};

}  // namespace nnplay
