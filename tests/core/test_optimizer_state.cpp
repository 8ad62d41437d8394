// The optimizers' state by Keras' names (docs/KERAS_SEMANTICS.md §1): after 3 steps every
// slot, the last gradient and the last update equal the tf.keras 2.x formulas, worked out
// here independently (plain per-element double arithmetic), for every optimizer and option.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "nnplay/model.hpp"
#include "nnplay/optimizers.hpp"

using nnplay::Node;
using nnplay::OptimizerOptions;

namespace {

using Vec = std::vector<double>;

// Three steps of gradients for a parameter of 3 values (the third grows, then drops, so
// that amsgrad's v̂ parts from v).
const std::vector<Vec> kGradients = {{0.5, -2, 3}, {-1, 0.25, 4}, {2, -3, 0.1}};
const Vec kStart = {0.3, -0.7, 1.1};

struct Reference {
  Vec w;
  std::map<std::string, Vec> slots;
  double momentum_cache = 1;
  Vec last_update;
};

double opt(const OptimizerOptions& o, const std::string& key, double fallback) {
  const auto it = o.find(key);
  return it == o.end() ? fallback : it->second;
}

// The tf.keras 2.x rules, one element at a time, straight from the formulas.
Reference reference(const std::string& name, const OptimizerOptions& o) {
  Reference r;
  r.w = kStart;
  const std::size_t n = kStart.size();
  auto slot = [&](const std::string& s, double init = 0) -> Vec& {
    if (!r.slots.count(s)) r.slots[s] = Vec(n, init);
    return r.slots[s];
  };
  const double lr0 = opt(o, "learning_rate", name == "SGD" ? 0.01 : 0.001);
  const double decay = opt(o, "decay", 0);
  for (int step = 0; step < 3; ++step) {
    const double t = step + 1;
    const double lr = name == "Nadam" ? lr0 : lr0 / (1 + decay * step);
    const Vec& g = kGradients[step];
    const Vec before = r.w;
    if (name == "SGD") {
      const double m = opt(o, "momentum", 0);
      for (std::size_t i = 0; i < n; ++i) {
        if (m == 0) {
          r.w[i] -= lr * g[i];
          continue;
        }
        Vec& v = slot("momentum");
        v[i] = m * v[i] - lr * g[i];
        r.w[i] += opt(o, "nesterov", 0) ? m * v[i] - lr * g[i] : v[i];
      }
    } else if (name == "Adagrad") {
      Vec& acc = slot("accumulator", opt(o, "initial_accumulator_value", 0.1));
      for (std::size_t i = 0; i < n; ++i) {
        acc[i] += g[i] * g[i];
        r.w[i] -= lr * g[i] / (std::sqrt(acc[i]) + 1e-7);
      }
    } else if (name == "RMSprop") {
      const double rho = 0.9, m = opt(o, "momentum", 0), eps = 1e-7;
      const bool centered = opt(o, "centered", 0) == 1;
      Vec& ms = slot("rms");
      for (std::size_t i = 0; i < n; ++i) {
        ms[i] = rho * ms[i] + (1 - rho) * g[i] * g[i];
        double denom = ms[i];
        if (centered) {
          Vec& mg = slot("mg");
          mg[i] = rho * mg[i] + (1 - rho) * g[i];
          denom -= mg[i] * mg[i];
        }
        if (m == 0) {
          r.w[i] -= lr * g[i] / (std::sqrt(denom) + eps);  // ε outside the root
        } else {
          Vec& mom = slot("momentum");
          mom[i] = m * mom[i] + lr * g[i] / std::sqrt(denom + eps);  // ε inside
          r.w[i] -= mom[i];
        }
      }
    } else if (name == "Adadelta") {
      const double rho = 0.95, eps = 1e-7;
      Vec& ag = slot("accum_grad");
      Vec& av = slot("accum_var");
      for (std::size_t i = 0; i < n; ++i) {
        ag[i] = rho * ag[i] + (1 - rho) * g[i] * g[i];
        const double upd = std::sqrt(av[i] + eps) / std::sqrt(ag[i] + eps) * g[i];
        r.w[i] -= lr * upd;
        av[i] = rho * av[i] + (1 - rho) * upd * upd;
      }
    } else if (name == "Adam") {
      const double b1 = 0.9, b2 = 0.999, eps = 1e-7;
      const double alpha = lr * std::sqrt(1 - std::pow(b2, t)) / (1 - std::pow(b1, t));
      Vec& m = slot("m");
      Vec& v = slot("v");
      for (std::size_t i = 0; i < n; ++i) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double second = v[i];
        if (opt(o, "amsgrad", 0)) {
          Vec& vhat = slot("vhat");
          vhat[i] = std::max(vhat[i], v[i]);
          second = vhat[i];
        }
        r.w[i] -= alpha * m[i] / (std::sqrt(second) + eps);
      }
    } else if (name == "Adamax") {
      const double b1 = 0.9, b2 = 0.999, eps = 1e-7;
      Vec& m = slot("m");
      Vec& u = slot("v");  // Keras' name for u
      for (std::size_t i = 0; i < n; ++i) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        u[i] = std::max(b2 * u[i], std::fabs(g[i]));
        r.w[i] -= lr / (1 - std::pow(b1, t)) * m[i] / (u[i] + eps);
      }
    } else if (name == "Nadam") {
      const double b1 = 0.9, b2 = 0.999, eps = 1e-7;
      const double mu = b1 * (1 - 0.5 * std::pow(0.96, 0.004 * t));
      const double mu_next = b1 * (1 - 0.5 * std::pow(0.96, 0.004 * (t + 1)));
      r.momentum_cache *= mu;
      Vec& m = slot("m");
      Vec& v = slot("v");
      for (std::size_t i = 0; i < n; ++i) {
        const double g_hat = g[i] / (1 - r.momentum_cache);
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        const double m_hat = m[i] / (1 - r.momentum_cache * mu_next);
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        const double v_hat = v[i] / (1 - std::pow(b2, t));
        const double m_bar = (1 - mu) * g_hat + mu_next * m_hat;
        r.w[i] -= lr * m_bar / (std::sqrt(v_hat) + eps);
      }
    }
    r.last_update.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) r.last_update[i] = r.w[i] - before[i];
  }
  return r;
}

struct Case {
  std::string optimizer;
  OptimizerOptions options;
  std::vector<std::string> slots;  // Keras' names, in Keras' order
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"SGD", {{"learning_rate", 0.1}}, {}},
      {"SGD", {{"learning_rate", 0.1}, {"momentum", 0.9}}, {"momentum"}},
      {"SGD", {{"learning_rate", 0.1}, {"momentum", 0.9}, {"nesterov", 1}}, {"momentum"}},
      {"SGD", {{"learning_rate", 0.1}, {"momentum", 0.5}, {"decay", 0.5}}, {"momentum"}},
      {"Adagrad", {{"learning_rate", 0.1}}, {"accumulator"}},
      {"RMSprop", {{"learning_rate", 0.1}}, {"rms"}},
      {"RMSprop", {{"learning_rate", 0.1}, {"centered", 1}}, {"rms", "mg"}},
      {"RMSprop", {{"learning_rate", 0.1}, {"momentum", 0.5}}, {"rms", "momentum"}},
      {"RMSprop", {{"learning_rate", 0.1}, {"momentum", 0.5}, {"centered", 1}}, {"rms", "momentum", "mg"}},
      {"Adadelta", {{"learning_rate", 1.0}}, {"accum_grad", "accum_var"}},
      {"Adam", {{"learning_rate", 0.1}}, {"m", "v"}},
      {"Adam", {{"learning_rate", 0.1}, {"amsgrad", 1}}, {"m", "v", "vhat"}},
      {"Adamax", {{"learning_rate", 0.1}}, {"m", "v"}},
      {"Nadam", {{"learning_rate", 0.2}}, {"m", "v"}},
  };
  return all;
}

std::string label_of(const Case& c) {
  std::string label = c.optimizer;
  for (const auto& [k, v] : c.options) label += " " + k + "=" + std::to_string(v);
  return label;
}

}  // namespace

TEST_CASE("after 3 steps every slot, gradient and update equal the tf.keras 2.x formulas", "[optimizers][state]") {
  for (const auto& c : cases()) {
    INFO(label_of(c));
    auto optimizer = nnplay::make_optimizer<double>(c.optimizer, c.options);
    Node<double> w = Node<double>::parameter(1, 3);
    for (std::size_t i = 0; i < 3; ++i) w.value(0, i) = kStart[i];
    optimizer->set_recording(true);
    optimizer->build({&w});
    for (const auto& g : kGradients) {
      for (std::size_t i = 0; i < 3; ++i) w.grad(0, i) = g[i];
      optimizer->apply_gradients();
    }
    const Reference r = reference(c.optimizer, c.options);
    CHECK(optimizer->slot_names() == c.slots);
    CHECK(optimizer->iterations() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("element " << i);
      CHECK(w.value(0, i) == Approx(r.w[i]).epsilon(1e-12));
      CHECK(optimizer->last_gradient(0)(0, i) == kGradients[2][i]);
      CHECK(optimizer->last_update(0)(0, i) == Approx(r.last_update[i]).epsilon(1e-9).margin(1e-15));
      for (const auto& name : c.slots) {
        INFO("slot " << name);
        REQUIRE(r.slots.count(name) == 1);
        CHECK(optimizer->slot(0, name)(0, i) == Approx(r.slots.at(name)[i]).epsilon(1e-12).margin(1e-15));
      }
    }
    const auto scalars = optimizer->scalar_state();
    if (c.optimizer == "Nadam") {
      REQUIRE(scalars.size() == 1);
      CHECK(scalars[0].first == "momentum_cache");
      CHECK(scalars[0].second == Approx(r.momentum_cache).epsilon(1e-14));
    } else {
      CHECK(scalars.empty());
    }
  }
}

TEST_CASE("asking for a slot the optimizer does not keep names the ones it does", "[optimizers][state]") {
  auto adam = nnplay::make_optimizer<double>("adam");
  Node<double> w = Node<double>::parameter(1, 1);
  adam->build({&w});
  CHECK_THROWS_WITH(adam->slot(0, "vhat"), Catch::Contains("no slot 'vhat'") && Catch::Contains("m, v"));
  CHECK_THROWS_WITH(adam->slot(1, "m"), Catch::Contains("parameter 1 is out of range"));
  auto sgd = nnplay::make_optimizer<double>("sgd");
  sgd->build({&w});
  CHECK_THROWS_WITH(sgd->slot(0, "momentum"), Catch::Contains("keeps: none"));
}

TEST_CASE("a model's optimizer weights come in tf.keras 2.x get_weights() order", "[optimizers][state]") {
  nnplay::Sequential<double> model(7);
  nnplay::DenseConfig first;
  first.units = 2;
  first.activation = "tanh";
  first.input_dim = 2;
  model.add(first);
  nnplay::DenseConfig second;
  second.units = 1;
  second.activation = "tanh";
  model.add(second);
  model.record_steps(true);  // before compile: kept by the optimizer compile makes
  model.compile({"rmsprop", {{"momentum", 0.5}, {"centered", 1}}, "mean_squared_error", {}});
  nnplay::Matrix<double> x = nnplay::Matrix<double>::from_shape({4, 2});
  nnplay::Matrix<double> y = nnplay::Matrix<double>::from_shape({4, 1});
  for (std::size_t i = 0; i < 4; ++i) {
    x(i, 0) = double(i) / 4 - 0.3;
    x(i, 1) = 0.5 - double(i) / 3;
    y(i, 0) = i % 2 ? 1 : -1;
  }
  model.train_on_batch(x, y);
  model.train_on_batch(x, y);
  const auto weights = model.optimizer_weights();
  std::vector<std::string> names;
  for (const auto& w : weights) names.push_back(w.name);
  const std::vector<std::string> expected = {
      "RMSprop/iter:0",
      "RMSprop/dense/kernel/rms:0", "RMSprop/dense/bias/rms:0", "RMSprop/dense_1/kernel/rms:0", "RMSprop/dense_1/bias/rms:0",
      "RMSprop/dense/kernel/momentum:0", "RMSprop/dense/bias/momentum:0", "RMSprop/dense_1/kernel/momentum:0",
      "RMSprop/dense_1/bias/momentum:0",
      "RMSprop/dense/kernel/mg:0", "RMSprop/dense/bias/mg:0", "RMSprop/dense_1/kernel/mg:0", "RMSprop/dense_1/bias/mg:0",
  };
  CHECK(names == expected);
  CHECK(weights[0].data == std::vector<double>{2});
  CHECK(weights[0].shape.empty());
  CHECK(weights[2].shape == std::vector<std::size_t>{2});  // a bias slot is shaped like the bias
  CHECK(weights[3].shape == std::vector<std::size_t>{2, 1});

  // parameter_state: the same numbers, for one weight array
  const auto state = model.parameter_state(1, "kernel");
  CHECK(state.name == "dense_1/kernel:0");
  REQUIRE(state.slots.size() == 3);
  CHECK(state.slots[0].first == "rms");
  CHECK(state.slots[2].first == "mg");
  CHECK(state.slots[0].second == weights[3].data);
  CHECK(state.slots[2].second == weights[11].data);
  // the last update is the change of the weights by the last step
  const auto before = model.get_weights();
  model.train_on_batch(x, y);
  const auto after_state = model.parameter_state(1, "kernel");
  const auto after = model.get_weights();
  for (std::size_t i = 0; i < 2; ++i) CHECK(after_state.update[i] == Approx(after[2].data[i] - before[2].data[i]).epsilon(1e-12));
  // the last gradient is what compute_gradients gives at the weights before that step
  model.set_weights(before);
  const auto g = model.compute_gradients(x, y);
  for (std::size_t i = 0; i < 2; ++i) CHECK(after_state.gradient[i] == Approx(g.gradients[2].data[i]).epsilon(1e-12));

  CHECK_THROWS_WITH(model.parameter_state(2, "kernel"), Catch::Contains("layerIndex 2 is out of range"));
  CHECK_THROWS_WITH(model.parameter_state(0, "weights"), Catch::Contains("must be 'kernel' or 'bias', got 'weights'"));
}

TEST_CASE("Nadam's momentum_cache comes right after iterations", "[optimizers][state]") {
  nnplay::Sequential<double> model(1);
  nnplay::DenseConfig only;
  only.units = 1;
  only.input_dim = 1;
  model.add(only);
  model.compile({"nadam", {}, "mean_squared_error", {}});
  const auto weights = model.optimizer_weights();
  REQUIRE(weights.size() == 6);
  CHECK(weights[1].name == "Nadam/momentum_cache:0");
  CHECK(weights[1].data == std::vector<double>{1});
  CHECK(weights[2].name == "Nadam/dense/kernel/m:0");
  CHECK(weights[4].name == "Nadam/dense/kernel/v:0");
}

TEST_CASE("step records are off until asked for, and then record each step", "[optimizers][state]") {
  nnplay::Sequential<double> model(3);
  nnplay::DenseConfig layer;
  layer.units = 1;
  layer.activation = "tanh";
  layer.input_dim = 2;
  model.add(layer);
  model.compile({"adam", {}, "mean_squared_error", {}});
  nnplay::Matrix<double> x = nnplay::Matrix<double>::from_shape({2, 2});
  nnplay::Matrix<double> y = nnplay::Matrix<double>::from_shape({2, 1});
  x(0, 0) = 0.5;
  x(0, 1) = -0.2;
  x(1, 0) = -0.4;
  x(1, 1) = 0.9;
  y(0, 0) = 1;
  y(1, 0) = -1;
  CHECK_FALSE(model.recording_steps());
  CHECK_FALSE(model.optimizer().recording());
  model.train_on_batch(x, y);
  const auto off = model.parameter_state(0, "kernel");
  CHECK(off.gradient == std::vector<double>{0, 0});  // nothing recorded
  CHECK(off.update == std::vector<double>{0, 0});
  CHECK_THROWS_WITH(model.optimizer().last_gradient(0), Catch::Contains("step records are off"));

  model.record_steps(true);
  const auto before = model.get_weights();
  model.train_on_batch(x, y);
  const auto on = model.parameter_state(0, "kernel");
  const auto after = model.get_weights();
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(on.update[i] != 0);
    CHECK(on.update[i] == Approx(after[0].data[i] - before[0].data[i]).epsilon(1e-12));
  }

  model.record_steps(false);
  model.train_on_batch(x, y);
  CHECK(model.parameter_state(0, "kernel").update == std::vector<double>{0, 0});
}
