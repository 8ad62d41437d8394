// Sequential, per batch: staging a batch into the graph, train_on_batch, evaluate,
// predict and the layer outputs. Kept apart from model.cpp so that this file is compiled
// for speed and the set-up code for size in the wasm build (core/CMakeLists.txt).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "nnplay/errors.hpp"
#include "nnplay/limits.hpp"
#include "nnplay/model.hpp"
#include "small_loops.hpp"

namespace nnplay {

// One pass without a branch per value, so that it vectorises: a value is NaN or infinite
// exactly when its exponent bits are all ones.
template <class T>
bool all_finite(const T* p, std::size_t n) {
  using Bits = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
  constexpr Bits exponent = sizeof(T) == 4 ? Bits(0x7f800000u) : Bits(0x7ff0000000000000ull);
  Bits bad = 0;
  for (std::size_t i = 0; i < n; ++i) {
    Bits b;
    std::memcpy(&b, p + i, sizeof b);
    bad |= Bits((b & exponent) == exponent);
  }
  return bad == 0;
}
template bool all_finite<float>(const float*, std::size_t);
template bool all_finite<double>(const double*, std::size_t);

template <class T>
void Sequential<T>::stage(const Matrix<T>& x, const Matrix<T>* y, const std::size_t* order, std::size_t begin,
                          std::size_t count) {
  if (!graph_) build_graph();
  graph_->reserve(count);
  const std::size_t* rows_in_order = order ? order + begin : nullptr;
  const T* x_from = order ? x.data() : x.data() + begin * cols(x);
  gather_rows(x_from, cols(x), rows_in_order, count, input_->value.data());
  if (y) {
    const T* y_from = order ? y->data() : y->data() + begin * cols(*y);
    gather_rows(y_from, cols(*y), rows_in_order, count, target_->value.data());
  }
}

template <class T>
void Sequential<T>::accumulate_metrics(std::size_t rows_, std::vector<double>& sums) const {
  const T* p = outputs_.back()->value.data();
  const T* y = target_->value.data();
  for (std::size_t i = 0; i < metrics_.size(); ++i) sums[i] += metric_sum(metrics_[i].kind, p, y, rows_, output_dim());
}

template <class T>
Logs Sequential<T>::logs_from(double loss_sum, const std::vector<double>& sums, double count,
                              const std::string& prefix) const {
  Logs logs;
  logs.set(prefix + "loss", loss_sum / count);
  for (std::size_t i = 0; i < metrics_.size(); ++i) logs.set(prefix + metrics_[i].name, sums[i] / count);
  return logs;
}

template <class T>
Logs Sequential<T>::train_on_batch(const Matrix<T>& x, const Matrix<T>& y) {
  refuse_while_fitting("train_on_batch");
  require_compiled("train_on_batch");
  check_xy(x, y, "train_on_batch");
  const std::size_t n = rows(x);
  require_batch_fits(n, "train_on_batch", "rows of x");
  stage(x, &y, nullptr, 0, n);
  const T loss = graph_->forward(n);
  std::fill(metric_sums_.begin(), metric_sums_.end(), 0.0);
  accumulate_metrics(n, metric_sums_);
  if (std::isfinite(loss)) {  // a non-finite loss is reported, and its update is not applied
    graph_->backward(n);
    optimizer_->apply_gradients();
  }
  return logs_from(double(loss) * double(n), metric_sums_, double(n), "");
}

template <class T>
Logs Sequential<T>::evaluate(const Matrix<T>& x, const Matrix<T>& y, std::size_t batch_size) {
  require_compiled("evaluate");
  check_xy(x, y, "evaluate");
  if (batch_size < 1) fail("evaluate: batch_size must be >= 1, got ", batch_size);
  return evaluate_unchecked(x, y, batch_size);
}

template <class T>
Logs Sequential<T>::evaluate_unchecked(const Matrix<T>& x, const Matrix<T>& y, std::size_t batch_size) {
  const std::size_t n = rows(x);
  // Batches of batch_size rows, each split into passes that fit the memory budget: the
  // loss of a pass weighted by its rows sums to the batch's (up to float rounding), and the
  // metrics are sums over rows anyway.
  const std::size_t pass = rows_per_pass(batch_size, "evaluate");
  double loss_sum = 0;
  std::vector<double> sums(metrics_.size(), 0.0);
  for (std::size_t begin = 0; begin < n; begin += pass) {
    const std::size_t count = std::min(pass, n - begin);
    stage(x, &y, nullptr, begin, count);
    loss_sum += double(graph_->forward(count)) * double(count);  // batch-size-weighted mean, as Keras
    accumulate_metrics(count, sums);
  }
  return logs_from(loss_sum, sums, double(n), "");
}

template <class T>
Matrix<T> Sequential<T>::predict(const Matrix<T>& x, std::size_t batch_size) {
  require_layers("predict");
  if (batch_size < 1) fail("predict: batch_size must be >= 1, got ", batch_size);
  if (cols(x) != input_dim()) fail("predict: x has ", cols(x), " columns but the model's input has ", input_dim());
  require_finite(x, "predict: x");
  const std::size_t n = rows(x), out = output_dim();
  require_within_budget("predict: the result for x", double(n) * double(out) * sizeof(T), max_argument_bytes,
                        "predict fewer rows per call");
  // Rows are independent in a forward pass: passes that fit the memory budget give the same
  // values whatever batch_size asks, without buffers sized for all of x.
  const std::size_t pass = rows_per_pass(batch_size, "predict");
  Matrix<T> result = Matrix<T>::from_shape({n, out});
  for (std::size_t begin = 0; begin < n; begin += pass) {
    const std::size_t count = std::min(pass, n - begin);
    stage(x, nullptr, nullptr, begin, count);
    graph_->forward_network(count);
    std::copy_n(outputs_.back()->value.data(), count * out, result.data() + begin * out);
  }
  return result;
}

template <class T>
void Sequential<T>::forward(const Matrix<T>& x) {
  require_layers("forward");
  if (cols(x) != input_dim()) fail("forward: x has ", cols(x), " columns but the model's input has ", input_dim());
  require_finite(x, "forward: x");
  require_batch_fits(rows(x), "forward", "rows of x");  // its outputs are read in place: one pass
  stage(x, nullptr, nullptr, 0, rows(x));
  graph_->forward_network(rows(x));
}

template <class T>
const T* Sequential<T>::layer_output_data(std::size_t layer) const {
  if (layer >= outputs_.size() || !graph_) fail("layer_output_data: no output for layer ", layer, "; call forward() first");
  return outputs_[layer]->value.data();
}

template <class T>
std::vector<Matrix<T>> Sequential<T>::layer_outputs(const Matrix<T>& x) {
  require_layers("layer_outputs");
  if (cols(x) != input_dim()) fail("layer_outputs: x has ", cols(x), " columns but the model's input has ", input_dim());
  require_finite(x, "layer_outputs: x");
  const std::size_t n = rows(x);
  double units_total = 0;
  for (const auto& layer : layers_) units_total += double(layer->units());
  require_within_budget("layer_outputs: every unit of every layer for x", double(n) * units_total * sizeof(T),
                        max_argument_bytes, "pass fewer rows per call");
  std::vector<Matrix<T>> result;
  for (const auto& layer : layers_) result.push_back(Matrix<T>::from_shape({n, layer->units()}));
  const std::size_t pass = rows_per_pass(n, "layer_outputs");  // same values in passes, as predict
  for (std::size_t begin = 0; begin < n; begin += pass) {
    const std::size_t count = std::min(pass, n - begin);
    stage(x, nullptr, nullptr, begin, count);
    graph_->forward_network(count);
    for (std::size_t i = 0; i < layers_.size(); ++i) {
      const std::size_t units = layers_[i]->units();
      std::copy_n(outputs_[i]->value.data(), count * units, result[i].data() + begin * units);
    }
  }
  return result;
}

template void Sequential<float>::stage(const Matrix<float>&, const Matrix<float>*, const std::size_t*, std::size_t, std::size_t);
template void Sequential<float>::accumulate_metrics(std::size_t, std::vector<double>&) const;
template Logs Sequential<float>::logs_from(double, const std::vector<double>&, double, const std::string&) const;
template Logs Sequential<float>::train_on_batch(const Matrix<float>&, const Matrix<float>&);
template Logs Sequential<float>::evaluate(const Matrix<float>&, const Matrix<float>&, std::size_t);
template Logs Sequential<float>::evaluate_unchecked(const Matrix<float>&, const Matrix<float>&, std::size_t);
template Matrix<float> Sequential<float>::predict(const Matrix<float>&, std::size_t);
template void Sequential<float>::forward(const Matrix<float>&);
template const float* Sequential<float>::layer_output_data(std::size_t) const;
template std::vector<Matrix<float>> Sequential<float>::layer_outputs(const Matrix<float>&);
template void Sequential<double>::stage(const Matrix<double>&, const Matrix<double>*, const std::size_t*, std::size_t, std::size_t);
template void Sequential<double>::accumulate_metrics(std::size_t, std::vector<double>&) const;
template Logs Sequential<double>::logs_from(double, const std::vector<double>&, double, const std::string&) const;
template Logs Sequential<double>::train_on_batch(const Matrix<double>&, const Matrix<double>&);
template Logs Sequential<double>::evaluate(const Matrix<double>&, const Matrix<double>&, std::size_t);
template Logs Sequential<double>::evaluate_unchecked(const Matrix<double>&, const Matrix<double>&, std::size_t);
template Matrix<double> Sequential<double>::predict(const Matrix<double>&, std::size_t);
template void Sequential<double>::forward(const Matrix<double>&);
template const double* Sequential<double>::layer_output_data(std::size_t) const;
template std::vector<Matrix<double>> Sequential<double>::layer_outputs(const Matrix<double>&);

}  // namespace nnplay
