#include "nnplay/features.hpp"

#include <cmath>

#include "nnplay/errors.hpp"

namespace nnplay {

const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> names = {"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"};
  return names;
}

Feature parse_feature(const std::string& name) {
  const auto& names = feature_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<Feature>(i);
  }
  fail("features: unknown feature '", name, "'; allowed: x, y, xSquared, ySquared, xTimesY, sinX, sinY");
}

std::vector<Feature> parse_features(const std::vector<std::string>& names) {
  if (names.empty()) fail("features: at least one input feature is needed; allowed: x, y, xSquared, ySquared, xTimesY, sinX, sinY");
  std::vector<Feature> out;
  for (const auto& n : names) {
    const Feature f = parse_feature(n);
    for (Feature g : out) {
      if (g == f) fail("features: feature '", n, "' is listed twice");
    }
    out.push_back(f);
  }
  return out;
}

template <class T>
Matrix<T> make_features(const Matrix<T>& points, const std::vector<Feature>& features) {
  if (cols(points) != 2) fail("features: points must have 2 columns (x, y), got ", cols(points));
  const std::size_t n = rows(points), k = features.size();
  Matrix<T> out = Matrix<T>::from_shape({n, k});
  for (std::size_t r = 0; r < n; ++r) {
    const T x = points(r, 0), y = points(r, 1);
    for (std::size_t j = 0; j < k; ++j) {
      T v = T(0);
      switch (features[j]) {
        case Feature::x: v = x; break;
        case Feature::y: v = y; break;
        case Feature::x_squared: v = x * x; break;
        case Feature::y_squared: v = y * y; break;
        case Feature::x_times_y: v = x * y; break;
        case Feature::sin_x: v = static_cast<T>(std::sin(double(x))); break;
        case Feature::sin_y: v = static_cast<T>(std::sin(double(y))); break;
      }
      out(r, j) = v;
    }
  }
  return out;
}

template Matrix<float> make_features<float>(const Matrix<float>&, const std::vector<Feature>&);
template Matrix<double> make_features<double>(const Matrix<double>&, const std::vector<Feature>&);

}  // namespace nnplay
