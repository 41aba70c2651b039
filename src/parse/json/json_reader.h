#pragma once
// The JSON reader behind parse_json and parse_embedded_json. It works on byte
// offsets and asks its caller to turn them into positions, so an embedded
// document can be placed in its host file without a detour through lines
// and columns of the embedded text.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "genlens/core/document.h"
#include "genlens/parse/parse.h"

namespace genlens::parse::detail {

struct JsonReadError {
  std::string message;
  size_t offset = 0;  // byte offset in the text
};

// Maps a byte offset of the text to a position; `end` is set when the offset
// is just past a node or key (its end) rather than at its first character.
// Offsets are requested in nondecreasing order.
using JsonPositionFn = std::function<core::Position(size_t offset, bool end)>;

// Reads exactly one JSON value from `text` and adds it to `doc` as a root.
// `empty_message` is the error for a text holding nothing but whitespace.
std::optional<JsonReadError> read_json(std::string_view text, const ParseOptions& options,
                                       std::string_view empty_message, core::Document& doc,
                                       const JsonPositionFn& position);

}  // namespace genlens::parse::detail
