// Loss values and metric values on small hand-worked examples.
#include <catch2/catch.hpp>

#include <cmath>

#include "nnplay/losses.hpp"
#include "nnplay/metrics.hpp"
#include "nnplay/model.hpp"

using namespace nnplay;

namespace {
// A single linear Dense layer with identity weights, so that the prediction is x itself.
double loss_of(const std::string& loss, const std::string& activation, const std::vector<std::vector<double>>& pre,
               const std::vector<std::vector<double>>& y) {
  const std::size_t n = pre[0].size();
  Sequential<double> m;
  DenseConfig c{n, activation};
  c.input_dim = n;
  m.add(c);
  std::vector<double> eye(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) eye[i * n + i] = 1;
  m.set_weights({{"k", {n, n}, eye}, {"b", {n}, std::vector<double>(n, 0.0)}});
  m.compile({"sgd", {}, loss, {}});
  return m.evaluate(matrix_from_rows(pre), matrix_from_rows(y)).at("loss");
}
}  // namespace

TEST_CASE("mean squared and absolute error: mean over the last axis, then the batch", "[losses]") {
  CHECK(loss_of("mse", "linear", {{1, 2}, {0, 0}}, {{0, 0}, {0, 1}}) == Approx((0.5 * (1 + 4) + 0.5 * 1) / 2));
  CHECK(loss_of("mean_absolute_error", "linear", {{1, -2}}, {{0, 0}}) == Approx(1.5));
  CHECK(loss_of("meanSquaredError", "linear", {{3}}, {{1}}) == Approx(4));  // tfjs' name
}

TEST_CASE("binary cross entropy: from logits for a sigmoid, else clipped with Keras' epsilon", "[losses]") {
  const double z = 0.7, y = 1;
  const double expected = std::max(z, 0.0) - z * y + std::log1p(std::exp(-std::fabs(z)));
  CHECK(loss_of("binary_crossentropy", "sigmoid", {{z}}, {{y}}) == Approx(expected));
  // saturated: from logits there is no clipping, so a very wrong logit costs ~|z|
  CHECK(loss_of("binary_crossentropy", "sigmoid", {{-40}}, {{1}}) == Approx(40).epsilon(1e-9));
  // softmax output (probabilities path): p = [0.5, 0.5] vs y = [1, 0]
  const double p = 0.5, eps = 1e-7;
  const double bce = -(std::log(p + eps) + std::log(1 - p + eps)) / 2;
  CHECK(loss_of("binary_crossentropy", "softmax", {{0, 0}}, {{1, 0}}) == Approx(bce));
}

TEST_CASE("categorical cross entropy from softmax logits and from probabilities", "[losses]") {
  const double z0 = 1, z1 = 2, z2 = 0.5;
  const double lse = std::log(std::exp(z0) + std::exp(z1) + std::exp(z2));
  CHECK(loss_of("categorical_crossentropy", "softmax", {{z0, z1, z2}}, {{0, 1, 0}}) == Approx(lse - z1));
  // from sigmoid outputs: normalised to sum 1 first
  const double s[] = {1 / (1 + std::exp(-z0)), 1 / (1 + std::exp(-z1)), 1 / (1 + std::exp(-z2))};
  const double total = s[0] + s[1] + s[2];
  CHECK(loss_of("categorical_crossentropy", "sigmoid", {{z0, z1, z2}}, {{1, 0, 0}}) == Approx(-std::log(s[0] / total)));
}

TEST_CASE("tanh_accuracy counts an output of exactly 0 as +1", "[metrics]") {
  const double p[] = {0.0, -0.1, 0.3, -0.8};
  const double y[] = {1, 1, 1, -1};
  CHECK(metric_sum(MetricKind::tanh_accuracy, p, y, 4, 1) == 3);
}

TEST_CASE("binary_accuracy uses a strict 0.5 threshold", "[metrics]") {
  const double p[] = {0.5, 0.51, 0.2};
  const double y[] = {1, 1, 0};
  CHECK(metric_sum(MetricKind::binary_accuracy, p, y, 3, 1) == 2);
}

TEST_CASE("categorical_accuracy compares argmaxes, ties to the lowest index", "[metrics]") {
  const double p[] = {0.2, 0.7, 0.1, 0.4, 0.4, 0.2};
  const double y[] = {0, 1, 0, 0, 1, 0};
  CHECK(metric_sum(MetricKind::categorical_accuracy, p, y, 2, 3) == 1);
}

TEST_CASE("'accuracy' resolves as Keras does", "[metrics]") {
  CHECK(resolve_metric("accuracy", 1).kind == MetricKind::binary_accuracy);
  CHECK(resolve_metric("acc", 3).kind == MetricKind::categorical_accuracy);
  CHECK(resolve_metric("acc", 3).name == "acc");  // the history key is the name given
  CHECK(resolve_metric("mse", 1).kind == MetricKind::mean_squared_error);
  CHECK(resolve_metric("mae", 1).kind == MetricKind::mean_absolute_error);
  // with a tanh output and ±1 labels, 'accuracy' is the wrong metric (the tutorial's point)
  const double p[] = {0.9, -0.9};
  const double y[] = {1, -1};
  CHECK(metric_sum(MetricKind::binary_accuracy, p, y, 2, 1) == 1);
  CHECK(metric_sum(MetricKind::tanh_accuracy, p, y, 2, 1) == 2);
}

TEST_CASE("which losses are computed from logits", "[losses]") {
  CHECK(loss_uses_logits(Loss::binary_crossentropy, Activation::sigmoid));
  CHECK(loss_uses_logits(Loss::categorical_crossentropy, Activation::softmax));
  CHECK_FALSE(loss_uses_logits(Loss::binary_crossentropy, Activation::softmax));
  CHECK_FALSE(loss_uses_logits(Loss::mean_squared_error, Activation::sigmoid));
  CHECK(parse_loss("mse") == Loss::mean_squared_error);
  CHECK(parse_loss("MAE") == Loss::mean_absolute_error);
}
