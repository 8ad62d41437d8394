// The playground's datasets: counts, labels, ranges, noise behaviour, determinism by seed.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <set>

#include "nnplay/datasets.hpp"
#include "nnplay/features.hpp"
#include "nnplay/rng.hpp"

using namespace nnplay;

namespace {
std::size_t count_label(const Dataset<double>& d, double label) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < rows(d.labels); ++i) n += d.labels(i, 0) == label;
  return n;
}
double radius(const Dataset<double>& d, std::size_t i) { return std::hypot(d.points(i, 0), d.points(i, 1)); }

// FNV-1a over the float bits: pins the exact values so that the wasm build (which runs
// this same suite) proves it generates bit-identical data.
std::uint32_t digest(const Dataset<float>& d) {
  std::uint32_t h = 2166136261u;
  auto eat = [&](const Matrix<float>& m) {
    for (float v : m) {
      std::uint32_t bits;
      std::memcpy(&bits, &v, 4);
      for (int k = 0; k < 4; ++k) {
        h ^= (bits >> (8 * k)) & 0xff;
        h *= 16777619u;
      }
    }
  };
  eat(d.points);
  eat(d.labels);
  return h;
}
}  // namespace

TEST_CASE("the engine is the standard mt19937", "[rng]") {
  // The C++ standard fixes these: the first output for seed 5489, and the 10000th.
  Rng rng(5489);
  CHECK(rng.next_u32() == 3499211612u);
  for (int i = 2; i < 10000; ++i) rng.next_u32();
  CHECK(rng.next_u32() == 4123659995u);
  Rng a(1);
  const double u = a.uniform();
  CHECK(u >= 0);
  CHECK(u < 1);
  CHECK(seed_from_string("0.59704") == seed_from_string("0.59704"));
  CHECK(seed_from_string("0.59704") != seed_from_string("0.59705"));
  CHECK(mix_seed(1, 0) != mix_seed(1, 1));
}

TEST_CASE("sample counts and label sets", "[datasets]") {
  for (const std::string type : {"circle", "xor", "gauss", "spiral"}) {
    INFO(type);
    const auto d = generate_dataset<double>(type, 0, 1);
    CHECK(rows(d.points) == 500);
    CHECK(cols(d.points) == 2);
    CHECK(cols(d.labels) == 1);
    CHECK(count_label(d, 1) + count_label(d, -1) == 500);
    CHECK(count_label(d, 1) > 150);
    CHECK(count_label(d, -1) > 150);
    CHECK(d.classes == 2);
  }
  for (const std::string type : {"reg-plane", "reg-gauss"}) {
    const auto d = generate_dataset<double>(type, 0, 1);
    CHECK(rows(d.points) == 1200);
    CHECK(d.classes == 0);
    CHECK(is_regression_dataset(type));
  }
  const auto g3 = generate_dataset<double>("gauss3", 0, 1);
  CHECK(rows(g3.points) == 500);
  CHECK(cols(g3.labels) == 3);
  CHECK(g3.classes == 3);
  std::size_t per_class[3] = {0, 0, 0};
  for (std::size_t i = 0; i < 500; ++i) {
    CHECK(g3.labels(i, 0) + g3.labels(i, 1) + g3.labels(i, 2) == 1);
    for (int k = 0; k < 3; ++k) per_class[k] += g3.labels(i, k) == 1;
  }
  CHECK(per_class[0] == 167);
  CHECK(per_class[1] == 167);
  CHECK(per_class[2] == 166);
  CHECK(rows(generate_dataset<double>("spiral", 0, 1, 40).points) == 40);
}

TEST_CASE("circle: two rings, and noise only relabels", "[datasets]") {
  const auto clean = generate_dataset<double>("circle", 0, 3);
  for (std::size_t i = 0; i < 500; ++i) {
    const double r = radius(clean, i);
    if (i < 250) CHECK(r <= 2.5);
    else CHECK((r >= 3.5 && r <= 5.0));
    CHECK(clean.labels(i, 0) == (r < 2.5 ? 1 : -1));
  }
  const auto noisy = generate_dataset<double>("circle", 0.5, 3);
  std::size_t flipped = 0;
  for (std::size_t i = 0; i < 500; ++i) {
    const double r = radius(noisy, i);
    CHECK(r <= 5.0);  // the stored point is clean
    flipped += noisy.labels(i, 0) != (r < 2.5 ? 1 : -1);
  }
  CHECK(flipped > 10);
}

TEST_CASE("xor: padded quadrants, label = sign(x·y) without noise", "[datasets]") {
  const auto d = generate_dataset<double>("xor", 0, 4);
  for (std::size_t i = 0; i < 500; ++i) {
    const double x = d.points(i, 0), y = d.points(i, 1);
    CHECK(std::fabs(x) >= 0.3);
    CHECK(std::fabs(x) <= 5.3);
    CHECK(std::fabs(y) >= 0.3);
    CHECK(std::fabs(y) <= 5.3);
    CHECK(d.labels(i, 0) == (x * y >= 0 ? 1 : -1));
  }
  const auto noisy = generate_dataset<double>("xor", 0.5, 4);
  std::size_t flipped = 0;
  for (std::size_t i = 0; i < 500; ++i) flipped += noisy.labels(i, 0) != (noisy.points(i, 0) * noisy.points(i, 1) >= 0 ? 1 : -1);
  CHECK(flipped > 10);
}

TEST_CASE("gauss: two clusters at ±(2, 2) whose variance grows with noise", "[datasets]") {
  auto stats = [](double noise) {
    const auto d = generate_dataset<double>("gauss", noise, 5);
    double mx = 0, var = 0;
    for (std::size_t i = 0; i < 250; ++i) {
      CHECK(d.labels(i, 0) == 1);
      mx += d.points(i, 0) / 250;
    }
    for (std::size_t i = 0; i < 250; ++i) var += (d.points(i, 0) - mx) * (d.points(i, 0) - mx) / 250;
    for (std::size_t i = 250; i < 500; ++i) CHECK(d.labels(i, 0) == -1);
    return std::make_pair(mx, var);
  };
  const auto [m0, v0] = stats(0);
  const auto [m5, v5] = stats(0.5);
  CHECK(m0 == Approx(2).margin(0.15));
  CHECK(v0 == Approx(0.5).epsilon(0.2));  // noise 0 -> variance 0.5
  CHECK(v5 == Approx(4.0).epsilon(0.2));  // noise 0.5 -> variance 4
}

TEST_CASE("spiral: points on two arms, noise jitters positions not labels", "[datasets]") {
  const auto d = generate_dataset<double>("spiral", 0, 6);
  for (std::size_t i = 0; i < 250; ++i) {
    CHECK(radius(d, i) == Approx(double(i) / 250 * 5).margin(1e-9));
    CHECK(d.labels(i, 0) == 1);
    CHECK(d.labels(i + 250, 0) == -1);
  }
  const auto noisy = generate_dataset<double>("spiral", 0.5, 6);
  double moved = 0;
  for (std::size_t i = 0; i < 500; ++i) {
    moved = std::max(moved, std::fabs(noisy.points(i, 0) - d.points(i, 0)));
    CHECK(std::fabs(noisy.points(i, 0) - d.points(i, 0)) <= 0.5);
    CHECK(noisy.labels(i, 0) == d.labels(i, 0));
  }
  CHECK(moved > 0.3);
}

TEST_CASE("regression sets: labels from the formulas", "[datasets]") {
  const auto plane = generate_dataset<double>("reg-plane", 0, 7);
  for (std::size_t i = 0; i < 1200; ++i) {
    CHECK(std::fabs(plane.points(i, 0)) <= 6);
    CHECK(plane.labels(i, 0) == Approx((plane.points(i, 0) + plane.points(i, 1)) / 10));
  }
  const auto noisy = generate_dataset<double>("reg-plane", 0.5, 7);
  std::size_t differs = 0;
  for (std::size_t i = 0; i < 1200; ++i) differs += std::fabs(noisy.labels(i, 0) - (noisy.points(i, 0) + noisy.points(i, 1)) / 10) > 1e-9;
  CHECK(differs > 1000);
  const auto gauss = generate_dataset<double>("reg-gauss", 0, 7);
  for (std::size_t i = 0; i < 1200; ++i) {
    CHECK(gauss.labels(i, 0) >= -1);
    CHECK(gauss.labels(i, 0) <= 1);
  }
  // the centre (-4, 2.5) is a peak of +1: points near it have labels close to 1
  for (std::size_t i = 0; i < 1200; ++i) {
    if (std::hypot(gauss.points(i, 0) + 4, gauss.points(i, 1) - 2.5) < 0.2) CHECK(gauss.labels(i, 0) > 0.89);
  }
}

TEST_CASE("the same seed gives the same data, another seed other data", "[datasets]") {
  for (const auto& type : dataset_names()) {
    INFO(type);
    const auto a = generate_dataset<float>(type, 0.25, 42), b = generate_dataset<float>(type, 0.25, 42);
    const auto c = generate_dataset<float>(type, 0.25, 43);
    CHECK(digest(a) == digest(b));
    CHECK(digest(a) != digest(c));
  }
}

TEST_CASE("data is bit-identical on every platform", "[datasets][platform]") {
  // Pinned from the native build; the wasm build runs this same test.
  CHECK(digest(generate_dataset<float>("gauss", 0.2, 1)) == 0xd67d07fdu);
  CHECK(digest(generate_dataset<float>("spiral", 0.3, 7)) == 0x5c9fd0a6u);
  CHECK(digest(generate_dataset<float>("circle", 0.1, 99)) == 0x0c474371u);
}

TEST_CASE("split: floor(n · ratio) shuffled rows for training, the rest for validation", "[datasets]") {
  const auto d = generate_dataset<double>("xor", 0, 8);
  const auto s = split_dataset(d.points, d.labels, 0.3, 1);
  CHECK(rows(s.x_train) == 150);
  CHECK(rows(s.x_valid) == 350);
  CHECK(rows(s.y_train) == 150);
  std::multiset<std::pair<double, double>> all, parts;
  for (std::size_t i = 0; i < 500; ++i) all.insert({d.points(i, 0), d.points(i, 1)});
  for (std::size_t i = 0; i < 150; ++i) parts.insert({s.x_train(i, 0), s.x_train(i, 1)});
  for (std::size_t i = 0; i < 350; ++i) parts.insert({s.x_valid(i, 0), s.x_valid(i, 1)});
  CHECK(all == parts);
  // labels travel with their points
  for (std::size_t i = 0; i < 150; ++i) CHECK(s.y_train(i, 0) == (s.x_train(i, 0) * s.x_train(i, 1) >= 0 ? 1 : -1));
  // shuffled: not the first 150 in order
  bool same_order = true;
  for (std::size_t i = 0; i < 150; ++i) same_order = same_order && s.x_train(i, 0) == d.points(i, 0);
  CHECK_FALSE(same_order);
  CHECK(rows(split_dataset(d.points, d.labels, 1.0, 1).x_valid) == 0);
}

TEST_CASE("the seven input features", "[features]") {
  Matrix<double> p = Matrix<double>::from_shape({1, 2});
  p(0, 0) = 2;
  p(0, 1) = -3;
  const auto f = make_features(p, parse_features({"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"}));
  CHECK(cols(f) == 7);
  CHECK(f(0, 0) == 2);
  CHECK(f(0, 1) == -3);
  CHECK(f(0, 2) == 4);
  CHECK(f(0, 3) == 9);
  CHECK(f(0, 4) == -6);
  CHECK(f(0, 5) == Approx(std::sin(2.0)));
  CHECK(f(0, 6) == Approx(std::sin(-3.0)));
  const auto g = make_features(p, parse_features({"sinY", "x"}));  // the order given is kept
  CHECK(g(0, 0) == Approx(std::sin(-3.0)));
  CHECK(g(0, 1) == 2);
  CHECK(feature_names().size() == 7);
}

TEST_CASE("true_label: the rule the noise-free generators label with", "[datasets]") {
  for (const std::string type : {"circle", "xor", "reg-plane", "reg-gauss"}) {
    const auto d = generate_dataset<double>(type, 0, 12);
    for (std::size_t i = 0; i < rows(d.points); i += 7) {
      INFO(type << " point " << i);
      REQUIRE(true_label(type, d.points(i, 0), d.points(i, 1)).has_value());
      CHECK(*true_label(type, d.points(i, 0), d.points(i, 1)) == d.labels(i, 0));
    }
  }
  CHECK(*true_label("circle", 1, 1) == 1);
  CHECK(*true_label("circle", 4, 0) == -1);
  CHECK(*true_label("xor", -1, 2) == -1);
  CHECK_FALSE(true_label("gauss", 1, 1).has_value());
  CHECK_FALSE(true_label("spiral", 1, 1).has_value());
}
