#pragma once
// Walks a rule path over resolved values.
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/value.h"
#include "genlens/formats/embedded_json.h"
#include "genlens/rules/rule.h"

namespace genlens::rules::detail {

using formats::JsonCache;

// One place a path leads to.
struct Match {
  enum class State { kFound, kMissing, kUnknown };
  State state = State::kFound;
  const core::Value* value = nullptr;    // kFound: the value
  const core::Value* deepest = nullptr;  // kMissing: deepest value that exists
  std::string reason;                    // kUnknown: why
};

void walk_path(const core::Value* start, const Path& path, JsonCache& json,
               std::vector<Match>& out);

}  // namespace genlens::rules::detail
