#include "nnplay/features.hpp"

#include <cmath>
#include <iterator>

#include "nnplay/errors.hpp"

namespace nnplay {

namespace {
struct Spelling {
  const char* text;
  Feature feature;
};
#include "registry_features.inc"  // kNames, kSpellings, kAllowed: generated from core/registry.json
}  // namespace

const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> names(std::begin(kNames), std::end(kNames));
  return names;
}

Feature parse_feature(const std::string& name) {
  for (const auto& s : kSpellings) {
    if (name == s.text) return s.feature;
  }
  fail("features: unknown feature '", name, "'; allowed: ", kAllowed);
}

std::vector<Feature> parse_features(const std::vector<std::string>& names) {
  if (names.empty()) fail("features: at least one input feature is needed; allowed: ", kAllowed);
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
