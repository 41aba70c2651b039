#pragma once
// Reporters see only findings, diagnostics and rule metadata.
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
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
  size_t baselined = 0;  // findings left out because the --baseline file lists them
};

// GitHub code scanning accepts at most 5,000 results per SARIF run.
inline constexpr size_t kMaxSarifResults = 5000;

struct ReportOptions {
  bool color = false;
  bool show_suppressed = false;  // text: list suppressed findings too, marked
  std::string version;           // tool version
  std::string srcroot;           // absolute directory that %SRCROOT% stands for
  std::string docs_base_url;     // helpUri = docs_base_url + ID + ".md"
  std::string category;          // SARIF runs[0].automationDetails.id (--category); "" = none
  size_t max_sarif_results = kMaxSarifResults;  // tests lower it
};

// Why `category` cannot be a code scanning category ("" when it can).
[[nodiscard]] std::string category_error(std::string_view category);

// How many findings write_sarif leaves out to stay within
// options.max_sarif_results.
[[nodiscard]] size_t sarif_results_left_out(const ScanResult& result, const ReportOptions& options);

void write_text(std::ostream& out, const ScanResult& result, const ReportOptions& options);
void write_json(std::ostream& out, const ScanResult& result, const ReportOptions& options);
void write_sarif(std::ostream& out, const ScanResult& result, const ReportOptions& options);
// GitHub Actions workflow commands (::error file=...::message), one a line.
void write_github(std::ostream& out, const ScanResult& result, const ReportOptions& options);
// JUnit XML: one testsuite per rule, one failed testcase per finding.
void write_junit(std::ostream& out, const ScanResult& result, const ReportOptions& options);

}  // namespace genlens::report
