#pragma once
// Terraform plan JSON (`terraform show -json tfplan > plan.json`): the
// resources Terraform plans to have, with the values it already knows.
//
//   * Resources: every managed resource of planned_values.root_module and,
//     recursively, of its child_modules. Resource::name is the address as
//     Terraform prints it (`module.kb.aws_s3_bucket.docs["raw"]`), ref_name
//     the address without module path and instance key (what references
//     name), the value is `values`. Data sources are not resources (as with
//     .tf files): their results are already in the values that use them.
//   * Unknown: every path marked `true` in the matching (same address, not
//     deposed) resource_changes[].change.after_unknown is Unknown, "known
//     after apply"; a `true` for an object or list makes the whole subtree
//     Unknown. Sensitive values stay as the file has them.
//   * Blocks: plan JSON writes list and set blocks as lists of objects, as
//     the HCL reader shapes every block; a block the configuration section
//     shows as a single nested block (an object in `values`) becomes a list
//     of one, so `production_variants[0].instance_type` reads both.
//   * Locations: values point at their node in the plan; when the .tf files
//     of the module are available (PlanSources), a resource points at its
//     block in the .tf file and each value at the attribute written in that
//     block, or the nearest enclosing attribute or block that is written
//     there (the resource header at least). Nested blocks and list items
//     are matched to the .tf ones by their literal values, so a set's order
//     cannot mislead.
//   * References: configuration expressions' `references` and `depends_on`
//     become References like those of the .tf adapter: `aws_s3_bucket.b.id`
//     targets `aws_s3_bucket.b` in the same module instance; `var.x` inside
//     a module follows the module call's argument into the calling module.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/document.h"
#include "genlens/formats/resource.h"
#include "genlens/formats/terraform.h"

namespace genlens::formats::terraform {

// A JSON object with `format_version` and `planned_values` or
// `resource_changes`. Never decided by file name.
[[nodiscard]] bool is_plan(const core::Node* root);

// The .tf files of a directory (a path as shown to users, lexically
// normal: "infra", "infra/modules/kb", "."), or nullptr when they are not
// available (none there, outside the scanned tree, not readable).
using DirectoryLookup = std::function<const Directory*(const std::string& dir)>;

struct PlanResult {
  std::vector<Unit> units;
  // The plan's structure could be read (planned_values is sound); its
  // resources are in `units` (possibly none).
  bool read = false;
  // The directory whose .tf files were taken as the plan's root module
  // (the plan file's own directory), "" when none was available.
  std::string root_dir;
};

// Adapts one plan document. Structural problems (a key of the wrong type, a
// missing address or values) are `file:line:col: error:` diagnostics at the
// node concerned; the rest of the plan is still read.
PlanResult adapt_plan(std::shared_ptr<core::Document> doc, const DirectoryLookup& sources,
                      core::Diagnostics& diags);

}  // namespace genlens::formats::terraform
