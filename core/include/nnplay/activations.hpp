// The activations of tf.keras that the playground offers (plus softmax): names, values
// and derivatives. Each works on a row-major block of `rows × cols` values; softmax is
// taken along each row.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace nnplay {

enum class Activation { linear, sigmoid, tanh, relu, elu, selu, softplus, softsign, softmax };

// "tanh" -> Activation::tanh; throws nnplay::Error naming the allowed names otherwise.
Activation parse_activation(const std::string& name, const std::string& argument = "activation");
const char* activation_name(Activation a);
const std::vector<std::string>& activation_names();

// y = f(x) for n = rows*cols values; x and y must not overlap (the compiler may vectorise
// assuming so).
template <class T>
void activation_forward(Activation a, const T* x, T* y, std::size_t rows, std::size_t cols);

// dx = dL/dx from dy = dL/dy, the input x and the output y. Writes dx (each gradient has
// one writer, see graph.hpp); dx overlaps none of the others.
template <class T>
void activation_backward(Activation a, const T* x, const T* y, const T* dy, T* dx, std::size_t rows,
                         std::size_t cols);

}  // namespace nnplay
