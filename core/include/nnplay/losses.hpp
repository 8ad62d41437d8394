// The four losses of tf.keras 2.x with their exact semantics (docs/KERAS_SEMANTICS.md §2):
// per-sample value = mean (MSE, MAE, binary CE) or sum (categorical CE) over the last
// axis, then the mean over the batch. Cross entropy is computed from the logits when the
// output layer is a sigmoid (binary) or softmax (categorical), as Keras does.
#pragma once

#include <string>
#include <vector>

#include "nnplay/activations.hpp"
#include "nnplay/graph.hpp"

namespace nnplay {

enum class Loss { mean_squared_error, mean_absolute_error, binary_crossentropy, categorical_crossentropy };

// Keras names, their short aliases (mse, mae) and tfjs' camelCase names.
Loss parse_loss(const std::string& name);
const char* loss_name(Loss loss);
const std::vector<std::string>& loss_names();

// True when Keras computes this loss from the logits of this output activation.
bool loss_uses_logits(Loss loss, Activation output);

// Throws unless the loss makes sense for the output layer (e.g. categorical cross entropy
// needs softmax or sigmoid over >= 2 units).
void check_loss_fits_output(Loss loss, Activation output, std::size_t units);

// Throws unless the targets are valid for the loss (cross entropy needs labels in [0, 1]).
template <class T>
void check_targets_fit_loss(Loss loss, const Matrix<T>& y, const std::string& argument);

// Keras' epsilon() = 1e-7: the clip bound of cross entropy on probabilities.
constexpr double kKerasEpsilon = 1e-7;

template <class T>
class LossOp final : public Op<T> {
 public:
  // `logits` is the output layer's pre-activation: used when loss_uses_logits(), else null.
  LossOp(Loss loss, Node<T>* prediction, Node<T>* logits, Node<T>* target)
      : loss_(loss), prediction_(prediction), logits_(logits), target_(target) {}
  void forward(std::size_t rows) override;
  void backward(std::size_t rows) override;
  T loss() const override { return value_; }

 private:
  Loss loss_;
  Node<T>* prediction_;
  Node<T>* logits_;
  Node<T>* target_;
  T value_ = T(0);
};

}  // namespace nnplay
