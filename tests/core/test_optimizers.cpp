// Each optimizer against trajectories worked out from the tf.keras 2.x formulas
// (docs/KERAS_SEMANTICS.md §1) with an independent calculator (Python, double precision), on
// f(w) = w²/2 so that the gradient is w. Includes the examples of Keras' docstrings.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "nnplay/optimizers.hpp"

using nnplay::Node;
using nnplay::OptimizerOptions;

namespace {

struct Trajectory {
  std::string optimizer;
  OptimizerOptions options;
  double w0;
  std::vector<double> expected;  // w after steps 1, 2, 3
};

// Runs `gradients` (or g = w when empty) through a freshly built optimizer on one scalar.
std::vector<double> run(const std::string& name, const OptimizerOptions& options, double w0, int steps,
                        const std::vector<double>& gradients = {}) {
  auto optimizer = nnplay::make_optimizer<double>(name, options);
  Node<double> w = Node<double>::parameter(1, 1);
  w.value(0, 0) = w0;
  optimizer->build({&w});
  std::vector<double> out;
  for (int t = 0; t < steps; ++t) {
    w.grad(0, 0) = gradients.empty() ? w.value(0, 0) : gradients[t];
    optimizer->apply_gradients();
    out.push_back(w.value(0, 0));
  }
  return out;
}

}  // namespace

TEST_CASE("optimizers follow the tf.keras 2.x update rules step by step", "[optimizers]") {
  const std::vector<Trajectory> cases = {
      {"SGD", {{"learning_rate", 0.1}}, 10.0, {9, 8.0999999999999996, 7.2899999999999991}},
      {"SGD", {{"learning_rate", 0.1}, {"momentum", 0.9}}, 1.0, {0.9, 0.72, 0.486}},
      {"SGD", {{"learning_rate", 0.1}, {"momentum", 0.9}, {"nesterov", 1}}, 10.0, {8.1, 5.751, 3.27321}},
      {"SGD", {{"learning_rate", 0.1}, {"decay", 0.5}}, 10.0, {9, 8.4, 7.98}},
      {"Adagrad", {{"learning_rate", 0.1}}, 10.0, {9.9000499635302237, 9.8297130835321234, 9.7724564859720147}},
      {"RMSprop", {{"learning_rate", 0.1}}, 10.0, {9.6837722439831619, 9.4578802624585681, 9.2705309965850109}},
      {"RMSprop", {{"learning_rate", 0.1}, {"centered", 1}}, 10.0, {9.6666666777777781, 9.4159014428872538, 9.1970050288847602}},
      {"RMSprop", {{"learning_rate", 0.1}, {"momentum", 0.5}}, 10.0, {9.6837722355643017, 9.2997663672632704, 8.9224648363646217}},
      {"RMSprop", {{"learning_rate", 0.1}, {"momentum", 0.5}, {"centered", 1}}, 10.0,
       {9.6666666685185181, 9.2492347623441731, 8.8241836470519388}},
      {"Adadelta", {{"learning_rate", 1.0}}, 10.0, {9.9985857864517698, 9.9971536554061, 9.9957094722316455}},
      {"Adadelta", {}, 10.0, {9.999998585786452, 9.9999971535568175, 9.9999957091405687}},
      {"Adam", {{"learning_rate", 0.1}}, 10.0, {9.900000031622767, 9.8000275130451495, 9.7001010647793979}},
      {"Adamax", {{"learning_rate", 0.1}}, 10.0, {9.9000000010000004, 9.8004267445234667, 9.7012971213928729}},
      {"Nadam", {{"learning_rate", 0.2}}, 10.0, {9.7887096464418253, 9.6334638991856654, 9.4892145620479234}},
      {"Nadam", {}, 10.0, {9.9989435482322087, 9.9981599005514337, 9.9974277371170892}},
      // schedule_decay is the exponent's rate in mu_t = beta_1·(1 - 0.5·0.96^(schedule_decay·t)),
      // not a learning-rate decay: 0.5 moves steps 1..3 by about 6e-4, 4e-4 and 2.5e-3.
      {"Nadam", {{"learning_rate", 0.2}, {"schedule_decay", 0.5}}, 10.0, {9.788078637517684, 9.633850026544751, 9.49168821216005}},
      {"Nadam", {{"learning_rate", 0.2}, {"schedule_decay", 0.0}}, 10.0, {9.788714735655173, 9.633460524830989, 9.489193637677694}},
  };
  for (const auto& c : cases) {
    std::string label = c.optimizer;
    for (const auto& [k, v] : c.options) label += " " + k + "=" + std::to_string(v);
    INFO(label);
    const auto got = run(c.optimizer, c.options, c.w0, 3);
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("step " << i + 1);
      CHECK(got[i] == Approx(c.expected[i]).epsilon(1e-12));
    }
  }
}

TEST_CASE("the examples of Keras' docstrings", "[optimizers]") {
  // Adam(0.1), w = 10, loss w²/2: one step gives 9.9
  CHECK(run("Adam", {{"learning_rate", 0.1}}, 10.0, 1)[0] == Approx(9.9).epsilon(1e-7));
  // RMSprop(0.1): 9.683772
  CHECK(run("RMSprop", {{"learning_rate", 0.1}}, 10.0, 1)[0] == Approx(9.683772).epsilon(1e-7));
  // Nadam(0.2): "{:.1f}" gives 9.8
  CHECK(run("Nadam", {{"learning_rate", 0.2}}, 10.0, 1)[0] == Approx(9.8).margin(0.05));
  // SGD(0.1, momentum=0.9), w = 1: the first step moves 0.1, the second 0.18
  const auto sgd = run("SGD", {{"learning_rate", 0.1}, {"momentum", 0.9}}, 1.0, 2);
  CHECK(1.0 - sgd[0] == Approx(0.1).epsilon(1e-12));
  CHECK(sgd[0] - sgd[1] == Approx(0.18).epsilon(1e-12));
}

TEST_CASE("amsgrad keeps the largest second moment", "[optimizers]") {
  // A gradient that drops from 10 to 0.01 makes v shrink: amsgrad keeps the old maximum.
  const std::vector<double> g = {10, 0.01, 0.01};
  const auto adam = run("Adam", {{"learning_rate", 0.1}}, 10.0, 3, g);
  const auto ams = run("Adam", {{"learning_rate", 0.1}, {"amsgrad", 1}}, 10.0, 3, g);
  CHECK(adam[1] == Approx(9.8329198100889066).epsilon(1e-12));
  CHECK(adam[2] == Approx(9.7810026851895611).epsilon(1e-12));
  CHECK(ams[1] == Approx(9.8329533250214123).epsilon(1e-12));
  CHECK(ams[2] == Approx(9.7810880652874825).epsilon(1e-12));
}

TEST_CASE("the learning rate can change between steps and momentum carries over", "[optimizers]") {
  auto optimizer = nnplay::make_optimizer<double>("sgd", {{"learning_rate", 0.1}, {"momentum", 0.9}});
  Node<double> w = Node<double>::parameter(1, 1);
  w.value(0, 0) = 10;
  optimizer->build({&w});
  const double rates[] = {0.1, 0.5, 0.01};
  const double expected[] = {9, 3.6, -1.296};
  for (int t = 0; t < 3; ++t) {
    optimizer->set_learning_rate(rates[t]);
    w.grad(0, 0) = w.value(0, 0);
    optimizer->apply_gradients();
    CHECK(w.value(0, 0) == Approx(expected[t]).epsilon(1e-12));
  }
  CHECK(optimizer->iterations() == 3);
}

TEST_CASE("names, defaults and configuration", "[optimizers]") {
  CHECK(nnplay::make_optimizer<float>("sgd")->learning_rate() == Approx(0.01));
  CHECK(nnplay::make_optimizer<float>("Adagrad")->learning_rate() == Approx(0.001));
  CHECK(nnplay::make_optimizer<float>("adadelta")->learning_rate() == Approx(0.001));  // not 1.0 as in tfjs
  CHECK(nnplay::make_optimizer<float>("RMSProp")->name() == "RMSprop");
  for (const auto& name : nnplay::optimizer_names()) {
    auto o = nnplay::make_optimizer<float>(name);
    CHECK(o->name() == name);
    CHECK(o->config().front().first == "learning_rate");
  }
  const auto adagrad = nnplay::make_optimizer<double>("adagrad")->config();
  bool found = false;
  for (const auto& [k, v] : adagrad) found = found || (k == "initial_accumulator_value" && v == 0.1);
  CHECK(found);
}

TEST_CASE("a float optimizer matches the double one to float precision", "[optimizers]") {
  for (const auto& name : nnplay::optimizer_names()) {
    INFO(name);
    auto f = nnplay::make_optimizer<float>(name, {{"learning_rate", 0.05}});
    auto d = nnplay::make_optimizer<double>(name, {{"learning_rate", 0.05}});
    Node<float> wf = Node<float>::parameter(1, 2);
    Node<double> wd = Node<double>::parameter(1, 2);
    wf.value(0, 0) = 3;
    wf.value(0, 1) = -0.5f;
    wd.value(0, 0) = 3;
    wd.value(0, 1) = -0.5;
    f->build({&wf});
    d->build({&wd});
    for (int t = 0; t < 20; ++t) {
      for (int j = 0; j < 2; ++j) {
        wf.grad(0, j) = wf.value(0, j);
        wd.grad(0, j) = wd.value(0, j);
      }
      f->apply_gradients();
      d->apply_gradients();
    }
    CHECK(wf.value(0, 0) == Approx(wd.value(0, 0)).epsilon(1e-4));
    CHECK(wf.value(0, 1) == Approx(wd.value(0, 1)).epsilon(1e-4));
  }
}
