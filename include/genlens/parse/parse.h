#pragma once
// Parsers: bytes -> Document. Each returns an Error with a position instead of
// throwing; third-party exceptions stop at this boundary.
#include <cstddef>
#include <memory>
#include <string_view>

#include "genlens/core/document.h"
#include "genlens/core/result.h"

namespace genlens::parse {

struct ParseOptions {
  size_t max_nodes = 2'000'000;  // alias expansion and huge files stop here
  size_t max_depth = 400;        // deeper nesting is an error, never a stack overflow
  // JSON: accept core::kUnknownMark as a bare value (embedded documents built
  // from partially known strings).
  bool allow_unknown_marker = false;
  // HCL: wall-clock limit for tree-sitter's parse of one file, 0 = none
  // (its work is bounded by the input size in any case).
  double max_seconds = 0;
};

using DocResult = core::Result<std::shared_ptr<core::Document>>;

// YAML stream (one or more documents). CloudFormation short-form tags are
// rewritten to their long form: `!Ref X` becomes {Ref: X}, `!GetAtt A.B`
// becomes {"Fn::GetAtt": [A, B]}, and so on.
DocResult parse_yaml(core::SourcePtr source, const ParseOptions& options = {});

// HCL (.tf, .tfvars): see genlens/parse/hcl.h (parse_hcl), which returns the
// document together with every syntax error instead of stopping at the first.

// JSON with a line and column for every node.
DocResult parse_json(core::SourcePtr source, const ParseOptions& options = {});

// Parses `text`, the decoded contents of a string scalar `host` in `doc`, as
// JSON. Node positions are mapped back into the host file as closely as the
// scalar's style allows (exact for unescaped and literal-block strings). The
// new document's root has embedded_root set and `host` as its parent.
// `map_offset`, when given, maps an offset in `text` to an offset in the
// decoded text of `host` (for strings spliced by Fn::Sub); return npos when
// the offset has no origin.
struct OffsetMap {
  virtual ~OffsetMap() = default;
  [[nodiscard]] virtual size_t to_host(size_t offset) const = 0;
};
DocResult parse_embedded_json(const core::Document& doc, const core::Node& host,
                              std::string_view text, const OffsetMap* map,
                              const ParseOptions& options = {});

// Position in the file of byte `decoded_offset` of a string scalar's decoded
// text. Falls back to the scalar's start when the style does not allow exact
// mapping.
core::Position map_scalar_offset(const core::SourceFile& file, const core::Node& scalar,
                                 size_t decoded_offset);

}  // namespace genlens::parse
