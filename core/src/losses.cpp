#include "nnplay/losses.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "nnplay/errors.hpp"

namespace nnplay {

namespace {
struct Spelling {
  const char* text;
  Loss loss;
};
#include "registry_losses.inc"  // kNames, kSpellings, kAllowed: generated from core/registry.json

template <class T>
T sigmoid(T z) { return T(1) / (T(1) + std::exp(-z)); }
}  // namespace

const std::vector<std::string>& loss_names() {
  static const std::vector<std::string> names(std::begin(kNames), std::end(kNames));
  return names;
}

const char* loss_name(Loss loss) { return kNames[static_cast<int>(loss)]; }

Loss parse_loss(const std::string& name) {
  for (const auto& s : kSpellings) {
    if (name == s.text) return s.loss;
  }
  fail("loss: unknown loss '", name, "'; allowed: ", kAllowed);
}

bool loss_uses_logits(Loss loss, Activation output) {
  return (loss == Loss::binary_crossentropy && output == Activation::sigmoid) ||
         (loss == Loss::categorical_crossentropy && output == Activation::softmax);
}

void check_loss_fits_output(Loss loss, Activation output, std::size_t units) {
  const bool probabilities = output == Activation::sigmoid || output == Activation::softmax;
  if (loss == Loss::binary_crossentropy && !probabilities) {
    fail("loss: 'binary_crossentropy' needs an output layer whose values are probabilities (activation "
         "'sigmoid', or 'softmax'); the output layer has activation '",
         activation_name(output), "'");
  }
  if (loss == Loss::categorical_crossentropy) {
    if (units < 2) {
      fail("loss: 'categorical_crossentropy' needs an output layer of >= 2 units (one per class); the output "
           "layer has ",
           units, " unit(s)");
    }
    if (!probabilities) {
      fail("loss: 'categorical_crossentropy' needs an output layer with activation 'softmax' (or 'sigmoid'); "
           "the output layer has activation '",
           activation_name(output), "'");
    }
  }
  if (output == Activation::softmax && units < 2) {
    fail("activation: 'softmax' on an output layer of 1 unit always gives 1; use >= 2 units or 'sigmoid'");
  }
}

template <class T>
void check_targets_fit_loss(Loss loss, const Matrix<T>& y, const std::string& argument) {
  if (loss != Loss::binary_crossentropy && loss != Loss::categorical_crossentropy) return;
  const T* p = y.data();
  for (std::size_t i = 0, n = y.size(); i < n; ++i) {
    if (p[i] < T(0) || p[i] > T(1)) {
      fail(argument, ": label ", p[i], " at row ", i / cols(y), " does not fit loss '", loss_name(loss),
           "', which needs labels in [0, 1] (e.g. 0/1, or one-hot rows)");
    }
  }
}

template <class T>
void LossOp<T>::forward(std::size_t rows) {
  const std::size_t c = target_->width();
  const std::size_t n = rows * c;
  const T* p = prediction_->value.data();
  const T* y = target_->value.data();
  const T eps = T(kKerasEpsilon);
  T sum = T(0);
  switch (loss_) {
    case Loss::mean_squared_error:
      for (std::size_t i = 0; i < n; ++i) sum += (p[i] - y[i]) * (p[i] - y[i]);
      value_ = sum / T(n);  // mean over the last axis, then over the batch
      return;
    case Loss::mean_absolute_error:
      for (std::size_t i = 0; i < n; ++i) sum += std::fabs(p[i] - y[i]);
      value_ = sum / T(n);
      return;
    case Loss::binary_crossentropy:
      if (logits_) {  // max(z, 0) - z·y + log1p(exp(-|z|)), no clipping
        const T* z = logits_->value.data();
        for (std::size_t i = 0; i < n; ++i) {
          sum += std::max(z[i], T(0)) - z[i] * y[i] + std::log1p(std::exp(-std::fabs(z[i])));
        }
      } else {  // Keras 2.x clips to [eps, 1 - eps] and also adds eps inside the logs
        for (std::size_t i = 0; i < n; ++i) {
          const T q = std::clamp(p[i], eps, T(1) - eps);
          sum -= y[i] * std::log(q + eps) + (T(1) - y[i]) * std::log(T(1) - q + eps);
        }
      }
      value_ = sum / T(n);
      return;
    case Loss::categorical_crossentropy:
      if (logits_) {  // Σ_j y_j (logsumexp(z) - z_j)
        const T* z = logits_->value.data();
        for (std::size_t r = 0; r < rows; ++r) {
          const T* zr = z + r * c;
          const T* yr = y + r * c;
          const T top = *std::max_element(zr, zr + c);
          T s = T(0);
          for (std::size_t j = 0; j < c; ++j) s += std::exp(zr[j] - top);
          const T lse = top + std::log(s);
          for (std::size_t j = 0; j < c; ++j) sum += yr[j] * (lse - zr[j]);
        }
      } else {  // normalise each row to sum 1, clip to [eps, 1 - eps], -Σ y log p
        for (std::size_t r = 0; r < rows; ++r) {
          const T* pr = p + r * c;
          const T* yr = y + r * c;
          T total = T(0);
          for (std::size_t j = 0; j < c; ++j) total += pr[j];
          for (std::size_t j = 0; j < c; ++j) sum -= yr[j] * std::log(std::clamp(pr[j] / total, eps, T(1) - eps));
        }
      }
      value_ = sum / T(rows);  // a sum over classes, then the mean over the batch
      return;
  }
}

template <class T>
void LossOp<T>::backward(std::size_t rows) {
  const std::size_t c = target_->width();
  const std::size_t n = rows * c;
  const T* p = prediction_->value.data();
  const T* y = target_->value.data();
  T* dp = prediction_->grad.data();
  const T eps = T(kKerasEpsilon);
  switch (loss_) {
    case Loss::mean_squared_error: {
      const T scale = T(2) / T(n);
      for (std::size_t i = 0; i < n; ++i) dp[i] = scale * (p[i] - y[i]);
      return;
    }
    case Loss::mean_absolute_error: {
      const T scale = T(1) / T(n);
      for (std::size_t i = 0; i < n; ++i) {
        const T d = p[i] - y[i];
        dp[i] = scale * T((d > T(0)) - (d < T(0)));  // TF: d|x|/dx = sign(x), sign(0) = 0
      }
      return;
    }
    case Loss::binary_crossentropy: {
      const T scale = T(1) / T(n);
      if (logits_) {
        const T* z = logits_->value.data();
        T* dz = logits_->grad.data();
        for (std::size_t i = 0; i < n; ++i) dz[i] = scale * (sigmoid(z[i]) - y[i]);
      } else {
        for (std::size_t i = 0; i < n; ++i) {
          const bool clipped = p[i] < eps || p[i] > T(1) - eps;  // clip_by_value passes no gradient outside
          dp[i] = clipped ? T(0) : scale * (-y[i] / (p[i] + eps) + (T(1) - y[i]) / (T(1) - p[i] + eps));
        }
      }
      return;
    }
    case Loss::categorical_crossentropy: {
      const T scale = T(1) / T(rows);
      if (logits_) {  // softmax(z)·Σy - y
        const T* z = logits_->value.data();
        T* dz = logits_->grad.data();
        for (std::size_t r = 0; r < rows; ++r) {
          const T* zr = z + r * c;
          const T* yr = y + r * c;
          T* dzr = dz + r * c;
          const T top = *std::max_element(zr, zr + c);
          T s = T(0), ysum = T(0);
          for (std::size_t j = 0; j < c; ++j) {
            s += std::exp(zr[j] - top);
            ysum += yr[j];
          }
          for (std::size_t j = 0; j < c; ++j) dzr[j] = scale * (std::exp(zr[j] - top) / s * ysum - yr[j]);
        }
      } else {
        for (std::size_t r = 0; r < rows; ++r) {
          const T* pr = p + r * c;
          const T* yr = y + r * c;
          T* dpr = dp + r * c;
          T total = T(0);
          for (std::size_t j = 0; j < c; ++j) total += pr[j];
          // g_j = dL/dq_j through the clip; then q = p / Σp gives dp_k = (g_k - Σ_j g_j q_j) / Σp.
          T gq = T(0);
          for (std::size_t j = 0; j < c; ++j) {
            const T q = pr[j] / total;
            if (q >= eps && q <= T(1) - eps) gq += -yr[j] / q * q;
          }
          for (std::size_t k = 0; k < c; ++k) {
            const T q = pr[k] / total;
            const T g = (q >= eps && q <= T(1) - eps) ? -yr[k] / q : T(0);
            dpr[k] = scale * (g - gq) / total;
          }
        }
      }
      return;
    }
  }
}

template void check_targets_fit_loss<float>(Loss, const Matrix<float>&, const std::string&);
template void check_targets_fit_loss<double>(Loss, const Matrix<double>&, const std::string&);
template class LossOp<float>;
template class LossOp<double>;

}  // namespace nnplay
