#pragma once
// Converts a tree-sitter-hcl syntax tree into a core::Document (shape in
// genlens/parse/hcl.h). Iterative: every nested construct is a Task on an
// explicit stack, so a tree of any depth costs heap, never stack frames;
// nodes deeper than options.max_depth become kUnknown.
//
// Order: a task appends its node to its parent when it runs, so the stack
// runs a node's operands in order (they are pushed in reverse).
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "genlens/core/document.h"
#include "genlens/parse/parse.h"
#include "parse/hcl/ts_util.h"

namespace genlens::parse::hcl {

// Byte offsets waiting to become positions: resolved in one forward sweep.
class PositionTable {
 public:
  size_t request(uint32_t offset, core::Position* out) {
    entries_.emplace_back(offset, out);
    return entries_.size() - 1;
  }
  // Moves request `i` to a later offset (a merged group growing).
  void extend(size_t i, uint32_t offset) {
    if (offset > entries_[i].first) entries_[i].first = offset;
  }
  void resolve(const core::SourceFile& file);

 private:
  std::vector<std::pair<uint32_t, core::Position*>> entries_;
};

struct PendingError {
  uint32_t offset = 0;
  std::string message;
};

// How a template's literal text is written.
struct TemplateCtx {
  bool heredoc = false;
  // <<- heredocs: indentation removed at these offsets (offset, bytes).
  std::vector<std::pair<uint32_t, uint32_t>> cuts;
};

class Converter {
 public:
  // `src` is the buffer tree-sitter parsed: the file's text, possibly with a
  // line break appended and lone CRs turned into LFs (same offsets).
  Converter(core::Document& doc, std::string_view src, const ParseOptions& options,
            PositionTable& positions, std::vector<PendingError>& errors);

  // Builds the document's root from the config_file node.
  void run(TSNode root);

 private:
  enum class Job : uint8_t {
    kBodyItem,        // ts: a child of a body (attribute, block, or an error)
    kExpr,            // ts: an expression-like node
    kTerm,            // ts: a node whose children [from, to) form one term
    kParen,           // ts: the inner expression; from/to: byte range of `( ... )`
    kExpand,          // ts: the expression before `...`; to: end of `...`
    kLegacyIndex,     // ts: legacy_index (`.0`)
    kKeyScalar,       // ts: a literal object key (expression), as a string
    kLiteral,         // text: decoded literal part of a template; from/to: bytes
    kTemplateBranch,  // ts: template_if/template_for; children [from, to) are the branch
  };

  struct Task {
    Job job = Job::kExpr;
    TSNode ts{};
    core::Node* parent = nullptr;  // nullptr: the document root
    uint32_t depth = 0;            // depth of the node this task makes
    uint32_t from = 0;
    uint32_t to = 0;
    bool keyed = false;  // attach with `text` as key and [key_begin, key_end) as key range
    uint32_t key_begin = 0;
    uint32_t key_end = 0;
    std::string text;  // map key (keyed) or literal text (kLiteral)
    const TemplateCtx* tmpl = nullptr;
    bool flag = false;  // kLiteral: the literal has an error (line break in a quoted string)
  };

  // converter.cpp
  void step(Task& t);
  void body_item(const Task& t);
  void block(const Task& t);
  void push_body(TSNode body, core::Node* into, uint32_t depth);
  core::Node* group(core::Node* parent, const std::string& key, bool sequence, TSNode key_node,
                    TSNode block, uint32_t depth, bool& ok);

  // expressions.cpp
  void term(const Task& t);
  void primary(const Task& t, TSNode n);
  void scalar(const Task& t, TSNode n);
  void object(const Task& t, TSNode n);
  void call(const Task& t, TSNode n);
  void for_expr(const Task& t, TSNode n, bool object);
  void unary(const Task& t, TSNode n);
  void binary(const Task& t, TSNode n);
  bool literal_key(TSNode key_expr, std::string& key, bool& quoted);

  // template.cpp
  // The decoded text of a block label or literal key (identifier or string_lit).
  std::string label_text(TSNode n);
  void string_lit(const Task& t, TSNode n);
  void template_expr(const Task& t, TSNode n, bool heredoc);
  void template_if(const Task& t, TSNode n);
  void template_for(const Task& t, TSNode n);
  void template_branch(const Task& t);
  // Pushes the parts of children [from, to) of `parent` (literal text read
  // from the gaps between [gap_begin, gap_end)) to be appended to `into`.
  void push_parts(const std::vector<TSNode>& kids, size_t from, size_t to, uint32_t gap_begin,
                  uint32_t gap_end, bool strip_first, bool strip_last, const TemplateCtx* ctx,
                  core::Node* into, uint32_t depth);
  // Decodes source bytes [b, e) of a literal; narrows [b, e) to what is kept
  // after strip markers. Returns the offset of a line break in a quoted
  // literal, or UINT32_MAX.
  uint32_t decode(uint32_t& b, uint32_t& e, bool strip_left, bool strip_right,
                  const TemplateCtx* ctx, std::string& out) const;
  const TemplateCtx* heredoc_ctx(const std::vector<TSNode>& kids, size_t from, size_t to,
                                 bool flush, uint32_t content_begin, uint32_t content_end);

  // Nodes, ranges, errors.
  core::Node* make(core::NodeKind kind, TSNode origin);
  core::Node* make_expr(std::string_view tag, TSNode origin);
  void attach(const Task& t, core::Node* n);
  void set_range(core::Node* n, uint32_t begin, uint32_t end);
  void set_range(core::Node* n, TSNode ts) { set_range(n, start_of(ts), end_of(ts)); }
  void mark(core::Node* n);
  void unknown(const Task& t, uint32_t begin, uint32_t end);
  bool too_deep(const Task& t, uint32_t begin, uint32_t end);
  void error(uint32_t offset, std::string message);
  void push(Task t) { stack_.push_back(std::move(t)); }
  Task child_task(Job job, TSNode ts, core::Node* parent, uint32_t depth) const;
  void propagate_errors();

  core::Document& doc_;
  std::string_view src_;
  const ParseOptions& options_;
  PositionTable& positions_;
  std::vector<PendingError>& errors_;
  Children children_;
  std::vector<Task> stack_;
  std::vector<core::Node*> marked_;  // nodes with has_error set directly
  // Merged block groups: (parent, is sequence, key) -> group node, and the
  // position request of its end.
  std::map<std::tuple<const core::Node*, bool, std::string>, core::Node*> groups_;
  std::map<const core::Node*, size_t> group_end_;
  std::deque<TemplateCtx> contexts_;
  size_t nodes_ = 0;
  bool over_budget_ = false;
  bool reported_depth_ = false;
  size_t line_breaks_ = 0;  // line breaks in quoted strings seen (reported up to a cap)
};

// `to` of a task whose range runs to the last child.
inline constexpr uint32_t kAll = std::numeric_limits<uint32_t>::max();

// First of `kids` with kind `s`, or a null node.
inline TSNode find(const std::vector<TSNode>& kids, Sym s) {
  for (const TSNode& k : kids) {
    if (sym(k) == s) return k;
  }
  return TSNode{};
}

// True for a space, tab, CR, VT or FF.
inline bool is_hspace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace genlens::parse::hcl
