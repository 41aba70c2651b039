#pragma once
// Compiled RE2 patterns, compiled once per pattern for the whole run: rules
// and predicates match the same few patterns against many values.
#include <re2/re2.h>

#include <string>

namespace genlens::rules::detail {

// The compiled `pattern` (RE2::Quiet; check ok() for a bad pattern).
const RE2& cached_regex(const std::string& pattern);

}  // namespace genlens::rules::detail
