// nnplay_bench_core: the engine's throughput on the playground's workloads, in float, on
// one core (Google Benchmark). What each workload is, exactly, is in bench/README.md.
//
//   W1  x, y -> Dense(3,tanh) -> Dense(3,tanh) -> Dense(1,tanh), SGD, batch 10 (and 1)
//   W2  7 features -> 6 x Dense(8,tanh) -> Dense(1,tanh), SGD, batch 10 (also Adam, shuffle)
//   W3  every unit of the trained W2 network over the playground's 100x100 grid
//
// Training runs through Sequential::fit (one epoch over all 500 samples per iteration, no
// validation), the path the page uses. Counters: samples_per_s, grids_per_s.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "nnplay/datasets.hpp"
#include "nnplay/features.hpp"
#include "nnplay/model.hpp"

namespace {

using nnplay::Matrix;
using Model = nnplay::Sequential<float>;

constexpr std::uint32_t kModelSeed = 42;  // the initial weights (and fit's shuffles)
constexpr std::uint32_t kDataSeed = 1;    // gauss, noise 0, seed 1: 500 samples
constexpr double kLearningRate = 0.03;
constexpr std::size_t kGridDensity = 100;  // the playground's DENSITY
constexpr int kW3TrainEpochs = 20;

const std::vector<std::string>& xy_features() {
  static const std::vector<std::string> f = {"x", "y"};
  return f;
}
const std::vector<std::string>& all_features() {
  static const std::vector<std::string> f = {"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"};
  return f;
}

struct Net {
  const std::vector<std::string>* features;
  std::vector<std::size_t> hidden;  // units per hidden layer; the output is Dense(1, tanh)
  std::string optimizer;
};

const Net kW1{&xy_features(), {3, 3}, "sgd"};
const Net kW2{&all_features(), {8, 8, 8, 8, 8, 8}, "sgd"};
const Net kW2Adam{&all_features(), {8, 8, 8, 8, 8, 8}, "adam"};

struct Data {
  Matrix<float> x, y;
};

Data gauss_data(const std::vector<std::string>& features) {
  const auto ds = nnplay::generate_dataset<float>("gauss", 0.0, kDataSeed);
  return {nnplay::make_features(ds.points, nnplay::parse_features(features)), ds.labels};
}

std::unique_ptr<Model> make_model(const Net& net) {
  auto model = std::make_unique<Model>(kModelSeed);
  std::size_t in = net.features->size();
  std::vector<std::size_t> units = net.hidden;
  units.push_back(1);
  for (std::size_t u : units) {
    nnplay::DenseConfig layer;
    layer.units = u;
    layer.activation = "tanh";
    layer.input_dim = in;  // only the first layer needs it; later ones must match
    model->add(layer);
    in = u;
  }
  nnplay::CompileConfig config;
  config.optimizer = net.optimizer;
  config.optimizer_options = {{"learning_rate", kLearningRate}};
  config.loss = "mean_squared_error";
  model->compile(config);
  return model;
}

nnplay::FitOptions<float> fit_options(std::size_t batch_size, bool shuffle) {
  nnplay::FitOptions<float> options;
  options.batch_size = batch_size;
  options.epochs = 1;
  options.shuffle = shuffle;
  return options;
}

// Trains one epoch (all 500 samples) per iteration through fit().
void BM_train(benchmark::State& state, const Net& net, std::size_t batch_size, bool shuffle) {
  const Data data = gauss_data(*net.features);
  auto model = make_model(net);
  auto options = fit_options(batch_size, shuffle);
  model->fit(data.x, data.y, options);  // untimed: builds the graph and its buffers
  const auto n = static_cast<std::int64_t>(nnplay::rows(data.x));
  std::int64_t samples = 0;
  int epoch = 1;
  double last_loss = 0;
  for (auto _ : state) {
    // Epoch k of a longer run: with shuffle, each iteration gets a new order, as in fit(epochs=N).
    options.initial_epoch = epoch;
    options.epochs = epoch + 1;
    ++epoch;
    const nnplay::History history = model->fit(data.x, data.y, options);
    if (history.stop_reason != nnplay::StopReason::max_epochs) {
      state.SkipWithError(history.stop_message.c_str());
      break;
    }
    last_loss = history.history.front().second.back();
    samples += n;
  }
  state.counters["samples_per_s"] = benchmark::Counter(double(samples), benchmark::Counter::kIsRate);
  state.counters["loss"] = last_loss;  // a sanity check: training really trains
}

// The playground's grid (updateDecisionBoundary): point (i, j) for i, j in 0..99 is
// x = xScale(i) = -6 + 12·i/99, y = yScale(j) = 6 - 12·j/99 (d3 linear scales over
// [0, DENSITY-1]; the edges are included), stored as row i·100 + j.
Matrix<float> playground_grid_points() {
  Matrix<float> points = Matrix<float>::from_shape({kGridDensity * kGridDensity, 2});
  const double last = double(kGridDensity - 1);
  for (std::size_t i = 0; i < kGridDensity; ++i) {
    for (std::size_t j = 0; j < kGridDensity; ++j) {
      points(i * kGridDensity + j, 0) = static_cast<float>(-6.0 + 12.0 * double(i) / last);
      points(i * kGridDensity + j, 1) = static_cast<float>(6.0 - 12.0 * double(j) / last);
    }
  }
  return points;
}

// The W2 network after kW3TrainEpochs epochs, and the grid's features (computed once, as a
// page caches them: they only change when the feature set does).
struct GridSetup {
  std::unique_ptr<Model> model;
  Matrix<float> grid;
};

GridSetup grid_setup() {
  const Data data = gauss_data(all_features());
  GridSetup s{make_model(kW2), {}};
  auto options = fit_options(10, false);
  options.epochs = kW3TrainEpochs;
  s.model->fit(data.x, data.y, options);
  s.grid = nnplay::make_features(playground_grid_points(), nnplay::parse_features(all_features()));
  s.model->forward(s.grid);  // untimed: grows the graph's buffers to 10,000 rows once
  return s;
}

std::size_t unit_count(const Model& model) {
  std::size_t units = 0;
  for (std::size_t l = 0; l < model.layer_count(); ++l) units += model.layer(l).units();
  return units;
}

// W3: forward the grid, then take every layer's outputs in place (zero-copy).
void BM_grid_forward(benchmark::State& state) {
  GridSetup s = grid_setup();
  const std::size_t layers = s.model->layer_count();
  for (auto _ : state) {
    s.model->forward(s.grid);
    for (std::size_t l = 0; l < layers; ++l) {
      const float* out = s.model->layer_output_data(l);
      benchmark::DoNotOptimize(out);
    }
    benchmark::ClobberMemory();
  }
  state.counters["grids_per_s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["units"] = double(unit_count(*s.model));
}

// W3_layer_outputs: the same through layer_outputs(), which copies each layer into a new matrix.
void BM_grid_layer_outputs(benchmark::State& state) {
  GridSetup s = grid_setup();
  for (auto _ : state) {
    std::vector<Matrix<float>> outputs = s.model->layer_outputs(s.grid);
    benchmark::DoNotOptimize(outputs.data());
    benchmark::ClobberMemory();
  }
  state.counters["grids_per_s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["units"] = double(unit_count(*s.model));
}

constexpr double kMinTime = 0.5;  // seconds per benchmark

void register_all() {
  benchmark::RegisterBenchmark("W1_train/xy-3-3-1/sgd/batch10", BM_train, kW1, std::size_t(10), false)
      ->MinTime(kMinTime)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("W1_train/xy-3-3-1/sgd/batch1", BM_train, kW1, std::size_t(1), false)
      ->MinTime(kMinTime)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("W2_train/7in-6x8-1/sgd/batch10", BM_train, kW2, std::size_t(10), false)
      ->MinTime(kMinTime)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("W2_train/7in-6x8-1/sgd/batch10/shuffle", BM_train, kW2, std::size_t(10), true)
      ->MinTime(kMinTime)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("W2_train/7in-6x8-1/adam/batch10", BM_train, kW2Adam, std::size_t(10), false)
      ->MinTime(kMinTime)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("W3_grid/forward_zero_copy", BM_grid_forward)
      ->MinTime(kMinTime)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("W3_grid/layer_outputs", BM_grid_layer_outputs)
      ->MinTime(kMinTime)->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
