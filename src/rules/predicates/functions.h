#pragma once
// The predicate functions, one per registry entry (registry.cpp).
#include "rules/predicates/registry.h"

namespace genlens::rules::predicates {

detail::Outcome iam_allows_on_any_resource(const Context&, const core::Value*, const Args&);
detail::Outcome iam_allows_service_wildcard(const Context&, const core::Value*, const Args&);
detail::Outcome iam_allows_wildcard(const Context&, const core::Value*, const Args&);
detail::Outcome iam_public_principal_without_condition(const Context&, const core::Value*,
                                                       const Args&);
detail::Outcome iam_trust_without_source_conditions(const Context&, const core::Value*,
                                                    const Args&);
detail::Outcome oss_allows_public_access(const Context&, const core::Value*, const Args&);
detail::Outcome enabled(const Context&, const core::Value*, const Args&);
detail::Outcome known_before_deploy(const Context&, const core::Value*, const Args&);
detail::Outcome less_than(const Context&, const core::Value*, const Args&);
detail::Outcome command_line_flag(const Context&, const core::Value*, const Args&);
detail::Outcome has_entry(const Context&, const core::Value*, const Args&);
detail::Outcome entries_equal(const Context&, const core::Value*, const Args&);
detail::Outcome matches_glob(const Context&, const core::Value*, const Args&);

}  // namespace genlens::rules::predicates
