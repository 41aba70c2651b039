#include "formats/terraform/evaluator.h"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <utility>

#include "formats/terraform/eval_support.h"
#include "genlens/parse/hcl.h"

namespace genlens::formats::terraform {
namespace {

using core::Node;
using core::Value;
using core::ValueArena;
using core::ValueKind;
using detail::Ctx;
using detail::Guard;
using detail::StringBuilder;
namespace tag = parse::hcl_tag;

using detail::child;
bool is(const Node* n, std::string_view t) { return detail::is_expr(n, t); }

std::string describe_key(const Value* k) {
  const std::optional<std::string> t = detail::to_text(k);
  return t ? *t : detail::type_name(k);
}

bool is_traversal(const Node* n) {
  return is(n, tag::kVar) || is(n, tag::kGetAttr) || is(n, tag::kIndex) || is(n, tag::kSplatAttr) ||
         is(n, tag::kSplatFull);
}

}  // namespace

const Value* Evaluator::eval(const Node* node) {
  if (depth_ == 0) {
    steps_ = 0;
    arena_start_ = arena_.size();
  }
  return eval_node(node);
}

const Value* Evaluator::eval_with(const Node* node,
                                  const std::map<std::string, const Value*>& bindings) {
  bindings_.push_back(bindings);
  const Value* v = eval(node);
  bindings_.pop_back();
  return v;
}

const Value* Evaluator::lookup_binding(const std::string& name) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (auto f = it->find(name); f != it->end()) return f->second;
  }
  return nullptr;
}

const Value* Evaluator::eval_node(const Node* node) {
  if (node == nullptr || arena_.exhausted()) return nullptr;
  const Ctx c{arena_, scope_, node, {}};
  if (depth_ > kMaxDepth) return c.unknown("expression nested too deeply to evaluate");
  ++steps_;
  if (over_budget()) return c.unknown("expression too large to evaluate");
  Guard g(depth_);
  switch (node->kind) {
    case core::NodeKind::kMap: {
      Value* v = c.map();
      if (v == nullptr) return nullptr;
      for (const Node* ch : node->children) {
        const Value* cv = eval_node(ch);
        if (cv == nullptr) return nullptr;
        if (in_try_ > 0 && is_error(cv)) return cv;
        v->entries.emplace_back(ch->key, cv);
      }
      return v;
    }
    case core::NodeKind::kSequence: {
      Value* v = c.list();
      if (v == nullptr) return nullptr;
      for (const Node* ch : node->children) {
        const Value* cv = eval_node(ch);
        if (cv == nullptr) return nullptr;
        if (in_try_ > 0 && is_error(cv)) return cv;
        v->items.push_back(cv);
      }
      return v;
    }
    case core::NodeKind::kScalar:
      return core::literal_value(arena_, node);
    case core::NodeKind::kUnknown:
      return c.unknown("expression could not be parsed");
    case core::NodeKind::kExpression:
      return eval_expr(node);
  }
  return nullptr;
}

const Value* Evaluator::eval_expr(const Node* node) {
  const Ctx c{arena_, scope_, node, {}};
  const std::string& t = node->tag;
  if (is_traversal(node)) return traversal(node);
  if (t == tag::kCall) return call(node);
  if (t == tag::kParen || t == tag::kExpand || t == tag::kTemplateInterp) {
    if (node->children.empty()) return c.error("empty expression");
    return eval_node(node->children[0]);
  }
  if (t == tag::kUnary) return unary(node);
  if (t == tag::kBinary) return binary(node);
  if (t == tag::kCond) return cond(node);
  if (t == tag::kForTuple || t == tag::kForObject) return for_expr(node);
  if (t == tag::kObject) return object(node);
  if (t == tag::kTemplate) return template_(node);
  return c.unknown(fmt::format("expression kind {} is not evaluated", t));
}

const Value* Evaluator::traversal(const Node* node) {
  // Flatten root.a[k][*].b into the root and its steps, bottom up.
  std::vector<const Node*> chain;
  const Node* n = node;
  while (is_traversal(n) && !is(n, tag::kVar)) {
    chain.push_back(n);
    n = child(n, 0);
  }
  std::vector<Step> steps;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node* s = *it;
    Step st;
    st.node = s;
    if (s->tag == tag::kGetAttr) {
      st.kind = Step::Kind::kAttr;
      st.name = s->text;
    } else if (s->tag == tag::kIndex) {
      st.kind = Step::Kind::kIndex;
      st.key = eval_node(child(s, 1));
      if (st.key == nullptr) return nullptr;
    } else {
      st.kind = Step::Kind::kSplat;
    }
    steps.push_back(std::move(st));
  }
  const Ctx c{arena_, scope_, node, {}};
  if (!is(n, tag::kVar)) {
    const Value* base = eval_node(n);
    if (base == nullptr) return nullptr;
    return apply_steps(base, steps, 0, node);
  }
  if (const Value* b = lookup_binding(n->text)) {
    // each.value, count.index, a for or dynamic iterator: like var.x,
    // reported where it is used, coming from the for_each entry.
    const Value* r = apply_steps(b, steps, 0, node);
    if (r == nullptr || r->origin == node) return r;
    return core::at_use_site(arena_, r, node);
  }
  if (isolated_) {
    return c.error(fmt::format("templatefile: vars have no entry \"{}\"", n->text));
  }
  size_t consumed = 0;
  const Value* v = scope_.resolve(n->text, steps, n, consumed);
  if (v == nullptr) {
    if (arena_.exhausted()) return nullptr;
    return c.unknown(fmt::format("unknown name {}", n->text));
  }
  consumed = std::min(consumed, steps.size());
  const Node* use = consumed == 0 ? n : steps[consumed - 1].node;
  const Value* scoped = core::at_use_site(arena_, v, use);
  const Value* r = apply_steps(scoped, steps, consumed, node);
  if (r == nullptr || r == scoped || r->origin == node) return r;
  return core::at_use_site(arena_, r, node);
}

const Value* Evaluator::apply_steps(const Value* v, const std::vector<Step>& steps, size_t from,
                                    const Node* at) {
  for (size_t i = from; i < steps.size(); ++i) {
    const Step& st = steps[i];
    const Ctx c{arena_, scope_, st.node, {}};
    if (v == nullptr) return nullptr;
    if (!v->known()) return c.propagate(v);
    switch (st.kind) {
      case Step::Kind::kAttr: {
        if (v->is_map()) {
          const Value* f = nullptr;
          for (const auto& [k, e] : v->entries) {
            if (k == st.name) f = e;  // the last of duplicate keys
          }
          if (f == nullptr) return c.error(fmt::format("no attribute \"{}\"", st.name));
          v = f;
        } else if (v->kind == ValueKind::kNull) {
          return c.error(fmt::format("attempt to get attribute \"{}\" of a null value", st.name));
        } else {
          return c.error(
              fmt::format("cannot get attribute \"{}\" of a {}", st.name, detail::type_name(v)));
        }
        break;
      }
      case Step::Kind::kIndex: {
        const Value* key = st.key;
        if (key == nullptr) return nullptr;
        if (!key->known() || key->partial) return c.propagate(key);
        if (v->is_list()) {
          const std::optional<long long> idx = detail::to_integer(key);
          if (!idx) return c.error(fmt::format("invalid list index {}", describe_key(key)));
          if (*idx < 0 || static_cast<size_t>(*idx) >= v->items.size()) {
            return c.error(fmt::format("index {} out of range for a list of {} elements", *idx,
                                       v->items.size()));
          }
          v = v->items[static_cast<size_t>(*idx)];
        } else if (v->is_map()) {
          const std::optional<std::string> k = detail::to_text(key);
          if (!k) return c.error("map key must be a string");
          const Value* f = nullptr;
          for (const auto& [ek, e] : v->entries) {
            if (ek == *k) f = e;
          }
          if (f == nullptr) return c.error(fmt::format("no element for key \"{}\"", *k));
          v = f;
        } else if (v->kind == ValueKind::kNull) {
          return c.error("attempt to index a null value");
        } else {
          return c.error(fmt::format("cannot index a {}", detail::type_name(v)));
        }
        break;
      }
      case Step::Kind::kSplat: {
        size_t end = i + 1;
        while (end < steps.size() && steps[end].kind != Step::Kind::kSplat) ++end;
        const Node* last = end > i + 1 ? steps[end - 1].node : st.node;
        const Ctx lc{arena_, scope_, last, {}};
        Value* out = lc.list();
        if (out == nullptr) return nullptr;
        if (v->kind != ValueKind::kNull) {
          const std::vector<const Value*> elems =
              v->is_list() ? v->items : std::vector<const Value*>{v};
          const std::vector<Step> each(steps.begin() + static_cast<long>(i) + 1,
                                       steps.begin() + static_cast<long>(end));
          for (const Value* e : elems) {
            const Value* r = apply_steps(e, each, 0, last);
            if (r == nullptr) return nullptr;
            if (is_error(r)) return r;
            out->items.push_back(r);
          }
        }
        v = out;
        i = end - 1;
        break;
      }
    }
  }
  (void)at;
  return v;
}

}  // namespace genlens::formats::terraform
