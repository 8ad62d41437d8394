// Sequential: a stack of Dense layers with Keras' compile / fit / evaluate / predict, plus
// what a teaching page needs: every unit's output for a batch, and gradients without an
// update. The graph and all buffers are built once (compile, or the first batch of a
// larger size); a training step allocates nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nnplay/callbacks.hpp"
#include "nnplay/graph.hpp"
#include "nnplay/layers.hpp"
#include "nnplay/losses.hpp"
#include "nnplay/metrics.hpp"
#include "nnplay/optimizers.hpp"
#include "nnplay/registry.hpp"
#include "nnplay/rng.hpp"
#include "nnplay/tensor.hpp"

namespace nnplay {

struct CompileConfig {
  std::string optimizer = "rmsprop";  // Keras' default
  OptimizerOptions optimizer_options;  // learning_rate, momentum, ... (Keras' names)
  std::string loss;
  std::vector<std::string> metrics;
};

template <class T>
struct FitOptions {
  std::size_t batch_size = registry::fit_batch_size;  // Keras' defaults (core/registry.json)
  int epochs = static_cast<int>(registry::fit_epochs);
  int initial_epoch = 0;
  bool shuffle = true;  // reshuffle the training rows every epoch (seeded)
  double validation_split = 0;  // the LAST fraction of x / y, taken before shuffling
  const Matrix<T>* validation_x = nullptr;  // validation_data; overrides validation_split
  const Matrix<T>* validation_y = nullptr;
  std::optional<std::uint32_t> seed;  // shuffling seed; default: the model's seed
  std::optional<EarlyStopping> early_stopping;
  Callbacks callbacks;
};

// One weight array as Keras' get_weights() gives it, with its name ("dense/kernel:0").
template <class T>
struct WeightArray {
  std::string name;
  std::vector<std::size_t> shape;  // kernel [in, out], bias [out]
  std::vector<T> data;             // row-major
};

template <class T>
struct Gradients {
  T loss;                               // the batch loss, penalties included
  std::vector<WeightArray<T>> gradients;  // in get_weights() order
};

// One weight array's training state: its value, what the optimizer did at the last step
// and the slots it keeps for it (by Keras' names, in Keras' order).
template <class T>
struct ParameterState {
  std::string name;                // "dense/kernel:0"
  std::vector<std::size_t> shape;  // kernel [in, out], bias [out]
  std::vector<T> value, gradient, update;  // update: the last step's new w − old w
  std::vector<std::pair<std::string, std::vector<T>>> slots;
};

// One trainable array: a layer's kernel or bias, with its Keras name ("dense/kernel:0").
template <class T>
struct Parameter {
  std::string name;
  Node<T>* node;
  bool is_bias;
};

template <class T>
class FitLoop;
namespace detail {
template <class T>
class EarlyStoppingState;
}

template <class T>
class Sequential {
 public:
  // The seed draws the initial weights (and, by default, the shuffles of fit).
  explicit Sequential(std::uint32_t seed = 0);
  ~Sequential();
  Sequential(const Sequential&) = delete;
  Sequential& operator=(const Sequential&) = delete;

  // Appends a Dense layer and draws its weights. The first layer needs input_dim.
  Sequential& add(const DenseConfig& config);
  void compile(const CompileConfig& config);

  History fit(const Matrix<T>& x, const Matrix<T>& y, const FitOptions<T>& options = {});
  // One update on one batch (Keras' train_on_batch); returns the pre-update loss and metrics.
  Logs train_on_batch(const Matrix<T>& x, const Matrix<T>& y);
  Logs evaluate(const Matrix<T>& x, const Matrix<T>& y, std::size_t batch_size = registry::fit_batch_size);
  Matrix<T> predict(const Matrix<T>& x, std::size_t batch_size = registry::fit_batch_size);

  // The output of every unit of every layer for x: one [rows, units] matrix per layer.
  std::vector<Matrix<T>> layer_outputs(const Matrix<T>& x);
  // The same without copies: runs x forward; then layer_output_data(i) points at layer i's
  // first rows(x) rows (row-major, units(i) wide) until the next call on this model.
  void forward(const Matrix<T>& x);
  const T* layer_output_data(std::size_t layer) const;

  // The loss and its gradient for every weight on (x, y), without updating.
  Gradients<T> compute_gradients(const Matrix<T>& x, const Matrix<T>& y);

  std::string summary() const;  // Keras' model.summary() table (TF 2.3 layout)
  std::vector<WeightArray<T>> get_weights() const;
  void set_weights(const std::vector<WeightArray<T>>& weights);

  // The optimizer's state as tf.keras 2.x optimizer.get_weights() lists it (model_state.cpp).
  std::vector<WeightArray<T>> optimizer_weights() const;
  // Layer `layer`'s "kernel" or "bias": value, last gradient and update, and slots. The
  // gradient and update are those of the last step recorded (zeros while not recording).
  ParameterState<T> parameter_state(std::size_t layer, const std::string& which) const;
  // Whether each step keeps its gradient and update for parameter_state() (off by default:
  // it costs training speed); kept across compile().
  void record_steps(bool on);
  bool recording_steps() const { return record_steps_; }
  // Every weight in get_weights() order as one vector, and back (sizes checked).
  std::vector<T> flat_weights() const;
  void set_flat_weights(const std::vector<T>& values);
  // evaluate()'s loss (penalties included) in one forward pass over x, without metrics.
  T training_loss(const Matrix<T>& x, const Matrix<T>& y);

  std::size_t layer_count() const { return layers_.size(); }
  const Dense<T>& layer(std::size_t i) const;
  std::size_t input_dim() const;
  std::size_t output_dim() const;
  std::size_t parameter_count() const;
  // The memory budget (limits.hpp, max_activation_bytes): the bytes of batch-sized buffers
  // one row takes, and the rows one pass may take when `batch_size` are asked for (refused,
  // naming `what`, when not even one row fits). Passes give the same values: rows are
  // independent in a forward pass.
  double activation_bytes_per_row() const;
  std::size_t rows_per_pass(std::size_t batch_size, const char* what) const;
  // Refuses, before any buffer grows, a batch of `rows` that must run at once (fit,
  // train_on_batch, compute_gradients, forward); `argument` names what set it.
  void require_batch_fits(std::size_t rows, const char* what, const char* argument) const;
  // Every kernel and bias, per layer in that order: get_weights()' order, the optimizer's list.
  std::vector<Parameter<T>> parameters() const;
  bool compiled() const { return optimizer_ != nullptr; }
  Optimizer<T>& optimizer();  // e.g. optimizer().set_learning_rate(0.1) between batches
  Loss loss() const;
  const std::vector<Metric>& metrics() const { return metrics_; }
  std::uint32_t seed() const { return seed_; }

  // A callback sets this to end fit() after the current batch (Keras' model.stop_training).
  bool stop_training = false;

 private:
  friend class FitLoop<T>;
  friend class detail::EarlyStoppingState<T>;  // restores the best weights during a fit
  // While a fit attached to this model is running, whatever would change what it trains
  // (add, compile, another fit, train_on_batch, set_weights) is refused.
  void refuse_while_fitting(const char* what) const;
  void assign_weights(const std::vector<WeightArray<T>>& weights);
  void detach_fit(const char* why);
  void require_layers(const char* what) const;
  void require_compiled(const char* what) const;
  void check_xy(const Matrix<T>& x, const Matrix<T>& y, const char* what) const;
  void build_graph();
  void stage(const Matrix<T>& x, const Matrix<T>* y, const std::size_t* order, std::size_t begin, std::size_t count);
  void accumulate_metrics(std::size_t rows, std::vector<double>& sums) const;
  Logs logs_from(double loss_sum, const std::vector<double>& metric_sums, double count, const std::string& prefix) const;
  Logs evaluate_unchecked(const Matrix<T>& x, const Matrix<T>& y, std::size_t batch_size);

  std::uint32_t seed_;
  Rng init_rng_;
  std::vector<std::unique_ptr<Dense<T>>> layers_;
  std::unique_ptr<Graph<T>> graph_;
  Node<T>* input_ = nullptr;
  Node<T>* target_ = nullptr;
  std::vector<Node<T>*> outputs_;  // each layer's activation output
  std::unique_ptr<Optimizer<T>> optimizer_;
  std::optional<Loss> loss_;
  std::vector<Metric> metrics_;
  std::vector<double> metric_sums_;
  bool record_steps_ = false;
  FitLoop<T>* fit_ = nullptr;  // the fit attached to this model, if any (fit_loop.hpp)
};

}  // namespace nnplay
