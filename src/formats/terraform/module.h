#pragma once
// The declarations of one Terraform module (a directory), and one instance
// of it: a root module, or a module call with its arguments.
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "formats/terraform/evaluator.h"
#include "genlens/core/diagnostic.h"
#include "genlens/formats/terraform.h"

namespace genlens::formats::terraform {

struct Block {
  bool data = false;  // a data source
  std::string type;
  std::string name;
  const core::Node* body = nullptr;
  size_t file = 0;  // index into Directory::configuration
  [[nodiscard]] std::string address() const { return (data ? "data." : "") + type + "." + name; }
};

struct ModuleDef {
  const Directory* dir = nullptr;
  std::map<std::string, const core::Node*> variables;  // name -> body
  std::map<std::string, const core::Node*> locals;     // name -> expression
  std::map<std::string, const core::Node*> outputs;    // name -> body
  std::map<std::string, const core::Node*> calls;      // module name -> body
  std::vector<Block> blocks;                           // resources and data sources
  [[nodiscard]] const Block* find(bool data, std::string_view type, std::string_view name) const;
};

ModuleDef collect(const Directory& dir);

// A value given to a variable, with the node it was written at.
struct Input {
  const core::Value* value = nullptr;
  std::vector<Reference> references;  // met evaluating it, in the calling module
};

struct Manifest;  // installed_modules.h

struct Instance {
  size_t index = 0;  // in creation order
  size_t dir = 0;    // the adapter's index of its directory
  const ModuleDef* def = nullptr;
  std::string key;                     // module call path: "" for a root, "vpc", "vpc.nat"
  const Manifest* manifest = nullptr;  // installed modules of its root module, if any
  std::string prefix;  // "" for a root module, "module.kb." (or module.kb["a"].) inside
  std::string scope;   // Unit::scope of its resources
  std::map<std::string, Input> inputs;  // module arguments, tfvars, --var
  std::vector<const Directory*> chain;  // directories from the root, for cycles
};

// Names of one module instance: variables, locals, resources, data sources,
// module outputs, path.*. Records the references met while evaluating.
class ModuleScope : public Scope {
 public:
  ModuleScope(Instance& inst, core::ValueArena& arena, std::string allowed_root)
      : inst_(inst), arena_(arena), eval_(arena, *this), root_(std::move(allowed_root)) {}
  const core::Value* resolve(std::string_view root, const std::vector<Step>& steps,
                             const core::Node* at, size_t& consumed) override;
  bool read_file(const std::string& path, std::string& out, std::string& reason) override;

  Evaluator& evaluator() { return eval_; }
  std::vector<Reference> take_references() { return std::exchange(refs_, {}); }
  // Child module instances, filled by the adapter before outputs are read.
  std::map<std::string, std::vector<std::pair<std::string, ModuleScope*>>> children;
  // While the adapter loads the module calls: loads call `name` now (its
  // outputs are read before its turn); no-op when loaded or not loadable.
  std::function<void(const std::string&)> load_call;

 private:
  const core::Value* variable(const std::string& name, const core::Node* at);
  const core::Value* local(const std::string& name, const core::Node* at);
  const core::Value* resource(bool data, std::string_view type, const std::vector<Step>& steps,
                              size_t first, const core::Node* at, size_t& consumed);
  const core::Value* module_output(const std::vector<Step>& steps, const core::Node* at,
                                   size_t& consumed);
  const core::Value* unknown(const core::Node* at, std::string reason);
  const core::Value* used_at(const core::Value* v, const core::Node* at);
  // The references recorded since refs_ had `mark` entries, taken out.
  std::vector<Reference> take_since(size_t mark);
  // Records `refs` (met evaluating a local, a module argument, a module
  // output or a policy document) as made at the use site `at`: the edge
  // belongs to the attribute that uses the name, not to where it is defined.
  void forward(std::vector<Reference> refs, const core::Node* at);

  Instance& inst_;
  core::ValueArena& arena_;
  Evaluator eval_;
  std::string root_;
  struct Local {
    const core::Value* value = nullptr;
    std::vector<Reference> references;  // met evaluating it, replayed at each use
  };
  std::map<std::string, Local> locals_;
  std::map<std::string, const core::Value*> defaults_;  // variable defaults
  std::set<std::string> evaluating_;
  std::vector<Reference> refs_;
};

// The policy document of a `data "aws_iam_policy_document"` block (what its
// `.json` renders), as a map with positions; Unknown parts stay Unknown.
const core::Value* iam_policy_document(ModuleScope& scope, const core::Node* body,
                                       core::ValueArena& arena);

}  // namespace genlens::formats::terraform
