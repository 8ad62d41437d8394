// Errors: every invalid argument becomes an nnplay::Error whose message names the
// argument, the bad value and what is allowed. Nothing in the engine aborts.
#pragma once

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace nnplay {

class Error : public std::invalid_argument {
 public:
  explicit Error(const std::string& message) : std::invalid_argument(message) {}
};

// A message built with <<, printing numbers as std::ostream does by default (integers in
// full, floating point as printf's %g). Not std::ostringstream: that links libc++'s
// locales and iostreams, about a third of the wasm engine's code.
class Text {
 public:
  Text& operator<<(std::string_view s) {
    text_ += s;
    return *this;
  }
  Text& operator<<(const char* s) { return *this << std::string_view(s); }
  Text& operator<<(const std::string& s) { return *this << std::string_view(s); }
  Text& operator<<(char c) {
    text_ += c;
    return *this;
  }
  template <class N, class = std::enable_if_t<std::is_arithmetic_v<N>>>
  Text& operator<<(N n) {
    if constexpr (std::is_floating_point_v<N>) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%g", static_cast<double>(n));
      text_ += buffer;
    } else if constexpr (std::is_same_v<N, bool>) {
      text_ += n ? '1' : '0';
    } else {
      text_ += std::to_string(n);
    }
    return *this;
  }
  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

namespace detail {
inline void append(Text&) {}
template <class First, class... Rest>
void append(Text& out, const First& first, const Rest&... rest) {
  out << first;
  append(out, rest...);
}
}  // namespace detail

// A number for a message: NaN and infinities spelled the same on every platform
// (libc prints NaN as "nan" or "-nan").
inline std::string number_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  Text out;
  out << v;
  return out.str();
}

// fail("Dense: units must be >= 1, got ", 0) — builds the message from its pieces.
template <class... Parts>
[[noreturn]] void fail(const Parts&... parts) {
  Text out;
  detail::append(out, parts...);
  throw Error(out.str());
}

}  // namespace nnplay
