// The registry: the engine's optimizers (with their tf.keras 2.x defaults and the ranges
// it accepts) and fit()'s defaults, from one data file, core/registry.json. The tables are
// generated from it when CMake configures (cmake/registry.cmake); losses.cpp,
// activations.cpp, metrics.cpp and features.cpp include their own generated tables. The
// TypeScript imports the same file (bindings/src/registry.ts).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace nnplay::registry {

struct OptimizerOption {
  const char* name;      // Keras' snake_case name
  double default_value;  // a flag's as 0 / 1
  bool flag;             // true or false, given as 1 or 0
  bool ranged;           // in [min, max] ([min, max) when max_open; max infinite: >= min); otherwise any finite number
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

const std::vector<OptimizerEntry>& optimizers();
// The optimizer whose key equals `name` in any case (Keras accepts "Adam" and "adam"), or nullptr.
const OptimizerEntry* find_optimizer(const std::string& name);
// "sgd, adagrad, ..." for error messages.
std::string optimizer_keys();

// Throws "<owner>: <name> must be ..., got <value>" unless `value` is finite and in the option's range.
void check_option(const char* owner, const OptimizerOption& option, double value);

// Keras' defaults of fit(), evaluate() and predict().
extern const std::size_t fit_batch_size;
extern const std::size_t fit_epochs;

}  // namespace nnplay::registry
