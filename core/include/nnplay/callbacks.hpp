// What fit() reports and how it can be steered: Logs (Keras' logs dict), History,
// EarlyStopping (tf.keras 2.3's rule) and the per-batch / per-epoch callbacks.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nnplay {

// Named values in Keras' order: loss, metrics..., val_loss, val_metrics...
struct Logs {
  std::vector<std::pair<std::string, double>> values;

  void set(const std::string& key, double v) {
    for (auto& [k, x] : values) {
      if (k == key) {
        x = v;
        return;
      }
    }
    values.emplace_back(key, v);
  }
  std::optional<double> get(const std::string& key) const {
    for (const auto& [k, x] : values) {
      if (k == key) return x;
    }
    return std::nullopt;
  }
  double at(const std::string& key) const;  // throws naming the keys there are
};

enum class StopReason { max_epochs, early_stopping, diverged, non_finite_weights, callback };
const char* stop_reason_name(StopReason r);  // "max_epochs", "early_stopping", ... (bindings/src/stopReason.ts has the same set)

struct History {
  std::vector<int> epoch;                                             // the epoch indices run
  std::vector<std::pair<std::string, std::vector<double>>> history;  // key -> one value per epoch
  StopReason stop_reason = StopReason::max_epochs;
  int stopped_epoch = -1;    // the epoch in which training stopped early, or -1
  std::string stop_message;  // why, in words (empty when it ran its epochs)

  const std::vector<double>& at(const std::string& key) const;  // throws naming the keys there are
  void append(int epoch_index, const Logs& logs);
};

// Keras' EarlyStopping as tf.keras 2.3 has it: after each epoch, an improvement of more
// than min_delta resets the wait; otherwise wait += 1 and training stops once
// wait >= patience. mode "auto": max for names containing "acc" (accuracy metrics), else min.
struct EarlyStopping {
  std::string monitor = "val_loss";
  double min_delta = 0;
  int patience = 0;
  std::string mode = "auto";  // auto, min, max
  std::optional<double> baseline;
  bool restore_best_weights = false;
};

struct Callbacks {
  std::function<void(int epoch)> on_epoch_begin;
  std::function<void(int epoch, const Logs& logs)> on_epoch_end;
  // logs hold the running epoch averages so far, as in Keras.
  std::function<void(int batch, const Logs& logs)> on_batch_end;
};

}  // namespace nnplay
