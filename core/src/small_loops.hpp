// Loops over the playground's tiny rows (1-8 values) without library calls.
//
// A copy of a runtime length compiles to a memcpy call, and in wasm engines such a call
// (memory.copy) costs more than the few values it moves: measured on the tutorial's
// 2-3-3-1 network, the per-row input copies were ~10% of a wasm training step but ~2% of
// a native one. Known small widths are dispatched to compile-time ones, which compile to
// plain loads and stores.
#pragma once

#include <algorithm>
#include <cstddef>
#include <type_traits>

namespace nnplay {

// Calls f(std::integral_constant<std::size_t, N>) with N = n for n in 1..8, else N = 0
// (meaning: the width is only known at run time).
template <class F>
void dispatch_width(std::size_t n, F&& f) {
  switch (n) {
    case 1: return f(std::integral_constant<std::size_t, 1>{});
    case 2: return f(std::integral_constant<std::size_t, 2>{});
    case 3: return f(std::integral_constant<std::size_t, 3>{});
    case 4: return f(std::integral_constant<std::size_t, 4>{});
    case 5: return f(std::integral_constant<std::size_t, 5>{});
    case 6: return f(std::integral_constant<std::size_t, 6>{});
    case 7: return f(std::integral_constant<std::size_t, 7>{});
    case 8: return f(std::integral_constant<std::size_t, 8>{});
    default: return f(std::integral_constant<std::size_t, 0>{});
  }
}

// dst row r = src row order[r] (or row r when order is null), for `count` rows of `width` values.
template <class T>
void gather_rows(const T* src, std::size_t width, const std::size_t* order, std::size_t count, T* dst) {
  if (!order) {
    std::copy_n(src, count * width, dst);  // one block: one call
    return;
  }
  dispatch_width(width, [&](auto w) {
    constexpr std::size_t W = decltype(w)::value;
    const std::size_t c = W ? W : width;
    for (std::size_t r = 0; r < count; ++r) std::copy_n(src + order[r] * c, c, dst + r * c);
  });
}

}  // namespace nnplay
