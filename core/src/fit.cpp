// fit() — tf.keras 2.x's training loop (docs/KERAS_SEMANTICS.md §4): consecutive batches of a
// per-epoch shuffled order, the epoch loss and metrics as the batch-size-weighted mean of
// pre-update values, validation after each epoch, early stopping, and a stop on a
// non-finite loss that says why. FitLoop runs it a batch at a time; Sequential::fit runs
// a FitLoop to its end.
#include "nnplay/fit_loop.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "nnplay/errors.hpp"

namespace nnplay {

namespace detail {

// EarlyStopping as tf.keras 2.3 runs it (keras/callbacks.py).
template <class T>
class EarlyStoppingState {
 public:
  explicit EarlyStoppingState(const EarlyStopping& config) : config_(config) {
    if (config.patience < 0) fail("early_stopping: patience must be >= 0, got ", config.patience);
    if (!std::isfinite(config.min_delta)) fail("early_stopping: min_delta must be finite, got ", config.min_delta);
    if (config.mode == "max") maximise_ = true;
    else if (config.mode == "min") maximise_ = false;
    else if (config.mode == "auto") maximise_ = config.monitor.find("acc") != std::string::npos;
    else fail("early_stopping: mode must be auto, min or max, got '", config.mode, "'");
    min_delta_ = maximise_ ? std::fabs(config.min_delta) : -std::fabs(config.min_delta);
    best_ = config.baseline ? *config.baseline
                            : (maximise_ ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity());
  }

  const std::string& monitor() const { return config_.monitor; }

  // Returns true when training should stop after this epoch.
  bool on_epoch_end(int epoch, const Logs& logs, Sequential<T>& model) {
    const double current = logs.at(config_.monitor);
    const double shifted = current - min_delta_;
    if (maximise_ ? shifted > best_ : shifted < best_) {
      best_ = current;
      best_epoch_ = epoch;
      wait_ = 0;
      if (config_.restore_best_weights) best_weights_ = model.get_weights();
      return false;
    }
    ++wait_;
    if (wait_ < config_.patience) return false;
    if (config_.restore_best_weights && !best_weights_.empty()) {
      model.assign_weights(best_weights_);
      restored_ = true;
    }
    return true;
  }

  std::string message() const {
    Text out;
    out << "early stopping: " << config_.monitor << " did not improve by more than " << std::fabs(config_.min_delta)
        << " for " << wait_ << " epoch(s)";
    if (best_epoch_ >= 0) out << "; best " << best_ << " at epoch " << best_epoch_ + 1;
    if (restored_) out << "; weights restored from that epoch";
    return out.str();
  }

 private:
  EarlyStopping config_;
  bool maximise_ = false;
  double min_delta_ = 0;
  double best_ = 0;
  int best_epoch_ = -1;
  int wait_ = 0;
  bool restored_ = false;
  std::vector<WeightArray<T>> best_weights_;
};

}  // namespace detail

namespace {
template <class T>
Matrix<T> rows_of(const Matrix<T>& m, std::size_t from, std::size_t to) {
  Matrix<T> out = Matrix<T>::from_shape({to - from, cols(m)});
  std::copy(m.data() + from * cols(m), m.data() + to * cols(m), out.data());
  return out;
}
}  // namespace

template <class T>
FitLoop<T>::FitLoop(Sequential<T>& model, const Matrix<T>& x, const Matrix<T>& y, const FitOptions<T>& options)
    : model_(&model), options_(options) {
  model.refuse_while_fitting("fit");
  model.require_compiled("fit");
  model.check_xy(x, y, "fit");
  if (options.batch_size < 1) fail("fit: batch_size must be >= 1, got ", options.batch_size);
  // A batch runs at once (one gradient): refused before anything is copied or grows.
  model.require_batch_fits(std::min(options.batch_size, rows(x)), "fit", "batch_size (batchSize)");
  if (options.epochs < 0) fail("fit: epochs must be >= 0, got ", options.epochs);
  if (options.initial_epoch < 0) fail("fit: initial_epoch must be >= 0, got ", options.initial_epoch);
  if (!(options.validation_split >= 0 && options.validation_split < 1)) {
    fail("fit: validation_split must be in [0, 1), got ", options.validation_split);
  }
  if ((options.validation_x == nullptr) != (options.validation_y == nullptr)) {
    fail("fit: validation_data needs both x and y");
  }
  // Validation data: validation_data, else the last fraction of (x, y) before any shuffling.
  std::size_t n_train = rows(x);
  if (options.validation_x) {
    model.check_xy(*options.validation_x, *options.validation_y, "fit: validation_data");
    val_x_ = *options.validation_x;
    val_y_ = *options.validation_y;
    has_validation_ = true;
  } else if (options.validation_split > 0) {
    const auto split_at = static_cast<std::size_t>(std::floor(double(rows(x)) * (1.0 - options.validation_split)));
    if (split_at == 0 || split_at == rows(x)) {
      fail("fit: validation_split ", options.validation_split, " of ", rows(x),
           " samples leaves no training or no validation sample");
    }
    n_train = split_at;
    val_x_ = rows_of(x, split_at, rows(x));
    val_y_ = rows_of(y, split_at, rows(y));
    has_validation_ = true;
  }
  x_ = n_train == rows(x) ? x : rows_of(x, 0, n_train);
  y_ = n_train == rows(y) ? y : rows_of(y, 0, n_train);
  options_.validation_x = options_.validation_y = nullptr;  // the copies above are used instead

  if (options.early_stopping) {
    early_ = std::make_unique<detail::EarlyStoppingState<T>>(*options.early_stopping);
    // Fail now, not after the first epoch, when the monitored value will not exist.
    Logs expected = model.logs_from(0, model.metric_sums_, 1, "");
    if (has_validation_) {
      for (const auto& [k, v] : model.logs_from(0, model.metric_sums_, 1, "val_").values) expected.set(k, v);
    }
    (void)expected.at(early_->monitor());
  }
  seed_ = options.seed ? *options.seed : model.seed();
  order_.resize(n_train);
  sums_.assign(model.metrics_.size(), 0.0);
  epoch_ = options.initial_epoch;
  done_ = epoch_ >= options.epochs;
  model.stop_training = false;
  before_update_.resize(model.optimizer_->state_size() + model.parameter_count());  // the step allocates nothing
  if (model.fit_) model.fit_->detach("a newer fit started on its model");
  model.fit_ = this;
}

template <class T>
FitLoop<T>::~FitLoop() {
  if (model_ && model_->fit_ == this) model_->fit_ = nullptr;
}

template <class T>
void FitLoop<T>::detach(const char* why) {
  model_ = nullptr;
  detached_why_ = why;
}

template <class T>
Sequential<T>& FitLoop<T>::model(const char* what) const {
  if (!model_) fail(what, ": this fit can no longer run: ", detached_why_);
  return *model_;
}

template <class T>
std::size_t FitLoop<T>::batches_per_epoch() const {
  return (order_.size() + options_.batch_size - 1) / options_.batch_size;
}

template <class T>
Logs FitLoop<T>::running_logs() const {
  return model("running_logs").logs_from(loss_sum_, sums_, seen_ > 0 ? seen_ : 1, "");
}

template <class T>
void FitLoop<T>::begin_epoch() {
  if (options_.callbacks.on_epoch_begin) options_.callbacks.on_epoch_begin(epoch_);
  std::iota(order_.begin(), order_.end(), std::size_t(0));
  if (options_.shuffle) {
    Rng rng(mix_seed(seed_, static_cast<std::uint32_t>(epoch_)));  // epoch k's order depends on (seed, k) only
    rng.shuffle(order_);
  }
  loss_sum_ = seen_ = 0;
  std::fill(sums_.begin(), sums_.end(), 0.0);
  cursor_ = 0;
  batch_ = 0;
  in_epoch_ = true;
}

template <class T>
bool FitLoop<T>::run_batch() {
  if (done_) return false;
  Sequential<T>& net = model("fit");
  if (in_epoch_ && net.stop_training) {  // set between two calls (a caller's own batch callback)
    end_epoch(net);
    return true;
  }
  if (!in_epoch_) begin_epoch();
  const std::size_t count = std::min(options_.batch_size, order_.size() - cursor_);
  net.stage(x_, &y_, order_.data(), cursor_, count);
  const T loss = net.graph_->forward(count);
  net.accumulate_metrics(count, sums_);
  loss_sum_ += double(loss) * double(count);
  seen_ += double(count);
  cursor_ += count;
  ++batch_;
  if (!std::isfinite(loss)) {
    history_.stop_reason = StopReason::diverged;
    history_.stopped_epoch = epoch_;
    Text why;
    why << "epoch " << epoch_ + 1 << ", batch " << batch_ << ": the loss became " << number_text(loss)
        << "; training stopped without applying that update (the learning rate "
        << net.optimizer_->learning_rate() << " may be too high)";
    history_.stop_message = why.str();
    end_epoch(net);
    return true;
  }
  net.graph_->backward(count);
  if (!apply_update(net)) {
    history_.stop_reason = StopReason::non_finite_weights;
    history_.stopped_epoch = epoch_;
    Text why;
    why << "epoch " << epoch_ + 1 << ", batch " << batch_
        << ": the update would have made a weight non-finite; training stopped without applying it (the learning rate "
        << net.optimizer_->learning_rate() << " may be too high)";
    history_.stop_message = why.str();
    end_epoch(net);
    return true;
  }
  if (options_.callbacks.on_batch_end) options_.callbacks.on_batch_end(batch_ - 1, running_logs());
  if (cursor_ >= order_.size() || net.stop_training) {
    end_epoch(net);
    return true;
  }
  return false;
}

template <class T>
bool FitLoop<T>::apply_update(Sequential<T>& net) {
  Optimizer<T>& optimizer = *net.optimizer_;
  const std::vector<Node<T>*>& parameters = optimizer.parameters();
  T* saved = before_update_.data();
  for (const Node<T>* p : parameters) saved = std::copy(p->value.data(), p->value.data() + p->value.size(), saved);
  optimizer.save_state(saved);
  const std::int64_t iterations = optimizer.iterations();
  optimizer.apply_gradients();
  bool finite = true;
  for (const Node<T>* p : parameters) {
    const T* w = p->value.data();
    for (std::size_t i = 0, n = p->value.size(); i < n; ++i) finite &= std::isfinite(w[i]);
  }
  if (finite) return true;
  const T* from = before_update_.data();
  for (Node<T>* p : parameters) {
    std::copy(from, from + p->value.size(), p->value.data());
    from += p->value.size();
  }
  optimizer.restore_state(from, iterations);
  return false;
}

template <class T>
void FitLoop<T>::end_epoch(Sequential<T>& net) {
  in_epoch_ = false;
  const bool diverged =
      history_.stop_reason == StopReason::diverged || history_.stop_reason == StopReason::non_finite_weights;
  Logs logs = running_logs();
  if (has_validation_) {
    if (diverged) {
      // Keep the history's columns aligned; a diverged model is not worth evaluating.
      for (const auto& [k, v] : net.logs_from(0, sums_, 1, "val_").values) logs.set(k, std::nan(""));
    } else {
      for (const auto& [k, v] : net.evaluate_unchecked(val_x_, val_y_, options_.batch_size).values) {
        logs.set("val_" + k, v);
      }
    }
  }
  history_.append(epoch_, logs);
  last_epoch_logs_ = std::move(logs);
  if (options_.callbacks.on_epoch_end) options_.callbacks.on_epoch_end(epoch_, last_epoch_logs_);
  bool stop = diverged;
  if (!stop && early_ && early_->on_epoch_end(epoch_, last_epoch_logs_, net)) {
    history_.stop_reason = StopReason::early_stopping;
    history_.stopped_epoch = epoch_;
    history_.stop_message = early_->message();
    stop = true;
  }
  if (!stop && net.stop_training) {
    history_.stop_reason = StopReason::callback;
    history_.stopped_epoch = epoch_;
    history_.stop_message = "a callback set stop_training";
    stop = true;
  }
  ++epoch_;
  if (stop || epoch_ >= options_.epochs) {
    done_ = true;
    net.stop_training = false;
  }
}

template <class T>
History Sequential<T>::fit(const Matrix<T>& x, const Matrix<T>& y, const FitOptions<T>& options) {
  FitLoop<T> loop(*this, x, y, options);
  while (!loop.done()) loop.run_batch();
  return loop.history();
}

template class FitLoop<float>;
template class FitLoop<double>;
template History Sequential<float>::fit(const Matrix<float>&, const Matrix<float>&, const FitOptions<float>&);
template History Sequential<double>::fit(const Matrix<double>&, const Matrix<double>&, const FitOptions<double>&);

}  // namespace nnplay
