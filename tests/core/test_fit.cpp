// fit()'s semantics, as tf.keras 2.x runs them (docs/KERAS_SEMANTICS.md §4).
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "nnplay/datasets.hpp"
#include "nnplay/fit_loop.hpp"
#include "nnplay/model.hpp"

using namespace nnplay;

namespace {

// 2 -> 3 tanh -> 1 tanh, MSE, tanh_accuracy, plain SGD.
template <class T>
void tutorial_model(Sequential<T>& m, double lr = 0.03) {
  DenseConfig first{3, "tanh"};
  first.input_dim = 2;
  m.add(first).add({1, "tanh"});
  m.compile({"sgd", {{"learning_rate", lr}}, "mean_squared_error", {"tanh_accuracy"}});
}

Matrix<double> rows_of(const Matrix<double>& m, std::size_t from, std::size_t to) {
  Matrix<double> out = Matrix<double>::from_shape({to - from, cols(m)});
  for (std::size_t r = from; r < to; ++r) {
    for (std::size_t j = 0; j < cols(m); ++j) out(r - from, j) = m(r, j);
  }
  return out;
}

}  // namespace

TEST_CASE("the epoch loss is the batch-size-weighted mean, partial last batch included", "[fit]") {
  auto data = generate_dataset<double>("xor", 0.3, 5, 7);  // 7 samples -> batches of 3, 3, 1
  REQUIRE(rows(data.points) == 7);
  data.labels(6, 0) = -data.labels(6, 0);  // make the last (single-sample) batch stand out
  Sequential<double> model(1);
  tutorial_model(model, 0.0);  // learning rate 0: the weights never move
  const auto p = model.predict(data.points);
  double per_sample = 0;
  std::vector<double> batch_means = {0, 0, 0};
  for (std::size_t i = 0; i < 7; ++i) {
    const double e = (p(i, 0) - data.labels(i, 0)) * (p(i, 0) - data.labels(i, 0));
    per_sample += e / 7;
    batch_means[i / 3] += e / (i < 6 ? 3 : 1);
  }
  FitOptions<double> options;
  options.batch_size = 3;
  options.shuffle = false;
  const auto h = model.fit(data.points, data.labels, options);
  CHECK(h.at("loss")[0] == Approx(per_sample).epsilon(1e-12));
  // ...which is not the plain mean of the three batch means
  CHECK(std::fabs(per_sample - (batch_means[0] + batch_means[1] + batch_means[2]) / 3) > 1e-3);
}

TEST_CASE("training loss and metrics are taken before each batch's update", "[fit]") {
  auto data = generate_dataset<double>("xor", 0, 3, 20);
  Sequential<double> model(2), twin(2);
  tutorial_model(model, 0.5);
  tutorial_model(twin, 0.5);
  const auto first_batch_x = rows_of(data.points, 0, 5);
  const auto first_batch_y = rows_of(data.labels, 0, 5);
  const auto before = twin.evaluate(first_batch_x, first_batch_y);
  std::vector<double> batch_losses;
  FitOptions<double> options;
  options.batch_size = 5;
  options.shuffle = false;
  options.callbacks.on_batch_end = [&](int, const Logs& logs) { batch_losses.push_back(logs.at("loss")); };
  model.fit(data.points, data.labels, options);
  REQUIRE(batch_losses.size() == 4);
  CHECK(batch_losses[0] == Approx(before.at("loss")).epsilon(1e-12));
  // and the update happened: the same batch now has another loss
  CHECK(model.evaluate(first_batch_x, first_batch_y).at("loss") != Approx(before.at("loss")).epsilon(1e-6));
}

TEST_CASE("validation_split takes the last fraction, before shuffling", "[fit]") {
  auto data = generate_dataset<double>("circle", 0.1, 9, 10);
  Sequential<double> model(3);
  tutorial_model(model, 0.0);
  const auto train_part = model.evaluate(rows_of(data.points, 0, 7), rows_of(data.labels, 0, 7));
  const auto valid_part = model.evaluate(rows_of(data.points, 7, 10), rows_of(data.labels, 7, 10));
  FitOptions<double> options;
  options.validation_split = 0.3;  // split_at = floor(10 · 0.7) = 7
  options.batch_size = 4;
  options.shuffle = true;
  const auto h = model.fit(data.points, data.labels, options);
  CHECK(h.at("loss")[0] == Approx(train_part.at("loss")).epsilon(1e-12));
  CHECK(h.at("val_loss")[0] == Approx(valid_part.at("loss")).epsilon(1e-12));
  CHECK(h.at("val_tanh_accuracy")[0] == Approx(valid_part.at("tanh_accuracy")));
  // Keras' key order
  REQUIRE(h.history.size() == 4);
  CHECK(h.history[0].first == "loss");
  CHECK(h.history[1].first == "tanh_accuracy");
  CHECK(h.history[2].first == "val_loss");
  CHECK(h.history[3].first == "val_tanh_accuracy");
}

TEST_CASE("validation_data overrides validation_split", "[fit]") {
  auto data = generate_dataset<double>("gauss", 0, 4, 20);
  auto other = generate_dataset<double>("gauss", 0.5, 5, 6);
  Sequential<double> model(3);
  tutorial_model(model, 0.0);
  const auto expected = model.evaluate(other.points, other.labels);
  FitOptions<double> options;
  options.validation_split = 0.5;
  options.validation_x = &other.points;
  options.validation_y = &other.labels;
  const auto h = model.fit(data.points, data.labels, options);
  CHECK(h.at("val_loss")[0] == Approx(expected.at("loss")).epsilon(1e-12));
  CHECK(h.at("loss")[0] == Approx(model.evaluate(data.points, data.labels).at("loss")).epsilon(1e-12));
}

TEST_CASE("shuffling is per epoch and determined by the seed", "[fit]") {
  auto data = generate_dataset<float>("spiral", 0.2, 11);
  auto train = [&](std::uint32_t shuffle_seed, bool shuffle) {
    Sequential<float> model(5);
    tutorial_model(model, 0.1);
    FitOptions<float> options;
    options.batch_size = 10;
    options.epochs = 3;
    options.shuffle = shuffle;
    options.seed = shuffle_seed;
    model.fit(data.points, data.labels, options);
    return model.get_weights();
  };
  const auto a = train(1, true), b = train(1, true), c = train(2, true), unshuffled = train(1, false);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].data == b[i].data);  // bit for bit
  CHECK(a[0].data != c[0].data);
  CHECK(a[0].data != unshuffled[0].data);
}

TEST_CASE("fit in pieces with initial_epoch equals one fit", "[fit]") {
  auto data = generate_dataset<float>("circle", 0.1, 2);
  Sequential<float> whole(8), pieces(8);
  tutorial_model(whole, 0.1);
  tutorial_model(pieces, 0.1);
  FitOptions<float> options;
  options.batch_size = 16;
  options.epochs = 4;
  const auto h = whole.fit(data.points, data.labels, options);
  options.epochs = 2;
  const auto h1 = pieces.fit(data.points, data.labels, options);
  options.initial_epoch = 2;
  options.epochs = 4;
  const auto h2 = pieces.fit(data.points, data.labels, options);
  CHECK(h2.epoch == std::vector<int>{2, 3});
  CHECK(h.at("loss")[3] == h2.at("loss")[1]);
  CHECK(whole.get_weights()[0].data == pieces.get_weights()[0].data);
}

TEST_CASE("early stopping waits `patience` epochs without improvement", "[fit]") {
  auto data = generate_dataset<double>("gauss", 0.2, 1, 30);
  Sequential<double> model(1);
  tutorial_model(model, 0.0);  // nothing changes, so nothing improves after epoch 1
  FitOptions<double> options;
  options.shuffle = false;  // (a reshuffled epoch sums in another order: last-bit differences)
  options.epochs = 20;
  options.early_stopping = EarlyStopping{"loss", 0, 2};
  const auto h = model.fit(data.points, data.labels, options);
  CHECK(h.epoch.size() == 3);
  CHECK(h.stop_reason == StopReason::early_stopping);
  CHECK(h.stopped_epoch == 2);
  CHECK_THAT(h.stop_message, Catch::Contains("loss did not improve"));
}

TEST_CASE("early stopping restores the best weights", "[fit]") {
  auto data = generate_dataset<double>("gauss", 0.2, 1, 40);
  Sequential<double> model(1);
  tutorial_model(model, 0.01);
  std::vector<WeightArray<double>> after_first_epoch;
  FitOptions<double> options;
  options.epochs = 50;
  options.validation_split = 0.25;
  // every later epoch improves val_loss a little, never by 1.0: epoch 1 stays the best
  EarlyStopping es;
  es.min_delta = 1.0;
  es.patience = 3;
  es.restore_best_weights = true;
  options.early_stopping = es;
  options.callbacks.on_epoch_end = [&](int epoch, const Logs&) {
    if (epoch == 0) after_first_epoch = model.get_weights();
  };
  const auto h = model.fit(data.points, data.labels, options);
  CHECK(h.epoch.size() == 4);
  CHECK(h.stop_reason == StopReason::early_stopping);
  CHECK(model.get_weights()[0].data == after_first_epoch[0].data);
  CHECK_THAT(h.stop_message, Catch::Contains("restored"));
}

TEST_CASE("early stopping's mode decides which way is better", "[fit]") {
  auto data = generate_dataset<double>("gauss", 0.1, 1, 60);
  auto epochs_run = [&](const std::string& monitor, const std::string& mode) {
    Sequential<double> model(1);
    tutorial_model(model, 0.05);  // the loss falls every epoch
    FitOptions<double> options;
    options.epochs = 6;
    options.shuffle = false;
    EarlyStopping es;
    es.monitor = monitor;
    es.mode = mode;
    options.early_stopping = es;
    return model.fit(data.points, data.labels, options).epoch.size();
  };
  CHECK(epochs_run("loss", "auto") == 6);  // auto -> min for a loss: every epoch improves
  CHECK(epochs_run("loss", "max") == 2);   // a falling loss never "improves" when maximised
  CHECK(epochs_run("tanh_accuracy", "auto") == epochs_run("tanh_accuracy", "max"));
}

TEST_CASE("a non-finite loss stops training, says why, and keeps the weights finite", "[fit]") {
  auto data = generate_dataset<float>("reg-plane", 0, 3);
  Sequential<float> model(1);
  DenseConfig first{8, "linear"};
  first.input_dim = 2;
  model.add(first).add({8, "linear"}).add({1, "linear"});
  model.compile({"sgd", {{"learning_rate", 10.0}}, "mse", {"mae"}});
  FitOptions<float> options;
  options.epochs = 50;
  options.batch_size = 10;
  options.validation_split = 0.2;
  const auto h = model.fit(data.points, data.labels, options);
  CHECK(h.stop_reason == StopReason::diverged);
  CHECK(h.epoch.size() == std::size_t(h.stopped_epoch + 1));
  CHECK_FALSE(std::isfinite(h.at("loss").back()));
  CHECK(std::isnan(h.at("val_loss").back()));
  CHECK(h.at("val_loss").size() == h.at("loss").size());
  CHECK_THAT(h.stop_message, Catch::Contains("the loss became") && Catch::Contains("learning rate 10"));
  for (const auto& w : model.get_weights()) {
    for (float v : w.data) REQUIRE(std::isfinite(v));
  }
}

TEST_CASE("a callback can stop training", "[fit]") {
  auto data = generate_dataset<float>("xor", 0, 3);
  Sequential<float> model(1);
  tutorial_model(model);
  FitOptions<float> options;
  options.epochs = 10;
  int batches = 0;
  options.callbacks.on_batch_end = [&](int batch, const Logs&) {
    ++batches;
    if (batch == 2) model.stop_training = true;
  };
  const auto h = model.fit(data.points, data.labels, options);
  CHECK(batches == 3);
  CHECK(h.stop_reason == StopReason::callback);
  CHECK(h.epoch.size() == 1);
}

TEST_CASE("callbacks see each epoch begin and end", "[fit]") {
  auto data = generate_dataset<float>("xor", 0, 3, 40);
  Sequential<float> model(1);
  tutorial_model(model);
  FitOptions<float> options;
  options.epochs = 3;
  std::vector<int> begun, ended;
  options.callbacks.on_epoch_begin = [&](int e) { begun.push_back(e); };
  options.callbacks.on_epoch_end = [&](int e, const Logs& logs) {
    ended.push_back(e);
    CHECK(logs.get("loss").has_value());
  };
  model.fit(data.points, data.labels, options);
  CHECK(begun == std::vector<int>{0, 1, 2});
  CHECK(ended == std::vector<int>{0, 1, 2});
}

TEST_CASE("train_on_batch updates once and reports the pre-update loss", "[fit]") {
  auto data = generate_dataset<double>("gauss", 0, 3, 12);
  Sequential<double> model(4);
  tutorial_model(model, 0.1);
  const double before = model.evaluate(data.points, data.labels, 12).at("loss");
  const auto logs = model.train_on_batch(data.points, data.labels);
  CHECK(logs.at("loss") == Approx(before).epsilon(1e-12));
  CHECK(model.optimizer().iterations() == 1);
  CHECK(model.evaluate(data.points, data.labels, 12).at("loss") < before);
}

TEST_CASE("a FitLoop run batch by batch is the same as fit()", "[fit]") {
  auto data = generate_dataset<float>("circle", 0.2, 4);
  Sequential<float> whole(3), stepped(3);
  tutorial_model(whole, 0.1);
  tutorial_model(stepped, 0.1);
  FitOptions<float> options;
  options.batch_size = 30;  // 500 -> 17 batches, the last of 20
  options.epochs = 3;
  options.validation_split = 0.2;  // 400 training rows -> 14 batches
  const auto h = whole.fit(data.points, data.labels, options);
  FitLoop<float> loop(stepped, data.points, data.labels, options);
  CHECK(loop.batches_per_epoch() == 14);
  int epochs_finished = 0, batches = 0;
  while (!loop.done()) {
    ++batches;
    if (loop.run_batch()) ++epochs_finished;
    if (batches == 5) {
      CHECK(loop.batch() == 5);
      CHECK(loop.running_logs().get("loss").has_value());
    }
  }
  CHECK(epochs_finished == 3);
  CHECK(batches == 42);
  CHECK(loop.history().at("val_loss") == h.at("val_loss"));
  CHECK(whole.get_weights()[2].data == stepped.get_weights()[2].data);
  CHECK_FALSE(loop.run_batch());  // done stays done
}

TEST_CASE("FitLoop::run_epoch reports done, the next epoch and the epoch's logs; train_epoch returns done", "[fit]") {
  auto data = generate_dataset<float>("xor", 0, 4, 50);
  Sequential<float> model(3);
  tutorial_model(model, 0.1);
  FitOptions<float> options;
  options.epochs = 3;
  FitLoop<float> loop(model, data.points, data.labels, options);
  CHECK(loop.last_epoch_logs().values.empty());
  const EpochReport first = loop.run_epoch();
  CHECK_FALSE(first.done);
  CHECK(first.epoch == 1);
  CHECK(first.epoch == loop.epoch());
  CHECK(first.logs.at("loss") == loop.history().at("loss")[0]);
  CHECK(first.logs.at("tanh_accuracy") == loop.history().at("tanh_accuracy")[0]);
  CHECK_FALSE(loop.train_epoch());
  CHECK(loop.last_epoch_logs().at("loss") == loop.history().at("loss")[1]);
  const EpochReport last = loop.run_epoch();
  CHECK(last.done);
  CHECK(last.epoch == 3);
  CHECK(last.logs.at("loss") == loop.history().at("loss")[2]);
  const EpochReport after = loop.run_epoch();  // nothing left to run: the same state
  CHECK(after.done);
  CHECK(after.epoch == 3);
  CHECK(loop.history().epoch.size() == 3);
}

TEST_CASE("a FitLoop whose model changed, was destroyed or started another fit says so instead of training", "[fit]") {
  auto data = generate_dataset<float>("xor", 0, 4, 50);
  FitOptions<float> options;
  options.epochs = 3;
  SECTION("a layer added") {
    Sequential<float> model(3);
    tutorial_model(model, 0.1);
    FitLoop<float> loop(model, data.points, data.labels, options);
    CHECK(loop.run_epoch().done == false);
    loop.train_epoch();
    CHECK(loop.train_epoch());  // finished: the model may change again
    model.add({1, "tanh"});
    CHECK_THROWS_WITH(loop.running_logs(), Catch::Contains("a layer was added"));
    CHECK(loop.history().epoch.size() == 3);  // what ran is kept
  }
  SECTION("compiled again") {
    Sequential<float> model(3);
    tutorial_model(model, 0.1);
    FitLoop<float> loop(model, data.points, data.labels, options);
    while (!loop.train_epoch()) {
    }
    model.compile({"adam", {}, "mean_squared_error", {}});
    CHECK_THROWS_WITH(loop.running_logs(), Catch::Contains("compiled again"));
  }
  SECTION("destroyed") {
    auto model = std::make_unique<Sequential<float>>(3);
    tutorial_model(*model, 0.1);
    FitLoop<float> loop(*model, data.points, data.labels, options);
    model.reset();
    CHECK_THROWS_WITH(loop.run_epoch(), Catch::Contains("destroyed"));
  }
}

TEST_CASE("stop_training set between FitLoop batches ends the epoch and the fit", "[fit]") {
  auto data = generate_dataset<float>("xor", 0, 4, 100);
  Sequential<float> model(3);
  tutorial_model(model, 0.1);
  FitOptions<float> options;
  options.epochs = 5;
  options.batch_size = 10;
  FitLoop<float> loop(model, data.points, data.labels, options);
  loop.run_batch();
  loop.run_batch();
  model.stop_training = true;
  CHECK(loop.run_batch());  // no third batch: the epoch ends here
  CHECK(loop.done());
  CHECK(loop.history().stop_reason == StopReason::callback);
  CHECK(model.optimizer().iterations() == 2);
}

TEST_CASE("a running FitLoop owns its model: add, compile, fit, train_on_batch, set_weights are refused", "[fit]") {
  auto data = generate_dataset<float>("xor", 0, 4, 50);
  Sequential<float> model(3);
  tutorial_model(model, 0.1);
  FitOptions<float> options;
  options.epochs = 2;
  auto loop = std::make_unique<FitLoop<float>>(model, data.points, data.labels, options);
  loop->run_batch();
  const auto weights = model.get_weights();
  CHECK_THROWS_WITH(model.add({1, "tanh"}), Catch::Contains("add: another fit is ongoing"));
  CHECK_THROWS_WITH(model.compile({"adam", {}, "mean_squared_error", {}}), Catch::Contains("compile: another fit is ongoing"));
  CHECK_THROWS_WITH(model.fit(data.points, data.labels, options), Catch::Contains("fit: another fit is ongoing"));
  CHECK_THROWS_WITH(model.train_on_batch(data.points, data.labels), Catch::Contains("train_on_batch: another fit is ongoing"));
  CHECK_THROWS_WITH(model.set_weights(weights), Catch::Contains("set_weights: another fit is ongoing"));
  CHECK(model.layer_count() == 2);
  // the refused calls changed nothing: the loop trains on as if they never happened
  Sequential<float> twin(3);
  tutorial_model(twin, 0.1);
  const auto h = twin.fit(data.points, data.labels, options);
  loop->train_epoch();
  CHECK(loop->train_epoch());
  CHECK(loop->history().at("loss") == h.at("loss"));
  // finished: the model is free again; a new fit detaches the finished loop
  FitLoop<float> next(model, data.points, data.labels, options);
  CHECK_THROWS_WITH(loop->running_logs(), Catch::Contains("a newer fit started"));
  CHECK(loop->history().epoch.size() == 2);  // its own history, not the new fit's
  loop.reset();  // destroying a detached loop leaves the new one attached
  CHECK_THROWS_WITH(model.add({1, "tanh"}), Catch::Contains("another fit is ongoing"));
}

TEST_CASE("early stopping restores the best weights inside a running fit", "[fit]") {
  auto data = generate_dataset<float>("xor", 0, 4, 50);
  Sequential<float> model(3);
  tutorial_model(model, 5.0);  // jumps around: val_loss stops improving quickly
  FitOptions<float> options;
  options.epochs = 30;
  options.validation_split = 0.2;
  EarlyStopping es;
  es.patience = 1;
  es.restore_best_weights = true;
  options.early_stopping = es;
  const auto h = model.fit(data.points, data.labels, options);
  CHECK(h.stop_reason == StopReason::early_stopping);
  CHECK_THAT(h.stop_message, Catch::Contains("weights restored"));
}

TEST_CASE("an update that would make a weight non-finite stops the fit before it is applied", "[fit]") {
  auto data = generate_dataset<float>("xor", 0, 4, 50);
  for (const std::string optimizer : {"sgd", "adam"}) {
    Sequential<float> model(3);
    DenseConfig first{3, "tanh"};
    first.input_dim = 2;
    model.add(first).add({1, "linear"});
    // a finite loss and finite gradients, but lr·g overflows float (1e39 is inf as a float)
    model.compile({optimizer, {{"learning_rate", 1e39}}, "mean_squared_error", {}});
    FitOptions<float> options;
    options.epochs = 3;
    options.batch_size = 10;
    FitLoop<float> loop(model, data.points, data.labels, options);
    std::vector<WeightArray<float>> before = model.get_weights();
    int batches = 0;
    while (!loop.done()) {
      before = model.get_weights();
      ++batches;
      loop.run_batch();
    }
    INFO(optimizer);
    const History& h = loop.history();
    CHECK(h.stop_reason == StopReason::non_finite_weights);
    CHECK(h.stopped_epoch == 0);
    CHECK_THAT(h.stop_message, Catch::Contains("would have made a weight non-finite"));
    CHECK(h.epoch.size() == 1);
    for (const auto& w : model.get_weights()) {
      for (float v : w.data) CHECK(std::isfinite(v));
    }
    // the refused update was taken back: weights and step count as before that batch
    const auto after = model.get_weights();
    for (std::size_t i = 0; i < after.size(); ++i) CHECK(after[i].data == before[i].data);
    CHECK(batches == 1);
    CHECK(model.optimizer().iterations() == 0);
  }
}
