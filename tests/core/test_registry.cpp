// The engine agrees with core/registry.json: every optimizer there has a C++ class that
// takes exactly the registry's options, with the registry's defaults; the error messages
// list the registry's names; the loss, activation and metric names are the engine's.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "nnplay/activations.hpp"
#include "nnplay/errors.hpp"
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
                          Contains(std::string(entry.class_name) + ": " + name + " must be in ["));
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

TEST_CASE("the registry's losses, activations and metrics are the engine's", "[registry]") {
  std::vector<std::string> losses;
  for (const auto& l : registry::losses()) {
    losses.emplace_back(l.name);
    CHECK(loss_name(parse_loss(l.short_name)) == std::string(l.name));
    CHECK(loss_name(parse_loss(l.camel)) == std::string(l.name));
  }
  CHECK(losses == loss_names());
  std::vector<std::string> activations;
  for (const auto& a : registry::activations()) activations.emplace_back(a.name);
  CHECK(activations == activation_names());
  for (const auto& m : registry::metrics()) {
    CHECK_NOTHROW(resolve_metric(m.name, 1));
    if (*m.camel) CHECK(resolve_metric(m.camel, 1).kind == resolve_metric(m.name, 1).kind);
  }
  CHECK_THROWS(resolve_metric("no_such_metric", 1));
}
