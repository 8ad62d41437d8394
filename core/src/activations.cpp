#include "nnplay/activations.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "nnplay/errors.hpp"
#include "nnplay/fast_math.hpp"

namespace nnplay {

namespace {
// SELU's constants from Klambauer et al. (2017), as tf.keras uses them.
constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
constexpr double kSeluScale = 1.0507009873554804934193349852946;

template <class T>
T sigmoid(T x) { return T(1) / (T(1) + std::exp(-x)); }

// softplus(x) = log(1 + e^x), written so that it neither overflows nor loses small values.
template <class T>
T softplus(T x) { return std::max(x, T(0)) + std::log1p(std::exp(-std::fabs(x))); }

struct Spelling {
  const char* text;
  Activation activation;
};
#include "registry_activations.inc"  // kNames, kSpellings, kAllowed: generated from core/registry.json
}  // namespace

const std::vector<std::string>& activation_names() {
  static const std::vector<std::string> names(std::begin(kNames), std::end(kNames));
  return names;
}

const char* activation_name(Activation a) { return kNames[static_cast<int>(a)]; }

Activation parse_activation(const std::string& name, const std::string& argument) {
  for (const auto& s : kSpellings) {
    if (name == s.text) return s.activation;
  }
  fail(argument, ": unknown activation '", name, "'; allowed: ", kAllowed);
}

template <class T>
void activation_forward(Activation a, const T* __restrict x, T* __restrict y, std::size_t rows, std::size_t cols) {
  const std::size_t n = rows * cols;
  switch (a) {
    case Activation::linear:
      std::copy(x, x + n, y);
      return;
    case Activation::sigmoid:
      for (std::size_t i = 0; i < n; ++i) y[i] = sigmoid(x[i]);
      return;
    case Activation::tanh:
      for (std::size_t i = 0; i < n; ++i) y[i] = engine_tanh(x[i]);
      return;
    case Activation::relu:
      for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > T(0) ? x[i] : T(0);
      return;
    case Activation::elu:  // alpha = 1
      for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > T(0) ? x[i] : std::expm1(x[i]);
      return;
    case Activation::selu:
      for (std::size_t i = 0; i < n; ++i) {
        y[i] = T(kSeluScale) * (x[i] > T(0) ? x[i] : T(kSeluAlpha) * std::expm1(x[i]));
      }
      return;
    case Activation::softplus:
      for (std::size_t i = 0; i < n; ++i) y[i] = softplus(x[i]);
      return;
    case Activation::softsign:
      for (std::size_t i = 0; i < n; ++i) y[i] = x[i] / (T(1) + std::fabs(x[i]));
      return;
    case Activation::softmax:
      for (std::size_t r = 0; r < rows; ++r) {
        const T* xr = x + r * cols;
        T* yr = y + r * cols;
        const T top = *std::max_element(xr, xr + cols);  // shift for stability
        T sum = 0;
        for (std::size_t j = 0; j < cols; ++j) sum += (yr[j] = std::exp(xr[j] - top));
        for (std::size_t j = 0; j < cols; ++j) yr[j] /= sum;
      }
      return;
  }
}

template <class T>
void activation_backward(Activation a, const T* __restrict x, const T* __restrict y, const T* __restrict dy,
                         T* __restrict dx, std::size_t rows, std::size_t cols) {
  const std::size_t n = rows * cols;
  switch (a) {
    case Activation::linear:
      for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i];
      return;
    case Activation::sigmoid:
      for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] * y[i] * (T(1) - y[i]);
      return;
    case Activation::tanh:
      for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] * (T(1) - y[i] * y[i]);
      return;
    case Activation::relu:  // derivative 0 at x <= 0, as TF's ReluGrad
      for (std::size_t i = 0; i < n; ++i) dx[i] = x[i] > T(0) ? dy[i] : T(0);
      return;
    case Activation::elu:
      for (std::size_t i = 0; i < n; ++i) dx[i] = x[i] > T(0) ? dy[i] : dy[i] * (y[i] + T(1));
      return;
    case Activation::selu:
      for (std::size_t i = 0; i < n; ++i) {
        dx[i] = x[i] > T(0) ? dy[i] * T(kSeluScale) : dy[i] * (y[i] + T(kSeluScale * kSeluAlpha));
      }
      return;
    case Activation::softplus:
      for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] * sigmoid(x[i]);
      return;
    case Activation::softsign:
      for (std::size_t i = 0; i < n; ++i) {
        const T d = T(1) + std::fabs(x[i]);
        dx[i] = dy[i] / (d * d);
      }
      return;
    case Activation::softmax:  // dx_j = y_j (dy_j - Σ_k dy_k y_k), row by row
      for (std::size_t r = 0; r < rows; ++r) {
        const T* yr = y + r * cols;
        const T* dyr = dy + r * cols;
        T* dxr = dx + r * cols;
        T dot = 0;
        for (std::size_t j = 0; j < cols; ++j) dot += dyr[j] * yr[j];
        for (std::size_t j = 0; j < cols; ++j) dxr[j] = yr[j] * (dyr[j] - dot);
      }
      return;
  }
}

template void activation_forward<float>(Activation, const float*, float*, std::size_t, std::size_t);
template void activation_forward<double>(Activation, const double*, double*, std::size_t, std::size_t);
template void activation_backward<float>(Activation, const float*, const float*, const float*, float*,
                                         std::size_t, std::size_t);
template void activation_backward<double>(Activation, const double*, const double*, const double*, double*,
                                          std::size_t, std::size_t);

}  // namespace nnplay
