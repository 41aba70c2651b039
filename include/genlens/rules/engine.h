#pragma once
// Evaluates rules over the resource graph.
#include <cstddef>
#include <map>
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

  // Per-file budgets, 0 = none. They are checked between resources and
  // between rules; a file that runs over gets one kInput error ("evaluation
  // truncated: ...", on the first resource not fully checked) and its
  // remaining resources are not checked.
  double file_timeout_seconds = 0;  // wall time, counting spent_seconds
  // Values examined: each rule target that applies to a resource counts
  // every value of the resource.
  size_t max_values_per_file = 0;
  // Time already spent on a file (reading, parsing, adapting), by path.
  std::map<std::string, double> spent_seconds;
};

std::vector<Finding> evaluate(const RuleSet& rules, const graph::Graph& graph,
                              const EvalOptions& options);

// Fingerprint used by SARIF partialFingerprints and baselines: rule, file
// and logical path (never a line number); the engine adds the resource name
// to the logical path, as instances (count, for_each, Fn::ForEach) share
// their source.
[[nodiscard]] std::string finding_fingerprint(std::string_view rule_id, std::string_view path,
                                              std::string_view logical_path);

}  // namespace genlens::rules
