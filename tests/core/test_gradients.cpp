// Gradient checks: every op, activation, loss and penalty against central differences in
// double precision, on random shapes and values.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "nnplay/losses.hpp"
#include "nnplay/model.hpp"
#include "nnplay/ops.hpp"
#include "nnplay/regularizers.hpp"

using namespace nnplay;

namespace {

std::mt19937 rng(12345);

double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
std::size_t between(std::size_t a, std::size_t b) { return std::uniform_int_distribution<std::size_t>(a, b)(rng); }

void fill(Matrix<double>& m, double a, double b) {
  for (auto& v : m) v = uniform(a, b);
}

// Compares d(loss)/d(every value of `m`) from backward() with central differences.
void check_gradient(Graph<double>& g, std::size_t rows, Matrix<double>& values, const Matrix<double>& grads,
                    std::size_t used, const std::string& what) {
  const double h = 1e-6;
  for (std::size_t i = 0; i < used; ++i) {
    const double saved = values.data()[i];
    values.data()[i] = saved + h;
    const double up = g.forward(rows);
    values.data()[i] = saved - h;
    const double down = g.forward(rows);
    values.data()[i] = saved;
    const double numeric = (up - down) / (2 * h);
    INFO(what << " element " << i);
    CHECK(grads.data()[i] == Approx(numeric).epsilon(1e-5).margin(1e-8));
  }
}

// One Dense-like block: x · W + b -> activation -> loss against a target.
struct Block {
  Graph<double> graph;
  Node<double> w, b;
  Node<double>* x = nullptr;
  Node<double>* target = nullptr;
  Node<double>* logits = nullptr;
  Node<double>* y = nullptr;
  std::size_t rows = 0;

  bool use_bias;

  Block(std::size_t rows_, std::size_t in, std::size_t out, Activation a, Loss loss, bool from_logits,
        Regularizer reg = {}, bool with_bias = true)
      : w(Node<double>::parameter(in, out)), b(Node<double>::parameter(1, out)), rows(rows_), use_bias(with_bias) {
    graph.reserve(rows);
    x = graph.node(in);
    target = graph.node(out);
    logits = graph.node(out);
    y = graph.node(out);
    graph.add<AffineOp<double>>(x, &w, use_bias ? &b : nullptr, logits);
    auto* act = graph.add<ActivationOp<double>>(a, logits, y);
    if (from_logits) act->skip_backward();
    graph.add_loss<LossOp<double>>(loss, y, from_logits ? logits : nullptr, target);
    if (reg.active()) graph.add_penalty<PenaltyOp<double>>(reg, &w);
    fill(w.value, -1, 1);
    fill(b.value, -0.5, 0.5);
    fill(x->value, -2, 2);
  }

  void check_all(const std::string& what) {
    graph.forward(rows);
    graph.backward(rows);
    // copies: check_gradient runs forward again, which leaves grads untouched
    const Matrix<double> gw = w.grad, gb = b.grad, gx = x->grad;
    check_gradient(graph, rows, w.value, gw, w.value.size(), what + " dW");
    if (use_bias) check_gradient(graph, rows, b.value, gb, b.value.size(), what + " db");
    check_gradient(graph, rows, x->value, gx, rows * x->width(), what + " dx");
  }
};

}  // namespace

TEST_CASE("every activation back-propagates its exact derivative", "[gradients]") {
  for (const auto& name : activation_names()) {
    const Activation a = parse_activation(name);
    for (int trial = 0; trial < 3; ++trial) {
      const std::size_t rows = between(1, 5), in = between(1, 4), out = between(2, 5);
      Block block(rows, in, out, a, Loss::mean_squared_error, false);
      fill(block.target->value, -1, 1);
      block.check_all(name + " shape " + std::to_string(rows) + "x" + std::to_string(in) + "x" + std::to_string(out));
    }
  }
}

TEST_CASE("the affine op back-propagates for every width, with and without bias", "[gradients]") {
  for (std::size_t out = 1; out <= 11; ++out) {  // 1..8 have compile-time kernels, 9+ the generic one
    for (bool bias : {true, false}) {
      const std::size_t rows = between(1, 5), in = between(1, 9);
      Block block(rows, in, out, Activation::linear, Loss::mean_squared_error, false, {}, bias);
      fill(block.target->value, -1, 1);
      block.check_all("affine width " + std::to_string(out) + (bias ? " with bias" : " without bias"));
    }
  }
}

TEST_CASE("every loss back-propagates its exact derivative, from probabilities and from logits", "[gradients]") {
  struct Case {
    Loss loss;
    Activation output;
    bool from_logits;
  };
  const Case cases[] = {
      {Loss::mean_squared_error, Activation::tanh, false},
      {Loss::mean_absolute_error, Activation::linear, false},
      {Loss::binary_crossentropy, Activation::sigmoid, true},    // Keras: from the logits
      {Loss::binary_crossentropy, Activation::sigmoid, false},   // the clipped probability path
      {Loss::binary_crossentropy, Activation::softmax, false},
      {Loss::categorical_crossentropy, Activation::softmax, true},
      {Loss::categorical_crossentropy, Activation::softmax, false},
      {Loss::categorical_crossentropy, Activation::sigmoid, false},  // normalised, then clipped
  };
  for (const auto& c : cases) {
    for (int trial = 0; trial < 3; ++trial) {
      const std::size_t rows = between(1, 6), in = between(1, 4), out = between(2, 4);
      Block block(rows, in, out, c.output, c.loss, c.from_logits);
      if (c.loss == Loss::categorical_crossentropy) {
        block.target->value.fill(0);
        for (std::size_t r = 0; r < rows; ++r) block.target->value(r, between(0, out - 1)) = 1;
      } else if (c.loss == Loss::binary_crossentropy) {
        fill(block.target->value, 0, 1);
      } else {
        fill(block.target->value, -1, 1);
      }
      block.check_all(std::string(loss_name(c.loss)) + " + " + activation_name(c.output) +
                      (c.from_logits ? " (logits)" : " (probabilities)"));
    }
  }
}

TEST_CASE("the logits path gives Keras' closed-form gradients", "[gradients]") {
  // binary CE on a sigmoid: dL/dz = (sigmoid(z) - y) / n
  Block block(3, 2, 2, Activation::sigmoid, Loss::binary_crossentropy, true);
  fill(block.target->value, 0, 1);
  block.graph.forward(3);
  block.graph.backward(3);
  for (std::size_t i = 0; i < 6; ++i) {
    const double z = block.logits->value.data()[i], y = block.target->value.data()[i];
    CHECK(block.logits->grad.data()[i] == Approx((1 / (1 + std::exp(-z)) - y) / 6));
  }
}

TEST_CASE("L1, L2 and L1_L2 penalties back-propagate", "[gradients]") {
  for (const std::string kind : {"l1", "l2", "l1_l2"}) {
    Block block(4, 3, 2, Activation::tanh, Loss::mean_squared_error, false, make_regularizer(kind, 0.03));
    fill(block.target->value, -1, 1);
    block.check_all("penalty " + kind);
  }
}

TEST_CASE("a whole model's compute_gradients matches central differences", "[gradients]") {
  Sequential<double> model(7);
  DenseConfig first{4, "tanh"};
  first.input_dim = 3;
  first.kernel_regularizer = make_regularizer("l2", 0.01);
  model.add(first).add({3, "relu"}).add({3, "softmax"});
  model.compile({"sgd", {}, "categorical_crossentropy", {"accuracy"}});
  Matrix<double> x = Matrix<double>::from_shape({5, 3});
  Matrix<double> y = Matrix<double>::from_shape({5, 3});
  fill(x, -2, 2);
  y.fill(0);
  for (std::size_t r = 0; r < 5; ++r) y(r, r % 3) = 1;
  const auto grads = model.compute_gradients(x, y);
  auto weights = model.get_weights();
  const double h = 1e-6;
  for (std::size_t a = 0; a < weights.size(); ++a) {
    for (std::size_t i = 0; i < weights[a].data.size(); ++i) {
      const double saved = weights[a].data[i];
      weights[a].data[i] = saved + h;
      model.set_weights(weights);
      const double up = model.compute_gradients(x, y).loss;
      weights[a].data[i] = saved - h;
      model.set_weights(weights);
      const double down = model.compute_gradients(x, y).loss;
      weights[a].data[i] = saved;
      INFO(weights[a].name << " element " << i);
      CHECK(grads.gradients[a].data[i] == Approx((up - down) / (2 * h)).epsilon(1e-5).margin(1e-8));
    }
  }
  model.set_weights(weights);
  CHECK(model.compute_gradients(x, y).loss == Approx(grads.loss));  // computing gradients changed nothing
}

namespace {
// An op that only contributes a fixed amount to the loss.
struct FixedLoss final : Op<float> {
  explicit FixedLoss(float v) : value(v) {}
  void forward(std::size_t) override {}
  void backward(std::size_t) override {}
  float loss() const override { return value; }
  float value;
};
}  // namespace

TEST_CASE("the total loss is the data loss plus the sum of the penalties, rounded as Keras does", "[gradients]") {
  // Keras: data + add_n(penalties). With data 1 and two penalties of 2^-24 each, summing
  // the penalties first gives 1 + 2^-23; adding them to the data one by one would give 1.
  Graph<float> graph;
  const float tiny = std::ldexp(1.0f, -24);
  graph.add_loss<FixedLoss>(1.0f);
  graph.add_penalty<FixedLoss>(tiny);
  graph.add_penalty<FixedLoss>(tiny);
  CHECK(graph.forward(1) == 1.0f + 2 * tiny);
  CHECK(graph.forward(1) != 1.0f);
}
