#include <algorithm>
#include <string_view>

#include "genlens/rules/rule.h"

namespace genlens::rules {

const Param* RuleMeta::param(std::string_view param_name) const {
  for (const Param& p : params) {
    if (p.name == param_name) return &p;
  }
  return nullptr;
}

void RuleSet::sort() {
  std::stable_sort(rules_.begin(), rules_.end(),
                   [](const std::unique_ptr<Rule>& a, const std::unique_ptr<Rule>& b) {
                     return a->meta.id < b->meta.id;
                   });
}

const Rule* RuleSet::find(std::string_view id) const {
  // Linear: the set is small, and this stays correct before sort() is called.
  for (const auto& rule : rules_) {
    if (rule->meta.id == id) return rule.get();
  }
  return nullptr;
}

Rule* RuleSet::find_mutable(std::string_view id) {
  for (auto& rule : rules_) {
    if (rule->meta.id == id) return rule.get();
  }
  return nullptr;
}

}  // namespace genlens::rules
