#pragma once
// `genlens scan --changed FILE...`, for pre-commit hooks: the files are the
// changed (staged) ones. genlens scans what each belongs to, so values from
// other files still resolve, and reports only findings located in them.
#include <string>
#include <vector>

#include "genlens/report/report.h"

namespace genlens::cli {

// What to scan for these changed files: a Terraform file's (.tf, .tf.json,
// .tfvars) module directory, any other file itself; each once, in order.
[[nodiscard]] std::vector<std::string> scan_paths_for_changed(
    const std::vector<std::string>& changed);

// Drops the findings whose location and related locations are all outside
// `changed` (paths compared after making them absolute and normal).
void keep_findings_in(const std::vector<std::string>& changed, report::ScanResult& result);

}  // namespace genlens::cli
