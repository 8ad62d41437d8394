#include "nnplay/registry.hpp"

#include <cctype>
#include <cmath>
#include <limits>

#include "nnplay/errors.hpp"

namespace nnplay::registry {

namespace {
#include "registry_data.inc"  // generated from core/registry.json

template <class Entry, std::size_t N>
std::vector<Entry> to_vector(const Entry (&table)[N]) {
  return std::vector<Entry>(table, table + N);
}

bool same_ignoring_case(const std::string& a, const char* b) {
  std::size_t i = 0;
  for (; i < a.size() && b[i] != '\0'; ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return i == a.size() && b[i] == '\0';
}
}  // namespace

const OptimizerOption* OptimizerEntry::find(const std::string& name) const {
  for (std::size_t i = 0; i < option_count; ++i) {
    if (name == options[i].name) return &options[i];
  }
  return nullptr;
}

std::string OptimizerEntry::option_list() const {
  std::string list;
  for (std::size_t i = 0; i < option_count; ++i) list += (i ? ", " : "") + std::string(options[i].name);
  return list;
}

const std::vector<OptimizerEntry>& optimizers() {
  static const std::vector<OptimizerEntry> all = to_vector(kOptimizers);
  return all;
}

const OptimizerEntry* find_optimizer(const std::string& name) {
  for (const auto& entry : optimizers()) {
    if (same_ignoring_case(name, entry.key)) return &entry;
  }
  return nullptr;
}

std::string optimizer_keys() {
  std::string list;
  for (const auto& entry : optimizers()) list += (list.empty() ? "" : ", ") + std::string(entry.key);
  return list;
}

void check_option(const char* owner, const OptimizerOption& option, double value) {
  if (!std::isfinite(value)) fail(owner, ": ", option.name, " must be a finite number, got ", number_text(value));
  if (!option.ranged) return;
  const bool below_max = option.max_open ? value < option.max : value <= option.max;
  if (value >= option.min && below_max) return;
  if (std::isinf(option.max)) fail(owner, ": ", option.name, " must be a finite number >= ", option.min, ", got ", number_text(value));
  fail(owner, ": ", option.name, " must be in [", option.min, ", ", option.max, option.max_open ? ")" : "]", ", got ",
       number_text(value));
}

const std::size_t fit_batch_size = kFitBatchSize;
const std::size_t fit_epochs = kFitEpochs;

}  // namespace nnplay::registry
