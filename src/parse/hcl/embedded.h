#pragma once
// HCL inside a JSON string: a Terraform JSON (.tf.json) string is a string
// template, or (depends_on, provider, ...) an expression. The string's
// decoded text is parsed by parse_hcl and the resulting nodes are copied
// into the JSON document, their positions mapped back into the string.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "genlens/core/document.h"
#include "genlens/core/result.h"
#include "genlens/parse/parse.h"

namespace genlens::parse::hcl {

enum class EmbedMode : uint8_t {
  kTemplate,    // a string template: literal text, ${...}, %{...}, $${ and %%{ escapes
  kExpression,  // one expression: `aws_s3_bucket.docs`, `aws.east`
};

// The node that string scalar `s` of `doc` (starting at byte `start` of the
// file) stands for: a kString scalar (a
// template without interpolations or directives), a template, or an
// expression, made in `doc` with the range of `s` and the positions of its
// parts inside `s`. Key, index and parent are not set. Syntax errors are
// appended to `errors` at their position in the file; nodes holding one have
// has_error set (and the result is a kUnknown node when nothing could be
// parsed).
core::Node* parse_embedded(core::Document& doc, const core::Node& s, size_t start, EmbedMode mode,
                           const ParseOptions& options, std::vector<core::Error>& errors);

}  // namespace genlens::parse::hcl
