// Optimizers by name: "sgd", "SGD", "Adam", "rmsprop", ... (Keras' names, any case).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "nnplay/optimizers/optimizer.hpp"

namespace nnplay {

// The canonical (Keras class) names, in the registry's order (core/registry.json).
const std::vector<std::string>& optimizer_names();

template <class T>
std::unique_ptr<Optimizer<T>> make_optimizer(const std::string& name, const OptimizerOptions& options = {});

}  // namespace nnplay
