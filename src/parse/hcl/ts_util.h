#pragma once
// Thin helpers over the tree-sitter C API for the HCL reader: node kinds as
// an enum (looked up once from the grammar's symbol table), children without
// comments, byte ranges. Internal to src/parse/hcl.
#include <genlens_hcl_language.h>
#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace genlens::parse::hcl {

// The grammar's node kinds the reader looks at (tree-sitter-hcl 1.2.0,
// make_grammar.js). Anonymous tokens carry a `Tok` prefix.
enum class Sym : uint8_t {
  kOther,
  kError,  // an ERROR node
  kConfigFile,
  kBody,
  kAttribute,
  kBlock,
  kBlockStart,
  kBlockEnd,
  kIdentifier,
  kExpression,
  kLiteralValue,
  kNumericLit,
  kBoolLit,
  kNullLit,
  kStringLit,
  kCollectionValue,
  kTuple,
  kTupleStart,
  kTupleEnd,
  kObject,
  kObjectStart,
  kObjectEnd,
  kObjectElem,
  kIndex,
  kNewIndex,
  kLegacyIndex,
  kGetAttr,
  kSplat,
  kAttrSplat,
  kFullSplat,
  kForExpr,
  kForTupleExpr,
  kForObjectExpr,
  kForIntro,
  kForCond,
  kVariableExpr,
  kFunctionCall,
  kFunctionArguments,
  kEllipsis,
  kConditional,
  kOperation,
  kUnaryOperation,
  kBinaryOperation,
  kTemplateExpr,
  kQuotedTemplate,
  kHeredocTemplate,
  kHeredocStart,
  kHeredocIdentifier,
  kStripMarker,
  kTemplateLiteral,
  kTemplateInterpolation,
  kTemplateInterpolationStart,
  kTemplateInterpolationEnd,
  kTemplateDirective,
  kTemplateFor,
  kTemplateForStart,
  kTemplateForEnd,
  kTemplateIf,
  kTemplateIfIntro,
  kTemplateElseIntro,
  kTemplateIfEnd,
  kTemplateDirectiveStart,
  kTemplateDirectiveEnd,
  kQuotedTemplateStart,
  kQuotedTemplateEnd,
  kComment,
  kTokLParen,
  kTokRParen,
  kTokLBrace,
  kTokRBrace,
  kTokLBracket,
  kTokRBracket,
  kTokOperator,  // * / % + - > >= < <= == != && || !
};

// Kind of `node`; kError for ERROR nodes, kOther for a null node and for
// what the reader ignores.
Sym sym(TSNode node);

inline uint32_t start_of(TSNode n) { return ts_node_start_byte(n); }
inline uint32_t end_of(TSNode n) { return ts_node_end_byte(n); }

// The text of `n` in `src` (the buffer tree-sitter parsed).
inline std::string_view text_of(std::string_view src, TSNode n) {
  const uint32_t b = start_of(n);
  const uint32_t e = end_of(n);
  if (b >= src.size() || e <= b) return {};
  return src.substr(b, e - b);
}

// The first named child of `n` that is not a comment (comments are named
// extras and may sit anywhere), or a null node. For nodes with few children.
TSNode first_named(TSNode n);
// Named children of `n` that are not comments.
uint32_t named_count(TSNode n);

// Walks children with one reusable cursor (ts_node_child(i) costs O(i)).
class Children {
 public:
  Children();
  ~Children();
  Children(const Children&) = delete;
  Children& operator=(const Children&) = delete;

  // All children of `n` except comments, in order, into `out` (cleared).
  void of(TSNode n, std::vector<TSNode>& out);

 private:
  TSTreeCursor cursor_;
  bool live_ = false;
};

// Makes tree-sitter allocate through counting wrappers of malloc & co.
// (once per process; they share malloc's state, as ts_set_allocator requires).
void install_counting_allocator();
// Bytes tree-sitter has allocated and not freed on this thread; only its
// growth between two calls means anything. 0 where the C library cannot
// tell an allocation's size.
int64_t allocated_bytes();

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

}  // namespace genlens::parse::hcl
