#pragma once
// The Terraform part of a scan: .tf / .tf.json / .tfvars files are parsed,
// grouped by directory (a directory is a module) and adapted together.
#include <map>
#include <string>
#include <vector>

#include "cli/scan.h"
#include "genlens/formats/resource.h"

namespace genlens::cli {

// True for the files this part reads.
[[nodiscard]] bool is_terraform_path(const std::string& path);

// Parses and adapts the Terraform files among `files`; problems go to
// `diags` (a syntax error: `file:line:col: error: ...`, the resources holding
// it are not checked). Appends the units and the number of files read.
void scan_terraform(const std::vector<core::DiscoveredFile>& files, const ScanOptions& options,
                    std::vector<formats::Unit>& units, core::Diagnostics& diags, size_t& read);

}  // namespace genlens::cli
