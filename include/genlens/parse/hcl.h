#pragma once
// HCL (Terraform .tf / .tfvars) -> core::Document, with tree-sitter-hcl.
// No tree-sitter type appears outside src/parse/hcl.
//
// ## Shape: Terraform's JSON syntax
//
// A native `.tf` file gives the same tree as the equivalent `.tf.json` file
// read by parse_json, so the Terraform adapter walks one shape:
//
//   * The document has one root, a kMap: the file's body. A `.tfvars` file
//     written as one JSON-like object `{ ... }` gives that object.
//   * An attribute `name = expr` is the entry `name` (key_range = the name).
//   * A block with labels nests one map entry per label:
//     `resource "aws_s3_bucket" "docs" { ... }` is
//     resource -> aws_s3_bucket -> docs -> {body}. The innermost entry is the
//     body map: its range is the whole block (from the type keyword to `}`),
//     its key_range the last label token (quotes included), so
//     Node::anchor() points at the block header.
//   * A block without labels (`versioning { ... }`, repeated `ingress {}`,
//     `terraform {}`, `locals {}`) is a kSequence of body maps under its type
//     key, even for one block: `versioning/0/enabled`. The sequence's
//     key_range is the first block's type keyword; each body map's range is
//     its whole block. `dynamic "x" { ... }` has a label: dynamic -> x -> {body}.
//   * Blocks of one type share one entry (merged): two `resource` blocks, of
//     the same or different types, are both under the one `resource` map.
//     The maps and sequences made by merging ("groups") range from the first
//     block's start to the last block's end, and their key_range is the
//     first block's type keyword or label. Body maps are never merged: two
//     blocks with identical labels (`provider "aws"` twice, with `alias`)
//     give two entries with the same key in the same map, in file order.
//     An attribute and a block of the same name are two entries too.
//   * Two attributes of one name in one body are two entries (HCL rejects
//     that; no diagnostic is given for it here).
//
// ## Values
//
//   * Literals are kScalar: numbers (kInt, kFloat; text as written, `0x1F`
//     stays; `-` applied directly to a number literal is folded into it:
//     `-1` is the kInt "-1"), `true`/`false` (kBool), `null` (kNull, text
//     "null"), quoted strings without `${`/`%{` (kString, kDoubleQuoted, text
//     decoded: \n \r \t \" \\ \uXXXX \UXXXXXXXX, `$${` -> `${`, `%%{` -> `%{`),
//     heredocs without `${`/`%{` (kString, kLiteral, range from `<<` to the
//     end marker; text = the lines between the markers with their line
//     breaks (CRLF stays CRLF, as in HCL), `$${`/`%%{` unescaped; `<<-`
//     removes the smallest indentation, counted in space/tab characters, of
//     the non-blank lines).
//   * Tuples `[...]` are kSequence; objects `{...}` whose keys are all bare
//     identifiers or literals (string, number, bool) are kMap (key_range =
//     the key as written). An object with any other key is an expression.
//   * Everything else is a kExpression node: `tag` is its kind (hcl_tag
//     below), `text` its name or operator where it has one (empty otherwise),
//     `children` its operands in order, `range` its exact source. A
//     kExpression's source text is source_text(file, node.range). Literals
//     inside expressions are ordinary scalars. Operands of an expression
//     have logical paths like sequence items: `.../policy/0/1`.
//
// ## Expression kinds (Node::tag), a closed list
//
//   var           a root name: `aws_s3_bucket`, `var`, `each`; text = name; no children
//   getattr       `x.name`; text = name; [x]
//   index         `x[k]`, legacy `x.0` (k is a kInt scalar); [x, k]
//   splat_attr    `x.*`; [x]
//   splat_full    `x[*]`; [x]
//                 getattr/index steps written after a splat in the same
//                 chain (`x[*].id`, `x.*.tags["a"]`) apply to each element:
//                 they are the nodes above the splat, up to the first node
//                 that is not getattr/index (a paren ends the chain).
//   call          `f(a, b)`; text = function name (may hold `::`); [args...]
//   expand        `a...` (last argument of a call, or the grouped value of a
//                 for_object); [a]
//   paren         `(x)`; [x]
//   unary         `-x`, `!x`; text = operator; [x]
//   binary        `a op b`; text = operator (* / % + - > >= < <= == != && ||); [a, b]
//   cond          `c ? a : b`; [c, a, b]
//   for_tuple     `[for k, v in coll : value if cond]`;
//                 [decl k?, decl v, coll, value, cond?]
//   for_object    `{for k, v in coll : key => value... if cond}`;
//                 [decl k?, decl v, coll, key, value or expand(value), cond?]
//   decl          an iterator name declared by for_* / template_for; text = name
//   object        an object with a computed key: [k0, v0, k1, v1, ...]; bare
//                 identifier and literal keys are kString scalars
//   template      a quoted string or heredoc with `${` or `%{`; style is
//                 kDoubleQuoted or kLiteral; children are its parts in order:
//                 literal text (kString scalars, decoded as above, style
//                 kPlain), template_interp, template_if, template_for;
//                 `~` strip markers are applied to the literal parts
//   template_interp  `${ x }`; [x] ([] for an empty `${}`)
//   template_if   `%{if c}..%{else}..%{endif}`; [c, then, else?] (then/else are
//                 `template` nodes ranging over the branch's text)
//   template_for  `%{for k, v in coll}..%{endfor}`; [decl k?, decl v, coll, body]
//
// Code that cannot be converted (inside a syntax error, or nested deeper
// than max_depth) is a kUnknown node with has_error set.
//
// ## Comments
//
// `#`, `//` and `/* */` comments go to Document::comments(): pos = the
// position of `#`, `//` or `/*`; text = what follows the marker (up to the
// line end, or up to `*/`), CR removed.
//
// ## Errors
//
// Syntax errors do not stop the parse: the document is returned with a
// diagnostic per error (unexpected token, missing token, line break in a
// quoted string, nesting and node budgets), each at the exact position of
// the offending (or missing) token, in file order. Every node that contains
// an error, and all its ancestors (up to the root), have Node::has_error
// set; an adapter skips those resources. At most 100 syntax errors are
// listed (then one saying how many more). HclResult::doc is null only when
// the file cannot be parsed at all (invalid UTF-8, NUL bytes, a file of
// 4 GiB or more, or the parser ran out of its work, memory or time budget);
// errors then holds the one reason.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "genlens/core/document.h"
#include "genlens/core/result.h"
#include "genlens/core/source.h"
#include "genlens/parse/parse.h"

namespace genlens::parse {

namespace hcl_tag {
inline constexpr std::string_view kVar = "var";
inline constexpr std::string_view kGetAttr = "getattr";
inline constexpr std::string_view kIndex = "index";
inline constexpr std::string_view kSplatAttr = "splat_attr";
inline constexpr std::string_view kSplatFull = "splat_full";
inline constexpr std::string_view kCall = "call";
inline constexpr std::string_view kExpand = "expand";
inline constexpr std::string_view kParen = "paren";
inline constexpr std::string_view kUnary = "unary";
inline constexpr std::string_view kBinary = "binary";
inline constexpr std::string_view kCond = "cond";
inline constexpr std::string_view kForTuple = "for_tuple";
inline constexpr std::string_view kForObject = "for_object";
inline constexpr std::string_view kDecl = "decl";
inline constexpr std::string_view kObject = "object";
inline constexpr std::string_view kTemplate = "template";
inline constexpr std::string_view kTemplateInterp = "template_interp";
inline constexpr std::string_view kTemplateIf = "template_if";
inline constexpr std::string_view kTemplateFor = "template_for";
}  // namespace hcl_tag

struct HclResult {
  std::shared_ptr<core::Document> doc;  // null only when nothing could be parsed
  std::vector<core::Error> errors;      // syntax errors and budget overruns, in file order
};

// Parses a .tf or .tfvars file. Honours options.max_nodes and max_depth
// (nesting beyond it becomes kUnknown with an error) and options.max_seconds.
HclResult parse_hcl(core::SourcePtr source, const ParseOptions& options = {});

// Terraform's JSON syntax (.tf.json): parse_json, then the strings that
// Terraform reads as string templates become what parse_hcl makes of a
// quoted string (a kString scalar with `$${`/`%%{` unescaped, or a
// `template` expression), and the strings it reads as expressions
// (depends_on items, `provider`, a dynamic block's `iterator`, ...) become
// expressions; properties named "//" in block bodies are comments and are
// dropped; `lifecycle`, `connection` and dynamic `content` objects become
// sequences of one body. Where each rule applies: src/parse/hcl/tf_json.cpp.
// Nodes made from a string range over their text inside the string (through
// JSON escapes); a template's node ranges over the whole string. A JSON
// syntax error gives a null doc and that error; a template or expression
// that does not parse is an error at its position in the string, and its
// node and all its ancestors have has_error set.
HclResult parse_tf_json(core::SourcePtr source, const ParseOptions& options = {});

// The text of `range` in `file` (for a kExpression: its source).
std::string_view source_text(const core::SourceFile& file, const core::SourceRange& range);

}  // namespace genlens::parse
