#pragma once
// The Terraform part of a scan: .tf / .tf.json / .tfvars files are parsed,
// grouped by directory (a directory is a module) and adapted together.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/scan.h"
#include "genlens/formats/resource.h"
#include "genlens/formats/terraform.h"

namespace genlens::cli {

// True for the file names this part reads.
[[nodiscard]] bool is_terraform_path(const std::string& path);
// True for the files this part reads: named so, and on disk (never a part of
// standard input).
[[nodiscard]] bool is_terraform_file(const core::DiscoveredFile& f);

// Parses one file: HCL, Terraform JSON for *.tf.json, plain JSON for other
// *.json (*.tfvars.json, modules.json). nullptr when it cannot be read at
// all; syntax errors go to `diags` and the document is kept.
std::shared_ptr<core::Document> parse_terraform_file(const std::string& path,
                                                     const ScanOptions& options,
                                                     core::Diagnostics& diags);

// The parsed Terraform files of a scan, by directory (normal_dir).
struct TerraformFiles {
  std::map<std::string, formats::terraform::Directory> dirs;
};

// Parses the Terraform files among `files`; problems go to `diags` (a
// syntax error: `file:line:col: error: ...`, the resources holding it are
// not checked). Adds the number of files read to `read`.
TerraformFiles parse_terraform(const std::vector<core::DiscoveredFile>& files,
                               const ScanOptions& options, core::Diagnostics& diags, size_t& read);

// Adapts the parsed directories (--var-file and --var applied), leaving out
// the root modules `covered` by plan files; appends the units. Installed
// remote modules (modules.json) are read on the way: adds the number of
// those files read to `read`.
void adapt_terraform(TerraformFiles files, const ScanOptions& options,
                     const std::set<std::string>& covered, std::vector<formats::Unit>& units,
                     core::Diagnostics& diags, size_t& read);

}  // namespace genlens::cli
