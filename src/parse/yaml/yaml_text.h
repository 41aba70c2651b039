#pragma once
// Text-level helpers for the YAML reader: what yaml-cpp does not give us
// (end positions, scalar styles, comments) is recovered from the source.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "genlens/core/document.h"

namespace genlens::parse::detail {

// Offset of the first character after a tag (`!Sub`) and the blanks after it.
size_t skip_tag(std::string_view text, size_t tag_offset);
// YAML 1.2 core schema for plain scalars: null, bool, int, float or string.
core::ScalarType resolve_plain_type(std::string_view s);
// The null spelling at `offset` ("~", "null", "Null", "NULL"), or "".
std::string_view null_word_at(std::string_view text, size_t offset);
// Style of a scalar starting at `offset`.
core::ScalarStyle style_at(std::string_view text, size_t offset);
// Offset just past a flow/plain/quoted scalar that starts at `offset`.
size_t scalar_end(std::string_view text, size_t offset, core::ScalarStyle style,
                  std::string_view decoded);
// Offset just past the `closer` bracket that follows `from` (after blanks,
// commas and comments), or `from` when there is none.
size_t flow_close(std::string_view text, size_t from, char closer);
// Offset just past `[]` / `{}` at `offset` (or `offset` itself).
size_t flow_end(std::string_view text, size_t offset);
// Last content line of a block scalar whose indicator (| or >) is at
// `indicator_offset`.
uint32_t block_scalar_end_line(const core::SourceFile& src, size_t indicator_offset);
struct BlankedTag {
  std::string tag;
  size_t offset = 0;  // where the tag was written
};
// Replaces every `!Tag` directly in front of a block scalar indicator with
// blanks; returns indicator offset -> tag.
std::unordered_map<size_t, BlankedTag> blank_block_scalar_tags(std::string& text);
// Adds '#' comments to the document, skipping lines inside block scalars
// and multi-line quoted scalars (`skip`, first and last line) and, on the
// last line of a multi-line quoted scalar, the bytes before its end
// (`resume_at`: line -> byte offset in the line).
void collect_comments(core::Document& doc, const std::vector<std::pair<uint32_t, uint32_t>>& skip,
                      const std::map<uint32_t, size_t>& resume_at);

}  // namespace genlens::parse::detail
