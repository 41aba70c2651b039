// Loading `related:` and `predicate:` conditions.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "rules/engine/loader_parts.h"
#include "rules/engine/path_parser.h"
#include "rules/predicates/registry.h"

namespace genlens::rules::detail {
namespace {

using core::Node;
using Q = Related::Quantifier;

const std::set<std::string> kRelatedKeys = {"direction", "via",  "types",  "edges",
                                            "where",     "note", "exists", "absent",
                                            "count",     "each", "any"};
const std::set<std::string> kQuantifiers = {"exists", "absent", "count", "each", "any"};

std::string join(const std::set<std::string>& keys) {
  std::string s;
  for (const auto& k : keys) s += (s.empty() ? "" : ", ") + k;
  return s;
}

std::vector<std::string> strings(const Node* n, ConditionParser& p) {
  std::vector<std::string> out;
  if (n->is_scalar()) {
    out.push_back(n->text);
    return out;
  }
  if (!n->is_sequence()) {
    p.error(n->key_range.begin.line, fmt::format("'{}' must be a string or a list", n->key));
    return out;
  }
  for (const Node* c : n->children) {
    if (c->is_scalar()) {
      out.push_back(c->text);
    } else {
      p.error(c->range.begin.line, fmt::format("'{}' must be a list of strings", n->key));
    }
  }
  return out;
}

void load_count(const Node* n, Related& r, ConditionParser& p) {
  static const std::pair<const char*, Condition::Op> kOps[] = {{"lt", Condition::Op::kLt},
                                                               {"le", Condition::Op::kLe},
                                                               {"gt", Condition::Op::kGt},
                                                               {"ge", Condition::Op::kGe},
                                                               {"equals", Condition::Op::kEquals}};
  if (!n->is_map() || n->children.size() != 1) {
    p.error(n->key_range.begin.line, "'count' takes one comparison, e.g. {ge: 1}");
    return;
  }
  const Node* cmp = n->children.front();
  for (const auto& [name, op] : kOps) {
    if (cmp->key != name) continue;
    char* end = nullptr;
    r.count = std::strtod(cmp->text.c_str(), &end);
    if (!cmp->is_scalar() || cmp->text.empty() || *end != '\0') {
      p.error(cmp->range.begin.line, fmt::format("'count.{}' takes a number", name));
    }
    r.count_op = op;
    return;
  }
  p.error(
      cmp->key_range.begin.line,
      fmt::format("unknown count comparison '{}'; expected lt, le, gt, ge or equals", cmp->key));
}

}  // namespace

void load_related(const Node* n, const RuleMeta& m, ConditionParser& p, Condition& c) {
  auto r = std::make_shared<Related>();
  if (!n->is_map()) {
    p.error(n->key_range.begin.line, "'related' takes a map: {types: [...], exists: true, ...}");
    c.related = r;
    return;
  }
  const Node* quantifier = nullptr;
  for (const Node* k : n->children) {
    if (kRelatedKeys.count(k->key) == 0) {
      p.error(k->key_range.begin.line,
              fmt::format("unknown key '{}' in related; expected one of: {}", k->key,
                          join(kRelatedKeys)));
    } else if (kQuantifiers.count(k->key) != 0) {
      if (quantifier != nullptr) {
        p.error(k->key_range.begin.line,
                fmt::format("'related' takes one of {}; found '{}' and '{}'", join(kQuantifiers),
                            quantifier->key, k->key));
      }
      quantifier = k;
    }
  }
  if (const Node* d = n->find("direction"); d != nullptr) {
    if (d->text == "in") {
      r->incoming = true;
    } else if (d->text != "out") {
      p.error(d->key_range.begin.line, "'direction' is out (the default) or in");
    }
  }
  if (const Node* v = n->find("via"); v != nullptr) {
    if (std::string err = parse_path(v->text, r->via); !v->is_scalar() || !err.empty()) {
      p.error(v->range.begin.line, fmt::format("bad path '{}' in 'via': {}", v->text, err));
    }
  }
  if (const Node* t = n->find("types"); t != nullptr) r->types = strings(t, p);
  if (const Node* e = n->find("edges"); e != nullptr) {
    for (const std::string& name : strings(e, p)) {
      graph::EdgeKind kind{};
      if (graph::parse_edge_kind(name, kind)) {
        r->edges.push_back(kind);
      } else {
        p.error(e->range.begin.line,
                fmt::format("unknown edge kind '{}'; expected reference, depends_on, contains, "
                            "selects or attaches",
                            name));
      }
    }
  }
  if (const Node* w = n->find("where"); w != nullptr) r->where = p.condition(w, m);
  if (const Node* note = n->find("note"); note != nullptr) r->note = note->text;
  if (quantifier == nullptr) {
    p.error(n->key_range.begin.line, fmt::format("'related' needs one of: {}", join(kQuantifiers)));
  } else if (quantifier->key == "exists" || quantifier->key == "absent") {
    r->quantifier = quantifier->key == "exists" ? Q::kExists : Q::kAbsent;
    if (quantifier->scalar_type != core::ScalarType::kBool || quantifier->text != "true") {
      p.error(quantifier->key_range.begin.line,
              fmt::format("'{}' takes true (use the other one for false)", quantifier->key));
    }
  } else if (quantifier->key == "count") {
    r->quantifier = Q::kCount;
    load_count(quantifier, *r, p);
  } else {
    r->quantifier = quantifier->key == "each" ? Q::kEach : Q::kAny;
    c.children.push_back(p.condition(quantifier, m));
  }
  c.related = r;
}

void load_predicate(const Node* name, const Node* cond, const RuleMeta& m, ConditionParser& p,
                    Condition& c) {
  auto call = std::make_shared<PredicateCall>();
  call->name = name->text;
  const predicates::Predicate* def = predicates::find(name->text);
  if (def == nullptr) {
    std::string names;
    for (const auto& d : predicates::all())
      names += (names.empty() ? "" : ", ") + std::string(d.name);
    p.error(name->range.begin.line,
            fmt::format("unknown predicate '{}'; expected one of: {}", name->text, names));
    c.predicate = call;
    return;
  }
  const Node* args = cond->find("args");
  if (args != nullptr && !args->is_map()) {
    p.error(args->key_range.begin.line, "'args' must be a map of argument: value");
    args = nullptr;
  }
  for (const predicates::ArgSpec& spec : def->args) {
    const Node* a = args != nullptr ? args->find(spec.name) : nullptr;
    if (a == nullptr) {
      if (spec.required) {
        p.error(name->range.begin.line, fmt::format("predicate '{}' needs argument '{}' ({})",
                                                    def->name, spec.name, spec.doc));
      }
      continue;
    }
    Operand o = p.operand(a, m);
    const bool is_bool = o.is_bool || !o.param.empty();
    const bool is_list = o.is_list || !o.param.empty() || (!o.is_bool && !o.is_number);
    if ((spec.type == predicates::ArgType::kBool && !is_bool) ||
        (spec.type == predicates::ArgType::kStringList && !is_list)) {
      p.error(a->key_range.begin.line,
              fmt::format("argument '{}' of predicate '{}' takes {}", spec.name, def->name,
                          spec.type == predicates::ArgType::kBool ? "true or false"
                                                                  : "a string or a list of them"));
    }
    call->args.emplace(spec.name, std::move(o));
  }
  if (args != nullptr) {
    for (const Node* a : args->children) {
      const bool known =
          std::any_of(def->args.begin(), def->args.end(),
                      [&](const predicates::ArgSpec& s) { return s.name == a->key; });
      if (!known) {
        p.error(a->key_range.begin.line,
                fmt::format("predicate '{}' has no argument '{}'", def->name, a->key));
      }
    }
  }
  c.predicate = call;
}

}  // namespace genlens::rules::detail
