// Sequential::summary — the table tf.keras 2.3's model.summary() prints for a Sequential
// model (line length 65, columns at 45 % and 85 %, keras/utils/layer_utils.py).
#include <string>
#include <vector>

#include "nnplay/model.hpp"

namespace nnplay {

namespace {

constexpr std::size_t kLineLength = 65;
const std::vector<std::size_t> kPositions = {29, 55, 65};  // int(65 · [.45, .85, 1.])

// Keras' print_row: each field starts where the previous column ends, cut to its column.
std::string row(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line = line.substr(0, line.size() - 1) + " ";
    line += fields[i];
    line = line.substr(0, kPositions[i]);
    line += std::string(kPositions[i] - line.size(), ' ');
  }
  return line;
}

// Python's '{:,}'.format(n)
std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

template <class T>
std::string Sequential<T>::summary() const {
  Text out;
  out << "Model: \"sequential\"\n";
  out << std::string(kLineLength, '_') << "\n";
  out << row({"Layer (type)", "Output Shape", "Param #"}) << "\n";
  out << std::string(kLineLength, '=') << "\n";
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    const Dense<T>& layer = *layers_[i];
    out << row({layer.name() + " (Dense)", "(None, " + std::to_string(layer.units()) + ")",
                std::to_string(layer.parameter_count())})
        << "\n";
    out << std::string(kLineLength, i + 1 == layers_.size() ? '=' : '_') << "\n";
  }
  if (layers_.empty()) out << std::string(kLineLength, '=') << "\n";
  const std::size_t total = parameter_count();
  out << "Total params: " << with_commas(total) << "\n";
  out << "Trainable params: " << with_commas(total) << "\n";
  out << "Non-trainable params: 0\n";
  out << std::string(kLineLength, '_') << "\n";
  return out.str();
}

template std::string Sequential<float>::summary() const;
template std::string Sequential<double>::summary() const;

}  // namespace nnplay
