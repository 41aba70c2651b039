#pragma once
// The scan pipeline: discover -> parse -> adapt -> graph -> evaluate.
#include <memory>
#include <string>
#include <vector>

#include "genlens/core/discover.h"
#include "genlens/report/report.h"
#include "genlens/rules/rule.h"

namespace genlens::cli {

struct ScanOptions {
  std::vector<std::string> paths;
  core::DiscoverOptions discover;
  bool report_unknown = false;
  std::vector<std::string> only_rules;      // empty: all
  std::vector<std::string> disabled_rules;  // from .genlens.yaml
};

struct ScanOutput {
  report::ScanResult result;
  std::unique_ptr<rules::RuleSet> rules;
};

// Loads the built-in rules plus those under `rules_dirs`; problems are
// config diagnostics.
std::unique_ptr<rules::RuleSet> load_all_rules(const std::vector<std::string>& rules_dirs,
                                               core::Diagnostics& diags);

// Runs the whole pipeline. Takes ownership of the rule set.
ScanOutput run_scan(const ScanOptions& options, std::unique_ptr<rules::RuleSet> rules,
                    core::Diagnostics diags);

}  // namespace genlens::cli
