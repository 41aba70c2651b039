// Predicates about values themselves: whether a value is known before
// deployment, comparisons between two keys of one value, and rule switches.
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "rules/predicates/functions.h"

namespace genlens::rules::predicates {
namespace {

using core::Value;
using core::ValueKind;
using detail::Outcome;

// Whether the value and everything inside it is known: no Unknown value, no
// partially known string.
bool fully_known(const Value* root) {
  if (root == nullptr) return false;
  std::vector<const Value*> stack{root};  // iterative: values can nest deeply
  while (!stack.empty()) {
    const Value* v = stack.back();
    stack.pop_back();
    if (v == nullptr || !v->known() || v->partial) return false;
    for (const auto& entry : v->entries) stack.push_back(entry.second);
    for (const Value* item : v->items) stack.push_back(item);
  }
  return true;
}

// The value at a dotted key path ("A.B") below `v`, or nullptr.
const Value* at_keys(const Value* v, const std::string& path) {
  size_t pos = 0;
  while (v != nullptr && pos <= path.size()) {
    const size_t dot = path.find('.', pos);
    const std::string key = path.substr(pos, dot == std::string::npos ? dot : dot - pos);
    if (!v->is_map()) return nullptr;
    v = v->find(key);
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  return v;
}

std::optional<double> number_of(const Value* v) { return core::number_value(v); }

}  // namespace

Outcome known_before_deploy(const Context&, const Value* v, const Args&) {
  // No witness: the value is not what a finding should point at when a rule
  // negates this (the condition that decides by value has its own).
  return Outcome{fully_known(v) ? Verdict::kPass : Verdict::kFail, {}, {}, {}};
}

Outcome less_than(const Context&, const Value* v, const Args& args) {
  const std::vector<std::string>& lower_path = args.list("lower");
  const std::vector<std::string>& upper_path = args.list("upper");
  if (v == nullptr || lower_path.size() != 1 || upper_path.size() != 1) {
    return Outcome{Verdict::kFail, {}, {}, {}};
  }
  const Value* lower = at_keys(v, lower_path.front());
  const Value* upper = at_keys(v, upper_path.front());
  if (lower == nullptr || upper == nullptr) return Outcome{Verdict::kFail, {}, {}, {}};
  for (const Value* side : {lower, upper}) {
    if (!side->known() || side->partial) {
      return Outcome{
          Verdict::kUnknown, {}, side->reason.empty() ? "value is not known" : side->reason, {}};
    }
  }
  const std::optional<double> lo = number_of(lower);
  const std::optional<double> hi = number_of(upper);
  if (!lo || !hi) return Outcome{Verdict::kFail, {{upper, false}}, {}, {}};
  if (*lo < *hi) return Outcome{Verdict::kPass, {{lower, false}, {upper, false}}, {}, {}};
  return Outcome{Verdict::kFail, {{upper, false}}, {}, {}};
}

Outcome enabled(const Context&, const Value*, const Args& args) {
  return Outcome{args.flag("flag") ? Verdict::kPass : Verdict::kFail, {}, {}, {}};
}

}  // namespace genlens::rules::predicates
