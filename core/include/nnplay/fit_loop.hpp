// FitLoop: fit() taken apart so that a caller can run it a batch or an epoch at a time —
// a page that trains between animation frames, a JavaScript fit() that yields between
// epochs — with exactly the semantics of one Sequential::fit() call (which is a FitLoop
// run to its end).
//
// The loop is attached to its model while it exists. While it runs (not done), the model
// refuses add, compile, another fit, train_on_batch and set_weights. The model detaches a
// finished loop when it changes or starts another fit, and any loop when it is destroyed;
// a detached loop keeps its history, and any call that would train says why it cannot.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "nnplay/model.hpp"

namespace nnplay {

// The state after run_epoch(): whether the fit has ended, the epoch in progress or next to
// start (FitLoop::epoch()), and the logs of the last completed epoch (empty before the first).
struct EpochReport {
  bool done = false;
  int epoch = 0;
  Logs logs;
};

template <class T>
class FitLoop {
 public:
  // Validates everything and copies the data; trains nothing yet.
  FitLoop(Sequential<T>& model, const Matrix<T>& x, const Matrix<T>& y, const FitOptions<T>& options);
  ~FitLoop();
  FitLoop(const FitLoop&) = delete;
  FitLoop& operator=(const FitLoop&) = delete;

  bool done() const { return done_; }
  int epoch() const { return epoch_; }  // the epoch in progress, or next to start
  int batch() const { return batch_; }  // batches done in this epoch
  std::size_t batches_per_epoch() const;
  const History& history() const { return history_; }
  // The running averages of the epoch in progress (Keras' batch logs).
  Logs running_logs() const;
  // The logs of the last completed epoch (validation included), as history() has them;
  // empty before the first.
  const Logs& last_epoch_logs() const { return last_epoch_logs_; }

  // Trains one batch (starting an epoch first if needed); returns true when that batch
  // ended an epoch (validation, history, callbacks and early stopping have then run).
  bool run_batch();
  // Trains to the end of the current epoch; returns done(). The hot path: no logs copied.
  bool train_epoch() {
    while (!done_ && !run_batch()) {
    }
    return done_;
  }
  // train_epoch(), then the state after it.
  EpochReport run_epoch() {
    train_epoch();
    return EpochReport{done_, epoch_, last_epoch_logs_};
  }

  // Called by the model: this loop can no longer train; `why` says what happened.
  void detach(const char* why);

 private:
  Sequential<T>& model(const char* what) const;
  void begin_epoch();
  void end_epoch(Sequential<T>& net);
  // Applies the batch's update, unless it would make a weight non-finite: then the update
  // is taken back (weights and optimizer state) and false returned.
  bool apply_update(Sequential<T>& net);

  Sequential<T>* model_;
  const char* detached_why_ = nullptr;
  FitOptions<T> options_;
  Matrix<T> x_, y_, val_x_, val_y_;
  bool has_validation_ = false;
  std::uint32_t seed_;
  std::vector<std::size_t> order_;
  std::vector<double> sums_;
  double loss_sum_ = 0, seen_ = 0;
  std::size_t cursor_ = 0;  // next row of order_ in this epoch
  int epoch_ = 0;
  int batch_ = 0;
  bool in_epoch_ = false;
  bool done_ = false;
  History history_;
  Logs last_epoch_logs_;
  std::vector<T> before_update_;  // weights, then optimizer state, before this batch's update
  std::unique_ptr<detail::EarlyStoppingState<T>> early_;
};

}  // namespace nnplay
