// The playground's seven input features of a point (x, y), by their URL keys.
#pragma once

#include <string>
#include <vector>

#include "nnplay/tensor.hpp"

namespace nnplay {

enum class Feature { x, y, x_squared, y_squared, x_times_y, sin_x, sin_y };

// URL keys in the playground's order: x, y, xSquared, ySquared, xTimesY, sinX, sinY.
const std::vector<std::string>& feature_names();
Feature parse_feature(const std::string& name);
std::vector<Feature> parse_features(const std::vector<std::string>& names);

// [n, 2] points -> [n, features.size()] inputs, one column per feature in the given order.
template <class T>
Matrix<T> make_features(const Matrix<T>& points, const std::vector<Feature>& features);

}  // namespace nnplay
