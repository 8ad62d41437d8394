// The registry: the engine's optimizers (with their tf.keras 2.x defaults and the ranges
// it accepts) and the names of its losses, activations and metrics, in one data file,
// core/registry.json. The tables below are generated from it when CMake configures
// (cmake/registry.cmake); the TypeScript imports the same file (bindings/src/registry.ts).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace nnplay::registry {

struct OptimizerOption {
  const char* name;      // Keras' snake_case name
  double default_value;  // a flag's as 0 / 1
  bool flag;             // true or false, given as 1 or 0
  bool ranged;           // in [min, max] ([min, max) when max_open); otherwise any finite number
  double min, max;
  bool max_open;
  bool engine_only;      // accepted by the engine, not offered by the JS API
};

struct OptimizerEntry {
  const char* key;         // sgd, rmsprop, ...
  const char* class_name;  // Keras' class: SGD, RMSprop, ...
  const OptimizerOption* options;
  std::size_t option_count;

  // The option called `name`, or nullptr.
  const OptimizerOption* find(const std::string& name) const;
  // "learning_rate, momentum, ..." in the registry's order.
  std::string option_list() const;
};

// A loss, activation or metric: its Keras name, the playground's short name and the
// camelCase name (empty where there is none).
struct Name {
  const char* name;
  const char* short_name;
  const char* camel;
};

const std::vector<OptimizerEntry>& optimizers();
// The optimizer whose key equals `name` in any case (Keras accepts "Adam" and "adam"), or nullptr.
const OptimizerEntry* find_optimizer(const std::string& name);
// "sgd, adagrad, ..." for error messages.
std::string optimizer_keys();

const std::vector<Name>& losses();
const std::vector<Name>& activations();
const std::vector<Name>& metrics();

}  // namespace nnplay::registry
