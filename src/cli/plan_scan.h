#pragma once
// Terraform plan JSON files in a scan: the .tf files their findings are
// placed in, and the root modules they cover (checked through the plan, not
// again from the .tf files).
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/scan.h"
#include "cli/terraform_scan.h"
#include "genlens/formats/resource.h"

namespace genlens::cli {

class PlanScan {
 public:
  // `scanned`: the Terraform files of the scan, which plans use first.
  PlanScan(const TerraformFiles& scanned, const ScanOptions& options);

  // Adapts a document that formats::terraform::is_plan() accepted, appends
  // its units; false when its structure could not be read. A plan read from
  // standard input (`in_memory`) has no directory on disk: it uses only the
  // scan's own Terraform files, never reads others.
  bool adapt(std::shared_ptr<core::Document> doc, std::vector<formats::Unit>& units,
             core::Diagnostics& diags, bool in_memory = false);

  // The directories of the scan whose root module a plan covers.
  [[nodiscard]] const std::set<std::string>& covered() const { return covered_; }

 private:
  // The .tf files of `dir`: the scan's, or read for locations when the
  // directory lies inside the scanned tree (files named on the command
  // line count with their directory). nullptr when there are none.
  const formats::terraform::Directory* directory(const std::string& dir, bool read_disk);
  formats::terraform::Directory load(const std::string& dir) const;
  [[nodiscard]] bool inside_tree(const std::string& dir) const;

  const TerraformFiles& scanned_;
  const ScanOptions& options_;
  std::vector<std::string> roots_;  // canonical directories of the scan's paths
  std::map<std::string, formats::terraform::Directory> loaded_;
  std::set<std::string> covered_;
};

}  // namespace genlens::cli
