// Sequential: structure, compile, weights, inference, evaluation and gradients.
// (fit() lives in fit.cpp, summary() in summary.cpp.)
#include "nnplay/model.hpp"

#include <algorithm>
#include <cmath>

#include "nnplay/errors.hpp"
#include "nnplay/ops.hpp"
#include "nnplay/regularizers.hpp"

namespace nnplay {

template <class T>
Sequential<T>::Sequential(std::uint32_t seed) : seed_(seed), init_rng_(seed) {}

template <class T>
Sequential<T>::~Sequential() = default;

template <class T>
Sequential<T>& Sequential<T>::add(const DenseConfig& config) {
  std::size_t in = 0;
  if (layers_.empty()) {
    if (config.input_dim < 1) fail("Dense: the first layer needs input_dim >= 1 (Keras' input_shape=(n,)), got ", config.input_dim);
    in = config.input_dim;
  } else {
    in = layers_.back()->units();
    if (config.input_dim != 0 && config.input_dim != in) {
      fail("Dense: input_dim ", config.input_dim, " does not match the previous layer's ", in, " units");
    }
  }
  const std::string name = layers_.empty() ? "dense" : "dense_" + std::to_string(layers_.size());
  layers_.push_back(std::make_unique<Dense<T>>(config, in, name, init_rng_));
  graph_.reset();       // the graph is rebuilt for the new stack
  optimizer_.reset();   // as in Keras, a changed model must be compiled again
  loss_.reset();
  return *this;
}

template <class T>
void Sequential<T>::compile(const CompileConfig& config) {
  require_layers("compile");
  const Loss loss = parse_loss(config.loss);
  const Dense<T>& last = *layers_.back();
  check_loss_fits_output(loss, last.activation(), last.units());
  std::vector<Metric> metrics;
  for (const auto& name : config.metrics) {
    Metric m = resolve_metric(name, last.units());
    for (const auto& other : metrics) {
      if (other.name == m.name) fail("metrics: '", name, "' is listed twice");
    }
    metrics.push_back(m);
  }
  auto optimizer = make_optimizer<T>(config.optimizer, config.optimizer_options);
  std::vector<Node<T>*> parameters;
  for (auto& layer : layers_) {
    parameters.push_back(&layer->kernel);
    if (layer->use_bias()) parameters.push_back(&layer->bias);
  }
  optimizer->build(parameters);
  // Commit only once everything above has been validated.
  optimizer_ = std::move(optimizer);
  loss_ = loss;
  metrics_ = std::move(metrics);
  metric_sums_.assign(metrics_.size(), 0.0);
  graph_.reset();
}

template <class T>
void Sequential<T>::build_graph() {
  auto graph = std::make_unique<Graph<T>>();
  input_ = graph->node(input_dim());
  input_->needs_grad = false;
  outputs_.clear();
  Node<T>* x = input_;
  Node<T>* logits = nullptr;
  ActivationOp<T>* last_activation = nullptr;
  for (auto& layer : layers_) {
    const std::size_t units = layer->units();
    graph->track_parameter(&layer->kernel);
    Node<T>* bias = nullptr;
    if (layer->use_bias()) {
      bias = &layer->bias;
      graph->track_parameter(bias);
    }
    Node<T>* z = graph->node(units);
    graph->template add<AffineOp<T>>(x, &layer->kernel, bias, z);
    Node<T>* y = graph->node(units);
    last_activation = graph->template add<ActivationOp<T>>(layer->activation(), z, y);
    if (layer->regularizer().active()) graph->template add_loss<PenaltyOp<T>>(layer->regularizer(), &layer->kernel);
    outputs_.push_back(y);
    logits = z;
    x = y;
  }
  target_ = graph->node(output_dim());
  target_->needs_grad = false;
  if (loss_) {
    const bool from_logits = loss_uses_logits(*loss_, layers_.back()->activation());
    if (from_logits) last_activation->skip_backward();
    graph->template add_loss<LossOp<T>>(*loss_, x, from_logits ? logits : nullptr, target_);
  }
  graph_ = std::move(graph);
}

template <class T>
void Sequential<T>::require_layers(const char* what) const {
  if (layers_.empty()) fail(what, ": the model has no layers; add a Dense layer first");
}

template <class T>
void Sequential<T>::require_compiled(const char* what) const {
  require_layers(what);
  if (!optimizer_) fail(what, ": the model is not compiled; call compile(optimizer, loss, metrics) first");
}

template <class T>
void Sequential<T>::check_xy(const Matrix<T>& x, const Matrix<T>& y, const char* what) const {
  const std::string w(what);
  if (rows(x) == 0) fail(w, ": x is empty (0 rows); at least one sample is needed");
  if (cols(x) != input_dim()) {
    fail(w, ": x has ", cols(x), " columns but the model's input has ", input_dim(), " (input_dim of the first layer)");
  }
  if (rows(y) != rows(x)) fail(w, ": x has ", rows(x), " rows but y has ", rows(y), "; they must match");
  if (cols(y) != output_dim()) {
    fail(w, ": y has ", cols(y), " columns but the output layer has ", output_dim(), " units");
  }
  require_finite(x, w + ": x");
  require_finite(y, w + ": y");
  if (loss_) check_targets_fit_loss(*loss_, y, w + ": y");
}

template <class T>
void Sequential<T>::stage(const Matrix<T>& x, const Matrix<T>* y, const std::size_t* order, std::size_t begin,
                          std::size_t count) {
  if (!graph_) build_graph();
  graph_->reserve(count);
  const std::size_t xc = cols(x);
  T* xin = input_->value.data();
  for (std::size_t r = 0; r < count; ++r) {
    const std::size_t src = order ? order[begin + r] : begin + r;
    std::copy_n(x.data() + src * xc, xc, xin + r * xc);
  }
  if (y) {
    const std::size_t yc = cols(*y);
    T* yin = target_->value.data();
    for (std::size_t r = 0; r < count; ++r) {
      const std::size_t src = order ? order[begin + r] : begin + r;
      std::copy_n(y->data() + src * yc, yc, yin + r * yc);
    }
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
  require_compiled("train_on_batch");
  check_xy(x, y, "train_on_batch");
  const std::size_t n = rows(x);
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
  double loss_sum = 0;
  std::vector<double> sums(metrics_.size(), 0.0);
  for (std::size_t begin = 0; begin < n; begin += batch_size) {
    const std::size_t count = std::min(batch_size, n - begin);
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
  Matrix<T> result = Matrix<T>::from_shape({n, out});
  for (std::size_t begin = 0; begin < n; begin += batch_size) {
    const std::size_t count = std::min(batch_size, n - begin);
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
  forward(x);
  std::vector<Matrix<T>> result;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    const std::size_t units = layers_[i]->units();
    Matrix<T> m = Matrix<T>::from_shape({rows(x), units});
    std::copy_n(outputs_[i]->value.data(), rows(x) * units, m.data());
    result.push_back(std::move(m));
  }
  return result;
}

namespace {
template <class T>
WeightArray<T> weight_array(const std::string& name, const Node<T>& node, bool is_bias, bool gradient) {
  const Matrix<T>& m = gradient ? node.grad : node.value;
  WeightArray<T> w;
  w.name = name;
  w.shape = is_bias ? std::vector<std::size_t>{m.shape()[1]} : std::vector<std::size_t>{m.shape()[0], m.shape()[1]};
  w.data.assign(m.data(), m.data() + m.size());
  return w;
}
}  // namespace

template <class T>
Gradients<T> Sequential<T>::compute_gradients(const Matrix<T>& x, const Matrix<T>& y) {
  require_compiled("compute_gradients");
  check_xy(x, y, "compute_gradients");
  stage(x, &y, nullptr, 0, rows(x));
  Gradients<T> result;
  result.loss = graph_->forward(rows(x));
  graph_->backward(rows(x));
  for (const auto& layer : layers_) {
    result.gradients.push_back(weight_array(layer->name() + "/kernel:0", layer->kernel, false, true));
    if (layer->use_bias()) result.gradients.push_back(weight_array(layer->name() + "/bias:0", layer->bias, true, true));
  }
  return result;
}

template <class T>
std::vector<WeightArray<T>> Sequential<T>::get_weights() const {
  std::vector<WeightArray<T>> result;
  for (const auto& layer : layers_) {
    result.push_back(weight_array(layer->name() + "/kernel:0", layer->kernel, false, false));
    if (layer->use_bias()) result.push_back(weight_array(layer->name() + "/bias:0", layer->bias, true, false));
  }
  return result;
}

template <class T>
void Sequential<T>::set_weights(const std::vector<WeightArray<T>>& weights) {
  std::vector<Node<T>*> targets;
  for (auto& layer : layers_) {
    targets.push_back(&layer->kernel);
    if (layer->use_bias()) targets.push_back(&layer->bias);
  }
  if (weights.size() != targets.size()) {
    fail("set_weights: expected ", targets.size(), " arrays (kernel, then bias, per layer), got ", weights.size());
  }
  // Validate everything before changing anything, so a bad call leaves the model as it was.
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Matrix<T>& m = targets[i]->value;
    const bool is_bias = m.shape()[0] == 1 && weights[i].shape.size() == 1;
    const std::size_t expected = m.size();
    const std::vector<std::size_t> shape =
        is_bias ? std::vector<std::size_t>{m.shape()[1]} : std::vector<std::size_t>{m.shape()[0], m.shape()[1]};
    if (weights[i].shape != shape || weights[i].data.size() != expected) {
      std::string want = "[";
      for (std::size_t k = 0; k < shape.size(); ++k) want += (k ? ", " : "") + std::to_string(shape[k]);
      fail("set_weights: array ", i, " must have shape ", want, "] (", expected, " values), got ",
           weights[i].data.size(), " values");
    }
    for (std::size_t k = 0; k < weights[i].data.size(); ++k) {
      if (!std::isfinite(weights[i].data[k])) {
        fail("set_weights: array ", i, " value ", k, " is ", number_text(weights[i].data[k]), "; only finite numbers are allowed");
      }
    }
  }
  for (std::size_t i = 0; i < weights.size(); ++i) {
    std::copy(weights[i].data.begin(), weights[i].data.end(), targets[i]->value.data());
  }
}

template <class T>
const Dense<T>& Sequential<T>::layer(std::size_t i) const {
  if (i >= layers_.size()) fail("layer: index ", i, " is out of range; the model has ", layers_.size(), " layers");
  return *layers_[i];
}

template <class T>
std::size_t Sequential<T>::input_dim() const {
  require_layers("input_dim");
  return layers_.front()->input_dim();
}

template <class T>
std::size_t Sequential<T>::output_dim() const {
  require_layers("output_dim");
  return layers_.back()->units();
}

template <class T>
std::size_t Sequential<T>::parameter_count() const {
  std::size_t n = 0;
  for (const auto& layer : layers_) n += layer->parameter_count();
  return n;
}

template <class T>
Optimizer<T>& Sequential<T>::optimizer() {
  require_compiled("optimizer");
  return *optimizer_;
}

template <class T>
Loss Sequential<T>::loss() const {
  require_compiled("loss");
  return *loss_;
}

template class Sequential<float>;
template class Sequential<double>;

}  // namespace nnplay
