#pragma once
// Evaluates rules over the resource graph.
#include <set>
#include <string>
#include <vector>

#include "genlens/graph/graph.h"
#include "genlens/rules/finding.h"
#include "genlens/rules/rule.h"

namespace genlens::rules {

struct EvalOptions {
  bool report_unknown = false;               // emit Unknown verdicts as note findings
  std::set<std::string> only_rules;          // empty: all
  std::set<std::string> disabled_rules;      // from the configuration file
  core::Diagnostics* diagnostics = nullptr;  // embedded JSON that does not parse, budgets
};

std::vector<Finding> evaluate(const RuleSet& rules, const graph::Graph& graph,
                              const EvalOptions& options);

// Fingerprint used by SARIF partialFingerprints and baselines.
[[nodiscard]] std::string finding_fingerprint(std::string_view rule_id, std::string_view path,
                                              std::string_view logical_path);

}  // namespace genlens::rules
