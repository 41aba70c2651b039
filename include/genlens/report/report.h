#pragma once
// Reporters see only findings, diagnostics and rule metadata.
#include <ostream>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/rules/finding.h"
#include "genlens/rules/rule.h"

namespace genlens::report {

struct ScanResult {
  std::vector<rules::Finding> findings;  // sorted
  core::Diagnostics diagnostics;         // sorted
  const rules::RuleSet* rules = nullptr;
  size_t files_scanned = 0;
  size_t resources = 0;
};

struct ReportOptions {
  bool color = false;
  bool show_suppressed = false;  // text: list suppressed findings too, marked
  std::string version;           // tool version
  std::string srcroot;           // absolute directory that %SRCROOT% stands for
  std::string docs_base_url;     // helpUri = docs_base_url + ID + ".md"
};

void write_text(std::ostream& out, const ScanResult& result, const ReportOptions& options);
void write_json(std::ostream& out, const ScanResult& result, const ReportOptions& options);
void write_sarif(std::ostream& out, const ScanResult& result, const ReportOptions& options);

}  // namespace genlens::report
