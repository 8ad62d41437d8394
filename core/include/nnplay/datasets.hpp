// The playground's datasets with TensorFlow Playground's exact formulas, sample counts and
// noise behaviour (docs/PLAYGROUND.md §1.1), plus "gauss3", a 3-class set for softmax.
// Labels: ±1 for the binary sets, a real value for regression, one-hot rows for gauss3.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nnplay/tensor.hpp"

namespace nnplay {

template <class T>
struct Dataset {
  std::string type;
  Matrix<T> points;  // [n, 2]: x, y in about [-6, 6]
  Matrix<T> labels;  // [n, 1], or [n, classes] one-hot for gauss3
  std::size_t classes = 2;  // 0 for regression
};

// circle, xor, gauss, spiral (classification, 500 samples); reg-plane, reg-gauss
// (regression, 1200 samples); gauss3 (3 classes, 500 samples).
const std::vector<std::string>& dataset_names();
bool is_regression_dataset(const std::string& type);

// noise in [0, 0.8] (the page's slider 0–50 % divided by 100; URLs may go to 80 %).
// samples = 0 takes the playground's count.
template <class T>
Dataset<T> generate_dataset(const std::string& type, double noise, std::uint32_t seed, std::size_t samples = 0);

// The noise-free label the dataset's rule gives a point — circle, xor, reg-plane,
// reg-gauss have one (the generators label with these same functions); gauss, spiral and
// gauss3 are defined by how points are drawn, not by a rule, and give nullopt.
std::optional<double> true_label(const std::string& type, double x, double y);

template <class T>
struct DataSplit {
  Matrix<T> x_train, y_train, x_valid, y_valid;
};

// Shuffles (seeded) and takes the first floor(n·training_ratio) rows for training, the
// rest for validation — the playground's split. training_ratio in (0, 1].
template <class T>
DataSplit<T> split_dataset(const Matrix<T>& x, const Matrix<T>& y, double training_ratio, std::uint32_t seed);

}  // namespace nnplay
