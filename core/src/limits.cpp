// The budgets' messages (limits.hpp).
#include "nnplay/limits.hpp"

#include <cstdio>

#include "nnplay/errors.hpp"

namespace nnplay {

std::string megabytes(double bytes) {
  char buffer[32];
  if (bytes < 1024.0 * 1024.0) std::snprintf(buffer, sizeof buffer, "%.1f KB", bytes / 1024.0);
  else std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / (1024.0 * 1024.0));
  return buffer;
}

void require_within_budget(const char* what, double bytes, double budget, const char* advice) {
  if (bytes > budget) fail(what, " needs ", megabytes(bytes), ", more than the memory budget of ", megabytes(budget), "; ", advice);
}

}  // namespace nnplay
