#include "nnplay/metrics.hpp"

#include <cmath>

#include "nnplay/errors.hpp"

namespace nnplay {

namespace {
struct Spelling {
  const char* text;
  MetricKind kind;
  bool by_output;  // 'accuracy', 'acc': binary for one output unit, else categorical (Keras' rule)
};
#include "registry_metrics.inc"  // kSpellings, kAllowed: generated from core/registry.json
}  // namespace

Metric resolve_metric(const std::string& name, std::size_t output_units) {
  for (const auto& s : kSpellings) {
    if (name != s.text) continue;
    if (s.by_output) return {name, output_units == 1 ? MetricKind::binary_accuracy : MetricKind::categorical_accuracy};
    return {name, s.kind};
  }
  fail("metrics: unknown metric '", name, "'; allowed: ", kAllowed);
}

template <class T>
double metric_sum(MetricKind kind, const T* p, const T* y, std::size_t rows, std::size_t cols) {
  double total = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    const T* pr = p + r * cols;
    const T* yr = y + r * cols;
    double v = 0;
    switch (kind) {
      case MetricKind::tanh_accuracy:  // the tutorial's: output >= 0 -> +1, else -1, compared with the label
        for (std::size_t j = 0; j < cols; ++j) v += (yr[j] == (pr[j] >= T(0) ? T(1) : T(-1)));
        v /= double(cols);
        break;
      case MetricKind::binary_accuracy:  // Keras: threshold 0.5, strict '>'
        for (std::size_t j = 0; j < cols; ++j) v += (yr[j] == (pr[j] > T(0.5) ? T(1) : T(0)));
        v /= double(cols);
        break;
      case MetricKind::categorical_accuracy: {  // argmax, ties -> lowest index
        std::size_t pa = 0, ya = 0;
        for (std::size_t j = 1; j < cols; ++j) {
          if (pr[j] > pr[pa]) pa = j;
          if (yr[j] > yr[ya]) ya = j;
        }
        v = pa == ya;
        break;
      }
      case MetricKind::mean_squared_error:
        for (std::size_t j = 0; j < cols; ++j) v += double(pr[j] - yr[j]) * double(pr[j] - yr[j]);
        v /= double(cols);
        break;
      case MetricKind::mean_absolute_error:
        for (std::size_t j = 0; j < cols; ++j) v += std::fabs(double(pr[j] - yr[j]));
        v /= double(cols);
        break;
    }
    total += v;
  }
  return total;
}

template double metric_sum<float>(MetricKind, const float*, const float*, std::size_t, std::size_t);
template double metric_sum<double>(MetricKind, const double*, const double*, std::size_t, std::size_t);

}  // namespace nnplay
