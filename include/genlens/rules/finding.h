#pragma once
// Findings: results of rules about the user's code.
#include <optional>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/source.h"

namespace genlens::rules {

struct RuleMeta;

enum class Verdict { kPass, kFail, kUnknown, kNotApplicable };

struct Location {
  std::string path;  // file, as given on the command line / discovered
  core::SourceRange range;
  std::string logical_path;  // "Resources/Chat/Properties/KmsKeyId"
  std::string message;       // for related locations
};

// Why a finding is not reported: an in-source directive (comment,
// CloudFormation Metadata, Kubernetes annotation) that names its rule.
struct Suppression {
  std::string justification;  // the reason given; empty when none
  Location location;          // the directive (its `message` says which kind)
};

struct Finding {
  const RuleMeta* rule = nullptr;
  core::Severity level = core::Severity::kError;
  Verdict verdict = Verdict::kFail;  // kFail, or kUnknown (reported only on request)
  std::string message;
  Location location;
  std::string resource_type;
  std::string resource_name;
  std::vector<Location> related;
  std::string fingerprint;  // from rule, file and logical path; never line numbers
  // Set by the suppression stage; a suppressed finding stays in SARIF and
  // JSON output, is hidden from text output and never sets the exit code.
  std::optional<Suppression> suppression;
};

// Deterministic order: path, line, column, rule id, message.
void sort_findings(std::vector<Finding>& findings);

}  // namespace genlens::rules
