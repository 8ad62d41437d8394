// Sequential: structure, initial weights, weights in and out, inference views, summary.
#include <catch2/catch.hpp>

#include <cmath>

#include "nnplay/datasets.hpp"
#include "nnplay/model.hpp"

using namespace nnplay;

namespace {
void tutorial_layers(Sequential<float>& m) {
  DenseConfig first{3, "tanh"};
  first.input_dim = 2;
  m.add(first).add({3, "tanh"}).add({1, "tanh"});
}
}  // namespace

TEST_CASE("summary prints Keras' table", "[model]") {
  Sequential<float> m;
  tutorial_layers(m);
  const std::string expected =
      "Model: \"sequential\"\n"
      "_________________________________________________________________\n"
      "Layer (type)                 Output Shape              Param #   \n"
      "=================================================================\n"
      "dense (Dense)                (None, 3)                 9         \n"
      "_________________________________________________________________\n"
      "dense_1 (Dense)              (None, 3)                 12        \n"
      "_________________________________________________________________\n"
      "dense_2 (Dense)              (None, 1)                 4         \n"
      "=================================================================\n"
      "Total params: 25\n"
      "Trainable params: 25\n"
      "Non-trainable params: 0\n"
      "_________________________________________________________________\n";
  CHECK(m.summary() == expected);
  Sequential<float> big;
  DenseConfig wide{1000, "relu"};
  wide.input_dim = 7;
  big.add(wide).add({8, "tanh"});
  CHECK_THAT(big.summary(), Catch::Contains("Total params: 16,008"));
}

TEST_CASE("weights: Keras order and shapes, glorot_uniform and zeros by default", "[model]") {
  Sequential<float> m(3);
  tutorial_layers(m);
  const auto w = m.get_weights();
  REQUIRE(w.size() == 6);
  CHECK(w[0].name == "dense/kernel:0");
  CHECK(w[0].shape == std::vector<std::size_t>{2, 3});
  CHECK(w[1].name == "dense/bias:0");
  CHECK(w[1].shape == std::vector<std::size_t>{3});
  CHECK(w[5].name == "dense_2/bias:0");
  const double limit = std::sqrt(6.0 / (2 + 3));
  for (float v : w[0].data) CHECK(std::fabs(v) <= limit);
  for (float v : w[1].data) CHECK(v == 0);
  CHECK(m.parameter_count() == 25);
}

TEST_CASE("the same seed draws the same initial weights", "[model]") {
  Sequential<float> a(42), b(42), c(43);
  tutorial_layers(a);
  tutorial_layers(b);
  tutorial_layers(c);
  CHECK(a.get_weights()[0].data == b.get_weights()[0].data);
  CHECK(a.get_weights()[4].data == b.get_weights()[4].data);
  CHECK(a.get_weights()[0].data != c.get_weights()[0].data);
}

TEST_CASE("the playground's original init: uniform from -0.5 to 0.5, bias 0.1", "[model]") {
  Sequential<float> m(1);
  DenseConfig c{8, "tanh", true, "playground", "playground"};
  c.input_dim = 2;
  m.add(c);
  const auto w = m.get_weights();
  float lo = 1, hi = -1;
  for (float v : w[0].data) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    CHECK(v >= -0.5f);
    CHECK(v < 0.5f);
  }
  CHECK(hi - lo > 0.4f);  // spread over the range, not a constant
  for (float v : w[1].data) CHECK(v == Approx(0.1f));
}

TEST_CASE("use_bias = false has no bias array", "[model]") {
  Sequential<float> m;
  DenseConfig c{4, "relu", false};
  c.input_dim = 3;
  m.add(c);
  CHECK(m.get_weights().size() == 1);
  CHECK(m.parameter_count() == 12);
}

TEST_CASE("set_weights round-trips and predictions follow the weights", "[model]") {
  Sequential<double> m;
  DenseConfig c{1, "linear"};
  c.input_dim = 2;
  m.add(c);
  m.set_weights({{"k", {2, 1}, {2.0, -1.0}}, {"b", {1}, {0.5}}});
  Matrix<double> x = matrix_from_rows<double>({{1, 1}, {3, 2}});
  const auto p = m.predict(x);
  CHECK(p(0, 0) == 1.5);
  CHECK(p(1, 0) == 4.5);
  CHECK(m.get_weights()[0].data == std::vector<double>{2.0, -1.0});
}

TEST_CASE("layer outputs: every unit of every layer, consistent with predict", "[model]") {
  Sequential<float> m(9);
  tutorial_layers(m);
  const auto data = generate_dataset<float>("xor", 0, 1, 37);
  const auto outs = m.layer_outputs(data.points);
  REQUIRE(outs.size() == 3);
  CHECK(outs[0].shape()[0] == 37);
  CHECK(outs[0].shape()[1] == 3);
  CHECK(outs[2].shape()[1] == 1);
  const auto p = m.predict(data.points, 5);  // other batching, same numbers
  for (std::size_t i = 0; i < 37; ++i) CHECK(outs[2](i, 0) == p(i, 0));
  // first layer by hand: tanh(x · W + b)
  const auto w = m.get_weights();
  for (std::size_t j = 0; j < 3; ++j) {
    const float z = data.points(4, 0) * w[0].data[j] + data.points(4, 1) * w[0].data[3 + j] + w[1].data[j];
    CHECK(outs[0](4, j) == Approx(std::tanh(z)).epsilon(1e-6));
  }
  // the zero-copy view gives the same values
  m.forward(data.points);
  CHECK(m.layer_output_data(1)[5 * 3 + 2] == outs[1](5, 2));
}

TEST_CASE("compute_gradients reports the loss and changes nothing", "[model]") {
  Sequential<float> m(2);
  tutorial_layers(m);
  m.compile({"sgd", {{"learning_rate", 0.1}}, "mse", {}});
  const auto data = generate_dataset<float>("gauss", 0, 1, 20);
  const auto before = m.get_weights();
  const auto g = m.compute_gradients(data.points, data.labels);
  CHECK(g.gradients.size() == 6);
  CHECK(g.gradients[0].name == "dense/kernel:0");
  CHECK(g.loss == Approx(m.evaluate(data.points, data.labels, 20).at("loss")));
  CHECK(m.get_weights()[0].data == before[0].data);
  CHECK(m.optimizer().iterations() == 0);
}

TEST_CASE("a regularizer's penalty is part of the loss, as in Keras", "[model]") {
  Sequential<double> plain(4), regularized(4);
  DenseConfig c{3, "tanh"};
  c.input_dim = 2;
  plain.add(c).add({1, "tanh"});
  c.kernel_regularizer = make_regularizer("l2", 0.03);
  regularized.add(c).add({1, "tanh"});
  plain.compile({"sgd", {}, "mse", {}});
  regularized.compile({"sgd", {}, "mse", {}});
  const auto data = generate_dataset<double>("gauss", 0, 1, 20);
  const auto weights = regularized.get_weights();
  double sum_sq = 0;
  for (double v : weights[0].data) sum_sq += v * v;
  CHECK(regularized.evaluate(data.points, data.labels).at("loss") ==
        Approx(plain.evaluate(data.points, data.labels).at("loss") + 0.03 * sum_sq));
}

TEST_CASE("softmax + categorical cross entropy trains the 3-class set", "[model]") {
  const auto data = generate_dataset<float>("gauss3", 0, 2);
  Sequential<float> m(1);
  DenseConfig c{6, "tanh"};
  c.input_dim = 2;
  m.add(c).add({3, "softmax"});
  m.compile({"adam", {{"learning_rate", 0.03}}, "categorical_crossentropy", {"accuracy"}});
  FitOptions<float> o;
  o.epochs = 30;
  o.batch_size = 16;
  const auto h = m.fit(data.points, data.labels, o);
  CHECK(h.at("accuracy").back() > 0.95);
  CHECK(h.at("loss").back() < h.at("loss").front());
}

TEST_CASE("sigmoid + binary cross entropy trains 0/1 labels", "[model]") {
  auto data = generate_dataset<float>("circle", 0, 2);
  for (auto& v : data.labels) v = v > 0 ? 1.0f : 0.0f;
  Sequential<float> m(1);
  DenseConfig c{8, "relu"};
  c.input_dim = 2;
  m.add(c).add({1, "sigmoid"});
  m.compile({"rmsprop", {{"learning_rate", 0.01}}, "binary_crossentropy", {"accuracy"}});
  FitOptions<float> o;
  o.epochs = 40;
  o.batch_size = 10;
  const auto h = m.fit(data.points, data.labels, o);
  CHECK(h.at("accuracy").back() > 0.9);
}

TEST_CASE("the learning rate changes live between fits", "[model]") {
  Sequential<float> m(1);
  tutorial_layers(m);
  m.compile({"sgd", {{"learning_rate", 0.03}}, "mse", {}});
  m.optimizer().set_learning_rate(0.3);
  CHECK(m.optimizer().learning_rate() == Approx(0.3));
  CHECK(m.optimizer().config().front().second == Approx(0.3));
}
