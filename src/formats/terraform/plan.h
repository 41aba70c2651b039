#pragma once
// The parts of the plan JSON adapter (genlens/formats/terraform_plan.h):
// structure checks, module instances with their configuration and .tf
// source, resource values with Unknowns and .tf locations, references.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/terraform/module.h"
#include "genlens/core/diagnostic.h"
#include "genlens/core/document.h"
#include "genlens/core/value.h"
#include "genlens/formats/resource.h"
#include "genlens/formats/terraform_plan.h"

namespace genlens::formats::terraform::plan {

// Structural problems of the plan, reported at the node they are about.
class Issues {
 public:
  Issues(const core::Document& doc, core::Diagnostics& diags) : doc_(doc), diags_(diags) {}
  void error(const core::Node* at, const std::string& message);
  // `parent`'s entry `key` when it is a node of `kind` (nullptr otherwise);
  // an entry of another kind is reported (a missing one only if `required`).
  const core::Node* member(const core::Node* parent, std::string_view key, core::NodeKind kind,
                           bool required);
  // The text of `parent`'s string entry `key`, or "" (reported: missing
  // when `required`, of another kind always).
  std::string text(const core::Node* parent, std::string_view key, bool required);
  [[nodiscard]] size_t count() const { return count_; }

 private:
  const core::Document& doc_;
  core::Diagnostics& diags_;
  size_t count_ = 0;
};

// One module instance of the plan.
struct ModuleInstance {
  const ModuleInstance* parent = nullptr;
  std::string address;                 // "" for the root, `module.kb["a"]` inside
  std::string scope;                   // Unit::scope of its resources
  const core::Node* config = nullptr;  // its configuration module, if any
  const core::Node* call = nullptr;    // module_calls.<name> in the parent's configuration
  const Directory* dir = nullptr;      // its .tf files, if available
  ModuleDef def;                       // their declarations (when dir)
};

// The configuration entry (configuration...resources[]) of a resource.
const core::Node* config_resource(const ModuleInstance& m, bool data, std::string_view type,
                                  std::string_view name, Issues& issues);

// Where a value of a resource is reported in its .tf block: the node of
// its path when written there (exact), else the nearest written ancestor.
struct TfSpot {
  const core::Node* node = nullptr;  // nullptr: the resource is not mapped
  bool exact = false;
};
TfSpot tf_member(TfSpot parent, std::string_view key);
// Item `index` of a list whose plan items are `plan_items`: the .tf item
// whose literal values agree with the plan's (item `index` first).
TfSpot tf_item(TfSpot parent, size_t index, const std::vector<const core::Node*>& plan_items);

// Builds a resource's value from its planned `values` (may be null: none
// known), the change's `after_unknown` (may be null), the resource's
// configuration `expressions` (may be null: single nested blocks are then
// not listed) and its .tf body (`tf.node` null: origins are plan nodes;
// the resource's own value is at `values`, else at `resource`).
const core::Value* resource_value(core::ValueArena& arena, Issues& issues, const core::Node* values,
                                  const core::Node* after_unknown, const core::Node* expressions,
                                  TfSpot tf, const core::Node* resource);

// One step of a rule path: a map key or a list index.
struct PathStep {
  std::string key;
  std::optional<size_t> index;
};
// "production_variants[0].model_name"
std::string path_text(const std::vector<PathStep>& steps);

// The References of a resource: its configuration's expressions and
// depends_on, placed at the resource's values (or, for an attribute with
// no value, at the expression in the plan or the .tf attribute).
std::vector<Reference> resource_references(const ModuleInstance& m, const core::Node* config,
                                           const core::Value* value, TfSpot tf, Issues& issues);

// The resource or module a reference names ("aws_s3_bucket.b.id" ->
// "aws_s3_bucket.b", "data.x.y[0]" -> "data.x.y", "module.kb.out" ->
// "module.kb"); nullopt for var., local., each., count., path., self, ...
std::optional<std::string> reference_target(std::string_view ref);

// The call name and key of the last step of a module instance address
// relative to its parent ("module.kb[\"a\"]" after "" -> "kb"); nullopt
// when `address` is not `parent` followed by one `module.NAME[KEY]` step.
std::optional<std::string> module_call_name(std::string_view parent, std::string_view address);

}  // namespace genlens::formats::terraform::plan
