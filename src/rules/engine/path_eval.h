#pragma once
// Walks a rule path over resolved values.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/value.h"
#include "genlens/rules/rule.h"

namespace genlens::rules::detail {

// One place a path leads to.
struct Match {
  enum class State { kFound, kMissing, kUnknown };
  State state = State::kFound;
  const core::Value* value = nullptr;    // kFound: the value
  const core::Value* deepest = nullptr;  // kMissing: deepest value that exists
  std::string reason;                    // kUnknown: why
};

// Owns documents parsed out of strings (@json) for one evaluation run.
class JsonCache {
 public:
  explicit JsonCache(core::Diagnostics* diags) : diags_(diags) {}
  // The document strings of the resource being evaluated belong to.
  void set_document(const core::Document* doc) { doc_ = doc; }
  // The value of a JSON string, or nullptr (not parseable: reported once).
  const core::Value* parse(const core::Value* str, std::string* reason);

 private:
  core::Diagnostics* diags_;
  const core::Document* doc_ = nullptr;
  core::ValueArena arena_{1'000'000};
  std::vector<std::shared_ptr<core::Document>> docs_;
  std::map<const core::Value*, const core::Value*> cache_;
  std::map<const core::Value*, std::string> failures_;
};

void walk_path(const core::Value* start, const Path& path, JsonCache& json,
               std::vector<Match>& out);

}  // namespace genlens::rules::detail
