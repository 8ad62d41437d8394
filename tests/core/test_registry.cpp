// The engine agrees with core/registry.json: every optimizer there has a C++ class that
// takes exactly the registry's options, with the registry's defaults; the error messages
// list the registry's names; the loss, activation and metric names are the engine's.
#include <catch2/catch.hpp>
#include <cmath>

#include <string>
#include <vector>

#include "nnplay/activations.hpp"
#include "nnplay/datasets.hpp"
#include "nnplay/errors.hpp"
#include "nnplay/features.hpp"
#include "nnplay/model.hpp"
#include "nnplay/losses.hpp"
#include "nnplay/metrics.hpp"
#include "nnplay/optimizers.hpp"
#include "nnplay/registry.hpp"

using namespace nnplay;
using Catch::Matchers::Contains;

namespace {
double config_value(const Optimizer<double>& o, const std::string& key) {
  for (const auto& [k, v] : o.config()) {
    if (k == key) return v;
  }
  FAIL("config() of " << o.name() << " has no " << key);
  return 0;
}
}  // namespace

TEST_CASE("every registry optimizer builds with the registry's name and defaults", "[registry]") {
  REQUIRE(registry::optimizers().size() == 7);
  std::vector<std::string> class_names;
  for (const auto& entry : registry::optimizers()) {
    INFO(entry.key);
    class_names.emplace_back(entry.class_name);
    const auto o = make_optimizer<double>(entry.key);
    CHECK(o->name() == entry.class_name);
    CHECK(make_optimizer<float>(entry.class_name)->name() == entry.class_name);
    for (std::size_t i = 0; i < entry.option_count; ++i) {
      const auto& option = entry.options[i];
      INFO(option.name);
      const std::string name = option.name;
      if (name == "learning_rate") CHECK(o->learning_rate() == option.default_value);
      else if (name != "decay" && !option.engine_only) CHECK(config_value(*o, name) == option.default_value);
    }
  }
  CHECK(optimizer_names() == class_names);
}

TEST_CASE("each optimizer reads every option the registry lists for it", "[registry]") {
  for (const auto& entry : registry::optimizers()) {
    for (std::size_t i = 0; i < entry.option_count; ++i) {
      const auto& option = entry.options[i];
      INFO(entry.key << "." << option.name);
      // A value other than the default must arrive (config() reports all but the hidden ones).
      const double other = option.flag ? 1 - option.default_value : option.ranged ? (option.min + option.default_value) / 2 + 1e-3 : 0.5;
      const auto o = make_optimizer<double>(entry.key, {{option.name, other}});
      const std::string name = option.name;
      if (name == "learning_rate") CHECK(o->learning_rate() == other);
      else if (!option.engine_only) CHECK(config_value(*o, name) == other);
      if (option.ranged) {
        CHECK_THROWS_WITH(make_optimizer<double>(entry.key, {{option.name, option.min - 1}}),
                          Contains(std::string(entry.class_name) + ": " + name +
                                   (std::isinf(option.max) ? " must be a finite number >= " : " must be in [")));
      }
      if (option.ranged && option.max_open) {
        CHECK_THROWS_WITH(make_optimizer<double>(entry.key, {{option.name, option.max}}), Contains(")"));
      }
    }
  }
}

TEST_CASE("optimizer errors list the registry's names", "[registry]") {
  CHECK_THROWS_WITH(make_optimizer<float>("adamw"), Contains("allowed: " + registry::optimizer_keys()));
  CHECK(registry::optimizer_keys() == "sgd, adagrad, rmsprop, adadelta, adam, adamax, nadam");
  for (const auto& entry : registry::optimizers()) {
    CHECK_THROWS_WITH(make_optimizer<float>(entry.key, {{"no_such_option", 1}}),
                      Contains(std::string(entry.class_name) + ": unknown option 'no_such_option'; allowed: " + entry.option_list()));
  }
  CHECK(registry::find_optimizer("sgd")->option_list() == "learning_rate, momentum, nesterov, decay");
}

// The tables are generated from core/registry.json (cmake/registry.cmake); these pin what
// they generate: every spelling, the enum order, and the allowed lists of the messages.
TEST_CASE("the registry's losses, activations, metrics and features are the engine's", "[registry]") {
  CHECK(loss_names() == std::vector<std::string>{"mean_squared_error", "mean_absolute_error", "binary_crossentropy",
                                                 "categorical_crossentropy"});
  for (const char* s : {"mse", "MSE", "meanSquaredError", "mean_squared_error"}) CHECK(parse_loss(s) == Loss::mean_squared_error);
  for (const char* s : {"mae", "MAE", "meanAbsoluteError"}) CHECK(parse_loss(s) == Loss::mean_absolute_error);
  CHECK(parse_loss("categoricalCrossentropy") == Loss::categorical_crossentropy);
  CHECK_THROWS_WITH(parse_loss("hinge"),
                    "loss: unknown loss 'hinge'; allowed: mean_squared_error (mse, meanSquaredError, MSE), "
                    "mean_absolute_error (mae, meanAbsoluteError, MAE), binary_crossentropy (binaryCrossentropy), "
                    "categorical_crossentropy (categoricalCrossentropy)");
  CHECK(activation_names().size() == 9);
  for (std::size_t i = 0; i < activation_names().size(); ++i) {
    CHECK(static_cast<std::size_t>(parse_activation(activation_names()[i])) == i);
  }
  CHECK(activation_name(Activation::softmax) == std::string("softmax"));
  CHECK_THROWS_WITH(parse_activation("swish", "Dense: activation"),
                    "Dense: activation: unknown activation 'swish'; allowed: linear, sigmoid, tanh, relu, elu, selu, "
                    "softplus, softsign, softmax");
  CHECK(resolve_metric("acc", 1).kind == MetricKind::binary_accuracy);
  CHECK(resolve_metric("accuracy", 3).kind == MetricKind::categorical_accuracy);
  CHECK(resolve_metric("tanhAccuracy", 1).kind == MetricKind::tanh_accuracy);
  for (const char* s : {"mse", "meanSquaredError", "mean_squared_error", "MSE"}) {
    CHECK(resolve_metric(s, 1).kind == MetricKind::mean_squared_error);
    CHECK(resolve_metric(s, 1).name == s);  // the history key is the name as given
  }
  CHECK(resolve_metric("MAE", 1).kind == MetricKind::mean_absolute_error);
  CHECK_THROWS_WITH(resolve_metric("f1", 1), Contains("allowed: tanh_accuracy (tanhAccuracy), ") && Contains("accuracy, acc, "));
  CHECK(feature_names() == std::vector<std::string>{"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"});
  CHECK(parse_feature("xTimesY") == Feature::x_times_y);
  CHECK_THROWS_WITH(parse_feature("cosX"), "features: unknown feature 'cosX'; allowed: x, y, xSquared, ySquared, xTimesY, sinX, sinY");
}

TEST_CASE("the learning rate's range is the registry's, at construction and when changed live", "[registry]") {
  CHECK_THROWS_WITH(make_optimizer<float>("adam", {{"learning_rate", -0.1}}), "Adam: learning_rate must be a finite number >= 0, got -0.1");
  auto sgd = make_optimizer<float>("sgd", {});
  CHECK_THROWS_WITH(sgd->set_learning_rate(-1), "SGD: learning_rate must be a finite number >= 0, got -1");
  CHECK_THROWS_WITH(sgd->set_learning_rate(std::nan("")), "SGD: learning_rate must be a finite number, got NaN");
  sgd->set_learning_rate(0);
  CHECK(sgd->learning_rate() == 0);
  CHECK_THROWS_WITH(make_optimizer<float>("sgd", {{"momentum", 1.5}}), "SGD: momentum must be in [0, 1], got 1.5");
  CHECK_THROWS_WITH(make_optimizer<float>("adam", {{"beta_1", 1}}), "Adam: beta_1 must be in [0, 1), got 1");
  CHECK(FitOptions<float>{}.batch_size == 32);
}

TEST_CASE("the registry's datasets and noise limit are the engine's", "[registry]") {
  CHECK(dataset_names() == std::vector<std::string>{"circle", "xor", "gauss", "spiral", "reg-plane", "reg-gauss", "gauss3"});
  CHECK_THROWS_WITH(generate_dataset<float>("moons", 0, 1),
                    "dataset: unknown dataset 'moons'; allowed: circle, xor, gauss, spiral, reg-plane, reg-gauss, gauss3");
  CHECK_NOTHROW(generate_dataset<float>("gauss3", 0.8, 1));
  CHECK_THROWS_WITH(generate_dataset<float>("xor", 0.81, 1), "dataset: noise must be in [0, 0.8] (0 % to 80 %), got 0.81");
}
