// Expressions: terms and traversal chains, literals, collections, calls,
// for-expressions and operators (templates and strings: template.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "genlens/parse/hcl.h"
#include "parse/hcl/converter.h"

namespace genlens::parse::hcl {

using core::Node;
using core::NodeKind;

namespace {

bool is_wrapper(Sym s) {
  return s == Sym::kLiteralValue || s == Sym::kCollectionValue || s == Sym::kTemplateExpr ||
         s == Sym::kForExpr || s == Sym::kOperation || s == Sym::kTemplateDirective;
}

}  // namespace

void Converter::primary(const Task& t, TSNode n) {
  while (is_wrapper(sym(n))) {
    const TSNode c = first_named(n);
    if (ts_node_is_null(c)) break;
    n = c;
  }
  switch (sym(n)) {
    case Sym::kExpression: {
      Task tt = t;
      tt.ts = n;
      tt.from = 0;
      tt.to = kAll;
      term(tt);
      return;
    }
    case Sym::kNumericLit:
    case Sym::kBoolLit:
    case Sym::kNullLit:
      scalar(t, n);
      return;
    case Sym::kStringLit:
      string_lit(t, n);
      return;
    case Sym::kQuotedTemplate:
      template_expr(t, n, false);
      return;
    case Sym::kHeredocTemplate:
      template_expr(t, n, true);
      return;
    case Sym::kTuple: {
      Node* seq = make(NodeKind::kSequence, n);
      set_range(seq, n);
      attach(t, seq);
      std::vector<TSNode> kids;
      children_.of(n, kids);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
        const Sym s = sym(*it);
        if (s == Sym::kExpression) {
          push(child_task(Job::kExpr, *it, seq, t.depth + 1));
        } else if (s == Sym::kError) {
          mark(seq);
        }
      }
      return;
    }
    case Sym::kObject:
      object(t, n);
      return;
    case Sym::kVariableExpr: {
      Node* v = make_expr(hcl_tag::kVar, n);
      v->text = std::string(text_of(src_, n));
      set_range(v, n);
      attach(t, v);
      return;
    }
    case Sym::kFunctionCall:
      call(t, n);
      return;
    case Sym::kForTupleExpr:
    case Sym::kForObjectExpr:
      for_expr(t, n, sym(n) == Sym::kForObjectExpr);
      return;
    case Sym::kUnaryOperation:
      unary(t, n);
      return;
    case Sym::kBinaryOperation:
      binary(t, n);
      return;
    case Sym::kConditional: {
      Node* c = make_expr(hcl_tag::kCond, n);
      set_range(c, n);
      attach(t, c);
      std::vector<TSNode> kids;
      children_.of(n, kids);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
        if (sym(*it) == Sym::kExpression) push(child_task(Job::kExpr, *it, c, t.depth + 1));
      }
      return;
    }
    case Sym::kTemplateInterpolation: {
      Node* i = make_expr(hcl_tag::kTemplateInterp, n);
      set_range(i, n);
      attach(t, i);
      std::vector<TSNode> kids;
      children_.of(n, kids);
      const TSNode e = find(kids, Sym::kExpression);
      if (!ts_node_is_null(e)) push(child_task(Job::kExpr, e, i, t.depth + 1));
      return;
    }
    case Sym::kTemplateIf:
      template_if(t, n);
      return;
    case Sym::kTemplateFor:
      template_for(t, n);
      return;
    default:
      unknown(t, start_of(n), end_of(n));
      return;
  }
}

// A term: a primary (or `( expression )`) followed by traversal steps,
// flattened by the grammar into siblings: `a.b[0].*.c` is variable_expr,
// get_attr, index, splat(attr_splat(get_attr)). The steps become a chain of
// nodes, the last step outermost.
void Converter::term(const Task& t) {
  std::vector<TSNode> all;
  children_.of(t.ts, all);
  const size_t from = t.from;
  const size_t to = std::min<size_t>(t.to, all.size());
  if (from >= to) {
    unknown(t, start_of(t.ts), end_of(t.ts));
    return;
  }
  size_t i = from + 1;
  bool paren = false;
  TSNode inner{};
  if (sym(all[from]) == Sym::kTokLParen) {
    paren = true;
    if (i < to && sym(all[i]) == Sym::kExpression) inner = all[i++];
    if (i < to && sym(all[i]) == Sym::kTokRParen) ++i;
  }
  const uint32_t begin = start_of(all[from]);
  const uint32_t primary_end = end_of(all[i - 1]);

  struct Step {
    std::string_view tag;
    TSNode node;
    uint32_t end = 0;
    std::string name;
    TSNode key{};
    bool legacy = false;
  };
  std::vector<Step> steps;
  bool stray = false;
  std::vector<TSNode> kids;
  auto traversal = [&](TSNode c) {
    if (sym(c) == Sym::kGetAttr) {
      children_.of(c, kids);
      const TSNode id = find(kids, Sym::kIdentifier);
      steps.push_back({hcl_tag::kGetAttr, c, end_of(c),
                       ts_node_is_null(id) ? std::string() : std::string(text_of(src_, id))});
      return true;
    }
    if (sym(c) == Sym::kIndex) {
      const TSNode x = first_named(c);
      Step s{hcl_tag::kIndex, c, end_of(c), {}};
      if (sym(x) == Sym::kLegacyIndex) {
        s.key = x;
        s.legacy = true;
      } else if (sym(x) == Sym::kNewIndex) {
        s.key = first_named(x);
        if (sym(s.key) != Sym::kExpression) s.key = TSNode{};
      }
      steps.push_back(std::move(s));
      return true;
    }
    return false;
  };
  for (; i < to; ++i) {
    const TSNode c = all[i];
    if (traversal(c)) continue;
    if (sym(c) != Sym::kSplat) {
      stray = true;
      continue;
    }
    const TSNode sp = first_named(c);
    std::vector<TSNode> parts;
    children_.of(sp, parts);
    if (parts.empty()) {
      stray = true;
      continue;
    }
    steps.push_back({sym(sp) == Sym::kAttrSplat ? hcl_tag::kSplatAttr : hcl_tag::kSplatFull,
                     sp,
                     end_of(parts[0]),
                     {}});
    for (size_t k = 1; k < parts.size(); ++k) {
      if (!traversal(parts[k])) stray = true;
    }
  }

  if (steps.empty() && !paren) {
    Task p = t;
    p.flag = p.flag || stray;
    if (sym(all[from]) == Sym::kExpression) {  // not produced by the grammar; no recursion
      p.job = Job::kExpr;
      p.ts = all[from];
      push(std::move(p));
    } else {
      primary(p, all[from]);
    }
    return;
  }
  Node* prev = nullptr;
  uint32_t depth = t.depth;
  std::vector<std::pair<Node*, const Step*>> chain;
  for (auto s = steps.rbegin(); s != steps.rend(); ++s) {
    Task at = prev == nullptr ? t : child_task(Job::kExpr, s->node, prev, depth);
    at.depth = depth;
    if (too_deep(at, begin, s->end)) return;
    Node* n = make_expr(s->tag, s->node);
    n->text = s->name;
    set_range(n, begin, s->end);
    attach(at, n);
    if (stray && prev == nullptr) mark(n);
    chain.emplace_back(n, &*s);
    prev = n;
    ++depth;
  }
  // Keys (each node's second operand) first: the primary, pushed last, runs first.
  for (size_t k = 0; k < chain.size(); ++k) {
    const auto& [n, s] = chain[k];
    const auto d = static_cast<uint32_t>(t.depth + k + 1);
    if (s->legacy) {
      push(child_task(Job::kLegacyIndex, s->key, n, d));
    } else if (!ts_node_is_null(s->key)) {
      push(child_task(Job::kExpr, s->key, n, d));
    } else if (s->tag == hcl_tag::kIndex) {
      mark(n);  // `x[]`
    }
  }
  Task p = prev == nullptr ? t : child_task(Job::kExpr, all[from], prev, depth);
  if (paren) {
    p.job = Job::kParen;
    p.ts = ts_node_is_null(inner) ? all[from] : inner;
    p.from = begin;
    p.to = primary_end;
  } else {
    p.ts = all[from];
  }
  push(std::move(p));
}

void Converter::scalar(const Task& t, TSNode n) {
  Node* s = make(NodeKind::kScalar, n);
  s->text = std::string(text_of(src_, n));
  switch (sym(n)) {
    case Sym::kNumericLit: {
      const bool hex = s->text.size() > 1 && s->text[0] == '0' && (s->text[1] | 0x20) == 'x';
      s->scalar_type = !hex && s->text.find_first_of(".eE") != std::string::npos
                           ? core::ScalarType::kFloat
                           : core::ScalarType::kInt;
      break;
    }
    case Sym::kBoolLit:
      s->scalar_type = core::ScalarType::kBool;
      break;
    default:
      s->scalar_type = core::ScalarType::kNull;
      s->text = "null";
      break;
  }
  set_range(s, n);
  attach(t, s);
}

// A bare identifier, a string without interpolation, a number or a bool.
bool Converter::literal_key(TSNode key_expr, std::string& key, bool& quoted) {
  if (sym(key_expr) != Sym::kExpression || named_count(key_expr) != 1) return false;
  TSNode k = first_named(key_expr);
  if (sym(k) == Sym::kVariableExpr) {
    key = std::string(text_of(src_, k));
    quoted = false;
    return true;
  }
  if (sym(k) != Sym::kLiteralValue) return false;
  k = first_named(k);
  switch (sym(k)) {
    case Sym::kStringLit:
      key = label_text(k);
      quoted = true;
      return true;
    case Sym::kNumericLit:
    case Sym::kBoolLit:
      key = std::string(text_of(src_, k));
      quoted = false;
      return true;
    default:
      return false;
  }
}

void Converter::object(const Task& t, TSNode n) {
  std::vector<TSNode> kids;
  children_.of(n, kids);
  struct Elem {
    TSNode key;
    TSNode value;
    TSNode elem;
  };
  std::vector<Elem> elems;
  bool stray = false;
  bool literal = true;
  std::vector<TSNode> parts;
  std::string key;
  bool quoted = false;
  for (const TSNode& k : kids) {
    if (sym(k) == Sym::kError) stray = true;
    if (sym(k) != Sym::kObjectElem) continue;
    children_.of(k, parts);
    Elem e{TSNode{}, TSNode{}, k};
    for (const TSNode& p : parts) {
      if (sym(p) != Sym::kExpression) continue;
      (ts_node_is_null(e.key) ? e.key : e.value) = p;
    }
    if (ts_node_is_null(e.key) || !literal_key(e.key, key, quoted)) literal = false;
    elems.push_back(e);
  }
  Node* o = literal ? make(NodeKind::kMap, n) : make_expr(hcl_tag::kObject, n);
  set_range(o, n);
  attach(t, o);
  if (stray) mark(o);
  for (auto it = elems.rbegin(); it != elems.rend(); ++it) {
    Task v =
        child_task(Job::kExpr, ts_node_is_null(it->value) ? it->elem : it->value, o, t.depth + 1);
    if (literal) {
      literal_key(it->key, v.text, quoted);
      v.keyed = true;
      v.key_begin = start_of(it->key);
      v.key_end = end_of(it->key);
      push(std::move(v));
      continue;
    }
    push(std::move(v));
    if (ts_node_is_null(it->key)) continue;
    push(child_task(literal_key(it->key, key, quoted) ? Job::kKeyScalar : Job::kExpr, it->key, o,
                    t.depth + 1));
  }
}

void Converter::call(const Task& t, TSNode n) {
  std::vector<TSNode> kids;
  children_.of(n, kids);
  Node* c = make_expr(hcl_tag::kCall, n);
  const TSNode name = find(kids, Sym::kIdentifier);
  if (!ts_node_is_null(name)) c->text = std::string(text_of(src_, name));
  set_range(c, n);
  attach(t, c);
  const TSNode args_node = find(kids, Sym::kFunctionArguments);
  if (ts_node_is_null(args_node)) return;
  std::vector<TSNode> args;
  children_.of(args_node, args);
  const TSNode ellipsis = find(args, Sym::kEllipsis);
  bool last = true;
  for (auto it = args.rbegin(); it != args.rend(); ++it) {
    if (sym(*it) != Sym::kExpression) continue;
    Task a = child_task(Job::kExpr, *it, c, t.depth + 1);
    if (last && !ts_node_is_null(ellipsis)) {
      a.job = Job::kExpand;
      a.to = end_of(ellipsis);
    }
    last = false;
    push(std::move(a));
  }
}

void Converter::for_expr(const Task& t, TSNode n, bool object) {
  std::vector<TSNode> kids;
  children_.of(n, kids);
  Node* f = make_expr(object ? hcl_tag::kForObject : hcl_tag::kForTuple, n);
  set_range(f, n);
  attach(t, f);
  const uint32_t d = t.depth + 1;
  std::vector<TSNode> intro;
  const TSNode intro_node = find(kids, Sym::kForIntro);
  if (!ts_node_is_null(intro_node)) children_.of(intro_node, intro);
  for (const TSNode& id : intro) {
    if (sym(id) != Sym::kIdentifier) continue;
    Node* decl = make_expr(hcl_tag::kDecl, id);
    decl->text = std::string(text_of(src_, id));
    set_range(decl, id);
    core::Document::append(f, decl);
  }
  // Operands in order: collection, [key,] value (expanded when `...`), [cond].
  std::vector<Task> ops;
  const TSNode coll = find(intro, Sym::kExpression);
  if (!ts_node_is_null(coll)) ops.push_back(child_task(Job::kExpr, coll, f, d));
  const TSNode ellipsis = find(kids, Sym::kEllipsis);
  for (const TSNode& k : kids) {
    if (sym(k) == Sym::kExpression) ops.push_back(child_task(Job::kExpr, k, f, d));
  }
  if (object && !ts_node_is_null(ellipsis) && !ops.empty()) {
    ops.back().job = Job::kExpand;
    ops.back().to = end_of(ellipsis);
  }
  const TSNode cond = find(kids, Sym::kForCond);
  if (!ts_node_is_null(cond)) {
    const TSNode e = first_named(cond);
    if (sym(e) == Sym::kExpression) ops.push_back(child_task(Job::kExpr, e, f, d));
  }
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) push(std::move(*it));
}

void Converter::unary(const Task& t, TSNode n) {
  std::vector<TSNode> kids;
  children_.of(n, kids);
  if (kids.size() < 2 || sym(kids[0]) != Sym::kTokOperator) {
    unknown(t, start_of(n), end_of(n));
    return;
  }
  const std::string_view op = text_of(src_, kids[0]);
  // `-2` is the number -2, as in a .tf.json file.
  if (op == "-" && kids.size() == 2 && sym(kids[1]) == Sym::kLiteralValue) {
    const TSNode num = first_named(kids[1]);
    if (sym(num) == Sym::kNumericLit) {
      Node* s = make(NodeKind::kScalar, n);
      s->text = "-" + std::string(text_of(src_, num));
      const bool hex = s->text.find_first_of("xX") != std::string::npos;
      s->scalar_type = !hex && s->text.find_first_of(".eE") != std::string::npos
                           ? core::ScalarType::kFloat
                           : core::ScalarType::kInt;
      set_range(s, n);
      attach(t, s);
      return;
    }
  }
  Node* u = make_expr(hcl_tag::kUnary, n);
  u->text = std::string(op);
  set_range(u, n);
  attach(t, u);
  Task operand = child_task(Job::kTerm, n, u, t.depth + 1);
  operand.from = 1;
  operand.to = kAll;
  push(std::move(operand));
}

void Converter::binary(const Task& t, TSNode n) {
  std::vector<TSNode> kids;
  children_.of(n, kids);
  size_t op = 1;
  while (op < kids.size() && sym(kids[op]) != Sym::kTokOperator) ++op;
  if (op >= kids.size()) {
    unknown(t, start_of(n), end_of(n));
    return;
  }
  Node* b = make_expr(hcl_tag::kBinary, n);
  b->text = std::string(text_of(src_, kids[op]));
  set_range(b, n);
  attach(t, b);
  Task right = child_task(Job::kTerm, n, b, t.depth + 1);
  right.from = static_cast<uint32_t>(op + 1);
  right.to = kAll;
  Task left = child_task(Job::kTerm, n, b, t.depth + 1);
  left.from = 0;
  left.to = static_cast<uint32_t>(op);
  push(std::move(right));
  push(std::move(left));
}

}  // namespace genlens::parse::hcl
