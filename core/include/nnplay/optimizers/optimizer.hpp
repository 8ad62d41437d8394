// The optimizer interface (after ensmallen: a small policy object holding its
// hyper-parameters and per-parameter state, separate from the model it updates). The
// update rules are tf.keras 2.x's OptimizerV2 ones, see docs/KERAS_SEMANTICS.md §1.
// Each optimizer's options, their tf.keras 2.x defaults and allowed ranges are in
// core/registry.json, the one list the engine, the JS API and the page read.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "nnplay/errors.hpp"
#include "nnplay/graph.hpp"
#include "nnplay/registry.hpp"

namespace nnplay {

// The slots an optimizer keeps per parameter, by tf.keras 2.x name, in Keras' creation
// order, with each one's index among the optimizer's own slots. A fixed table, not a
// vector of strings: it keeps the wasm module small (no container code per optimizer).
struct KerasSlots {
  struct Slot {
    const char* name;
    std::size_t index;
  };
  std::size_t count = 0;
  Slot slot[3] = {};
  KerasSlots& add(const char* name, std::size_t index) {
    slot[count++] = {name, index};
    return *this;
  }
  const Slot* begin() const { return slot; }
  const Slot* end() const { return slot + count; }
};

// Hyper-parameters by Keras' snake_case names (learning_rate, momentum, rho, ...);
// booleans (nesterov, amsgrad, centered) as 0 / 1.
using OptimizerOptions = std::map<std::string, double>;

// Reads options with their defaults and ranges from the registry (core/registry.json);
// unknown keys are an error that lists the keys this optimizer takes.
class OptionReader {
 public:
  OptionReader(const registry::OptimizerEntry& entry, const OptimizerOptions& options) : entry_(entry), options_(options) {}

  const char* optimizer() const { return entry_.class_name; }
  bool takes(const std::string& key) const { return entry_.find(key) != nullptr; }

  // A number option: its default when not given; checked against its range, if it has one.
  double number(const std::string& key) {
    const registry::OptimizerOption& o = option(key);
    const double v = get(key, o.default_value);
    registry::check_option(optimizer(), o, v);
    return v;
  }
  // A true / false option (1 / 0).
  bool flag(const std::string& key) {
    const double v = get(key, option(key).default_value);
    if (v != 0 && v != 1) fail(optimizer(), ": ", key, " must be true or false (1 or 0), got ", v);
    return v == 1;
  }
  // Call last: throws for any key the registry does not list for this optimizer.
  void reject_unknown() const {
    for (const auto& [key, value] : options_) {
      if (!takes(key)) fail(optimizer(), ": unknown option '", key, "'; allowed: ", entry_.option_list());
    }
  }
  // The registry's entry of an option this optimizer takes.
  const registry::OptimizerOption& option(const std::string& key) const {
    const registry::OptimizerOption* o = entry_.find(key);
    if (!o) fail(optimizer(), ": '", key, "' is not in core/registry.json");  // an engine bug, not bad input
    return *o;
  }

 private:
  double get(const std::string& key, double fallback) const {
    const auto it = options_.find(key);
    const double v = it == options_.end() ? fallback : it->second;
    if (!std::isfinite(v)) fail(optimizer(), ": ", key, " must be a finite number, got ", number_text(v));
    return v;
  }

  const registry::OptimizerEntry& entry_;
  const OptimizerOptions& options_;
};

template <class T>
class Optimizer {
 public:
  virtual ~Optimizer() = default;

  const std::string& name() const { return name_; }
  double learning_rate() const { return learning_rate_; }
  // The learning rate may change between batches (the page changes it live); the
  // registry's range, as at construction.
  void set_learning_rate(double lr) {
    registry::check_option(name_.c_str(), *learning_rate_option_, lr);
    learning_rate_ = lr;
  }
  std::int64_t iterations() const { return iterations_; }
  const std::vector<Node<T>*>& parameters() const { return parameters_; }  // what build() was given
  // The hyper-parameters, in Keras' names and order (for summaries and generated code).
  std::vector<std::pair<std::string, double>> config() const {
    std::vector<std::pair<std::string, double>> all = {{"learning_rate", learning_rate_}};
    if (decay_ != 0) all.emplace_back("decay", decay_);
    all.insert(all.end(), config_.begin(), config_.end());
    return all;
  }

  // Allocates the per-parameter slots and, when recording, the step records (the only
  // allocation) and restarts the step count.
  void build(const std::vector<Node<T>*>& parameters) {
    parameters_ = parameters;
    allocate_records();
    const std::size_t k = slot_count();
    slots_.clear();
    for (auto* p : parameters_) {
      for (std::size_t s = 0; s < k; ++s) {
        Matrix<T> slot = Matrix<T>::from_shape(p->value.shape());
        slot.fill(slot_initial_value(s));
        slots_.push_back(std::move(slot));
      }
    }
    slots_per_parameter_ = k;
    slot_table_.assign(k * parameters_.size() + 1, nullptr);  // parameter i's slots at [i·k, i·k + k)
    for (std::size_t i = 0; i < slots_.size(); ++i) slot_table_[i] = slots_[i].data();
    iterations_ = 0;
    on_build();
  }

  // What an update changes besides the weights (the slots, and the step count kept by the
  // caller), so that a fit can take back an update that made a weight non-finite.
  std::size_t state_size() const {
    std::size_t n = 0;
    for (const auto& slot : slots_) n += slot.size();
    return n;
  }
  void save_state(T* out) const {
    for (const auto& slot : slots_) out = std::copy(slot.data(), slot.data() + slot.size(), out);
  }
  void restore_state(const T* in, std::int64_t iterations) {
    for (auto& slot : slots_) {
      std::copy(in, in + slot.size(), slot.data());
      in += slot.size();
    }
    iterations_ = iterations;
  }

  // One update of every parameter from its gradient, then iterations += 1.
  void apply_gradients() {
    // OptimizerV2._decayed_lr: lr / (1 + decay · iterations), in the variable dtype.
    const T lr = T(learning_rate_) / (T(1) + T(decay_) * T(iterations_));
    if (recording_) {
      record_step(lr);
    } else {
      step(lr, iterations_ + 1);
    }
    ++iterations_;
  }

  // The state, as tf.keras 2.x names it (docs/KERAS_SEMANTICS.md §1): the names of the
  // slots this optimizer keeps per parameter, in the order Keras creates them (which is the
  // order of get_weights(): iterations, the scalars, then each slot name for every
  // parameter in turn).
  std::vector<std::string> slot_names() const {
    std::vector<std::string> names;
    for (const auto& s : keras_slots()) names.emplace_back(s.name);
    return names;
  }
  // Scalars kept besides iterations (Nadam's momentum_cache), by Keras' names.
  virtual std::vector<std::pair<std::string, double>> scalar_state() const { return {}; }
  std::size_t parameter_count() const { return parameters_.size(); }
  // Parameter i's slot `name` (one of slot_names()), shaped like the parameter.
  const Matrix<T>& slot(std::size_t parameter, const std::string& name) const {
    check_parameter(parameter);
    std::string allowed;
    for (const auto& s : keras_slots()) {
      if (name == s.name) return slots_[parameter * slots_per_parameter_ + s.index];
      allowed.append(allowed.empty() ? "" : ", ").append(s.name);
    }
    fail(name_, ": no slot '", name, "'; this optimizer keeps: ", allowed.empty() ? "none" : allowed);
  }
  // Step records: the gradient each apply_gradients() used and the change it made (new w −
  // old w). Off by default: recording copies every gradient and weight at each step (W1 at
  // batch 1 ran ~12% slower), so only a reader (the page's inspector, optimizer.slots())
  // turns it on. Records read as zeros until the first step recorded.
  void set_recording(bool on) {
    if (on == recording_) return;
    recording_ = on;
    allocate_records();
  }
  bool recording() const { return recording_; }
  const Matrix<T>& last_gradient(std::size_t parameter) const {
    check_records(parameter);
    return last_gradient_[parameter];
  }
  const Matrix<T>& last_update(std::size_t parameter) const {
    check_records(parameter);
    return last_update_[parameter];
  }

 protected:
  // learning_rate, and decay where the registry lists it (Nadam has none).
  explicit Optimizer(OptionReader& options)
      : name_(options.optimizer()), learning_rate_option_(&options.option("learning_rate")) {
    set_learning_rate(options.number("learning_rate"));
    decay_ = options.takes("decay") ? options.number("decay") : 0;
  }
  void remember(const std::string& key, double value) { config_.emplace_back(key, value); }

  virtual std::size_t slot_count() const { return 0; }
  // (Keras' slot name, internal slot index) for the slots in use, in Keras' creation order.
  virtual KerasSlots keras_slots() const { return {}; }
  virtual T slot_initial_value(std::size_t /*slot*/) const { return T(0); }
  virtual void on_build() {}
  // Updates every parameter for step t = iterations + 1 (UpdateRule implements it).
  virtual void step(T lr, std::int64_t t) = 0;

  T* const* slots_of(std::size_t parameter) const { return slot_table_.data() + parameter * slots_per_parameter_; }

 private:
  // Zeroed records while recording; none otherwise.
  void allocate_records() {
    last_gradient_.clear();
    last_update_.clear();
    if (!recording_) return;
    for (auto* p : parameters_) {
      for (auto* records : {&last_gradient_, &last_update_}) {
        Matrix<T> zeros = Matrix<T>::from_shape(p->value.shape());
        zeros.fill(T(0));
        records->push_back(std::move(zeros));  // (as build() does: one vector growth path)
      }
    }
  }
  // step() with the gradient and the old weights kept, so that last_update() = new w − old w.
  void record_step(T lr) {
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
      const Node<T>& p = *parameters_[i];
      std::copy(p.grad.data(), p.grad.data() + p.grad.size(), last_gradient_[i].data());
      std::copy(p.value.data(), p.value.data() + p.value.size(), last_update_[i].data());
    }
    step(lr, iterations_ + 1);
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
      const T* w = parameters_[i]->value.data();
      T* d = last_update_[i].data();
      for (std::size_t k = 0, n = last_update_[i].size(); k < n; ++k) d[k] = w[k] - d[k];
    }
  }
  void check_records(std::size_t parameter) const {
    check_parameter(parameter);
    if (!recording_) fail(name_, ": step records are off; set_recording(true) first");
  }
  void check_parameter(std::size_t parameter) const {
    if (parameter >= parameters_.size()) {
      fail(name_, ": parameter ", parameter, " is out of range; the optimizer updates ", parameters_.size(), " parameters");
    }
  }

  std::string name_;
  const registry::OptimizerOption* learning_rate_option_;
  double learning_rate_ = 0;
  double decay_ = 0;
  std::int64_t iterations_ = 0;
  std::vector<std::pair<std::string, double>> config_;
  std::vector<Node<T>*> parameters_;
  std::vector<Matrix<T>> slots_;
  std::vector<T*> slot_table_;
  std::size_t slots_per_parameter_ = 0;
  std::vector<Matrix<T>> last_gradient_;
  std::vector<Matrix<T>> last_update_;
  bool recording_ = false;
};

// The base of each optimizer: Derived supplies begin_step(lr, t) (per-step scalars such as
// bias corrections) and update(w, g, slots, n) (one parameter's n values; slots[s] is its
// slot s). They are called directly, not virtually: one virtual call per training step
// instead of one per parameter (an indirect call costs far more in wasm than natively).
template <class T, class Derived>
class UpdateRule : public Optimizer<T> {
 protected:
  using Optimizer<T>::Optimizer;

  void step(T lr, std::int64_t t) final {
    auto& rule = static_cast<Derived&>(*this);
    rule.begin_step(lr, t);
    const auto& params = this->parameters();
    for (std::size_t i = 0; i < params.size(); ++i) {
      Node<T>* p = params[i];
      rule.update(p->value.data(), p->grad.data(), this->slots_of(i), p->value.size());
    }
  }
};

}  // namespace nnplay
