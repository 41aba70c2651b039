// The conversion loop, bodies and blocks, and node bookkeeping
// (expressions: expressions.cpp; templates and strings: template.cpp).
#include "parse/hcl/converter.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "genlens/parse/hcl.h"
#include "parse/scalar_offset.h"

namespace genlens::parse::hcl {

using core::Node;
using core::NodeKind;

namespace {}  // namespace

void PositionTable::resolve(const core::SourceFile& file) {
  std::sort(entries_.begin(), entries_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  detail::PositionCursor cursor(file.text(), 0, core::Position{1, 1});
  for (auto& [offset, out] : entries_) *out = cursor.advance(offset);
  entries_.clear();
}

Converter::Converter(core::Document& doc, std::string_view src, const ParseOptions& options,
                     PositionTable& positions, std::vector<PendingError>& errors)
    : doc_(doc), src_(src), options_(options), positions_(positions), errors_(errors) {}

void Converter::run(TSNode root) {
  // When recovery failed at the top, the root is an ERROR node whose
  // children are fragments (a block's body among them): nothing to convert.
  std::vector<TSNode> kids;
  if (sym(root) == Sym::kConfigFile) children_.of(root, kids);
  const TSNode body = find(kids, Sym::kBody);
  const TSNode object = find(kids, Sym::kObject);
  if (ts_node_is_null(body) && !ts_node_is_null(object)) {
    push(child_task(Job::kExpr, object, nullptr, 0));  // a .tfvars written as one object
  } else {
    Node* r = make(NodeKind::kMap, root);
    set_range(r, 0, static_cast<uint32_t>(doc_.source().text().size()));
    attach(Task{}, r);
    if (!ts_node_is_null(body)) push_body(body, r, 1);
  }
  while (!stack_.empty() && !over_budget_) {
    Task t = std::move(stack_.back());
    stack_.pop_back();
    step(t);
  }
  // Over budget: whatever was still to be converted is missing from its parent.
  for (const Task& t : stack_) {
    if (t.parent != nullptr) mark(t.parent);
  }
  stack_.clear();
  if (ts_node_has_error(root) && !doc_.roots().empty()) mark(doc_.roots().front());
  propagate_errors();
}

Converter::Task Converter::child_task(Job job, TSNode ts, Node* parent, uint32_t depth) const {
  Task t;
  t.job = job;
  t.ts = ts;
  t.parent = parent;
  t.depth = depth;
  return t;
}

void Converter::step(Task& t) {
  // A body item makes no node of its own: its value or group is checked.
  if (t.job == Job::kLiteral || t.job == Job::kParen) {
    if (too_deep(t, t.from, t.to)) return;
  } else if (t.job != Job::kBodyItem && too_deep(t, start_of(t.ts), end_of(t.ts))) {
    return;
  }
  switch (t.job) {
    case Job::kBodyItem:
      body_item(t);
      return;
    case Job::kExpr:
      primary(t, t.ts);
      return;
    case Job::kTerm:
      term(t);
      return;
    case Job::kParen: {
      Node* n = make_expr(hcl_tag::kParen, t.ts);
      set_range(n, t.from, t.to);
      attach(t, n);
      if (sym(t.ts) == Sym::kExpression) {
        push(child_task(Job::kExpr, t.ts, n, t.depth + 1));
      } else {
        mark(n);  // `(` without an expression
      }
      return;
    }
    case Job::kExpand: {
      Node* n = make_expr(hcl_tag::kExpand, t.ts);
      set_range(n, start_of(t.ts), t.to);
      attach(t, n);
      push(child_task(Job::kExpr, t.ts, n, t.depth + 1));
      return;
    }
    case Job::kLegacyIndex: {
      // `.0`: the digits after the dot.
      uint32_t b = start_of(t.ts);
      const uint32_t e = end_of(t.ts);
      while (b < e && (src_[b] == '.' || is_hspace(src_[b]) || src_[b] == '\n')) ++b;
      Node* n = make(NodeKind::kScalar, t.ts);
      n->scalar_type = core::ScalarType::kInt;
      n->text = std::string(src_.substr(b, e - b));
      set_range(n, b, e);
      attach(t, n);
      return;
    }
    case Job::kKeyScalar: {
      std::string key;
      bool quoted = false;
      literal_key(t.ts, key, quoted);
      Node* n = make(NodeKind::kScalar, t.ts);
      n->style = quoted ? core::ScalarStyle::kDoubleQuoted : core::ScalarStyle::kPlain;
      n->text = std::move(key);
      set_range(n, t.ts);
      attach(t, n);
      return;
    }
    case Job::kLiteral: {
      Node* n = make(NodeKind::kScalar, TSNode{});
      n->style = core::ScalarStyle::kPlain;
      n->text = std::move(t.text);
      set_range(n, t.from, t.to);
      attach(t, n);
      return;
    }
    case Job::kTemplateBranch:
      template_branch(t);
      return;
  }
}

// ---- bodies and blocks ----

void Converter::push_body(TSNode body, Node* into, uint32_t depth) {
  std::vector<TSNode> kids;
  children_.of(body, kids);
  for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
    push(child_task(Job::kBodyItem, *it, into, depth));
  }
}

void Converter::body_item(const Task& t) {
  const Sym s = sym(t.ts);
  if (s == Sym::kBlock) {
    block(t);
    return;
  }
  if (s != Sym::kAttribute) {
    mark(t.parent);  // an ERROR node: reported by the syntax walk
    return;
  }
  std::vector<TSNode> kids;
  children_.of(t.ts, kids);
  const TSNode name = find(kids, Sym::kIdentifier);
  if (ts_node_is_null(name)) {
    mark(t.parent);
    return;
  }
  Task v = child_task(Job::kExpr, find(kids, Sym::kExpression), t.parent, t.depth);
  v.keyed = true;
  v.text = std::string(text_of(src_, name));
  v.key_begin = start_of(name);
  v.key_end = end_of(name);
  v.flag = ts_node_has_error(t.ts);
  if (ts_node_is_null(v.ts)) {
    unknown(v, start_of(t.ts), end_of(t.ts));
    return;
  }
  push(std::move(v));
}

// The map (or sequence) that blocks of one type, or one label under it, share.
Node* Converter::group(Node* parent, const std::string& key, bool sequence, TSNode key_node,
                       TSNode block, uint32_t depth, bool& ok) {
  auto id = std::make_tuple(static_cast<const Node*>(parent), sequence, key);
  if (auto it = groups_.find(id); it != groups_.end()) {
    positions_.extend(group_end_[it->second], end_of(block));
    return it->second;
  }
  Task at = child_task(Job::kBodyItem, block, parent, depth);
  at.keyed = true;
  at.text = key;
  at.key_begin = start_of(key_node);
  at.key_end = end_of(key_node);
  if (too_deep(at, start_of(block), end_of(block))) {
    ok = false;
    return nullptr;
  }
  Node* g = make(sequence ? NodeKind::kSequence : NodeKind::kMap, TSNode{});
  positions_.request(start_of(block), &g->range.begin);
  group_end_[g] = positions_.request(end_of(block), &g->range.end);
  attach(at, g);
  groups_.emplace(std::move(id), g);
  return g;
}

void Converter::block(const Task& t) {
  std::vector<TSNode> kids;
  children_.of(t.ts, kids);
  if (kids.empty() || sym(kids[0]) != Sym::kIdentifier) {
    mark(t.parent);
    return;
  }
  std::vector<TSNode> labels;
  size_t i = 1;
  for (; i < kids.size(); ++i) {
    const Sym s = sym(kids[i]);
    if (s != Sym::kStringLit && s != Sym::kIdentifier) break;
    labels.push_back(kids[i]);
  }
  const TSNode body_ts = find(kids, Sym::kBody);
  const std::string type(text_of(src_, kids[0]));
  bool ok = true;
  uint32_t depth = t.depth;
  Task bt = child_task(Job::kBodyItem, t.ts, nullptr, 0);
  if (labels.empty()) {
    bt.parent = group(t.parent, type, true, kids[0], t.ts, depth++, ok);
  } else {
    Node* g = group(t.parent, type, false, kids[0], t.ts, depth++, ok);
    for (size_t k = 0; ok && k + 1 < labels.size(); ++k) {
      g = group(g, label_text(labels[k]), false, labels[k], t.ts, depth++, ok);
    }
    bt.parent = g;
    bt.keyed = true;
    bt.text = label_text(labels.back());
    bt.key_begin = start_of(labels.back());
    bt.key_end = end_of(labels.back());
  }
  if (!ok) return;
  bt.depth = depth;
  if (too_deep(bt, start_of(t.ts), end_of(t.ts))) return;
  Node* body = make(NodeKind::kMap, t.ts);
  set_range(body, t.ts);
  attach(bt, body);
  if (!ts_node_is_null(body_ts)) push_body(body_ts, body, depth + 1);
}

// ---- nodes, ranges, errors ----

Node* Converter::make(NodeKind kind, TSNode origin) {
  Node* n = doc_.make_node(kind);
  if (++nodes_ > options_.max_nodes && !over_budget_) {
    over_budget_ = true;
    error(ts_node_is_null(origin) ? 0 : start_of(origin),
          fmt::format("document has more than {} nodes", options_.max_nodes));
  }
  if (!ts_node_is_null(origin) && ts_node_has_error(origin)) mark(n);
  return n;
}

Node* Converter::make_expr(std::string_view tag, TSNode origin) {
  Node* n = make(NodeKind::kExpression, origin);
  n->tag = std::string(tag);
  return n;
}

void Converter::attach(const Task& t, Node* n) {
  if (t.parent == nullptr) {
    doc_.add_root(n);
  } else {
    core::Document::append(t.parent, n);
    if (t.keyed) {
      n->key = t.text;
      positions_.request(t.key_begin, &n->key_range.begin);
      positions_.request(t.key_end, &n->key_range.end);
    }
  }
  if (t.flag) mark(n);
}

void Converter::set_range(Node* n, uint32_t begin, uint32_t end) {
  positions_.request(begin, &n->range.begin);
  positions_.request(std::max(begin, end), &n->range.end);
}

void Converter::mark(Node* n) {
  if (n->has_error) return;
  n->has_error = true;
  marked_.push_back(n);
}

void Converter::propagate_errors() {
  for (Node* n : marked_) {
    for (auto* p = const_cast<Node*>(n->parent); p != nullptr && !p->has_error;
         p = const_cast<Node*>(p->parent)) {
      p->has_error = true;
    }
  }
  marked_.clear();
}

void Converter::unknown(const Task& t, uint32_t begin, uint32_t end) {
  Node* n = make(NodeKind::kUnknown, TSNode{});
  mark(n);
  set_range(n, begin, end);
  attach(t, n);
}

bool Converter::too_deep(const Task& t, uint32_t begin, uint32_t end) {
  if (t.depth <= options_.max_depth) return false;
  if (!reported_depth_) {
    reported_depth_ = true;
    error(begin, fmt::format("nesting deeper than {} levels", options_.max_depth));
  }
  Task u = t;
  u.flag = false;
  unknown(u, begin, end);
  return true;
}

void Converter::error(uint32_t offset, std::string message) {
  errors_.push_back({offset, std::move(message)});
}

}  // namespace genlens::parse::hcl
