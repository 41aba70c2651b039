#pragma once
// yaml-cpp 0.7 loops forever on a `,` at the top level of a document
// (`"",`, `!Ref,`): YAML::LoadAll keeps returning empty documents without
// consuming input until memory runs out (upstream issue 1040). This pass
// walks the event stream once, without building nodes, and stops at the
// first document that cannot be real.
#include <optional>
#include <string>

#include "genlens/core/result.h"

namespace genlens::parse::detail {

// An error when `text` would make yaml-cpp produce more documents than it
// has document markers; nullopt when LoadAll is safe. yaml-cpp exceptions
// are left to the caller's parse.
std::optional<core::Error> check_document_count(const core::SourceFile& src,
                                                const std::string& text);

}  // namespace genlens::parse::detail
