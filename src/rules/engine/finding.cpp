#include "genlens/rules/finding.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "genlens/rules/rule.h"

namespace genlens::rules {

void sort_findings(std::vector<Finding>& findings) {
  auto key = [](const Finding& f) {
    const std::string_view id = f.rule != nullptr ? std::string_view(f.rule->id) : "";
    return std::make_tuple(std::string_view(f.location.path), f.location.range.begin.line,
                           f.location.range.begin.column, id, std::string_view(f.message));
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

}  // namespace genlens::rules
