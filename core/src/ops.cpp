#include "nnplay/ops.hpp"

#include <algorithm>

namespace nnplay {

template <class T>
void MatMulOp<T>::forward(std::size_t rows) {
  const std::size_t k = x_->width(), n = out_->width();
  const T* x = x_->value.data();
  const T* w = w_->value.data();
  T* out = out_->value.data();
  for (std::size_t r = 0; r < rows; ++r) {
    T* o = out + r * n;
    std::fill(o, o + n, T(0));
    const T* xr = x + r * k;
    for (std::size_t i = 0; i < k; ++i) {
      const T xi = xr[i];
      const T* wi = w + i * n;
      for (std::size_t j = 0; j < n; ++j) o[j] += xi * wi[j];
    }
  }
}

template <class T>
void MatMulOp<T>::backward(std::size_t rows) {
  const std::size_t k = x_->width(), n = out_->width();
  const T* x = x_->value.data();
  const T* w = w_->value.data();
  const T* dout = out_->grad.data();
  T* dx = x_->grad.data();
  T* dw = w_->grad.data();
  for (std::size_t r = 0; r < rows; ++r) {
    const T* g = dout + r * n;
    const T* xr = x + r * k;
    T* dxr = dx + r * k;
    for (std::size_t i = 0; i < k; ++i) {
      const T* wi = w + i * n;
      T* dwi = dw + i * n;
      const T xi = xr[i];
      T acc = T(0);
      for (std::size_t j = 0; j < n; ++j) {
        acc += g[j] * wi[j];   // dL/dx[r, i] = Σ_j dL/dout[r, j] · w[i, j]
        dwi[j] += xi * g[j];   // dL/dw[i, j] = Σ_r x[r, i] · dL/dout[r, j]
      }
      dxr[i] += acc;
    }
  }
}

template <class T>
void BiasAddOp<T>::forward(std::size_t rows) {
  const std::size_t n = out_->width();
  const T* x = x_->value.data();
  const T* b = b_->value.data();
  T* out = out_->value.data();
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t j = 0; j < n; ++j) out[r * n + j] = x[r * n + j] + b[j];
  }
}

template <class T>
void BiasAddOp<T>::backward(std::size_t rows) {
  const std::size_t n = out_->width();
  const T* dout = out_->grad.data();
  T* dx = x_->grad.data();
  T* db = b_->grad.data();
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t j = 0; j < n; ++j) {
      dx[r * n + j] += dout[r * n + j];
      db[j] += dout[r * n + j];
    }
  }
}

template <class T>
void ActivationOp<T>::forward(std::size_t rows) {
  activation_forward(activation_, x_->value.data(), out_->value.data(), rows, out_->width());
}

template <class T>
void ActivationOp<T>::backward(std::size_t rows) {
  if (skip_backward_) return;
  activation_backward(activation_, x_->value.data(), out_->value.data(), out_->grad.data(), x_->grad.data(),
                      rows, out_->width());
}

template class MatMulOp<float>;
template class MatMulOp<double>;
template class BiasAddOp<float>;
template class BiasAddOp<double>;
template class ActivationOp<float>;
template class ActivationOp<double>;

}  // namespace nnplay
