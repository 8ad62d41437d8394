// Sequential: structure, compile, weights and gradients — what runs once per model or per
// call. What runs per batch (staging, train_on_batch, evaluate, predict, layer outputs) is
// in model_run.cpp, fit() in fit.cpp, summary() in summary.cpp.
#include "nnplay/model.hpp"

#include <algorithm>
#include <cmath>

#include "nnplay/errors.hpp"
#include "nnplay/fit_loop.hpp"
#include "nnplay/ops.hpp"
#include "nnplay/regularizers.hpp"

namespace nnplay {

template <class T>
Sequential<T>::Sequential(std::uint32_t seed) : seed_(seed), init_rng_(seed) {}

template <class T>
Sequential<T>::~Sequential() {
  detach_fit("its model was destroyed");
}

template <class T>
void Sequential<T>::refuse_while_fitting(const char* what) const {
  if (fit_ && !fit_->done()) {
    fail(what, ": another fit is ongoing on this model; wait for it to end (or end its session) first");
  }
}

template <class T>
void Sequential<T>::detach_fit(const char* why) {
  if (fit_) fit_->detach(why);
  fit_ = nullptr;
}

template <class T>
Sequential<T>& Sequential<T>::add(const DenseConfig& config) {
  refuse_while_fitting("add");
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
  detach_fit("a layer was added to its model");
  graph_.reset();       // the graph is rebuilt for the new stack
  optimizer_.reset();   // as in Keras, a changed model must be compiled again
  loss_.reset();
  return *this;
}

template <class T>
void Sequential<T>::compile(const CompileConfig& config) {
  refuse_while_fitting("compile");
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
  std::vector<Node<T>*> nodes;
  for (const auto& p : parameters()) nodes.push_back(p.node);
  optimizer->set_recording(record_steps_);
  optimizer->build(nodes);
  // Commit only once everything above has been validated.
  detach_fit("its model was compiled again");
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
  DenseOp<T>* last_layer = nullptr;
  for (auto& layer : layers_) {
    const std::size_t units = layer->units();
    Node<T>* bias = layer->use_bias() ? &layer->bias : nullptr;
    Node<T>* z = graph->node(units);
    Node<T>* y = graph->node(units);
    last_layer = graph->template add<DenseOp<T>>(x, &layer->kernel, bias, layer->activation(), z, y);
    if (layer->regularizer().active()) graph->template add_penalty<PenaltyOp<T>>(layer->regularizer(), &layer->kernel);
    outputs_.push_back(y);
    logits = z;
    x = y;
  }
  target_ = graph->node(output_dim());
  target_->needs_grad = false;
  if (loss_) {
    const bool from_logits = loss_uses_logits(*loss_, layers_.back()->activation());
    if (from_logits) last_layer->skip_activation_backward();
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
std::vector<Parameter<T>> Sequential<T>::parameters() const {
  std::vector<Parameter<T>> result;
  for (const auto& layer : layers_) {
    result.push_back({layer->name() + "/kernel:0", &layer->kernel, false});
    if (layer->use_bias()) result.push_back({layer->name() + "/bias:0", &layer->bias, true});
  }
  return result;
}

namespace {
// kernel [in, out], bias [out]
template <class T>
std::vector<std::size_t> weight_shape(const Parameter<T>& p) {
  const auto& s = p.node->value.shape();
  return p.is_bias ? std::vector<std::size_t>{s[1]} : std::vector<std::size_t>{s[0], s[1]};
}

template <class T>
WeightArray<T> weight_array(const Parameter<T>& p, const Matrix<T>& m) {
  return WeightArray<T>{p.name, weight_shape(p), std::vector<T>(m.data(), m.data() + m.size())};
}
}  // namespace

template <class T>
Gradients<T> Sequential<T>::compute_gradients(const Matrix<T>& x, const Matrix<T>& y) {
  require_compiled("compute_gradients");
  check_xy(x, y, "compute_gradients");
  require_batch_fits(rows(x), "compute_gradients", "rows of x");
  stage(x, &y, nullptr, 0, rows(x));
  Gradients<T> result;
  result.loss = graph_->forward(rows(x));
  graph_->backward(rows(x));
  for (const auto& p : parameters()) result.gradients.push_back(weight_array(p, p.node->grad));
  return result;
}

template <class T>
std::vector<WeightArray<T>> Sequential<T>::get_weights() const {
  std::vector<WeightArray<T>> result;
  for (const auto& p : parameters()) result.push_back(weight_array(p, p.node->value));
  return result;
}

template <class T>
void Sequential<T>::set_weights(const std::vector<WeightArray<T>>& weights) {
  refuse_while_fitting("set_weights");
  assign_weights(weights);
}

template <class T>
void Sequential<T>::assign_weights(const std::vector<WeightArray<T>>& weights) {
  const std::vector<Parameter<T>> targets = parameters();
  if (weights.size() != targets.size()) {
    fail("set_weights: expected ", targets.size(), " arrays (kernel, then bias, per layer), got ", weights.size());
  }
  // Validate everything before changing anything, so a bad call leaves the model as it was.
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const std::vector<std::size_t> shape = weight_shape(targets[i]);
    const std::size_t expected = targets[i].node->value.size();
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
    std::copy(weights[i].data.begin(), weights[i].data.end(), targets[i].node->value.data());
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
