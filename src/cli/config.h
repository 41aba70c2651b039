#pragma once
// .genlens.yaml: found by walking up from the first scanned path (or given
// with --config). Problems are config diagnostics "file:line: error: ...".
#include <optional>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/formats/kubernetes.h"
#include "genlens/rules/rule.h"

namespace genlens::cli {

struct RuleOverride {
  std::string id;
  unsigned line = 0;
  std::optional<bool> enabled;
  std::optional<core::Severity> severity;
  std::vector<rules::Param> params;
};

// An entry of `disable:` or `enable:`: a rule ID, a glob over rule IDs
// (`GAI-SUS-*`) or a pillar (`sustainability`).
struct RuleSelector {
  std::string pattern;
  unsigned line = 0;
};

struct Config {
  std::string path;  // "" when no file was found
  std::vector<std::string> exclude;
  std::vector<std::string> rules_dirs;  // resolved against the config file's directory
  std::vector<RuleOverride> rules;
  formats::kubernetes::Options kubernetes;  // `kubernetes:` section
  std::vector<RuleSelector> disable;
  std::vector<RuleSelector> enable;
  std::string fail_on;                 // "" when not set; --fail-on wins
  std::vector<std::string> var_files;  // resolved against the config file's directory
};

// The top-level keys of .genlens.yaml, in the order `genlens init` writes them.
extern const std::vector<std::string> kConfigKeys;
// The levels fail_on / --fail-on take.
extern const std::vector<std::string> kFailOnLevels;

// The nearest .genlens.yaml at or above `start` (a file or directory), or "".
std::string find_config(const std::string& start);
Config load_config(const std::string& path, core::Diagnostics& diags);
// Applies params and severity overrides; returns the IDs to disable. A rule
// is disabled when a `disable:` entry matches it and no `enable:` entry does;
// `rules.<ID>.enabled` decides over both. Unknown rule IDs and params, and
// disable/enable entries that match no rule, are config diagnostics.
std::vector<std::string> apply_config(const Config& config, rules::RuleSet& rules,
                                      core::Diagnostics& diags);

}  // namespace genlens::cli
