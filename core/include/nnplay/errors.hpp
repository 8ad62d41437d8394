// Errors: every invalid argument becomes an nnplay::Error whose message names the
// argument, the bad value and what is allowed. Nothing in the engine aborts.
#pragma once

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace nnplay {

class Error : public std::invalid_argument {
 public:
  explicit Error(const std::string& message) : std::invalid_argument(message) {}
};

namespace detail {
inline void append(std::ostringstream&) {}
template <class First, class... Rest>
void append(std::ostringstream& out, const First& first, const Rest&... rest) {
  out << first;
  append(out, rest...);
}
}  // namespace detail

// A number for a message: NaN and infinities spelled the same on every platform
// (libc prints NaN as "nan" or "-nan").
inline std::string number_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  std::ostringstream out;
  out << v;
  return out.str();
}

// fail("Dense: units must be >= 1, got ", 0) — builds the message from its pieces.
template <class... Parts>
[[noreturn]] void fail(const Parts&... parts) {
  std::ostringstream out;
  detail::append(out, parts...);
  throw Error(out.str());
}

}  // namespace nnplay
