#include "nnplay/optimizers.hpp"

#include <cctype>

#include "compiler.hpp"
#include "nnplay/optimizers/adadelta.hpp"
#include "nnplay/optimizers/adagrad.hpp"
#include "nnplay/optimizers/adam.hpp"
#include "nnplay/optimizers/adamax.hpp"
#include "nnplay/optimizers/nadam.hpp"
#include "nnplay/optimizers/rmsprop.hpp"
#include "nnplay/optimizers/sgd.hpp"
#include "nnplay/registry.hpp"

namespace nnplay {

const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const auto& entry : registry::optimizers()) all.emplace_back(entry.class_name);
    return all;
  }();
  return names;
}

namespace {
template <class T>
using Factory = std::unique_ptr<Optimizer<T>> (*)(OptionReader&);

template <class T, template <class> class Kind>
NNPLAY_COLD std::unique_ptr<Optimizer<T>> build(OptionReader& reader) {
  return std::make_unique<Kind<T>>(reader);
}

// The one place a registry key meets its C++ class (test_registry.cpp checks both ways).
template <class T>
Factory<T> factory(const std::string& key) {
  if (key == "sgd") return build<T, SGD>;
  if (key == "adagrad") return build<T, Adagrad>;
  if (key == "rmsprop") return build<T, RMSprop>;
  if (key == "adadelta") return build<T, Adadelta>;
  if (key == "adam") return build<T, Adam>;
  if (key == "adamax") return build<T, Adamax>;
  if (key == "nadam") return build<T, Nadam>;
  return nullptr;
}
}  // namespace

template <class T>
NNPLAY_COLD std::unique_ptr<Optimizer<T>> make_optimizer(const std::string& name, const OptimizerOptions& options) {
  const registry::OptimizerEntry* entry = registry::find_optimizer(name);
  if (!entry) fail("optimizer: unknown optimizer '", name, "'; allowed: ", registry::optimizer_keys());
  const Factory<T> make = factory<T>(entry->key);
  if (!make) fail("optimizer: '", entry->key, "' is in core/registry.json but has no C++ class");  // an engine bug
  OptionReader reader(*entry, options);
  auto optimizer = make(reader);
  reader.reject_unknown();
  return optimizer;
}

template std::unique_ptr<Optimizer<float>> make_optimizer<float>(const std::string&, const OptimizerOptions&);
template std::unique_ptr<Optimizer<double>> make_optimizer<double>(const std::string&, const OptimizerOptions&);

}  // namespace nnplay
