#pragma once
#include <string>

#include "genlens/rules/rule.h"

namespace genlens::cli {

// `genlens rules`: one line per rule, or JSON.
int list_rules(const rules::RuleSet& rules, const std::string& format);
// `genlens explain ID`: the rule's generated documentation.
int explain_rule(const rules::RuleSet& rules, const std::string& id);
// `genlens docs --out DIR [--check]`: docs/rules/<ID>.md and README.md.
int write_docs(const rules::RuleSet& rules, const std::string& dir, bool check);

}  // namespace genlens::cli
