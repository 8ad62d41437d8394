// The memory and time budgets (core/include/nnplay/limits.hpp): what allocates in proportion
// to its inputs runs in passes that fit max_activation_bytes, giving the same values, or is
// refused before anything grows, naming the argument, the value, the budget and what to do.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "nnplay/datasets.hpp"
#include "nnplay/landscape.hpp"
#include "nnplay/limits.hpp"

using Catch::Matchers::Contains;
using nnplay::Matrix;
using nnplay::Sequential;

namespace {

// 2 → Dense(65,536, tanh) → Dense(1): one row's activations take about 1 MB in float, so
// the 128 MB budget holds 127 rows.
void add_wide_layers(Sequential<float>& model) {
  nnplay::DenseConfig wide;
  wide.units = 65'536;
  wide.activation = "tanh";
  wide.input_dim = 2;
  model.add(wide);
  nnplay::DenseConfig out;
  out.units = 1;
  model.add(out);
  model.compile({"sgd", {}, "mean_squared_error", {"mae"}});
}

Matrix<float> rows_of_points(std::size_t n) {
  Matrix<float> x = Matrix<float>::from_shape({n, 2});
  for (std::size_t i = 0; i < n; ++i) {
    x(i, 0) = float(i % 17) * 0.3f - 2.4f;
    x(i, 1) = float(i % 5) * 0.7f - 1.4f;
  }
  return x;
}

}  // namespace

TEST_CASE("a wide model's passes fit the memory budget and give the same values", "[budget]") {
  Sequential<float> model(3);
  add_wide_layers(model);
  const std::size_t fit = model.rows_per_pass(100'000, "test");
  CHECK(fit == 127);  // 1.00005 MB per row
  CHECK(model.activation_bytes_per_row() * double(fit) <= nnplay::max_activation_bytes);
  const Matrix<float> x = rows_of_points(300);
  const Matrix<float> all = model.predict(x, 300);  // asks for one pass of 300 rows: runs 127, 127, 46
  const Matrix<float> small = model.predict(x, 50);
  CHECK(std::vector<float>(all.begin(), all.end()) == std::vector<float>(small.begin(), small.end()));
  const auto outs = model.layer_outputs(x);
  REQUIRE(outs.size() == 2);
  CHECK(std::vector<float>(outs[1].begin(), outs[1].end()) == std::vector<float>(all.begin(), all.end()));
  Matrix<float> y = Matrix<float>::from_shape({300, 1});
  y.fill(0.5f);
  const double loss_whole = *model.evaluate(x, y, 300).get("loss");
  const double loss_small = *model.evaluate(x, y, 100).get("loss");
  CHECK(loss_whole == Approx(loss_small).epsilon(1e-5));
}

TEST_CASE("a batch that must run at once is refused beyond the memory budget, by name", "[budget]") {
  Sequential<float> model(3);
  add_wide_layers(model);
  const Matrix<float> x = rows_of_points(600);
  Matrix<float> y = Matrix<float>::from_shape({600, 1});
  y.fill(0.5f);
  nnplay::FitOptions<float> options;
  options.batch_size = 600;
  const auto before = model.flat_weights();
  CHECK_THROWS_WITH(model.fit(x, y, options), Contains("fit: batch_size (batchSize) = 600 needs") &&
                                                   Contains("memory budget of 128.0 MB") && Contains("use at most 127 rows"));
  CHECK_THROWS_WITH(model.train_on_batch(x, y), Contains("train_on_batch: rows of x = 600"));
  CHECK_THROWS_WITH(model.compute_gradients(x, y), Contains("compute_gradients: rows of x = 600"));
  CHECK_THROWS_WITH(model.forward(x), Contains("forward: rows of x = 600"));
  CHECK(model.flat_weights() == before);
  options.batch_size = 127;  // within the budget: trains
  options.epochs = 1;
  CHECK(model.fit(x, y, options).at("loss").size() == 1);
}

TEST_CASE("results beyond the memory budget are refused before they are allocated", "[budget]") {
  Sequential<float> model(3);
  add_wide_layers(model);
  // every unit of 65,537 for 600 rows: 150 MB
  CHECK_THROWS_WITH(model.layer_outputs(rows_of_points(600)),
                    Contains("layer_outputs: every unit of every layer for x needs 150.0 MB") && Contains("128.0 MB"));
}

TEST_CASE("a landscape beyond the time budget is refused before any work", "[budget]") {
  Sequential<float> model(3);
  nnplay::DenseConfig c;
  c.units = 64;
  c.input_dim = 2;
  model.add(c);
  c.units = 1;
  c.input_dim = 0;
  model.add(c);
  model.compile({"sgd", {}, "mean_squared_error", {}});
  const Matrix<float> x = rows_of_points(20'000);
  Matrix<float> y = Matrix<float>::from_shape({20'000, 1});
  y.fill(0);
  nnplay::LandscapeOptions options;
  options.resolution = 201;  // 40,401 cells × 20,000 rows × (257 weights + 64) ≈ 2.6e11
  CHECK_THROWS_WITH(nnplay::loss_landscape(model, x, y, options),
                    Contains("landscape: resolution 201") && Contains("time budget of 1e+10") && Contains("lower resolution"));
  options.resolution = 11;  // 121 × 20,000 × 321 ≈ 7.8e8: runs
  CHECK(nnplay::loss_landscape(model, x, y, options).loss.size() == 121);
}
