#include "parse/hcl/ts_util.h"

#if defined(__GLIBC__)
#include <malloc.h>
#define GENLENS_TS_COUNT_BYTES 1
#endif

#include <cstdlib>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

namespace genlens::parse::hcl {
namespace {

struct Named {
  std::string_view name;
  Sym sym;
};

constexpr Named kNamed[] = {
    {"config_file", Sym::kConfigFile},
    {"body", Sym::kBody},
    {"attribute", Sym::kAttribute},
    {"block", Sym::kBlock},
    {"block_start", Sym::kBlockStart},
    {"block_end", Sym::kBlockEnd},
    {"identifier", Sym::kIdentifier},
    {"expression", Sym::kExpression},
    {"literal_value", Sym::kLiteralValue},
    {"numeric_lit", Sym::kNumericLit},
    {"bool_lit", Sym::kBoolLit},
    {"null_lit", Sym::kNullLit},
    {"string_lit", Sym::kStringLit},
    {"collection_value", Sym::kCollectionValue},
    {"tuple", Sym::kTuple},
    {"tuple_start", Sym::kTupleStart},
    {"tuple_end", Sym::kTupleEnd},
    {"object", Sym::kObject},
    {"object_start", Sym::kObjectStart},
    {"object_end", Sym::kObjectEnd},
    {"object_elem", Sym::kObjectElem},
    {"index", Sym::kIndex},
    {"new_index", Sym::kNewIndex},
    {"legacy_index", Sym::kLegacyIndex},
    {"get_attr", Sym::kGetAttr},
    {"splat", Sym::kSplat},
    {"attr_splat", Sym::kAttrSplat},
    {"full_splat", Sym::kFullSplat},
    {"for_expr", Sym::kForExpr},
    {"for_tuple_expr", Sym::kForTupleExpr},
    {"for_object_expr", Sym::kForObjectExpr},
    {"for_intro", Sym::kForIntro},
    {"for_cond", Sym::kForCond},
    {"variable_expr", Sym::kVariableExpr},
    {"function_call", Sym::kFunctionCall},
    {"function_arguments", Sym::kFunctionArguments},
    {"ellipsis", Sym::kEllipsis},
    {"conditional", Sym::kConditional},
    {"operation", Sym::kOperation},
    {"unary_operation", Sym::kUnaryOperation},
    {"binary_operation", Sym::kBinaryOperation},
    {"template_expr", Sym::kTemplateExpr},
    {"quoted_template", Sym::kQuotedTemplate},
    {"heredoc_template", Sym::kHeredocTemplate},
    {"heredoc_start", Sym::kHeredocStart},
    {"heredoc_identifier", Sym::kHeredocIdentifier},
    {"strip_marker", Sym::kStripMarker},
    {"template_literal", Sym::kTemplateLiteral},
    {"template_interpolation", Sym::kTemplateInterpolation},
    {"template_interpolation_start", Sym::kTemplateInterpolationStart},
    {"template_interpolation_end", Sym::kTemplateInterpolationEnd},
    {"template_directive", Sym::kTemplateDirective},
    {"template_for", Sym::kTemplateFor},
    {"template_for_start", Sym::kTemplateForStart},
    {"template_for_end", Sym::kTemplateForEnd},
    {"template_if", Sym::kTemplateIf},
    {"template_if_intro", Sym::kTemplateIfIntro},
    {"template_else_intro", Sym::kTemplateElseIntro},
    {"template_if_end", Sym::kTemplateIfEnd},
    {"template_directive_start", Sym::kTemplateDirectiveStart},
    {"template_directive_end", Sym::kTemplateDirectiveEnd},
    {"quoted_template_start", Sym::kQuotedTemplateStart},
    {"quoted_template_end", Sym::kQuotedTemplateEnd},
    {"comment", Sym::kComment},
};

constexpr Named kAnonymous[] = {
    {"(", Sym::kTokLParen},    {")", Sym::kTokRParen},    {"{", Sym::kTokLBrace},
    {"}", Sym::kTokRBrace},    {"[", Sym::kTokLBracket},  {"]", Sym::kTokRBracket},
    {"*", Sym::kTokOperator},  {"/", Sym::kTokOperator},  {"%", Sym::kTokOperator},
    {"+", Sym::kTokOperator},  {"-", Sym::kTokOperator},  {">", Sym::kTokOperator},
    {">=", Sym::kTokOperator}, {"<", Sym::kTokOperator},  {"<=", Sym::kTokOperator},
    {"==", Sym::kTokOperator}, {"!=", Sym::kTokOperator}, {"&&", Sym::kTokOperator},
    {"||", Sym::kTokOperator}, {"!", Sym::kTokOperator},
};

// TSSymbol -> Sym, built once from the grammar's own symbol table.
std::vector<Sym> build_table() {
  const TSLanguage* lang = tree_sitter_hcl();
  const uint32_t count = ts_language_symbol_count(lang);
  std::vector<Sym> table(count, Sym::kOther);
  for (uint32_t i = 0; i < count; ++i) {
    const auto s = static_cast<TSSymbol>(i);
    const char* name = ts_language_symbol_name(lang, s);
    if (name == nullptr) continue;
    const std::string_view n(name);
    const TSSymbolType type = ts_language_symbol_type(lang, s);
    if (type == TSSymbolTypeRegular) {
      for (const Named& e : kNamed) {
        if (e.name == n) table[i] = e.sym;
      }
    } else if (type == TSSymbolTypeAnonymous) {
      for (const Named& e : kAnonymous) {
        if (e.name == n) table[i] = e.sym;
      }
    }
  }
  return table;
}

thread_local int64_t t_allocated = 0;

#if defined(GENLENS_TS_COUNT_BYTES)
int64_t usable(void* p) { return p == nullptr ? 0 : static_cast<int64_t>(malloc_usable_size(p)); }

void* counting_malloc(size_t n) {
  void* p = std::malloc(n);
  t_allocated += usable(p);
  return p;
}

void* counting_calloc(size_t n, size_t size) {
  void* p = std::calloc(n, size);
  t_allocated += usable(p);
  return p;
}

void* counting_realloc(void* p, size_t n) {
  const int64_t before = usable(p);
  void* q = std::realloc(p, n);
  if (q != nullptr) {
    t_allocated += usable(q) - before;
  } else if (n == 0) {
    t_allocated -= before;
  }
  return q;
}

void counting_free(void* p) {
  t_allocated -= usable(p);
  std::free(p);
}
#endif

}  // namespace

void install_counting_allocator() {
#if defined(GENLENS_TS_COUNT_BYTES)
  static std::once_flag once;
  std::call_once(once, [] {
    ts_set_allocator(counting_malloc, counting_calloc, counting_realloc, counting_free);
  });
#endif
}

int64_t allocated_bytes() { return t_allocated; }

Sym sym(TSNode node) {
  static const std::vector<Sym> table = build_table();
  if (ts_node_is_null(node)) return Sym::kOther;  // e.g. the first child of a leaf
  if (ts_node_is_error(node)) return Sym::kError;
  const TSSymbol s = ts_node_symbol(node);
  return s < table.size() ? table[s] : Sym::kOther;
}

namespace {

// Calls `f` on each child of `n` in order until it returns false (a cursor:
// ts_node_child(i) costs O(i)).
template <typename F>
void for_children(TSNode n, F f) {
  TSTreeCursor c = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      if (!f(ts_tree_cursor_current_node(&c))) break;
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
}

}  // namespace

TSNode first_named(TSNode n) {
  TSNode out{};
  for_children(n, [&](TSNode c) {
    if (!ts_node_is_named(c) || sym(c) == Sym::kComment) return true;
    out = c;
    return false;
  });
  return out;
}

uint32_t named_count(TSNode n) {
  uint32_t out = 0;
  for_children(n, [&](TSNode c) {
    if (ts_node_is_named(c) && sym(c) != Sym::kComment) ++out;
    return true;
  });
  return out;
}

Children::Children() : cursor_() {}

Children::~Children() {
  if (live_) ts_tree_cursor_delete(&cursor_);
}

void Children::of(TSNode n, std::vector<TSNode>& out) {
  out.clear();
  if (!live_) {
    cursor_ = ts_tree_cursor_new(n);
    live_ = true;
  } else {
    ts_tree_cursor_reset(&cursor_, n);
  }
  if (!ts_tree_cursor_goto_first_child(&cursor_)) return;
  do {
    const TSNode c = ts_tree_cursor_current_node(&cursor_);
    if (sym(c) == Sym::kComment) continue;
    out.push_back(c);
  } while (ts_tree_cursor_goto_next_sibling(&cursor_));
}

}  // namespace genlens::parse::hcl
