#pragma once
// Evaluates Terraform expressions (the kExpression ASTs of parse_hcl, see
// genlens/parse/hcl.h, and the literal scalars/sequences/maps around them)
// to three-valued core::Value trees, the way Terraform would before apply.
// Anything it cannot know (an attribute known after apply, a function it
// does not implement, a variable without value) is Unknown with a reason,
// never a guess. Provenance: a value that comes from a variable default, a
// tfvars entry, a local or a module argument keeps that node in
// Value::provenance (use site first, as the CloudFormation resolver does).
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/document.h"
#include "genlens/core/value.h"
#include "genlens/formats/resource.h"

namespace genlens::formats::terraform {

// One step of a traversal after its root name: `.name`, `[key]`, or a splat.
struct Step {
  enum class Kind { kAttr, kIndex, kSplat };
  Kind kind = Kind::kAttr;
  std::string name;                  // kAttr
  const core::Value* key = nullptr;  // kIndex: evaluated index (number or string)
  const core::Node* node = nullptr;  // the getattr/index/splat node
};

// What names mean: implemented by the module loader (variables, locals,
// resources, data sources, module outputs, count/each, path.*, terraform.*).
class Scope {
 public:
  virtual ~Scope() = default;
  // Resolves `root` followed by `steps` (root is a `var` node's name: "var",
  // "local", "each", "count", "module", "data", "path", "terraform", "self",
  // or a resource type such as "aws_s3_bucket"). Returns the value and sets
  // `consumed` to how many steps it used (the evaluator applies the rest:
  // attribute of a map, index of a list/map, splats). Records references to
  // resources/modules for graph edges (kind kRef, target = address such as
  // "aws_s3_bucket.docs", from_path = the use site's logical path).
  // nullptr means "no such name": the evaluator makes it Unknown with
  // reason "unknown name <root>".
  virtual const core::Value* resolve(std::string_view root, const std::vector<Step>& steps,
                                     const core::Node* at, size_t& consumed) = 0;
  // Reads a file for file()/templatefile()/filebase64(), `path` relative to
  // the module directory; false (with `reason`) when it is outside the
  // scanned tree, too large, or not readable. Never follows links out of
  // the tree, never reads anything else.
  virtual bool read_file(const std::string& path, std::string& out, std::string& reason) = 0;
};

// Errors (a missing attribute or key, an index out of range, a wrong
// argument type, a failed conversion) are Unknown values whose reason starts
// with kErrorPrefix: they propagate like any Unknown, and try()/can() tell
// them apart from values that are only known after apply.
inline constexpr std::string_view kErrorPrefix = "error: ";
[[nodiscard]] bool is_error(const core::Value* v);

// Budgets: a collection or for-expression result larger than kMaxElements,
// or a string longer than kMaxStringBytes, is Unknown "too large to
// evaluate"; expressions nested deeper than kMaxDepth are Unknown; one
// top-level eval() does at most kMaxSteps evaluation steps and value
// creations together.
inline constexpr size_t kMaxElements = 100'000;
inline constexpr size_t kMaxStringBytes = 10'000'000;
inline constexpr int kMaxDepth = 500;
inline constexpr size_t kMaxSteps = 2'000'000;

// Semantics before apply, in short: an Unknown operand makes the result
// Unknown with the operand's reason, except `false && u`, `true || u`, a
// conditional on an Unknown condition whose branches are equal known values,
// length() of a known collection, contains() when a known element matches,
// coalesce() when a known non-empty argument comes first, startswith/endswith
// on a partial string whose known end decides. Templates, join, format and
// jsonencode give partial strings (kUnknownMark runs) instead. try() returns
// the first argument that is not an error, and is Unknown when that argument
// is not wholly known; can() is false on an error, Unknown on an Unknown.
// Only the chosen branch of a known conditional is evaluated.
class Evaluator {
 public:
  Evaluator(core::ValueArena& arena, Scope& scope) : arena_(arena), scope_(scope) {}

  // Evaluates a node of a parsed .tf/.tfvars/.tf.json document: literals,
  // sequences and maps (recursively) and expressions. nullptr only when the
  // arena's budget is exhausted.
  const core::Value* eval(const core::Node* node);
  // The same with extra names bound (for-expression iterators, dynamic block
  // iterators, `each`/`count` when the scope does not provide them).
  const core::Value* eval_with(const core::Node* node,
                               const std::map<std::string, const core::Value*>& bindings);

  core::ValueArena& arena() { return arena_; }

 private:
  const core::Value* eval_node(const core::Node* node);
  const core::Value* eval_expr(const core::Node* node);
  const core::Value* traversal(const core::Node* node);
  const core::Value* apply_steps(const core::Value* v, const std::vector<Step>& steps, size_t from,
                                 const core::Node* at);
  const core::Value* template_(const core::Node* node);
  const core::Value* cond(const core::Node* node);
  const core::Value* unary(const core::Node* node);
  const core::Value* binary(const core::Node* node);
  const core::Value* for_expr(const core::Node* node);
  const core::Value* object(const core::Node* node);
  const core::Value* call(const core::Node* node);
  const core::Value* try_(const core::Node* node);
  const core::Value* can(const core::Node* node);
  const core::Value* templatefile(const core::Node* node,
                                  const std::vector<const core::Value*>& args);
  const core::Value* lookup_binding(const std::string& name) const;
  [[nodiscard]] bool over_budget() const {
    return steps_ + (arena_.size() - arena_start_) > kMaxSteps;
  }

  core::ValueArena& arena_;
  Scope& scope_;
  std::vector<std::map<std::string, const core::Value*>> bindings_;
  int depth_ = 0;
  size_t steps_ = 0;
  size_t arena_start_ = 0;
  // templatefile(): only its vars (and functions) are visible, not the scope.
  bool isolated_ = false;
  int templatefile_depth_ = 0;
  // Inside try()/can(): an error inside a tuple or object is an error of the
  // whole (elsewhere a literal map is a block body, and one bad attribute
  // must not hide the others).
  int in_try_ = 0;
};

// Calls a Terraform function by name on evaluated arguments (functions.cpp).
// Unknown arguments give Unknown (except where Terraform's semantics allow a
// known result: try/can, coalesce with a known non-null first argument,
// length of a list with unknown elements, ...). An unimplemented function is
// Unknown "function NAME is not evaluated".
const core::Value* call_function(core::ValueArena& arena, Scope& scope, std::string_view name,
                                 const std::vector<const core::Value*>& args, const core::Node* at);

// Structural equality of two wholly known values (==, distinct, contains, ...).
bool equal_values(const core::Value* a, const core::Value* b);

// HCL/Terraform conversions used by both: tostring of numbers ("1", "1.5"),
// bools ("true"); truthiness of "true"/"false" strings.
std::string number_text(double d);

}  // namespace genlens::formats::terraform
