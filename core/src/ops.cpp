// AffineOp and ActivationOp: which kernel runs for which shape and type (the affine kernels
// are in affine_kernels.hpp, the activations in activations.cpp).
#include "nnplay/ops.hpp"

#include "affine_kernels.hpp"
#include "small_loops.hpp"

namespace nnplay {

using namespace kernels;

template <class T>
void AffineOp<T>::forward(std::size_t rows) {
  const std::size_t k = x_->width(), n = out_->width();
  const T* b = b_ ? b_->value.data() : nullptr;
  if constexpr (has_small_kernels<T>) {
    if (is_small(k, n)) {
      return dispatch_small(k, n, [&](auto depth, auto width) {
        small_affine_forward<decltype(depth)::value, decltype(width)::value>(x_->value.data(), w_->value.data(), b,
                                                                             out_->value.data(), rows);
      });
    }
  }
  dispatch_width(n, [&](auto width) {
    affine_forward<T, decltype(width)::value>(x_->value.data(), w_->value.data(), b, out_->value.data(), rows, k, n);
  });
}

template <class T>
void AffineOp<T>::backward(std::size_t rows) {
  const std::size_t k = x_->width(), n = out_->width();
  T* db = b_ ? b_->grad.data() : nullptr;
  T* dx = x_->needs_grad ? x_->grad.data() : nullptr;
  if constexpr (has_small_kernels<T>) {
    if (is_small(k, n)) {
      return dispatch_small(k, n, [&](auto depth, auto width) {
        small_affine_backward<decltype(depth)::value, decltype(width)::value>(
            x_->value.data(), w_->value.data(), out_->grad.data(), dx, w_->grad.data(), db, rows);
      });
    }
  }
  dispatch_width(n, [&](auto width) {
    affine_backward_weights<T, decltype(width)::value>(x_->value.data(), out_->grad.data(), w_->grad.data(), db, rows, k, n);
  });
  if (dx) {  // dL/dx[r, i] = Σ_j dL/dout[r, j] · w[i, j]
    const T* w = w_->value.data();
    for (std::size_t i = 0; i < k; ++i) {
      for (std::size_t j = 0; j < n; ++j) w_transposed_[j * k + i] = w[i * n + j];
    }
    dispatch_width(k, [&](auto width) {
      affine_forward<T, decltype(width)::value>(out_->grad.data(), w_transposed_.data(), nullptr, dx, rows, n, k);
    });
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

template class AffineOp<float>;
template class AffineOp<double>;
template class ActivationOp<float>;
template class ActivationOp<double>;

}  // namespace nnplay
