// Operators, conditionals, for-expressions, computed objects and templates.
#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <utility>

#include "formats/terraform/eval_support.h"
#include "formats/terraform/evaluator.h"
#include "genlens/parse/hcl.h"

namespace genlens::formats::terraform {
namespace {

using core::Node;
using core::Value;
using core::ValueKind;
using detail::child;
using detail::Ctx;
using detail::StringBuilder;
namespace tag = parse::hcl_tag;

// The iterations of a for-expression: index/value of a list, key/value of a
// map in lexical key order. Key values are made only when they are named.
class Iteration {
 public:
  explicit Iteration(const Value* coll) : coll_(coll) {
    if (!coll->is_list()) entries_ = detail::sorted_entries(coll);
  }
  [[nodiscard]] size_t size() const {
    return coll_->is_list() ? coll_->items.size() : entries_.size();
  }
  [[nodiscard]] const Value* value(size_t i) const {
    return coll_->is_list() ? coll_->items[i] : entries_[i].second;
  }
  const Value* key(const Ctx& c, size_t i) const {
    return coll_->is_list() ? c.num(static_cast<double>(i)) : c.str(entries_[i].first);
  }

 private:
  const Value* coll_;
  std::vector<std::pair<std::string, const Value*>> entries_;
};

// Pushes one scope of bindings for the lifetime of the object.
class Bind {
 public:
  explicit Bind(std::vector<std::map<std::string, const Value*>>& stack) : stack_(stack) {
    stack_.emplace_back();
  }
  ~Bind() { stack_.pop_back(); }
  Bind(const Bind&) = delete;
  Bind& operator=(const Bind&) = delete;
  void set(const std::string& name, const Value* v) {
    if (!name.empty()) stack_.back()[name] = v;
  }

 private:
  std::vector<std::map<std::string, const Value*>>& stack_;
};

}  // namespace

const Value* Evaluator::unary(const Node* node) {
  const Ctx c{arena_, scope_, node, {}};
  const Value* x = eval_node(child(node, 0));
  if (x == nullptr) return nullptr;
  if (!x->known()) return c.propagate(x);
  if (node->text == "!") {
    const std::optional<bool> b = detail::to_bool(x);
    if (!b) {
      if (x->partial) return c.propagate(x);
      return c.error(fmt::format("operand of ! must be a bool, not a {}", detail::type_name(x)));
    }
    return c.boolean(!*b);
  }
  const std::optional<double> d = detail::to_number(x);
  if (!d) {
    if (x->partial) return c.propagate(x);
    return c.error(fmt::format("operand of - must be a number, not a {}", detail::type_name(x)));
  }
  return c.num(-*d);
}

const Value* Evaluator::binary(const Node* node) {
  const Ctx c{arena_, scope_, node, {}};
  const std::string& op = node->text;
  const Value* a = eval_node(child(node, 0));
  const Value* b = eval_node(child(node, 1));
  if (a == nullptr || b == nullptr) return nullptr;
  if (is_error(a)) return c.propagate(a);
  if (is_error(b)) return c.propagate(b);
  if (op == "&&" || op == "||") {
    const bool is_and = op == "&&";
    std::optional<bool> va;
    std::optional<bool> vb;
    for (const Value* x : {a, b}) {
      if (!x->known() || x->partial) continue;
      const std::optional<bool> v = detail::to_bool(x);
      if (!v) {
        return c.error(
            fmt::format("operand of {} must be a bool, not a {}", op, detail::type_name(x)));
      }
      (x == a ? va : vb) = v;
    }
    // The known side decides when it is false for && / true for ||.
    if ((va && *va != is_and) || (vb && *vb != is_and)) return c.boolean(!is_and);
    if (!va) return c.propagate(a);
    if (!vb) return c.propagate(b);
    return c.boolean(is_and);
  }
  if (!a->known() || (a->partial && op != "==" && op != "!=")) return c.propagate(a);
  if (!b->known() || (b->partial && op != "==" && op != "!=")) return c.propagate(b);
  if (op == "==" || op == "!=") {
    if (!detail::wholly_known(a)) return c.propagate(detail::first_unknown(a));
    if (!detail::wholly_known(b)) return c.propagate(detail::first_unknown(b));
    const bool eq = equal_values(a, b);
    return c.boolean(op == "==" ? eq : !eq);
  }
  const std::optional<double> x = detail::to_number(a);
  const std::optional<double> y = detail::to_number(b);
  if (!x || !y) {
    const Value* bad = x ? b : a;
    return c.error(fmt::format(
        "operand of {} must be a number, not a {}", op,
        bad->kind == ValueKind::kString ? "non-numeric string" : detail::type_name(bad)));
  }
  if (op == "+") return c.num(*x + *y);
  if (op == "-") return c.num(*x - *y);
  if (op == "*") return c.num(*x * *y);
  if (op == "/") {
    if (*y == 0) return c.error("division by zero");
    return c.num(*x / *y);
  }
  if (op == "%") {
    if (*y == 0) return c.error("modulo by zero");
    return c.num(std::fmod(*x, *y));
  }
  if (op == "<") return c.boolean(*x < *y);
  if (op == "<=") return c.boolean(*x <= *y);
  if (op == ">") return c.boolean(*x > *y);
  if (op == ">=") return c.boolean(*x >= *y);
  return c.error(fmt::format("unknown operator {}", op));
}

const Value* Evaluator::cond(const Node* node) {
  const Ctx c{arena_, scope_, node, {}};
  const Value* cv = eval_node(child(node, 0));
  if (cv == nullptr) return nullptr;
  if (is_error(cv)) return c.propagate(cv);
  if (cv->known() && !cv->partial) {
    const std::optional<bool> b = detail::to_bool(cv);
    if (!b) {
      return c.error(fmt::format("condition must be a bool, not a {}", detail::type_name(cv)));
    }
    // Only the chosen branch is evaluated: `x != null ? x.a : ""` works.
    return eval_node(child(node, *b ? 1 : 2));
  }
  const Value* a = eval_node(child(node, 1));
  const Value* b = eval_node(child(node, 2));
  if (a == nullptr || b == nullptr) return nullptr;
  if (detail::wholly_known(a) && detail::wholly_known(b) && equal_values(a, b)) return a;
  return c.unknown(fmt::format("depends on a condition that is not known: {}",
                               cv->reason.empty() ? "value is not known" : cv->reason));
}

// The iterator names a for-expression or %{for} declares (`k, v` or `v`);
// returns the index of the child after them (the collection).
static size_t iterator_names(const Node* node, std::string& kname, std::string& vname) {
  if (detail::is_expr(child(node, 1), tag::kDecl)) {
    kname = child(node, 0)->text;
    vname = child(node, 1)->text;
    return 2;
  }
  vname = child(node, 0) != nullptr ? child(node, 0)->text : "";
  return 1;
}

const Value* Evaluator::for_expr(const Node* node) {
  const Ctx c{arena_, scope_, node, {}};
  const bool is_obj = node->tag == tag::kForObject;
  std::string kname;
  std::string vname;
  const size_t i = iterator_names(node, kname, vname);
  const Node* coll_node = child(node, i);
  const Node* key_node = is_obj ? child(node, i + 1) : nullptr;
  const Node* val_node = child(node, is_obj ? i + 2 : i + 1);
  const Node* cond_node = child(node, is_obj ? i + 3 : i + 2);
  const bool grouping = detail::is_expr(val_node, tag::kExpand);
  if (grouping) val_node = child(val_node, 0);
  if (coll_node == nullptr || val_node == nullptr) return c.error("malformed for expression");

  const Value* coll = eval_node(coll_node);
  if (coll == nullptr) return nullptr;
  if (!coll->known()) return c.propagate(coll);
  if (coll->kind == ValueKind::kNull) return c.error("cannot iterate over a null value");
  if (!detail::is_collection(coll)) {
    return c.error(fmt::format("cannot iterate over a {}", detail::type_name(coll)));
  }
  if (coll->items.size() + coll->entries.size() > kMaxElements) return c.too_large();

  Value* out = is_obj ? c.map() : c.list();
  if (out == nullptr) return nullptr;
  std::map<std::string, size_t> index;  // key -> entry (objects)
  const Iteration iter(coll);
  for (size_t n = 0; n < iter.size(); ++n) {
    if (arena_.exhausted()) return nullptr;
    if (over_budget()) return c.unknown("expression too large to evaluate");
    ++steps_;
    Bind bind(bindings_);
    if (!kname.empty()) {
      const Value* k = iter.key(c, n);
      if (k == nullptr) return nullptr;
      bind.set(kname, k);
    }
    bind.set(vname, iter.value(n));
    if (cond_node != nullptr) {
      const Value* cv = eval_node(cond_node);
      if (cv == nullptr) return nullptr;
      if (!cv->known() || cv->partial) return c.propagate(cv);
      const std::optional<bool> keep = detail::to_bool(cv);
      if (!keep) {
        return c.error(
            fmt::format("for condition must be a bool, not a {}", detail::type_name(cv)));
      }
      if (!*keep) continue;
    }
    const Value* key = nullptr;
    std::optional<std::string> ktext;
    if (is_obj) {
      key = eval_node(key_node);
      if (key == nullptr) return nullptr;
      if (!key->known() || key->partial) return c.propagate(key);
      ktext = detail::to_text(key);
      if (!ktext) {
        return c.error(fmt::format("for key must be a string, not a {}", detail::type_name(key)));
      }
    }
    const Value* val = eval_node(val_node);
    if (val == nullptr) return nullptr;
    if (is_error(val)) return c.propagate(val);
    if (!is_obj) {
      out->items.push_back(val);
      continue;
    }
    auto found = index.find(*ktext);
    if (found == index.end()) {
      index.emplace(*ktext, out->entries.size());
      const Value* slot = val;
      if (grouping) {
        Value* group = c.list();
        if (group == nullptr) return nullptr;
        group->items.push_back(val);
        slot = group;
      }
      out->entries.emplace_back(*ktext, slot);
    } else if (grouping) {
      const_cast<Value*>(out->entries[found->second].second)->items.push_back(val);
    } else {
      return c.error(
          fmt::format("duplicate key \"{}\" in for expression (use ... to group)", *ktext));
    }
  }
  if (is_obj) {
    std::sort(out->entries.begin(), out->entries.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
  }
  return out;
}

const Value* Evaluator::object(const Node* node) {
  const Ctx c{arena_, scope_, node, {}};
  Value* out = c.map();
  if (out == nullptr) return nullptr;
  for (size_t i = 0; i + 1 < node->children.size(); i += 2) {
    const Value* k = eval_node(node->children[i]);
    if (k == nullptr) return nullptr;
    if (!k->known() || k->partial) return c.propagate(k);
    const std::optional<std::string> kt = detail::to_text(k);
    if (!kt) {
      return c.error(fmt::format("object key must be a string, not a {}", detail::type_name(k)));
    }
    const Value* v = eval_node(node->children[i + 1]);
    if (v == nullptr) return nullptr;
    if (in_try_ > 0 && is_error(v)) return v;
    out->entries.emplace_back(*kt, v);
  }
  return out;
}

const Value* Evaluator::template_(const Node* node) {
  const Ctx c{arena_, scope_, node, {}};
  // A template of one interpolation is its value, unconverted ("${var.list}").
  if (node->children.size() == 1 && detail::is_expr(node->children[0], tag::kTemplateInterp)) {
    return eval_node(node->children[0]);
  }
  StringBuilder sb(c);
  auto append = [&](const Value* v) -> const Value* {
    if (v == nullptr) return nullptr;
    if (is_error(v)) return c.propagate(v);
    return sb.value(v);
  };
  for (const Node* part : node->children) {
    if (arena_.exhausted()) return nullptr;
    if (part->is_scalar()) {
      sb.literal(part->text, part, 0);
    } else if (detail::is_expr(part, tag::kTemplateInterp)) {
      const Value* v = eval_node(part);
      if (v == nullptr) return nullptr;
      if (const Value* e = append(v)) return e;
    } else if (detail::is_expr(part, tag::kTemplateIf)) {
      const Value* cv = eval_node(child(part, 0));
      if (cv == nullptr) return nullptr;
      if (is_error(cv)) return c.propagate(cv);
      if (!cv->known() || cv->partial) {
        sb.mark(cv->reason);
        continue;
      }
      const std::optional<bool> b = detail::to_bool(cv);
      if (!b) {
        return c.error(
            fmt::format("%{{if}} condition must be a bool, not a {}", detail::type_name(cv)));
      }
      const Node* branch = child(part, *b ? 1 : 2);
      if (branch == nullptr) continue;
      const Value* v = eval_node(branch);
      if (v == nullptr) return nullptr;
      if (const Value* e = append(v)) return e;
    } else if (detail::is_expr(part, tag::kTemplateFor)) {
      std::string kname;
      std::string vname;
      const size_t i = iterator_names(part, kname, vname);
      const Value* coll = eval_node(child(part, i));
      const Node* body = child(part, i + 1);
      if (coll == nullptr) return nullptr;
      if (is_error(coll)) return c.propagate(coll);
      if (!coll->known()) {
        sb.mark(coll->reason);
        continue;
      }
      if (!detail::is_collection(coll)) {
        return c.error(fmt::format("%{{for}} cannot iterate over a {}", detail::type_name(coll)));
      }
      if (coll->items.size() + coll->entries.size() > kMaxElements) return c.too_large();
      const Iteration iter(coll);
      for (size_t n = 0; n < iter.size(); ++n) {
        if (over_budget()) return c.unknown("expression too large to evaluate");
        if (sb.too_large()) return c.too_large();
        ++steps_;
        Bind bind(bindings_);
        if (!kname.empty()) {
          const Value* k = iter.key(c, n);
          if (k == nullptr) return nullptr;
          bind.set(kname, k);
        }
        bind.set(vname, iter.value(n));
        const Value* r = body != nullptr ? eval_node(body) : nullptr;
        if (body != nullptr && r == nullptr) return nullptr;
        if (r != nullptr) {
          if (const Value* e = append(r)) return e;
        }
      }
    } else {
      const Value* v = eval_node(part);
      if (const Value* e = append(v)) return e;
      if (v == nullptr) return nullptr;
    }
    if (sb.too_large()) return c.too_large();
  }
  return sb.finish();
}

}  // namespace genlens::formats::terraform
