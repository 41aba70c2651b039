#pragma once
// One walk over the whole syntax tree: comments, and a diagnostic for every
// ERROR node (outermost only) and MISSING node.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/source.h"
#include "parse/hcl/converter.h"
#include "parse/hcl/ts_util.h"

namespace genlens::parse::hcl {

struct PendingComment {
  uint32_t offset = 0;  // of `#`, `//` or `/*`
  std::string text;     // after the marker, CR removed
};

// `src` is the buffer tree-sitter parsed; `file` gives positions for the
// openers named in messages ("missing `}` to close `{` at 3:5").
void walk_syntax(TSNode root, std::string_view src, const core::SourceFile& file,
                 std::vector<PendingError>& errors, std::vector<PendingComment>& comments);

}  // namespace genlens::parse::hcl
