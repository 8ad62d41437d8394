// Sequential::fit — tf.keras 2.x's training loop (KERAS_SEMANTICS.md §4): consecutive
// batches of a per-epoch shuffled order, the epoch loss and metrics as the
// batch-size-weighted mean of pre-update values, validation after each epoch, early
// stopping, and a stop on a non-finite loss that says why.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

#include "nnplay/errors.hpp"
#include "nnplay/model.hpp"

namespace nnplay {

namespace {

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
      model.set_weights(best_weights_);
      restored_ = true;
    }
    return true;
  }

  std::string message() const {
    std::ostringstream out;
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

template <class T>
Matrix<T> rows_of(const Matrix<T>& m, std::size_t from, std::size_t to) {
  Matrix<T> out = Matrix<T>::from_shape({to - from, cols(m)});
  std::copy(m.data() + from * cols(m), m.data() + to * cols(m), out.data());
  return out;
}

}  // namespace

template <class T>
History Sequential<T>::fit(const Matrix<T>& x, const Matrix<T>& y, const FitOptions<T>& options) {
  require_compiled("fit");
  check_xy(x, y, "fit");
  if (options.batch_size < 1) fail("fit: batch_size must be >= 1, got ", options.batch_size);
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
  Matrix<T> split_x, split_y;
  const Matrix<T>* val_x = nullptr;
  const Matrix<T>* val_y = nullptr;
  if (options.validation_x) {
    check_xy(*options.validation_x, *options.validation_y, "fit: validation_data");
    val_x = options.validation_x;
    val_y = options.validation_y;
  } else if (options.validation_split > 0) {
    const auto split_at = static_cast<std::size_t>(std::floor(double(rows(x)) * (1.0 - options.validation_split)));
    if (split_at == 0 || split_at == rows(x)) {
      fail("fit: validation_split ", options.validation_split, " of ", rows(x),
           " samples leaves no training or no validation sample");
    }
    n_train = split_at;
    split_x = rows_of(x, split_at, rows(x));
    split_y = rows_of(y, split_at, rows(y));
    val_x = &split_x;
    val_y = &split_y;
  }

  std::optional<EarlyStoppingState<T>> early;
  if (options.early_stopping) {
    early.emplace(*options.early_stopping);
    // Fail before training, not after the first epoch, when the monitored value will not exist.
    Logs expected = logs_from(0, metric_sums_, 1, "");
    if (val_x) {
      for (const auto& [k, v] : logs_from(0, metric_sums_, 1, "val_").values) expected.set(k, v);
    }
    (void)expected.at(options.early_stopping->monitor);
  }

  const std::uint32_t seed = options.seed ? *options.seed : seed_;
  const std::size_t batch_size = options.batch_size;
  std::vector<std::size_t> order(n_train);
  std::vector<double> sums(metrics_.size());
  History history;
  stop_training = false;

  for (int epoch = options.initial_epoch; epoch < options.epochs; ++epoch) {
    if (options.callbacks.on_epoch_begin) options.callbacks.on_epoch_begin(epoch);
    std::iota(order.begin(), order.end(), std::size_t(0));
    if (options.shuffle) {
      Rng rng(mix_seed(seed, static_cast<std::uint32_t>(epoch)));  // epoch k's order depends on (seed, k) only
      rng.shuffle(order);
    }
    double loss_sum = 0, seen = 0;
    std::fill(sums.begin(), sums.end(), 0.0);
    bool stop = false;
    int batch = 0;
    for (std::size_t begin = 0; begin < n_train; begin += batch_size, ++batch) {
      const std::size_t count = std::min(batch_size, n_train - begin);
      stage(x, &y, order.data(), begin, count);
      const T loss = graph_->forward(count);
      accumulate_metrics(count, sums);
      loss_sum += double(loss) * double(count);
      seen += double(count);
      if (!std::isfinite(loss)) {
        history.stop_reason = StopReason::non_finite_loss;
        history.stopped_epoch = epoch;
        std::ostringstream why;
        why << "epoch " << epoch + 1 << ", batch " << batch + 1 << ": the loss became " << loss
            << "; training stopped without applying that update (the learning rate " << optimizer_->learning_rate()
            << " may be too high)";
        history.stop_message = why.str();
        stop = true;
        break;
      }
      graph_->backward(count);
      optimizer_->apply_gradients();
      if (options.callbacks.on_batch_end) options.callbacks.on_batch_end(batch, logs_from(loss_sum, sums, seen, ""));
      if (stop_training) break;
    }

    Logs logs = logs_from(loss_sum, sums, seen, "");
    if (val_x) {
      if (history.stop_reason == StopReason::non_finite_loss) {
        // Keep the history's columns aligned; a diverged model is not worth evaluating.
        for (const auto& [k, v] : logs_from(0, sums, 1, "val_").values) logs.set(k, std::nan(""));
      } else {
        for (const auto& [k, v] : evaluate_unchecked(*val_x, *val_y, batch_size).values) logs.set("val_" + k, v);
      }
    }
    history.append(epoch, logs);
    if (options.callbacks.on_epoch_end) options.callbacks.on_epoch_end(epoch, logs);
    if (!stop && early && early->on_epoch_end(epoch, logs, *this)) {
      history.stop_reason = StopReason::early_stopping;
      history.stopped_epoch = epoch;
      history.stop_message = early->message();
      stop = true;
    }
    if (!stop && stop_training) {
      history.stop_reason = StopReason::callback;
      history.stopped_epoch = epoch;
      history.stop_message = "a callback set stop_training";
      stop = true;
    }
    if (stop) break;
  }
  stop_training = false;
  return history;
}

template History Sequential<float>::fit(const Matrix<float>&, const Matrix<float>&, const FitOptions<float>&);
template History Sequential<double>::fit(const Matrix<double>&, const Matrix<double>&, const FitOptions<double>&);

}  // namespace nnplay
