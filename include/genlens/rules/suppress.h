#pragma once
// Suppressions: the stage between evaluate and report. It reads in-source
// directives and marks the findings they name (Finding::suppression):
//
//   # genlens:ignore GAI-SEC-001[,GAI-SEC-002] [until=YYYY-MM-DD] -- reason
//       YAML `#`, HCL `#`, `//` and `/* */` comments; applies to findings
//       whose location, resource header or any written ancestor (block,
//       attribute) inside the resource starts on the line the directive
//       applies to: a comment on a line of its own applies to the next line
//       that is not a comment-only line, a comment after code to its own line.
//   # genlens:ignore-file GAI-SEC-001 [until=...] -- reason
//       anywhere in a file: every finding located in that file.
//   CloudFormation resource Metadata: {genlens: {ignore: [{id, reason, until}]}}
//   Kubernetes annotation genlens.io/ignore: "GAI-SEC-001: reason; GAI-SEC-002: reason"
//       (entries separated by `;` or newlines, each `IDS [until=DATE][: reason]`);
//   both apply to every finding of their resource.
//
// There is no `all`: every directive names its rules. Diagnostics:
//   malformed directive                       error (exit 2), suppresses nothing
//   unknown rule ID                           warning, that ID suppresses nothing
//   `until` before today                      warning, suppresses nothing
//   no reason with require_reason             error (exit 2), suppresses nothing
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/graph/graph.h"
#include "genlens/rules/finding.h"
#include "genlens/rules/rule.h"

namespace genlens::rules {

struct Directive {
  bool whole_file = false;            // genlens:ignore-file
  std::vector<std::string> rule_ids;  // as written, at least one
  std::string until;                  // YYYY-MM-DD, empty when none; valid through that day
  std::string reason;                 // trimmed; empty when none
};

struct DirectiveParse {
  bool is_directive = false;           // the text starts with `genlens:` (after blanks)
  std::optional<Directive> directive;  // set when well-formed
  std::string error;                   // why it is malformed
};

// Parses the text of one comment (what follows `#`, `//` or `/*`).
[[nodiscard]] DirectiveParse parse_directive(std::string_view comment_text);

// Parses a `genlens.io/ignore` annotation value: one result per entry.
[[nodiscard]] std::vector<DirectiveParse> parse_annotation(std::string_view value);

// True for a calendar date written YYYY-MM-DD.
[[nodiscard]] bool is_valid_date(std::string_view date);

// Today's date in UTC, YYYY-MM-DD.
[[nodiscard]] std::string today_utc();

struct SuppressOptions {
  std::string today;            // YYYY-MM-DD; empty: today_utc()
  bool require_reason = false;  // --require-reason
};

// Marks the findings suppressed by directives in the scanned files and adds
// diagnostics about the directives. Returns how many were suppressed.
size_t apply_suppressions(std::vector<Finding>& findings, const graph::Graph& graph,
                          const RuleSet& rules, const SuppressOptions& options,
                          core::Diagnostics& diags);

}  // namespace genlens::rules
