#pragma once
// Kubernetes label selectors matched against a pod's labels, three-valued:
// a selector or label whose value is not known (a template placeholder, an
// unresolved value) may or may not match.
#include <cstdint>

#include "genlens/core/value.h"

namespace genlens::graph::detail {

enum class Match : uint8_t { kNo, kYes, kMaybe };

// A Service's `spec.selector`: a plain map of label -> value, every entry
// must hold. An empty or absent map selects nothing (a Service without
// selector has its endpoints managed by hand).
Match match_plain_selector(const core::Value* selector, const core::Value* labels);

// A LabelSelector (`matchLabels` and `matchExpressions` with In, NotIn,
// Exists, DoesNotExist), as NetworkPolicy `spec.podSelector` and
// PodDisruptionBudget `spec.selector` write it. An empty selector ({})
// selects every pod; an absent or null one selects none.
Match match_label_selector(const core::Value* selector, const core::Value* labels);

// Two scalars are equal (names, label values): kMaybe when either is not
// known text.
Match same_text(const core::Value* a, const core::Value* b);

// Both must hold: kNo wins, then kMaybe.
Match both(Match a, Match b);
// Either holds: kYes wins, then kMaybe.
Match either(Match a, Match b);

}  // namespace genlens::graph::detail
