// Every invalid argument throws nnplay::Error whose message names the argument, the bad
// value and what is allowed; the model stays usable afterwards.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <sstream>

#include "nnplay/datasets.hpp"
#include "nnplay/features.hpp"
#include "nnplay/model.hpp"

using namespace nnplay;
using Catch::Contains;

namespace {
Sequential<float>& tutorial(Sequential<float>& m) {
  DenseConfig first{3, "tanh"};
  first.input_dim = 2;
  m.add(first).add({1, "tanh"});
  return m;
}
const float kNaN = std::numeric_limits<float>::quiet_NaN();
}  // namespace

TEST_CASE("layer arguments", "[errors]") {
  Sequential<float> m;
  DenseConfig zero{0, "tanh"};
  zero.input_dim = 2;
  CHECK_THROWS_WITH(m.add(zero), Contains("units must be >= 1, got 0"));
  DenseConfig no_input{3, "tanh"};
  CHECK_THROWS_WITH(m.add(no_input), Contains("first layer needs input_dim"));
  DenseConfig bad_act{3, "swish"};
  bad_act.input_dim = 2;
  CHECK_THROWS_WITH(m.add(bad_act), Contains("unknown activation 'swish'") && Contains("allowed: linear, sigmoid, tanh"));
  DenseConfig bad_init{3, "tanh", true, "he_normalish"};
  bad_init.input_dim = 2;
  CHECK_THROWS_WITH(m.add(bad_init), Contains("kernel_initializer: unknown initializer 'he_normalish'") && Contains("glorot_uniform"));
  DenseConfig mismatch{3, "tanh"};
  mismatch.input_dim = 2;
  m.add(mismatch);
  DenseConfig second{2, "tanh"};
  second.input_dim = 5;
  CHECK_THROWS_WITH(m.add(second), Contains("input_dim 5 does not match the previous layer's 3"));
  CHECK(m.layer_count() == 1);  // failed adds changed nothing
  CHECK_THROWS_WITH(make_regularizer("l3", 0.1), Contains("unknown regularizer 'l3'") && Contains("l1, l2, l1_l2"));
  CHECK_THROWS_WITH(make_regularizer("l2", -1), Contains("rate must be a finite number >= 0, got -1"));
}

TEST_CASE("compile arguments", "[errors]") {
  Sequential<float> empty;
  CHECK_THROWS_WITH(empty.compile({"sgd", {}, "mse", {}}), Contains("no layers"));
  Sequential<float> m;
  tutorial(m);
  CHECK_THROWS_WITH(m.compile({"adamw", {}, "mse", {}}), Contains("unknown optimizer 'adamw'") && Contains("allowed: sgd, adagrad"));
  CHECK_THROWS_WITH(m.compile({"sgd", {}, "hinge", {}}), Contains("unknown loss 'hinge'") && Contains("mean_squared_error"));
  CHECK_THROWS_WITH(m.compile({"sgd", {}, "mse", {"f1"}}), Contains("unknown metric 'f1'") && Contains("tanh_accuracy"));
  CHECK_THROWS_WITH(m.compile({"sgd", {{"learning_rate", -0.1}}, "mse", {}}),
                    Contains("learning_rate must be a finite number >= 0, got -0.1"));
  CHECK_THROWS_WITH(m.compile({"sgd", {{"momentum", 1.5}}, "mse", {}}), Contains("momentum must be in [0, 1], got 1.5"));
  CHECK_THROWS_WITH(m.compile({"adam", {{"beta_1", 1}}, "mse", {}}), Contains("beta_1 must be in [0, 1), got 1"));
  CHECK_THROWS_WITH(m.compile({"adam", {{"momentum", 0.9}}, "mse", {}}),
                    Contains("Adam: unknown option 'momentum'") && Contains("beta_1"));
  CHECK_THROWS_WITH(m.compile({"sgd", {{"nesterov", 2}}, "mse", {}}), Contains("nesterov must be true or false"));
  // a loss that does not fit the output layer
  CHECK_THROWS_WITH(m.compile({"sgd", {}, "categorical_crossentropy", {}}), Contains(">= 2 units") && Contains("1 unit"));
  CHECK_THROWS_WITH(m.compile({"sgd", {}, "binary_crossentropy", {}}), Contains("'sigmoid'") && Contains("'tanh'"));
  CHECK_THROWS_WITH(m.compile({"sgd", {}, "mse", {"mse", "mse"}}), Contains("listed twice"));
  CHECK_FALSE(m.compiled());  // nothing half-done
  m.compile({"sgd", {}, "mse", {}});
  CHECK_THROWS_WITH(m.optimizer().set_learning_rate(-1), Contains("learning_rate must be a finite number >= 0, got -1"));
  CHECK_THROWS_WITH(m.optimizer().set_learning_rate(kNaN), Contains("learning_rate"));
}

TEST_CASE("data arguments", "[errors]") {
  Sequential<float> m;
  tutorial(m);
  Matrix<float> x = matrix_from_rows<float>({{1, 2}, {3, 4}});
  Matrix<float> y = matrix_from_rows<float>({{1}, {-1}});
  CHECK_THROWS_WITH(m.fit(x, y), Contains("not compiled"));
  m.compile({"sgd", {}, "mse", {"tanh_accuracy"}});
  Matrix<float> empty = Matrix<float>::from_shape({0, 2});
  Matrix<float> empty_y = Matrix<float>::from_shape({0, 1});
  CHECK_THROWS_WITH(m.fit(empty, empty_y), Contains("x is empty"));
  CHECK_THROWS_WITH(m.fit(matrix_from_rows<float>({{1, 2, 3}}), matrix_from_rows<float>({{1}})),
                    Contains("x has 3 columns but the model's input has 2"));
  CHECK_THROWS_WITH(m.fit(x, matrix_from_rows<float>({{1}})), Contains("x has 2 rows but y has 1"));
  CHECK_THROWS_WITH(m.fit(x, matrix_from_rows<float>({{1, 1}, {1, 1}})), Contains("y has 2 columns but the output layer has 1"));
  Matrix<float> with_nan = x;
  with_nan(1, 0) = kNaN;
  CHECK_THROWS_WITH(m.fit(with_nan, y), Contains("x: value at row 1, column 0 is NaN"));
  Matrix<float> y_nan = y;
  y_nan(0, 0) = kNaN;
  CHECK_THROWS_WITH(m.evaluate(x, y_nan), Contains("y: value at row 0"));
  CHECK_THROWS_WITH(m.predict(with_nan), Contains("predict: x: value at row 1"));
  CHECK_THROWS_WITH(m.predict(matrix_from_rows<float>({{1}})), Contains("x has 1 columns"));
  FitOptions<float> o;
  o.batch_size = 0;
  CHECK_THROWS_WITH(m.fit(x, y, o), Contains("batch_size must be >= 1, got 0"));
  o.batch_size = 1;
  o.validation_split = 1;
  CHECK_THROWS_WITH(m.fit(x, y, o), Contains("validation_split must be in [0, 1), got 1"));
  o.validation_split = 0.1;  // 2 samples: floor(2 · 0.9) = 1 training, 1 validation — fine
  CHECK_NOTHROW(m.fit(x, y, o));
  const auto one_x = matrix_from_rows<float>({{1, 2}});
  const auto one_y = matrix_from_rows<float>({{1}});
  CHECK_THROWS_WITH(m.fit(one_x, one_y, o), Contains("validation_split 0.1 of 1 samples leaves no training or no validation sample"));
  o.validation_split = 0;
  o.epochs = -1;
  CHECK_THROWS_WITH(m.fit(x, y, o), Contains("epochs must be >= 0, got -1"));
  o.epochs = 1;
  o.early_stopping = EarlyStopping{"val_loss"};
  CHECK_THROWS_WITH(m.fit(x, y, o), Contains("no value named 'val_loss'") && Contains("loss, tanh_accuracy"));
  o.early_stopping = EarlyStopping{"loss", 0, -1};
  CHECK_THROWS_WITH(m.fit(x, y, o), Contains("patience must be >= 0, got -1"));
  // after all those errors the model still trains
  CHECK(m.fit(x, y).epoch.size() == 1);
}

TEST_CASE("labels that do not fit the loss", "[errors]") {
  Sequential<float> m;
  DenseConfig c{2, "tanh"};
  c.input_dim = 2;
  m.add(c).add({1, "sigmoid"});
  m.compile({"sgd", {}, "binary_crossentropy", {}});
  const auto x = matrix_from_rows<float>({{1, 2}});
  CHECK_THROWS_WITH(m.fit(x, matrix_from_rows<float>({{-1}})), Contains("label -1") && Contains("labels in [0, 1]"));
}

TEST_CASE("weights in", "[errors]") {
  Sequential<float> m;
  tutorial(m);
  auto w = m.get_weights();
  auto fewer = w;
  fewer.pop_back();
  CHECK_THROWS_WITH(m.set_weights(fewer), Contains("expected 4 arrays") && Contains("got 3"));
  auto wrong = w;
  wrong[0].shape = {3, 2};
  CHECK_THROWS_WITH(m.set_weights(wrong), Contains("array 0 must have shape [2, 3]"));
  auto nan = w;
  nan[3].data[0] = kNaN;
  CHECK_THROWS_WITH(m.set_weights(nan), Contains("array 3 value 0 is NaN"));
  CHECK(m.get_weights()[0].data == w[0].data);
  CHECK_THROWS_WITH(m.layer(7), Contains("index 7 is out of range"));
}

TEST_CASE("dataset and feature arguments", "[errors]") {
  CHECK_THROWS_WITH(generate_dataset<float>("moons", 0, 1), Contains("unknown dataset 'moons'") && Contains("circle, xor"));
  CHECK_THROWS_WITH(generate_dataset<float>("circle", 0.9, 1), Contains("noise must be in [0, 0.8]") && Contains("0.9"));
  CHECK_THROWS_WITH(generate_dataset<float>("circle", -0.1, 1), Contains("got -0.1"));
  const auto d = generate_dataset<float>("circle", 0, 1);
  CHECK_THROWS_WITH(split_dataset(d.points, d.labels, 0, 1), Contains("training_ratio must be in (0, 1], got 0"));
  CHECK_THROWS_WITH(parse_features({"x", "cosX"}), Contains("unknown feature 'cosX'") && Contains("sinY"));
  CHECK_THROWS_WITH(parse_features({}), Contains("at least one input feature"));
  CHECK_THROWS_WITH(parse_features({"x", "x"}), Contains("listed twice"));
}

// Messages are built with nnplay::Text, not std::ostringstream (size of the wasm engine):
// it must print as the stream did by default.
TEST_CASE("message text prints numbers as std::ostream does", "[errors]") {
  for (double v : {0.03, 1e-7, 123456789.0, -2.5, 0.0, 1e39, 3.4028234663852886e38}) {
    std::ostringstream stream;
    stream << v;
    Text text;
    text << v;
    CHECK(text.str() == stream.str());
  }
  Text text;
  text << "n=" << std::uint64_t{4294967296} << ", s=" << std::size_t{12345} << ", i=" << -7 << ", f=" << 0.5f << ", c=" << 'x' << ", b=" << true;
  CHECK(text.str() == "n=4294967296, s=12345, i=-7, f=0.5, c=x, b=1");
  CHECK_THROWS_WITH(fail("learning_rate ", 0.001, " and ", 3u), "learning_rate 0.001 and 3");
}

TEST_CASE("require_finite names the first NaN or infinity, wherever it is", "[errors]") {
  Matrix<float> m = Matrix<float>::from_shape({3, 5});
  m.fill(1.5f);
  CHECK_NOTHROW(require_finite(m, "x"));
  for (float bad : {kNaN, std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()}) {
    for (std::size_t cell : {std::size_t(0), std::size_t(7), std::size_t(14)}) {
      Matrix<float> copy = m;
      copy.data()[cell] = bad;
      CHECK_THROWS_WITH(require_finite(copy, "x"), Contains("x: value at row " + std::to_string(cell / 5) + ", column " + std::to_string(cell % 5)));
    }
  }
  Matrix<double> d = Matrix<double>::from_shape({1, 2});
  d(0, 0) = 1e308;
  d(0, 1) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(require_finite(d, "y"), Contains("y: value at row 0, column 1 is +Inf"));
}
