// Sequential and the memory budget (limits.hpp): how many rows of batch-sized buffers fit.
#include <algorithm>

#include "nnplay/errors.hpp"
#include "nnplay/limits.hpp"
#include "nnplay/model.hpp"

namespace nnplay {

template <class T>
double Sequential<T>::activation_bytes_per_row() const {
  // build_graph's batch-sized nodes: the input, each layer's pre-activation and output, the
  // target; each holds a value and a gradient.
  double width = double(input_dim()) + double(output_dim());
  for (const auto& layer : layers_) width += 2.0 * double(layer->units());
  return width * 2.0 * double(sizeof(T));
}

template <class T>
std::size_t Sequential<T>::rows_per_pass(std::size_t batch_size, const char* what) const {
  const double per_row = activation_bytes_per_row();
  const double fit = max_activation_bytes / per_row;
  if (fit < 1) {
    fail(what, ": one row of this model's activations needs ", megabytes(per_row), ", more than the memory budget of ",
         megabytes(max_activation_bytes), "; use fewer or narrower layers");
  }
  return std::min({batch_size, max_rows_per_pass, static_cast<std::size_t>(fit)});
}

template <class T>
void Sequential<T>::require_batch_fits(std::size_t rows, const char* what, const char* argument) const {
  const double per_row = activation_bytes_per_row();
  const double bytes = per_row * double(rows);
  if (bytes <= max_activation_bytes) return;
  const auto most = static_cast<std::size_t>(max_activation_bytes / per_row);
  fail(what, ": ", argument, " = ", rows, " needs ", megabytes(bytes), " of activations (", megabytes(per_row),
       " per row for this model), more than the memory budget of ", megabytes(max_activation_bytes), "; ",
       most > 0 ? "use at most " : "no batch fits; use fewer or narrower layers", most > 0 ? std::to_string(most) : "",
       most > 0 ? " rows per batch" : "");
}

template double Sequential<float>::activation_bytes_per_row() const;
template std::size_t Sequential<float>::rows_per_pass(std::size_t, const char*) const;
template void Sequential<float>::require_batch_fits(std::size_t, const char*, const char*) const;
template double Sequential<double>::activation_bytes_per_row() const;
template std::size_t Sequential<double>::rows_per_pass(std::size_t, const char*) const;
template void Sequential<double>::require_batch_fits(std::size_t, const char*, const char*) const;

}  // namespace nnplay
