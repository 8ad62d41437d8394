// Tensors: every matrix in nnplay is an xt::xtensor<T, 2> in row-major order (rows are
// samples). Hot loops walk the storage directly: at these small sizes xtensor's
// broadcast expressions cost 3-4x more than plain loops (see docs/TOOLCHAIN.md §4).
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include <xtensor/xtensor.hpp>

#include "nnplay/errors.hpp"

namespace nnplay {

template <class T>
using Matrix = xt::xtensor<T, 2>;

template <class T>
std::size_t rows(const Matrix<T>& m) { return m.shape()[0]; }
template <class T>
std::size_t cols(const Matrix<T>& m) { return m.shape()[1]; }

// A matrix from nested rows; every row must have the same length.
template <class T>
Matrix<T> matrix_from_rows(const std::vector<std::vector<T>>& data) {
  const std::size_t r = data.size();
  const std::size_t c = r ? data[0].size() : 0;
  Matrix<T> m = Matrix<T>::from_shape({r, c});
  for (std::size_t i = 0; i < r; ++i) {
    if (data[i].size() != c) fail("matrix: row ", i, " has ", data[i].size(), " values, row 0 has ", c);
    for (std::size_t j = 0; j < c; ++j) m(i, j) = data[i][j];
  }
  return m;
}

// True when no value is NaN or infinite. Defined in model_run.cpp, which the wasm build
// compiles for speed (fit() scans x and y on every call).
template <class T>
bool all_finite(const T* p, std::size_t n);

// Throws if any value is NaN or infinite, naming the argument and the first bad cell.
template <class T>
void require_finite(const Matrix<T>& m, const std::string& what) {
  const T* p = m.data();
  const std::size_t c = cols(m);
  if (all_finite(p, m.size())) return;  // the common case, in one vectorised pass
  for (std::size_t i = 0, n = m.size(); i < n; ++i) {
    if (!std::isfinite(p[i])) {
      fail(what, ": value at row ", i / c, ", column ", i % c, " is ", number_text(p[i]), "; only finite numbers are allowed");
    }
  }
}

}  // namespace nnplay
