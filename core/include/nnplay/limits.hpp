// Size limits and the memory and time budgets. Requests beyond them are refused at once,
// naming the argument, instead of running the wasm heap (which never shrinks) out of
// memory, or a thread out of time, after seconds of work. The README's "Limits" table
// lists them.
#pragma once

#include <cstddef>
#include <string>

namespace nnplay {

constexpr std::size_t max_dataset_samples = 1'000'000;   // generate_dataset: 20 MB at most
constexpr std::size_t max_layer_units = 65'536;          // Dense units
constexpr std::size_t max_layer_weights = 16'777'216;    // Dense input_dim · units (64 MB of floats)
constexpr std::size_t max_rows_per_pass = 16'384;        // predict's rows per forward pass, whatever batch_size

// The memory budget. A model's batch-sized buffers (each layer's pre-activation and output,
// the input and the target, values and gradients) never hold more than this: predict,
// evaluate, layer_outputs and the landscape run in passes of as many rows as fit; fit,
// train_on_batch and compute_gradients, whose batch must run at once, refuse a batch that
// does not fit. One matrix passed in or returned holds at most max_argument_bytes. Both at
// 128 MB keep the heap of a call within 512 MB (a graph, x, the result and the weights).
constexpr double max_activation_bytes = 128.0 * 1024 * 1024;
constexpr double max_argument_bytes = 128.0 * 1024 * 1024;

// The time budget of one landscape call: grid cells × rows × (weights + 64), each cell
// being a forward pass over every row; the 64 stands for a row's fixed cost, which is what
// a small network's time is made of (measured in wasm: ~0.3 ns per weight and row, ~25 ns
// per row). 1e10 is a few seconds on one core; beyond it the call is refused at once.
constexpr double landscape_row_overhead = 64;
constexpr double max_landscape_cost = 1e10;

// "123.4 MB" (or "12.3 KB" below 1 MB) for a message (1 MB = 2^20 bytes).
std::string megabytes(double bytes);

// Refuses a buffer of `bytes` for `what` (e.g. "predict: x") over `budget`, saying what to do.
void require_within_budget(const char* what, double bytes, double budget, const char* advice);

}  // namespace nnplay
