#pragma once
#include <string>
#include <string_view>

#include "genlens/rules/rule.h"

namespace genlens::rules::detail {

// Parses "Properties.Steps[Type in (A, B)].Arguments@json[*].X"; returns an
// error message, or "" on success.
std::string parse_path(std::string_view text, Path& out);

}  // namespace genlens::rules::detail
