// The loss landscape (core/include/nnplay/landscape.hpp): the centre is the model's loss,
// a quadratic's slice is the quadratic, the directions are what Li et al. (2018) define,
// and the model's weights are left as they were.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "nnplay/datasets.hpp"
#include "nnplay/landscape.hpp"
#include "nnplay/limits.hpp"

using nnplay::Matrix;
using nnplay::Sequential;

namespace {

// The playground's default network: 2 inputs → Dense(4, tanh) → Dense(2, tanh) → Dense(1, tanh).
void add_default_layers(Sequential<double>& model) {
  for (std::size_t units : {4, 2, 1}) {
    nnplay::DenseConfig c;
    c.units = units;
    c.activation = "tanh";
    c.input_dim = units == 4 ? 2 : 0;
    model.add(c);
  }
  model.compile({"sgd", {{"learning_rate", 0.03}}, "mean_squared_error", {}});
}

double norm_of_column(const std::vector<double>& flat, std::size_t offset, std::size_t rows, std::size_t cols, std::size_t j) {
  double s = 0;
  for (std::size_t i = 0; i < rows; ++i) s += flat[offset + i * cols + j] * flat[offset + i * cols + j];
  return std::sqrt(s);
}

}  // namespace

TEST_CASE("the landscape's centre is the model's loss and the weights are restored", "[landscape]") {
  const auto data = nnplay::generate_dataset<double>("circle", 0.1, 3, 250);
  Sequential<double> model(11);
  add_default_layers(model);
  nnplay::FitOptions<double> fit;
  fit.batch_size = 10;
  fit.epochs = 2;
  model.fit(data.points, data.labels, fit);
  const auto before = model.flat_weights();
  nnplay::LandscapeOptions options;
  options.resolution = 5;
  options.seed = 4;
  const auto l = nnplay::loss_landscape(model, data.points, data.labels, options);
  const double loss = *model.evaluate(data.points, data.labels, 250).get("loss");
  CHECK(l.center_loss == Approx(loss).epsilon(1e-12));
  CHECK(l.loss[2 * 5 + 2] == Approx(loss).epsilon(1e-12));  // α = β = 0 is the middle of a 5×5 grid
  CHECK(l.alpha == std::vector<double>{-1, -0.5, 0, 0.5, 1});
  CHECK(model.flat_weights() == before);
  // elsewhere the loss differs: the grid really moved the weights
  CHECK(l.loss[0] != Approx(loss).epsilon(1e-6));
  // the same seed gives the same slice; another seed another one
  CHECK(nnplay::loss_landscape(model, data.points, data.labels, options).loss == l.loss);
  options.seed = 5;
  CHECK(nnplay::loss_landscape(model, data.points, data.labels, options).loss != l.loss);
}

TEST_CASE("a training set larger than one pass is evaluated in passes, each weighted by its rows", "[landscape]") {
  // 16,384 + 3,616 rows: two passes of different sizes, so an unweighted mean of the
  // passes' losses would differ from evaluate()'s.
  const std::size_t n = nnplay::max_rows_per_pass + 3616;
  const auto data = nnplay::generate_dataset<double>("spiral", 0.2, 5, n);
  REQUIRE(nnplay::rows(data.points) == n);
  Sequential<double> model(2);
  add_default_layers(model);
  nnplay::LandscapeOptions options;
  options.resolution = 3;
  const auto l = nnplay::loss_landscape(model, data.points, data.labels, options);
  const double loss = *model.evaluate(data.points, data.labels, n).get("loss");
  CHECK(l.center_loss == Approx(loss).epsilon(1e-12));
  CHECK(l.loss[1 * 3 + 1] == Approx(loss).epsilon(1e-12));
}

TEST_CASE("random directions are filter-normalised; biases get none", "[landscape]") {
  Sequential<double> model(3);
  add_default_layers(model);
  nnplay::Rng rng(9);
  const auto d = nnplay::filter_normalized_direction(model, rng);
  const auto w = model.flat_weights();
  REQUIRE(d.size() == w.size());
  std::size_t offset = 0;
  for (std::size_t l = 0; l < model.layer_count(); ++l) {
    const std::size_t in = model.layer(l).input_dim(), out = model.layer(l).units();
    for (std::size_t j = 0; j < out; ++j) {
      INFO("layer " << l << " unit " << j);
      CHECK(norm_of_column(d, offset, in, out, j) == Approx(norm_of_column(w, offset, in, out, j)).epsilon(1e-12));
    }
    offset += in * out;
    for (std::size_t j = 0; j < out; ++j) CHECK(d[offset + j] == 0.0);
    offset += out;
  }
}

TEST_CASE("a linear model's slice is the quadratic it must be", "[landscape]") {
  // y = x·W with W [2, 3], no bias, targets 0: MSE = (1/3)·Σ_j W_jᵀ S W_j with S = XᵀX / n.
  Sequential<double> model(5);
  nnplay::DenseConfig c;
  c.units = 3;
  c.input_dim = 2;
  c.use_bias = false;
  model.add(c);
  model.compile({"sgd", {}, "mean_squared_error", {}});
  Matrix<double> x = Matrix<double>::from_shape({6, 2});
  Matrix<double> y = Matrix<double>::from_shape({6, 3});
  y.fill(0);
  const double xs[6][2] = {{1, 0.5}, {-2, 1}, {0.3, -0.7}, {1.5, 2}, {-0.4, -1.2}, {0, 0.9}};
  for (std::size_t i = 0; i < 6; ++i) {
    x(i, 0) = xs[i][0];
    x(i, 1) = xs[i][1];
  }
  nnplay::LandscapeOptions options;
  options.resolution = 7;
  options.span = 2;
  options.seed = 1;
  const auto l = nnplay::loss_landscape(model, x, y, options);
  const auto w = model.flat_weights();  // kernel [2, 3] row-major
  double s[2][2] = {{0, 0}, {0, 0}};
  for (std::size_t i = 0; i < 6; ++i) {
    for (int a = 0; a < 2; ++a) {
      for (int b = 0; b < 2; ++b) s[a][b] += xs[i][a] * xs[i][b] / 6;
    }
  }
  for (std::size_t bi = 0; bi < 7; ++bi) {
    for (std::size_t aj = 0; aj < 7; ++aj) {
      double expected = 0;
      for (std::size_t j = 0; j < 3; ++j) {
        double v[2];
        for (std::size_t i = 0; i < 2; ++i) {
          v[i] = w[i * 3 + j] + l.alpha[aj] * l.direction_x[i * 3 + j] + l.beta[bi] * l.direction_y[i * 3 + j];
        }
        expected += (v[0] * s[0][0] * v[0] + 2 * v[0] * s[0][1] * v[1] + v[1] * s[1][1] * v[1]) / 3;
      }
      INFO("alpha " << l.alpha[aj] << " beta " << l.beta[bi]);
      CHECK(l.loss[bi * 7 + aj] == Approx(expected).epsilon(1e-12));
    }
  }
}

TEST_CASE("PCA finds a trajectory's two main directions, orthonormal", "[landscape]") {
  // Points c + a_k·u + b_k·v + a little noise on an ellipse: a and b uncorrelated, a wider.
  const std::vector<double> u = {0.6, 0.8, 0, 0}, v = {0, 0, 0.28, 0.96};
  std::vector<std::vector<double>> rows;
  nnplay::Rng rng(2);
  for (int k = 0; k < 24; ++k) {
    const double a = 3 * std::cos(k * M_PI / 12), b = std::sin(k * M_PI / 12), e = 1e-4;
    std::vector<double> r(4);
    for (int i = 0; i < 4; ++i) r[i] = 1.0 + a * u[i] + b * v[i] + e * rng.normal(0, 1);
    rows.push_back(r);
  }
  std::array<double, 2> explained{};
  const auto d = nnplay::principal_directions(rows, 7, explained);
  auto dot = [](const std::vector<double>& p, const std::vector<double>& q) {
    double s = 0;
    for (std::size_t i = 0; i < p.size(); ++i) s += p[i] * q[i];
    return s;
  };
  CHECK(dot(d[0], d[0]) == Approx(1).epsilon(1e-12));
  CHECK(dot(d[1], d[1]) == Approx(1).epsilon(1e-12));
  CHECK(dot(d[0], d[1]) == Approx(0).margin(1e-12));
  CHECK(std::fabs(dot(d[0], u)) == Approx(1).epsilon(1e-5));
  CHECK(std::fabs(dot(d[1], v)) == Approx(1).epsilon(1e-5));
  CHECK(explained[0] > explained[1]);
  CHECK(explained[0] + explained[1] == Approx(1).epsilon(1e-5));
  const auto p = nnplay::project_onto_plane({2 * u[0] - v[0], 2 * u[1] - v[1], 2 * u[2] - v[2], 2 * u[3] - v[3]}, d[0], d[1]);
  CHECK(std::fabs(p[0]) == Approx(2).epsilon(1e-4));
  CHECK(std::fabs(p[1]) == Approx(1).epsilon(1e-4));
}

TEST_CASE("a PCA landscape of a real training run puts the path on the plane", "[landscape]") {
  const auto data = nnplay::generate_dataset<double>("xor", 0, 5, 250);
  Sequential<double> model(2);
  add_default_layers(model);
  std::vector<std::vector<double>> trajectory;
  nnplay::FitOptions<double> fit;
  fit.batch_size = 10;
  for (int epoch = 0; epoch < 8; ++epoch) {
    trajectory.push_back(model.flat_weights());
    fit.initial_epoch = epoch;
    fit.epochs = epoch + 1;
    model.fit(data.points, data.labels, fit);
  }
  nnplay::LandscapeOptions options;
  options.directions = nnplay::LandscapeDirections::pca;
  options.resolution = 9;
  const auto l = nnplay::loss_landscape(model, data.points, data.labels, options, trajectory);
  REQUIRE(l.path.size() == trajectory.size());
  double extent = 0;
  for (const auto& p : l.path) extent = std::max({extent, std::fabs(p[0]), std::fabs(p[1])});
  CHECK(l.alpha.back() == Approx(1.25 * extent));  // the default span frames the path
  CHECK(l.explained_variance[0] >= l.explained_variance[1]);
  CHECK(l.explained_variance[0] + l.explained_variance[1] <= 1 + 1e-9);
  CHECK(l.loss[4 * 9 + 4] == Approx(l.center_loss).epsilon(1e-12));
  // the first snapshot (the initial weights) is far out; the loss there was higher
  CHECK(std::hypot(l.path[0][0], l.path[0][1]) > 0);
}

TEST_CASE("bad landscape arguments give clear errors", "[landscape]") {
  const auto data = nnplay::generate_dataset<double>("gauss", 0, 1, 50);
  Sequential<double> model(1);
  add_default_layers(model);
  nnplay::LandscapeOptions options;
  options.resolution = 1;
  CHECK_THROWS_WITH(nnplay::loss_landscape(model, data.points, data.labels, options), Catch::Contains("resolution must be a whole number from 2 to 201, got 1"));
  options.resolution = 5;
  options.span = -1;
  CHECK_THROWS_WITH(nnplay::loss_landscape(model, data.points, data.labels, options), Catch::Contains("span must be a finite number > 0"));
  options.span = 0;
  options.directions = nnplay::LandscapeDirections::pca;
  CHECK_THROWS_WITH(nnplay::loss_landscape(model, data.points, data.labels, options, {model.flat_weights()}),
                    Catch::Contains("needs a trajectory of at least 2"));
  CHECK_THROWS_WITH(nnplay::loss_landscape(model, data.points, data.labels, options, {{1.0, 2.0}, {3.0, 4.0}}),
                    Catch::Contains("snapshot 0 has 2 values but the model has 25 weights"));
  const auto w = model.flat_weights();
  CHECK_THROWS_WITH(nnplay::loss_landscape(model, data.points, data.labels, options, {w, w}), Catch::Contains("every snapshot is the same"));
  CHECK(model.flat_weights() == w);
  CHECK_THROWS_WITH(nnplay::parse_landscape_directions("pcb"), Catch::Contains("'random' or 'pca', got 'pcb'"));
}
