// Sequential: the training state a teaching page shows — the optimizer's slots by Keras'
// names, each weight's last gradient and update — and the flat weight vector and plain
// loss evaluation that the loss landscape (landscape.cpp) moves along.
#include <algorithm>

#include "nnplay/errors.hpp"
#include "nnplay/limits.hpp"
#include "nnplay/model.hpp"

namespace nnplay {

namespace {
template <class T>
std::vector<std::size_t> keras_shape(const Matrix<T>& m, bool is_bias) {
  if (is_bias) return {m.shape()[1]};
  return {m.shape()[0], m.shape()[1]};
}

template <class T>
std::vector<T> values_of(const Matrix<T>& m) {
  return std::vector<T>(m.data(), m.data() + m.size());
}

// "dense/kernel:0" -> "dense/kernel"
std::string base_name(const std::string& name) { return name.substr(0, name.rfind(':')); }
}  // namespace

template <class T>
std::vector<WeightArray<T>> Sequential<T>::optimizer_weights() const {
  require_compiled("optimizer_weights");
  const Optimizer<T>& opt = *optimizer_;
  const std::string prefix = opt.name() + "/";
  std::vector<WeightArray<T>> out;
  out.push_back({prefix + "iter:0", {}, {T(opt.iterations())}});
  for (const auto& [name, value] : opt.scalar_state()) out.push_back({prefix + name + ":0", {}, {T(value)}});
  const auto params = parameters();
  for (const auto& slot : opt.slot_names()) {  // Keras creates each slot for every variable in turn
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Matrix<T>& m = opt.slot(i, slot);
      out.push_back({prefix + base_name(params[i].name) + "/" + slot + ":0", keras_shape(m, params[i].is_bias), values_of(m)});
    }
  }
  return out;
}

template <class T>
ParameterState<T> Sequential<T>::parameter_state(std::size_t layer, const std::string& which) const {
  require_compiled("slots");
  if (layer >= layers_.size()) fail("slots: layerIndex ", layer, " is out of range; the model has ", layers_.size(), " layers (0 to ", layers_.size() - 1, ")");
  if (which != "kernel" && which != "bias") fail("slots: the weight must be 'kernel' or 'bias', got '", which, "'");
  if (which == "bias" && !layers_[layer]->use_bias()) fail("slots: layer ", layer, " has no bias (useBias is false)");
  std::size_t index = 0;  // the parameter's index in the optimizer's list (get_weights() order)
  for (std::size_t l = 0; l < layer; ++l) index += layers_[l]->use_bias() ? 2 : 1;
  if (which == "bias") ++index;
  const Optimizer<T>& opt = *optimizer_;
  const Parameter<T> p = parameters()[index];
  ParameterState<T> state;
  state.name = p.name;
  state.shape = keras_shape(p.node->value, p.is_bias);
  state.value = values_of(p.node->value);
  if (opt.recording()) {
    state.gradient = values_of(opt.last_gradient(index));
    state.update = values_of(opt.last_update(index));
  } else {
    state.gradient.assign(state.value.size(), T(0));
    state.update.assign(state.value.size(), T(0));
  }
  for (const auto& slot : opt.slot_names()) state.slots.emplace_back(slot, values_of(opt.slot(index, slot)));
  return state;
}

template <class T>
void Sequential<T>::record_steps(bool on) {
  record_steps_ = on;
  if (optimizer_) optimizer_->set_recording(on);
}

template <class T>
std::vector<T> Sequential<T>::flat_weights() const {
  std::vector<T> out(parameter_count());
  T* to = out.data();
  for (const auto& p : parameters()) to = std::copy(p.node->value.data(), p.node->value.data() + p.node->value.size(), to);
  return out;
}

template <class T>
void Sequential<T>::set_flat_weights(const std::vector<T>& values) {
  if (values.size() != parameter_count()) {
    fail("set_flat_weights: expected ", parameter_count(), " values (every weight in get_weights() order), got ", values.size());
  }
  const T* from = values.data();
  for (auto& layer : layers_) {
    for (Node<T>* node : {&layer->kernel, layer->use_bias() ? &layer->bias : nullptr}) {
      if (!node) continue;
      std::copy(from, from + node->value.size(), node->value.data());
      from += node->value.size();
    }
  }
}

template <class T>
T Sequential<T>::training_loss(const Matrix<T>& x, const Matrix<T>& y) {
  require_compiled("training_loss");
  check_xy(x, y, "training_loss");
  // As evaluate(): passes that fit the memory budget, each weighted by its rows, so the
  // graph's buffers never grow past that many rows, however large x is.
  const std::size_t n = rows(x);
  const std::size_t pass = rows_per_pass(n, "training_loss");
  if (n <= pass) {
    stage(x, &y, nullptr, 0, n);
    return graph_->forward(n);
  }
  double sum = 0;
  for (std::size_t begin = 0; begin < n; begin += pass) {
    const std::size_t count = std::min(pass, n - begin);
    stage(x, &y, nullptr, begin, count);
    sum += double(graph_->forward(count)) * double(count);
  }
  return T(sum / double(n));
}

// Member by member: model.cpp instantiates the class itself.
#define NNPLAY_INSTANTIATE(T)                                                                       \
  template std::vector<WeightArray<T>> Sequential<T>::optimizer_weights() const;                    \
  template ParameterState<T> Sequential<T>::parameter_state(std::size_t, const std::string&) const; \
  template void Sequential<T>::record_steps(bool);                                                  \
  template std::vector<T> Sequential<T>::flat_weights() const;                                      \
  template void Sequential<T>::set_flat_weights(const std::vector<T>&);                             \
  template T Sequential<T>::training_loss(const Matrix<T>&, const Matrix<T>&);
NNPLAY_INSTANTIATE(float)
NNPLAY_INSTANTIATE(double)
#undef NNPLAY_INSTANTIATE

}  // namespace nnplay
