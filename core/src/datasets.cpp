#include "nnplay/datasets.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

#include "nnplay/errors.hpp"
#include "nnplay/limits.hpp"
#include "nnplay/rng.hpp"

namespace nnplay {

namespace {
#include "registry_datasets.inc"  // kNames, kAllowed, kNoiseMax: generated from core/registry.json


constexpr double kPi = 3.14159265358979323846;

struct Sample {
  double x, y;
  std::vector<double> label;
};
using Samples = std::vector<Sample>;

constexpr double kCircleRadius = 5;
double circle_label(double x, double y) { return std::hypot(x, y) < kCircleRadius * 0.5 ? 1.0 : -1.0; }
double xor_label(double x, double y) { return x * y >= 0 ? 1.0 : -1.0; }
double plane_label(double x, double y) { return (x + y) / 10; }  // linear map [-10, 10] -> [-1, 1]
double reg_gauss_label(double x, double y) {
  struct Centre { double x, y, sign; };
  static const Centre centres[] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double best = 0;
  for (const auto& c : centres) {
    const double v = c.sign * std::clamp(1 - std::hypot(x - c.x, y - c.y) / 2, 0.0, 1.0);
    if (std::fabs(v) > std::fabs(best)) best = v;
  }
  return best;
}

void circle(Samples& out, std::size_t n, double noise, Rng& rng) {
  const double radius = kCircleRadius;
  auto label = circle_label;
  auto ring = [&](double r_min, double r_max) {
    for (std::size_t i = 0; i < n / 2; ++i) {
      const double r = rng.uniform(r_min, r_max);
      const double angle = rng.uniform(0, 2 * kPi);
      const double x = r * std::sin(angle), y = r * std::cos(angle);
      const double nx = rng.uniform(-radius, radius) * noise, ny = rng.uniform(-radius, radius) * noise;
      out.push_back({x, y, {label(x + nx, y + ny)}});  // noise moves only the point that is labelled
    }
  };
  ring(0, radius * 0.5);
  ring(radius * 0.7, radius);
}

void xor_(Samples& out, std::size_t n, double noise, Rng& rng) {
  const double padding = 0.3;
  for (std::size_t i = 0; i < n; ++i) {
    double x = rng.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    double y = rng.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const double nx = rng.uniform(-5, 5) * noise, ny = rng.uniform(-5, 5) * noise;
    out.push_back({x, y, {xor_label(x + nx, y + ny)}});
  }
}

// Variance: the linear map of noise [0, 0.5] -> [0.5, 4] (not clamped), as the playground's d3 scale.
double gauss_variance(double noise) { return 0.5 + noise / 0.5 * 3.5; }

void gauss(Samples& out, std::size_t n, double noise, Rng& rng) {
  const double variance = gauss_variance(noise);
  auto cluster = [&](double cx, double cy, double label) {
    for (std::size_t i = 0; i < n / 2; ++i) {
      const double x = rng.normal(cx, variance);
      const double y = rng.normal(cy, variance);
      out.push_back({x, y, {label}});
    }
  };
  cluster(2, 2, 1);
  cluster(-2, -2, -1);
}

void spiral(Samples& out, std::size_t total, double noise, Rng& rng) {
  const std::size_t n = total / 2;
  auto arm = [&](double delta, double label) {
    for (std::size_t i = 0; i < n; ++i) {
      const double r = double(i) / double(n) * 5;
      const double t = 1.75 * double(i) / double(n) * 2 * kPi + delta;
      const double x = r * std::sin(t) + rng.uniform(-1, 1) * noise;
      const double y = r * std::cos(t) + rng.uniform(-1, 1) * noise;
      out.push_back({x, y, {label}});
    }
  };
  arm(0, 1);
  arm(kPi, -1);
}

void reg_plane(Samples& out, std::size_t n, double noise, Rng& rng) {
  const double radius = 6;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
    const double nx = rng.uniform(-radius, radius) * noise, ny = rng.uniform(-radius, radius) * noise;
    out.push_back({x, y, {plane_label(x + nx, y + ny)}});
  }
}

void reg_gauss(Samples& out, std::size_t n, double noise, Rng& rng) {
  const double radius = 6;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
    const double nx = rng.uniform(-radius, radius) * noise, ny = rng.uniform(-radius, radius) * noise;
    out.push_back({x, y, {reg_gauss_label(x + nx, y + ny)}});
  }
}

// Three Gaussian clusters on a circle of radius 3 (at 90°, 210°, 330°), one-hot labels;
// noise widens them as it does for "gauss".
void gauss3(Samples& out, std::size_t n, double noise, Rng& rng) {
  const double variance = gauss_variance(noise);
  for (std::size_t k = 0; k < 3; ++k) {
    const double angle = kPi / 2 + double(k) * 2 * kPi / 3;
    const double cx = 3 * std::cos(angle), cy = 3 * std::sin(angle);
    const std::size_t count = n / 3 + (k < n % 3 ? 1 : 0);
    for (std::size_t i = 0; i < count; ++i) {
      const double x = rng.normal(cx, variance);
      const double y = rng.normal(cy, variance);
      std::vector<double> onehot(3, 0.0);
      onehot[k] = 1;
      out.push_back({x, y, onehot});
    }
  }
}

}  // namespace

const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> names(std::begin(kNames), std::end(kNames));
  return names;
}

std::optional<double> true_label(const std::string& type, double x, double y) {
  if (type == "circle") return circle_label(x, y);
  if (type == "xor") return xor_label(x, y);
  if (type == "reg-plane") return plane_label(x, y);
  if (type == "reg-gauss") return reg_gauss_label(x, y);
  return std::nullopt;
}

bool is_regression_dataset(const std::string& type) { return type == "reg-plane" || type == "reg-gauss"; }

template <class T>
Dataset<T> generate_dataset(const std::string& type, double noise, std::uint32_t seed, std::size_t samples) {
  if (!std::isfinite(noise) || noise < 0 || noise > kNoiseMax) {
    fail("dataset: noise must be in [0, ", kNoiseMax, "] (0 % to ", kNoiseMax * 100, " %), got ", noise);
  }
  // Within the memory budget (limits.hpp): x, labels and the features of every sample.
  static_assert(double(max_dataset_samples) * 16 * sizeof(double) <= max_argument_bytes, "datasets fit the memory budget");
  if (samples > max_dataset_samples) fail("dataset: samples must be at most ", max_dataset_samples, ", got ", samples);
  const bool regression = is_regression_dataset(type);
  const std::size_t n = samples ? samples : (regression ? 1200 : 500);  // NUM_SAMPLES_REGRESS / _CLASSIFY
  Rng rng(seed);
  Samples s;
  s.reserve(n);
  std::size_t classes = 2;
  if (type == "circle") circle(s, n, noise, rng);
  else if (type == "xor") xor_(s, n, noise, rng);
  else if (type == "gauss") gauss(s, n, noise, rng);
  else if (type == "spiral") spiral(s, n, noise, rng);
  else if (type == "reg-plane") reg_plane(s, n, noise, rng);
  else if (type == "reg-gauss") reg_gauss(s, n, noise, rng);
  else if (type == "gauss3") { gauss3(s, n, noise, rng); classes = 3; }
  else fail("dataset: unknown dataset '", type, "'; allowed: ", kAllowed);
  if (regression) classes = 0;
  if (s.empty()) fail("dataset: samples = ", samples, " gives no points for '", type, "'; use at least 2");

  Dataset<T> d;
  d.type = type;
  d.classes = classes;
  const std::size_t width = s[0].label.size();
  d.points = Matrix<T>::from_shape({s.size(), 2});
  d.labels = Matrix<T>::from_shape({s.size(), width});
  for (std::size_t i = 0; i < s.size(); ++i) {
    d.points(i, 0) = static_cast<T>(s[i].x);
    d.points(i, 1) = static_cast<T>(s[i].y);
    for (std::size_t j = 0; j < width; ++j) d.labels(i, j) = static_cast<T>(s[i].label[j]);
  }
  return d;
}

template <class T>
DataSplit<T> split_dataset(const Matrix<T>& x, const Matrix<T>& y, double training_ratio, std::uint32_t seed) {
  if (!(training_ratio > 0 && training_ratio <= 1)) {
    fail("split: training_ratio must be in (0, 1], got ", training_ratio);
  }
  const std::size_t n = rows(x);
  if (rows(y) != n) fail("split: x has ", n, " rows but y has ", rows(y));
  const auto n_train = static_cast<std::size_t>(std::floor(double(n) * training_ratio));
  if (n_train == 0) fail("split: training_ratio ", training_ratio, " leaves no training sample out of ", n);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t(0));
  Rng rng(seed);
  rng.shuffle(order);
  auto take = [&](const Matrix<T>& m, std::size_t from, std::size_t to) {
    const std::size_t c = cols(m);
    Matrix<T> out = Matrix<T>::from_shape({to - from, c});
    for (std::size_t r = from; r < to; ++r) {
      for (std::size_t j = 0; j < c; ++j) out(r - from, j) = m(order[r], j);
    }
    return out;
  };
  return {take(x, 0, n_train), take(y, 0, n_train), take(x, n_train, n), take(y, n_train, n)};
}

template Dataset<float> generate_dataset<float>(const std::string&, double, std::uint32_t, std::size_t);
template Dataset<double> generate_dataset<double>(const std::string&, double, std::uint32_t, std::size_t);
template DataSplit<float> split_dataset<float>(const Matrix<float>&, const Matrix<float>&, double, std::uint32_t);
template DataSplit<double> split_dataset<double>(const Matrix<double>&, const Matrix<double>&, double, std::uint32_t);

}  // namespace nnplay
