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

namespace nnplay {

const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names = {"SGD", "Adagrad", "RMSprop", "Adadelta", "Adam", "Adamax", "Nadam"};
  return names;
}

namespace {
std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

template <class T, template <class> class Kind>
NNPLAY_COLD std::unique_ptr<Optimizer<T>> build(const OptimizerOptions& options, const std::string& name) {
  OptionReader reader(name, options);
  auto optimizer = std::make_unique<Kind<T>>(reader);
  reader.reject_unknown();
  return optimizer;
}
}  // namespace

template <class T>
NNPLAY_COLD std::unique_ptr<Optimizer<T>> make_optimizer(const std::string& name, const OptimizerOptions& options) {
  const std::string key = lower(name);
  if (key == "sgd") return build<T, SGD>(options, "SGD");
  if (key == "adagrad") return build<T, Adagrad>(options, "Adagrad");
  if (key == "rmsprop") return build<T, RMSprop>(options, "RMSprop");
  if (key == "adadelta") return build<T, Adadelta>(options, "Adadelta");
  if (key == "adam") return build<T, Adam>(options, "Adam");
  if (key == "adamax") return build<T, Adamax>(options, "Adamax");
  if (key == "nadam") return build<T, Nadam>(options, "Nadam");
  fail("optimizer: unknown optimizer '", name, "'; allowed: sgd, adagrad, rmsprop, adadelta, adam, adamax, nadam");
}

template std::unique_ptr<Optimizer<float>> make_optimizer<float>(const std::string&, const OptimizerOptions&);
template std::unique_ptr<Optimizer<double>> make_optimizer<double>(const std::string&, const OptimizerOptions&);

}  // namespace nnplay
