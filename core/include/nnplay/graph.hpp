// Reverse-mode autodiff over batches. A Graph is a tape of operations built once (when a
// model is compiled); every node's buffers are sized for a batch capacity, so a training
// step — forward, backward — runs over preallocated memory and allocates nothing.
//
// Each Op knows its own local derivative (as in micrograd): forward() fills its output
// nodes, backward() computes its inputs' gradients from its outputs' gradients. The graph
// runs ops in order and then in reverse.
//
// Every gradient has exactly one op that writes it, and that op assigns it (a Sequential
// network is a chain, so this holds): nothing is zeroed before backward, and running the
// ops in reverse writes each gradient before any op reads it. Penalties (regularizers),
// which add to parameter gradients the network ops wrote, run after them.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "nnplay/tensor.hpp"

namespace nnplay {

// A value in the graph and the gradient of the loss with respect to it. Batch-sized
// nodes (inputs, activations) use their first `rows` rows; parameters have fixed shape.
template <class T>
struct Node {
  Matrix<T> value;
  Matrix<T> grad;
  // False for data (the model's inputs and targets): no op computes a gradient for it.
  bool needs_grad = true;

  std::size_t width() const { return value.shape()[1]; }

  // A parameter of fixed shape, e.g. a kernel [in, out] or a bias [1, out].
  static Node parameter(std::size_t r, std::size_t c) {
    Node n;
    n.value = Matrix<T>::from_shape({r, c});
    n.value.fill(T(0));
    n.grad = Matrix<T>::from_shape({r, c});
    n.grad.fill(T(0));
    return n;
  }
};

template <class T>
class Op {
 public:
  virtual ~Op() = default;
  virtual void forward(std::size_t rows) = 0;
  virtual void backward(std::size_t rows) = 0;
  // What this op adds to the loss (losses and penalties); 0 for the others.
  virtual T loss() const { return T(0); }
};

template <class T>
class Graph {
 public:
  // A batch-sized node of `cols` columns, owned by the graph.
  Node<T>* node(std::size_t cols) {
    auto n = std::make_unique<Node<T>>();
    n->value = Matrix<T>::from_shape({capacity_, cols});
    n->grad = Matrix<T>::from_shape({capacity_, cols});
    nodes_.push_back(std::move(n));
    return nodes_.back().get();
  }

  // Appends an op. Network ops compute the prediction; loss ops (the data loss, which
  // writes the prediction's gradient) and penalties (which add to parameter gradients)
  // only run when the loss is wanted, after all network ops.
  template <class OpType, class... Args>
  OpType* add(Args&&... args) {
    return append<OpType>(ops_, std::forward<Args>(args)...);
  }
  template <class OpType, class... Args>
  OpType* add_loss(Args&&... args) {
    return append<OpType>(loss_ops_, std::forward<Args>(args)...);
  }
  template <class OpType, class... Args>
  OpType* add_penalty(Args&&... args) {
    return append<OpType>(penalty_ops_, std::forward<Args>(args)...);
  }

  // Grows every batch-sized buffer to hold `rows` rows; the only place that allocates.
  void reserve(std::size_t rows) {
    if (rows <= capacity_) return;
    for (auto& n : nodes_) {
      const std::size_t c = n->width();
      Matrix<T> v = Matrix<T>::from_shape({rows, c});
      std::copy(n->value.data(), n->value.data() + n->value.size(), v.data());  // keep staged inputs
      n->value = std::move(v);
      n->grad = Matrix<T>::from_shape({rows, c});
    }
    capacity_ = rows;
  }
  std::size_t capacity() const { return capacity_; }
  // Gives back what a large batch took: buffers shrink to `rows` rows (contents dropped).
  void release_to(std::size_t rows) {
    if (rows >= capacity_) return;
    for (auto& n : nodes_) {
      n->value = Matrix<T>::from_shape({rows, n->width()});
      n->grad = Matrix<T>::from_shape({rows, n->width()});
    }
    capacity_ = rows;
  }

  // Runs the network ops on the first `rows` rows.
  void forward_network(std::size_t rows) {
    for (auto& op : ops_) op->forward(rows);
  }

  // Runs the network, loss and penalty ops; returns the total loss (data loss + penalties).
  T forward(std::size_t rows) {
    forward_network(rows);
    T data = T(0), penalties = T(0);
    for (auto& op : loss_ops_) {
      op->forward(rows);
      data += op->loss();
    }
    for (auto& op : penalty_ops_) {
      op->forward(rows);
      penalties += op->loss();
    }
    return data + penalties;  // Keras: data loss + add_n(regularization losses), in that rounding
  }

  // Gradients of the total loss for every node and parameter (after forward()).
  void backward(std::size_t rows) {
    for (auto it = loss_ops_.rbegin(); it != loss_ops_.rend(); ++it) (*it)->backward(rows);
    for (auto it = ops_.rbegin(); it != ops_.rend(); ++it) (*it)->backward(rows);
    for (auto& op : penalty_ops_) op->backward(rows);
  }

 private:
  template <class OpType, class... Args>
  static OpType* append(std::vector<std::unique_ptr<Op<T>>>& list, Args&&... args) {
    auto op = std::make_unique<OpType>(std::forward<Args>(args)...);
    OpType* raw = op.get();
    list.push_back(std::move(op));
    return raw;
  }

  std::size_t capacity_ = 1;
  std::vector<std::unique_ptr<Node<T>>> nodes_;
  std::vector<std::unique_ptr<Op<T>>> ops_;
  std::vector<std::unique_ptr<Op<T>>> loss_ops_;
  std::vector<std::unique_ptr<Op<T>>> penalty_ops_;
};

}  // namespace nnplay
