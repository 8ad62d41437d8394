// Embind glue: convert JavaScript values, call the engine, catch. Every bound entry point
// that can throw runs inside guarded() (the others: FitLoop's done() and epoch(), the heap
// counters), which turns any C++ exception into a JavaScript Error carrying the C++
// message; the Error is thrown after the C++ catch block has ended, so the exception
// itself leaks nothing and the module stays usable however many errors are thrown
// (docs/TOOLCHAIN.md §2).
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "nnplay/datasets.hpp"
#include "nnplay/features.hpp"
#include "nnplay/fit_loop.hpp"
#include "nnplay/landscape.hpp"
#include "nnplay/limits.hpp"
#include "nnplay/model.hpp"
#include "js_transfer.hpp"

using emscripten::val;
using nnplay::Matrix;

namespace {

EM_JS(void, nnplay_throw_js_error, (const char* message), { throw new Error(UTF8ToString(message)); });

std::string g_last_error;

template <class F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    g_last_error = e.what();
  } catch (...) {
    g_last_error = "nnplay: unknown C++ exception";
  }
  nnplay_throw_js_error(g_last_error.c_str());
  __builtin_unreachable();
}

// A {data: Float32Array | number[], shape: [rows, cols]} object -> Matrix: one copy, made
// in JavaScript straight into the matrix (js_transfer.hpp).
Matrix<float> to_matrix(const val& m, const char* what) {
  double got[3];
  nnplay_js_matrix_shape(m.as_handle(), got);
  const double r = got[0], c = got[1], n = got[2];
  const auto is_whole = [](double v) { return v >= 0 && v <= 4294967295.0 && v == std::floor(v); };
  if (!is_whole(r) || !is_whole(c)) nnplay::fail(what, ": shape must be [rows, cols] of whole numbers, got [", r, ", ", c, "]");
  if (!is_whole(n)) nnplay::fail(what, ": data must be a Float32Array or an array of numbers");
  if (n != r * c) nnplay::fail(what, ": data has ", n, " values but shape [", r, ", ", c, "] needs ", r * c);
  nnplay::require_within_budget(what, n * sizeof(float), nnplay::max_argument_bytes, "pass fewer rows per call");
  Matrix<float> out = Matrix<float>::from_shape({static_cast<std::size_t>(r), static_cast<std::size_t>(c)});
  if (n > 0 && !nnplay_js_matrix_copy(m.as_handle(), out.data(), n)) {
    nnplay::fail(what, ": data changed length while it was read (a view of the engine's memory detached?); pass a copy");
  }
  return out;
}

// Matrix -> {data: Float32Array (a copy owned by JavaScript), shape: [rows, cols]}
val to_js(const float* data, std::size_t r, std::size_t c) {
  val out = val::object();
  out.set("data", val(emscripten::typed_memory_view(r * c, data)).call<val>("slice"));
  val shape = val::array();
  shape.call<void>("push", r);
  shape.call<void>("push", c);
  out.set("shape", shape);
  return out;
}
val to_js(const Matrix<float>& m) { return to_js(m.data(), nnplay::rows(m), nnplay::cols(m)); }

val logs_to_js(const nnplay::Logs& logs) {
  val out = val::object();
  for (const auto& [k, v] : logs.values) out.set(k, v);
  return out;
}

val weights_to_js(const std::vector<nnplay::WeightArray<float>>& weights) {
  val out = val::array();
  for (const auto& w : weights) {
    val item = val::object();
    item.set("name", w.name);
    val shape = val::array();
    for (auto s : w.shape) shape.call<void>("push", s);
    item.set("shape", shape);
    item.set("data", val(emscripten::typed_memory_view(w.data.size(), w.data.data())).call<val>("slice"));
    out.call<void>("push", item);
  }
  return out;
}

std::string string_or(const val& obj, const char* key, const std::string& fallback) {
  const val v = obj[key];
  return v.isUndefined() || v.isNull() ? fallback : v.as<std::string>();
}
double number_or(const val& obj, const char* key, double fallback) {
  const val v = obj[key];
  return v.isUndefined() || v.isNull() ? fallback : v.as<double>();
}
bool bool_or(const val& obj, const char* key, bool fallback) {
  const val v = obj[key];
  return v.isUndefined() || v.isNull() ? fallback : v.as<bool>();
}

// A whole number from JavaScript in [0, max] (Embind would silently truncate 2.7 or wrap -1).
std::size_t whole(double v, const char* key, const char* what, double max = 1e9) {
  if (!(v >= 0) || v != static_cast<double>(static_cast<long long>(v)) || v > max) {
    nnplay::fail(what, ": ", key, " must be a whole number from 0 to ", max, ", got ", nnplay::number_text(v));
  }
  return static_cast<std::size_t>(v);
}
std::size_t count_or(const val& obj, const char* key, std::size_t fallback, const char* what, double max = 1e9) {
  return whole(number_or(obj, key, double(fallback)), key, what, max);
}

class Model {
 public:
  explicit Model(unsigned seed) : model_(seed) {}

  void addDense(val c) {
    guarded([&] {
      nnplay::DenseConfig config;
      config.units = count_or(c, "units", 0, "Dense");
      config.activation = string_or(c, "activation", "linear");
      config.use_bias = bool_or(c, "useBias", true);
      config.kernel_initializer = string_or(c, "kernelInitializer", "glorot_uniform");
      config.bias_initializer = string_or(c, "biasInitializer", "zeros");
      config.kernel_regularizer.l1 = number_or(c, "l1", 0);
      config.kernel_regularizer.l2 = number_or(c, "l2", 0);
      config.input_dim = count_or(c, "inputDim", 0, "Dense");
      model_.add(config);
    });
  }

  void compile(val c) {
    guarded([&] {
      nnplay::CompileConfig config;
      config.optimizer = string_or(c, "optimizer", "rmsprop");
      const val options = c["optimizerOptions"];
      if (!options.isUndefined()) {
        const val keys = val::global("Object").call<val>("keys", options);
        for (unsigned i = 0; i < keys["length"].as<unsigned>(); ++i) {
          const std::string key = keys[i].as<std::string>();
          config.optimizer_options[key] = options[key].as<double>();
        }
      }
      config.loss = string_or(c, "loss", "");
      const val metrics = c["metrics"];
      if (!metrics.isUndefined()) {
        for (unsigned i = 0; i < metrics["length"].as<unsigned>(); ++i) config.metrics.push_back(metrics[i].as<std::string>());
      }
      model_.compile(config);
    });
  }

  void stopTraining() {
    guarded([&] { model_.stop_training = true; });
  }

  val trainOnBatch(val x, val y) {
    return guarded([&] { return logs_to_js(model_.train_on_batch(to_matrix(x, "trainOnBatch: x"), to_matrix(y, "trainOnBatch: y"))); });
  }
  val evaluate(val x, val y, double batch_size) {
    return guarded([&] {
      return logs_to_js(model_.evaluate(to_matrix(x, "evaluate: x"), to_matrix(y, "evaluate: y"), batch(batch_size, "evaluate")));
    });
  }
  val predict(val x, double batch_size) {
    return guarded([&] { return to_js(model_.predict(to_matrix(x, "predict: x"), batch(batch_size, "predict"))); });
  }
  // Zero-copy: runs x forward; layerOutputView(i) then views layer i's outputs inside the
  // wasm heap, valid until the next call that may allocate (views detach when memory grows).
  void forward(val x) {
    guarded([&] {
      staged_ = to_matrix(x, "forward: x");
      model_.forward(staged_);
    });
  }
  // Every unit of every layer for x, copied; the engine runs it in passes within the memory budget.
  val layerOutputs(val x) {
    return guarded([&] {
      const auto outs = model_.layer_outputs(to_matrix(x, "layerOutputs: x"));
      val list = val::array();
      for (const auto& m : outs) list.call<void>("push", to_js(m.data(), nnplay::rows(m), nnplay::cols(m)));
      return list;
    });
  }
  // How many rows one forward pass takes (the memory budget; forward() refuses more).
  double rowsPerPass() {
    return guarded([&] { return double(model_.rows_per_pass(std::size_t(-1), "rowsPerPass")); });
  }
  val layerOutputView(int layer) {
    return guarded([&] {
      const auto i = static_cast<std::size_t>(layer);
      const float* data = model_.layer_output_data(i);
      return val(emscripten::typed_memory_view(nnplay::rows(staged_) * model_.layer(i).units(), data));
    });
  }
  val computeGradients(val x, val y) {
    return guarded([&] {
      const auto g = model_.compute_gradients(to_matrix(x, "computeGradients: x"), to_matrix(y, "computeGradients: y"));
      val out = val::object();
      out.set("loss", g.loss);
      out.set("gradients", weights_to_js(g.gradients));
      return out;
    });
  }
  val getWeights() { return guarded([&] { return weights_to_js(model_.get_weights()); }); }
  void setWeights(val arrays) {
    guarded([&] {
      std::vector<nnplay::WeightArray<float>> weights;
      for (unsigned i = 0; i < arrays["length"].as<unsigned>(); ++i) {
        const val a = arrays[i];
        nnplay::WeightArray<float> w;
        w.name = string_or(a, "name", "");
        const val shape = a["shape"];
        for (unsigned k = 0; k < shape["length"].as<unsigned>(); ++k) w.shape.push_back(shape[k].as<std::size_t>());
        w.data = emscripten::convertJSArrayToNumberVector<float>(a["data"]);
        weights.push_back(std::move(w));
      }
      model_.set_weights(weights);
    });
  }
  std::string summary() { return guarded([&] { return model_.summary(); }); }
  void setLearningRate(double lr) { guarded([&] { model_.optimizer().set_learning_rate(lr); }); }
  double learningRate() { return guarded([&] { return model_.optimizer().learning_rate(); }); }
  val optimizerConfig() {
    return guarded([&] {
      val out = val::object();
      out.set("name", model_.optimizer().name());
      for (const auto& [k, v] : model_.optimizer().config()) out.set(k, v);
      out.set("iterations", double(model_.optimizer().iterations()));
      return out;
    });
  }
  // The optimizer's state (docs/KERAS_SEMANTICS.md §1), in one method to keep the module
  // small: which = "" gives tf.keras 2.x get_weights(); "kernel" or "bias" gives that weight
  // array of layer `layer`: value, last recorded gradient and update, and named slots.
  val optimizerState(int layer, std::string which) {
    return guarded([&] {
      if (which.empty()) return weights_to_js(model_.optimizer_weights());
      if (layer < 0) nnplay::fail("slots: layerIndex must be a whole number >= 0, got ", layer);
      const auto s = model_.parameter_state(static_cast<std::size_t>(layer), which);
      auto floats = [](const std::vector<float>& v) { return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice"); };
      val out = val::object();
      out.set("name", s.name);
      val shape = val::array();
      for (auto d : s.shape) shape.call<void>("push", d);
      out.set("shape", shape);
      out.set("value", floats(s.value));
      out.set("gradient", floats(s.gradient));
      out.set("update", floats(s.update));
      val slots = val::object();
      for (const auto& [name, values] : s.slots) slots.set(name, floats(values));
      out.set("slots", slots);
      return out;
    });
  }
  // Step records cost training speed: on only while something reads them.
  void recordSteps(bool on) { model_.record_steps(on); }
  // The loss on a plane through the weights (core/include/nnplay/landscape.hpp).
  val landscape(val x, val y, val o, val trajectory) {
    return guarded([&] {
      nnplay::LandscapeOptions options;
      options.directions = nnplay::parse_landscape_directions(string_or(o, "directions", "random"));
      options.span = number_or(o, "span", 0);
      options.resolution = count_or(o, "resolution", 41, "landscape", 201);
      options.seed = static_cast<std::uint32_t>(count_or(o, "seed", 0, "landscape", 4294967295.0));
      std::vector<std::vector<float>> snapshots;
      for (unsigned i = 0; i < trajectory["length"].as<unsigned>(); ++i) {
        snapshots.push_back(emscripten::convertJSArrayToNumberVector<float>(trajectory[i]));
      }
      const auto l = nnplay::loss_landscape(model_, to_matrix(x, "landscape: x"), to_matrix(y, "landscape: y"), options, snapshots);
      auto doubles = [](const double* v, std::size_t n) { return val(emscripten::typed_memory_view(n, v)).call<val>("slice"); };
      val out = val::object();
      out.set("alpha", doubles(l.alpha.data(), l.alpha.size()));
      out.set("beta", doubles(l.beta.data(), l.beta.size()));
      out.set("loss", to_js(l.loss.data(), l.beta.size(), l.alpha.size()));
      // (α, β) pairs and the two shares flat, as Float64Arrays: landscape.ts pairs them
      // (one typed copy each keeps this glue small).
      static_assert(sizeof(std::array<double, 2>) == 2 * sizeof(double), "path points are packed");
      out.set("path", doubles(l.path.empty() ? nullptr : l.path.front().data(), 2 * l.path.size()));
      out.set("centerLoss", l.center_loss);
      out.set("explainedVariance", doubles(l.explained_variance.data(), 2));
      return out;
    });
  }
  val layerInfo(int i) {
    return guarded([&] {
      const auto& l = model_.layer(static_cast<std::size_t>(i));
      val out = val::object();
      out.set("name", l.name());
      out.set("units", l.units());
      out.set("inputDim", l.input_dim());
      out.set("activation", std::string(nnplay::activation_name(l.activation())));
      out.set("useBias", l.use_bias());
      return out;
    });
  }

  nnplay::Sequential<float>& sequential() { return model_; }

 private:
  static std::size_t batch(double v, const char* what) {
    if (!(v >= 1) || v != static_cast<double>(static_cast<long long>(v))) nnplay::fail(what, ": batchSize must be a whole number >= 1, got ", v);
    return static_cast<std::size_t>(v);
  }

  nnplay::Sequential<float> model_;
  Matrix<float> staged_;
};

val history_to_js(const nnplay::History& h) {
  const std::size_t n = h.epoch.size();
  std::vector<double> columns;
  columns.reserve(h.history.size() * n);
  std::string keys;
  for (const auto& [k, values] : h.history) {
    if (values.size() != n) nnplay::fail("history: column ", k, " has ", values.size(), " values for ", n, " epochs");
    columns.insert(columns.end(), values.begin(), values.end());
    keys += (keys.empty() ? "" : "\n") + k;
  }
  const std::string reason(nnplay::stop_reason_name(h.stop_reason));
  return val::take_ownership(nnplay_js_history(h.epoch.data(), static_cast<int>(n), columns.data(), keys.c_str(),
                                               static_cast<int>(h.history.size()), reason.c_str(), h.stopped_epoch,
                                               h.stop_message.c_str()));
}

// The last completed epoch's logs, or null before the first.
val epoch_logs_to_js(const nnplay::Logs& logs) { return logs.values.empty() ? val::null() : logs_to_js(logs); }

// One fit of a Model, run a batch or an epoch at a time (nnplay::FitLoop; the names mean
// what they mean there). JavaScript owns it: delete() ends the fit.
class FitLoop {
 public:
  // new FitLoop(model, x, y, options): validates and copies the data; trains nothing yet.
  static FitLoop* start(Model& model, val x, val y, val o) {
    return guarded([&] { return new FitLoop(make(model, x, y, o)); });
  }

  // fit() without callbacks, in one call: the whole loop, then its history (each call into
  // the engine costs a visible share of a small network's epoch).
  static val run(Model& model, val x, val y, val o) {
    return guarded([&] {
      const auto loop = make(model, x, y, o);
      while (!loop->done()) loop->train_epoch();
      return history_to_js(loop->history());
    });
  }

  bool runBatch() { return guarded([&] { return loop_->run_batch(); }); }
  bool trainEpoch() { return guarded([&] { return loop_->train_epoch(); }); }
  val runEpoch() {
    return guarded([&] {
      loop_->train_epoch();
      val out = val::object();
      out.set("done", loop_->done());
      out.set("epoch", loop_->epoch());
      out.set("logs", epoch_logs_to_js(loop_->last_epoch_logs()));
      return out;
    });
  }
  bool done() const { return loop_->done(); }
  int epoch() const { return loop_->epoch(); }
  val runningLogs() { return guarded([&] { return logs_to_js(loop_->running_logs()); }); }
  val lastEpochLogs() { return guarded([&] { return epoch_logs_to_js(loop_->last_epoch_logs()); }); }
  val history() { return guarded([&] { return history_to_js(loop_->history()); }); }

 private:
  // The loop for (x, y, options), validated; the data copied into it.
  static std::unique_ptr<nnplay::FitLoop<float>> make(Model& model, const val& x, const val& y, const val& o) {
    const Matrix<float> xm = to_matrix(x, "fit: x"), ym = to_matrix(y, "fit: y");
    double got[8];  // the numbers in one crossing (js_transfer.hpp); NaN: not given
    nnplay_js_fit_numbers(o.as_handle(), got);
    const auto given = [&](int i, double fallback) { return std::isnan(got[i]) ? fallback : got[i]; };
    nnplay::FitOptions<float> options;  // Keras' defaults where not given
    options.batch_size = whole(given(0, double(options.batch_size)), "batchSize", "fit");
    options.epochs = static_cast<int>(whole(given(1, options.epochs), "epochs", "fit"));
    options.initial_epoch = static_cast<int>(whole(given(2, 0), "initialEpoch", "fit"));
    options.shuffle = given(3, 1) != 0;
    options.validation_split = given(4, 0);
    if (!std::isnan(got[5])) options.seed = static_cast<std::uint32_t>(whole(got[5], "seed", "fit", 4294967295.0));
    Matrix<float> vx, vy;
    if (got[6] != 0) {
      vx = to_matrix(o["validationX"], "fit: validationData x");
      vy = to_matrix(o["validationY"], "fit: validationData y");
      options.validation_x = &vx;
      options.validation_y = &vy;
    }
    if (got[7] != 0) {
      const val es = o["earlyStopping"];
      nnplay::EarlyStopping e;
      e.monitor = string_or(es, "monitor", "val_loss");
      e.min_delta = number_or(es, "minDelta", 0);
      e.patience = static_cast<int>(number_or(es, "patience", 0));
      e.mode = string_or(es, "mode", "auto");
      if (!es["baseline"].isUndefined() && !es["baseline"].isNull()) e.baseline = es["baseline"].as<double>();
      e.restore_best_weights = bool_or(es, "restoreBestWeights", false);
      options.early_stopping = e;
    }
    return std::make_unique<nnplay::FitLoop<float>>(model.sequential(), xm, ym, options);
  }

  explicit FitLoop(std::unique_ptr<nnplay::FitLoop<float>> loop) : loop_(std::move(loop)) {}
  std::unique_ptr<nnplay::FitLoop<float>> loop_;
};

// One parameter and one of the engine's optimizers: the page's "gradient descent, seen"
// view steps it on a loss curve (the same update rules as training, not an imitation).
class ScalarOptimizer {
 public:
  // A factory, not a throwing constructor: a JavaScript throw out of a constructor would
  // leak the object Embind allocated.
  static ScalarOptimizer* make(val name, val options) {
    return guarded([&] {
      auto made = std::make_unique<ScalarOptimizer>();
      nnplay::OptimizerOptions o;
      const val keys = val::global("Object").call<val>("keys", options);
      for (unsigned i = 0; i < keys["length"].as<unsigned>(); ++i) {
        const std::string key = keys[i].as<std::string>();
        o[key] = options[key].as<double>();
      }
      made->optimizer_ = nnplay::make_optimizer<float>(name.as<std::string>(), o);
      made->optimizer_->build({&made->w_});
      return made.release();
    });
  }
  ScalarOptimizer() : w_(nnplay::Node<float>::parameter(1, 1)) {}
  // w -> the optimizer's next w, given the gradient at w.
  double step(double w, double gradient) {
    return guarded([&] {
      w_.value(0, 0) = static_cast<float>(w);
      w_.grad(0, 0) = static_cast<float>(gradient);
      optimizer_->apply_gradients();
      return static_cast<double>(w_.value(0, 0));
    });
  }

 private:
  nnplay::Node<float> w_;
  std::unique_ptr<nnplay::Optimizer<float>> optimizer_;
};

// Strings arrive as val and are converted inside guarded(): a std::string argument is
// destroyed by Embind's caller after the call returns, which never happens when the call
// throws into JavaScript (it leaked on every error).
val generate_dataset(val type, double noise, double seed, double samples) {
  return guarded([&] {
    if (!(samples >= 0) || samples != std::floor(samples) || samples > double(nnplay::max_dataset_samples)) {
      nnplay::fail("dataset: samples must be a whole number from 0 to ", nnplay::max_dataset_samples, ", got ", nnplay::number_text(samples));
    }
    const auto d = nnplay::generate_dataset<float>(type.as<std::string>(), noise, static_cast<std::uint32_t>(seed), static_cast<std::size_t>(samples));
    val out = val::object();
    out.set("type", d.type);
    out.set("points", to_js(d.points));
    out.set("labels", to_js(d.labels));
    out.set("classes", d.classes);
    return out;
  });
}

val split_dataset(val x, val y, double ratio, double seed) {
  return guarded([&] {
    const auto s = nnplay::split_dataset<float>(to_matrix(x, "split: x"), to_matrix(y, "split: y"), ratio, static_cast<std::uint32_t>(seed));
    val out = val::object();
    out.set("xTrain", to_js(s.x_train));
    out.set("yTrain", to_js(s.y_train));
    out.set("xValid", to_js(s.x_valid));
    out.set("yValid", to_js(s.y_valid));
    return out;
  });
}

val make_features(val points, val names) {
  return guarded([&] {
    std::vector<std::string> list;
    for (unsigned i = 0; i < names["length"].as<unsigned>(); ++i) list.push_back(names[i].as<std::string>());
    return to_js(nnplay::make_features(to_matrix(points, "features: points"), nnplay::parse_features(list)));
  });
}

// The dataset's noise-free label at (x, y), or null where the dataset has no such rule.
val true_label(val type, double x, double y) {
  return guarded([&] {
    const auto label = nnplay::true_label(type.as<std::string>(), x, y);
    return label ? val(*label) : val::null();
  });
}

unsigned seed_from_string(val text) {
  return guarded([&] { return nnplay::seed_from_string(text.as<std::string>()); });
}

// Bytes of the wasm heap in use by malloc (for leak tests).
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }
double heap_size() { return static_cast<double>(EM_ASM_DOUBLE({ return HEAP8.length; })); }

}  // namespace

EMSCRIPTEN_BINDINGS(nnplay) {
  emscripten::class_<Model>("Model")
      .constructor<unsigned>()
      .function("addDense", &Model::addDense)
      .function("compile", &Model::compile)
      .function("stopTraining", &Model::stopTraining)
      .function("trainOnBatch", &Model::trainOnBatch)
      .function("evaluate", &Model::evaluate)
      .function("predict", &Model::predict)
      .function("forward", &Model::forward)
      .function("layerOutputView", &Model::layerOutputView)
      .function("layerOutputs", &Model::layerOutputs)
      .function("rowsPerPass", &Model::rowsPerPass)
      .function("computeGradients", &Model::computeGradients)
      .function("getWeights", &Model::getWeights)
      .function("setWeights", &Model::setWeights)
      .function("summary", &Model::summary)
      .function("setLearningRate", &Model::setLearningRate)
      .function("learningRate", &Model::learningRate)
      .function("optimizerConfig", &Model::optimizerConfig)
      .function("optimizerState", &Model::optimizerState)
      .function("recordSteps", &Model::recordSteps)
      .function("landscape", &Model::landscape)
      .function("layerInfo", &Model::layerInfo);
  emscripten::class_<FitLoop>("FitLoop")
      .constructor(&FitLoop::start, emscripten::allow_raw_pointers())
      .class_function("run", &FitLoop::run)
      .function("runBatch", &FitLoop::runBatch)
      .function("trainEpoch", &FitLoop::trainEpoch)
      .function("runEpoch", &FitLoop::runEpoch)
      .function("done", &FitLoop::done)
      .function("epoch", &FitLoop::epoch)
      .function("runningLogs", &FitLoop::runningLogs)
      .function("lastEpochLogs", &FitLoop::lastEpochLogs)
      .function("history", &FitLoop::history);
  emscripten::class_<ScalarOptimizer>("ScalarOptimizer")
      .constructor(&ScalarOptimizer::make, emscripten::allow_raw_pointers())
      .function("step", &ScalarOptimizer::step);
  emscripten::function("generateDataset", &generate_dataset);
  emscripten::function("splitDataset", &split_dataset);
  emscripten::function("makeFeatures", &make_features);
  emscripten::function("trueLabel", &true_label);
  emscripten::function("seedFromString", &seed_from_string);
  emscripten::function("heapBytesInUse", &heap_bytes_in_use);
  emscripten::function("heapSize", &heap_size);
}
