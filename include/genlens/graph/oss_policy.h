#pragma once
// OpenSearch Serverless policies select collections by name pattern:
//   network / encryption: Rules[].Resource ["collection/kb-*"]
//   data access:          Rules[].Resource ["collection/kb", "index/kb/*"]
// Used by the graph (selects edges) and by the oss_* rule predicates.
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/value.h"

namespace genlens::graph::oss {

// '*' matches any run of characters (also none); everything else literally.
[[nodiscard]] bool pattern_matches(std::string_view pattern, std::string_view name);

// One policy entry (an object of the policy array, or the whole policy for
// encryption policies) and the Resource item in it that selects a collection.
struct Selection {
  const core::Value* entry = nullptr;
  const core::Value* resource = nullptr;
};

struct Selections {
  std::vector<Selection> selected;
  bool unknown = false;  // some rule could not be decided (a partial pattern, an unknown entry)
  std::string reason;
};

// The entries of a parsed policy with a rule selecting collection `name`.
// `resource_types` limits the rules looked at ("collection", "index",
// "dashboard"); empty: all.
Selections select(const core::Value* policy, std::string_view name,
                  const std::vector<std::string>& resource_types = {});

}  // namespace genlens::graph::oss
