#include "nnplay/callbacks.hpp"

#include "nnplay/errors.hpp"

namespace nnplay {

double Logs::at(const std::string& key) const {
  if (auto v = get(key)) return *v;
  std::string keys;
  for (const auto& [k, x] : values) keys += (keys.empty() ? "" : ", ") + k;
  fail("logs: no value named '", key, "'; there are: ", keys);
}

const char* stop_reason_name(StopReason r) {
  switch (r) {
    case StopReason::max_epochs: return "max_epochs";
    case StopReason::early_stopping: return "early_stopping";
    case StopReason::diverged: return "diverged";
    case StopReason::non_finite_weights: return "non_finite_weights";
    case StopReason::callback: return "callback";
  }
  return "max_epochs";
}

const std::vector<double>& History::at(const std::string& key) const {
  for (const auto& [k, v] : history) {
    if (k == key) return v;
  }
  std::string keys;
  for (const auto& [k, v] : history) keys += (keys.empty() ? "" : ", ") + k;
  fail("history: no key '", key, "'; there are: ", keys);
}

void History::append(int epoch_index, const Logs& logs) {
  epoch.push_back(epoch_index);
  for (const auto& [key, value] : logs.values) {
    bool found = false;
    for (auto& [k, v] : history) {
      if (k == key) {
        v.push_back(value);
        found = true;
      }
    }
    if (!found) history.emplace_back(key, std::vector<double>{value});
  }
}

}  // namespace nnplay
