// Metrics of tf.keras as used by the tutorial: each gives one value per sample, and an
// epoch's value is the mean over every sample seen (Keras' MeanMetricWrapper).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace nnplay {

enum class MetricKind { tanh_accuracy, binary_accuracy, categorical_accuracy, mean_squared_error, mean_absolute_error };

struct Metric {
  std::string name;  // the history key: the name as the user gave it ('acc', 'mse', ...)
  MetricKind kind;
};

// Resolves a metric name. 'accuracy' / 'acc' follow Keras: binary_accuracy when the output
// has one unit, categorical_accuracy otherwise.
Metric resolve_metric(const std::string& name, std::size_t output_units);

// Σ over `rows` samples of the per-sample metric value.
template <class T>
double metric_sum(MetricKind kind, const T* prediction, const T* target, std::size_t rows, std::size_t cols);

}  // namespace nnplay
