// Size limits. Requests beyond them are refused at once, naming the argument, instead of
// running the wasm heap (which never shrinks) out of memory after seconds of work. The
// README's "Limits" table lists them.
#pragma once

#include <cstddef>

namespace nnplay {

constexpr std::size_t max_dataset_samples = 1'000'000;   // generate_dataset: 20 MB at most
constexpr std::size_t max_layer_units = 65'536;          // Dense units
constexpr std::size_t max_layer_weights = 16'777'216;    // Dense input_dim · units (64 MB of floats)
constexpr std::size_t max_rows_per_pass = 16'384;        // predict's rows per forward pass, whatever batch_size

}  // namespace nnplay
