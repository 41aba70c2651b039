#pragma once
// Resolves CloudFormation intrinsic functions to three-valued values.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "genlens/core/value.h"
#include "genlens/formats/resource.h"

namespace genlens::formats::cloudformation {

class Resolver {
 public:
  Resolver(const core::Node* root, core::ValueArena& arena);

  // nullptr means absent (AWS::NoValue) or the value budget ran out
  // (check arena().exhausted()).
  const core::Value* resolve(const core::Node* node);
  // Known truth of a named condition, or nullopt when it depends on unknowns.
  std::optional<bool> condition(const std::string& name);

  // References met since the last call (cleared by take).
  std::vector<Reference> take_references() { return std::exchange(refs_, {}); }
  // Logical IDs made by Fn::ForEach are known only after expansion.
  void add_resource_name(std::string name) { resources_.insert(std::move(name)); }
  [[nodiscard]] bool is_resource(const std::string& name) const {
    return resources_.count(name) != 0;
  }
  core::ValueArena& arena() { return arena_; }
  // Fn::ForEach loop variables: `Ref: Id` and `${Id}` resolve to the value.
  void bind(const std::string& name, std::string value) { bindings_[name] = std::move(value); }
  void unbind(const std::string& name) { bindings_.erase(name); }
  [[nodiscard]] const std::map<std::string, std::string>& bindings() const { return bindings_; }

 private:
  const core::Value* resolve_depth(const core::Node* node, int depth);
  const core::Value* intrinsic(const core::Node* fn, const core::Node* arg, int depth);
  const core::Value* ref(const core::Node* fn, const core::Node* arg);
  const core::Value* sub(const core::Node* fn, const core::Node* arg, int depth);
  const core::Value* join(const core::Node* fn, const core::Node* arg, int depth);
  const core::Value* select(const core::Node* fn, const core::Node* arg, int depth);
  const core::Value* split(const core::Node* fn, const core::Node* arg, int depth);
  const core::Value* find_in_map(const core::Node* fn, const core::Node* arg, int depth);
  const core::Value* if_(const core::Node* fn, const core::Node* arg, int depth);
  std::optional<bool> eval_condition(const core::Node* cond, int depth);
  const core::Value* unknown(const core::Node* at, std::string reason);
  const core::Value* with_provenance(const core::Value* v, std::vector<const core::Node*> chain);
  void record(ReferenceKind kind, const core::Node* at, std::string target, std::string attr);

  const core::Node* parameters_ = nullptr;
  const core::Node* mappings_ = nullptr;
  const core::Node* conditions_ = nullptr;
  std::set<std::string> resources_;
  core::ValueArena& arena_;
  std::map<std::string, std::optional<bool>> condition_cache_;
  std::set<std::string> evaluating_;
  std::vector<Reference> refs_;
  std::map<std::string, std::string> bindings_;
};

// Structural equality of two known values (used to merge Fn::If branches).
bool same_value(const core::Value* a, const core::Value* b);

}  // namespace genlens::formats::cloudformation
