#pragma once
// Helpers for the HCL reader's tests: parse a snippet, and print what came
// out compactly enough to compare whole trees in one assertion.
#include <memory>
#include <string>
#include <string_view>

#include "genlens/core/document.h"
#include "genlens/parse/hcl.h"

namespace genlens::testutil {

// parse_hcl over `text` as the file "main.tf".
parse::HclResult hcl(std::string text, const parse::ParseOptions& options = {});

// The root of a parse that must have no errors (a failure lists them).
const core::Node* hcl_root(const parse::HclResult& r);

// Compact text form of a node tree, with expressions spelled out:
//   {k: v}, [a, b], "string", 12, 1.5, true, null,
//   kind(operands) or kind:text(operands) for a kExpression,
//   <unknown> for kUnknown. A node with has_error gets a trailing '!' when
//   `marks` is set.
std::string hcl_tree(const core::Node* n, bool marks = false);

// Every diagnostic as "line:col: message", one per line; "" when none.
std::string hcl_errors(const parse::HclResult& r);

// Logical paths of the nodes with has_error set, in document order, joined
// with ", ("" is the root).
std::string error_paths(const core::Document& doc);

// What is wrong with the document's shape, "" when nothing: every node has
// a known range inside its parent's, map entries have key ranges, quoted
// strings start and end with `"`, heredocs start with `<<`, expression tags
// are from the documented list, and kUnknown only appears under has_error.
std::string hcl_invariants(const core::Document& doc);

// "3:5-3:9" of a node's range / key range.
std::string range_of(const core::Node* n);
std::string key_range_of(const core::Node* n);

}  // namespace genlens::testutil
