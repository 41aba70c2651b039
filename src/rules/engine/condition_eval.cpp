#include "rules/engine/condition_eval.h"

#include "rules/engine/regex_cache.h"
#include "rules/predicates/registry.h"

#include <re2/re2.h>

#include <cmath>
#include <map>
#include <memory>

namespace genlens::rules::detail {
namespace {

using core::Value;
using core::ValueKind;
using Op = Condition::Op;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::optional<double> as_number(const Value* v) { return core::number_value(v); }

bool scalar_equals(const Value* v, const Operand& o) {
  if (v->is_map() || v->is_list()) return false;
  if (o.is_bool) {
    if (v->kind == ValueKind::kBool) return v->boolean == o.boolean;
    return lower(v->scalar_text()) == (o.boolean ? "true" : "false");
  }
  if (o.is_number) {
    const std::optional<double> d = as_number(v);
    return d.has_value() && std::fabs(*d - o.number) < 1e-9;
  }
  return v->scalar_text() == o.text;
}

Outcome combine_all(std::vector<Outcome>& parts) {
  Outcome out;
  bool unknown = false;
  for (Outcome& p : parts) {
    if (p.verdict == Verdict::kFail) {
      if (out.verdict != Verdict::kFail) {
        out.witnesses.clear();
        out.notes.clear();
      }
      out.verdict = Verdict::kFail;
      absorb(out, p);
    } else if (p.verdict == Verdict::kUnknown) {
      unknown = true;
      if (out.reason.empty()) out.reason = p.reason;
    } else if (out.verdict != Verdict::kFail) {
      absorb(out, p);
    }
  }
  if (out.verdict != Verdict::kFail && unknown) out.verdict = Verdict::kUnknown;
  return out;
}

}  // namespace

void absorb(Outcome& into, const Outcome& part) {
  into.witnesses.insert(into.witnesses.end(), part.witnesses.begin(), part.witnesses.end());
  into.notes.insert(into.notes.end(), part.notes.begin(), part.notes.end());
}

Operand ConditionEvaluator::resolve_operand(const Operand& o) const {
  if (o.param.empty()) return o;
  Operand r;
  const Param* p = rule_.param(o.param);
  if (p == nullptr) return r;
  if (p->is_list) {
    r.is_list = true;
    for (const std::string& s : p->list) {
      Operand item;
      item.text = s;
      r.list.push_back(item);
    }
    return r;
  }
  r.text = p->text;
  char* end = nullptr;
  const double d = std::strtod(p->text.c_str(), &end);
  if (!p->text.empty() && end != nullptr && *end == '\0') {
    r.is_number = true;
    r.number = d;
  } else if (p->text == "true" || p->text == "false") {
    r.is_bool = true;
    r.boolean = p->text == "true";
  }
  return r;
}

Outcome ConditionEvaluator::eval(const Condition& c, const Value* base) {
  if (c.op == Op::kRelated) return related(c, base);
  if (c.op == Op::kAll || c.op == Op::kAnyOf || c.op == Op::kNot) {
    if (c.path.steps.empty()) return combinator(c, base);
  }
  std::vector<Match> matches;
  walk_path(base, c.path, json_, matches);
  std::vector<Outcome> parts;
  parts.reserve(matches.size());
  for (const Match& m : matches) {
    if (m.state == Match::State::kUnknown) {
      parts.push_back({Verdict::kUnknown, {}, m.reason, {}});
      continue;
    }
    switch (c.op) {
      case Op::kEach:
      case Op::kAny:
        parts.push_back(quantifier(c, m));
        break;
      case Op::kPredicate:
        parts.push_back(predicate(c, m));
        break;
      case Op::kAll:
      case Op::kAnyOf:
      case Op::kNot:
        parts.push_back(m.state == Match::State::kFound
                            ? combinator(c, m.value)
                            : Outcome{Verdict::kFail, {{m.deepest, true}}, {}, {}});
        break;
      default:
        parts.push_back(leaf(c, m));
    }
  }
  return combine_all(parts);
}

Outcome ConditionEvaluator::combinator(const Condition& c, const Value* base) {
  std::vector<Outcome> parts;
  for (const Condition& child : c.children) parts.push_back(eval(child, base));
  if (c.op == Op::kAll) return combine_all(parts);
  if (c.op == Op::kNot) {
    Outcome o = parts.front();
    if (o.verdict == Verdict::kPass) {
      o.verdict = Verdict::kFail;
    } else if (o.verdict == Verdict::kFail) {
      o.verdict = Verdict::kPass;
    }
    return o;
  }
  // any_of
  Outcome out{Verdict::kFail, {}, {}, {}};
  bool unknown = false;
  for (Outcome& p : parts) {
    if (p.verdict == Verdict::kPass) return p;
    if (p.verdict == Verdict::kUnknown) {
      unknown = true;
      if (out.reason.empty()) out.reason = p.reason;
    } else {
      absorb(out, p);
    }
  }
  if (unknown) out.verdict = Verdict::kUnknown;
  return out;
}

Outcome ConditionEvaluator::predicate(const Condition& c, const Match& m) {
  const predicates::Predicate* def = predicates::find(c.predicate->name);
  if (def == nullptr) return Outcome{Verdict::kUnknown, {}, "unknown predicate", {}};
  predicates::Args args;
  for (const auto& [name, raw] : c.predicate->args) {
    const Operand o = resolve_operand(raw);
    if (o.is_bool) {
      args.flags[name] = o.boolean;
      continue;
    }
    std::vector<std::string>& list = args.lists[name];
    if (!o.is_list) list.push_back(o.text);
    for (const Operand& item : o.list) {
      const Operand r = resolve_operand(item);
      if (r.is_list) {
        for (const Operand& sub : r.list) list.push_back(sub.text);
      } else {
        list.push_back(r.text);
      }
    }
  }
  predicates::Context ctx;
  if (scope_ != nullptr && scope_->graph != nullptr) {
    ctx.resource = scope_->graph->resources()[scope_->resource];
    if (scope_->parent != nullptr)
      ctx.parent = scope_->graph->resources()[scope_->parent->resource];
  }
  ctx.json = &json_;
  Outcome o = def->fn(ctx, m.state == Match::State::kFound ? m.value : nullptr, args);
  if (o.verdict == Verdict::kFail && o.witnesses.empty()) {
    o.witnesses.push_back(
        {m.state == Match::State::kFound ? m.value : m.deepest, m.state != Match::State::kFound});
  }
  return o;
}

Outcome ConditionEvaluator::quantifier(const Condition& c, const Match& m) {
  const bool each = c.op == Op::kEach;
  if (m.state == Match::State::kMissing) {
    return each ? Outcome{Verdict::kPass, {}, {}, {}}
                : Outcome{Verdict::kFail, {{m.deepest, true}}, {}, {}};
  }
  // A null (Terraform `block = null`) has no items, like an absent value.
  if (m.value->kind == ValueKind::kNull) {
    return each ? Outcome{Verdict::kPass, {}, {}, {}}
                : Outcome{Verdict::kFail, {{m.value, false}}, {}, {}};
  }
  std::vector<const Value*> items;
  if (m.value->is_list()) {
    items = m.value->items;
  } else {
    items.push_back(m.value);
  }
  std::vector<Outcome> parts;
  for (const Value* item : items) parts.push_back(eval(c.children.front(), item));
  if (each) return combine_all(parts);
  Outcome out{Verdict::kFail, {{m.value, false}}, {}, {}};
  bool unknown = false;
  for (Outcome& p : parts) {
    if (p.verdict == Verdict::kPass) return p;
    if (p.verdict == Verdict::kUnknown) {
      unknown = true;
      out.reason = p.reason;
    }
  }
  if (unknown) out.verdict = Verdict::kUnknown;
  return out;
}

Outcome ConditionEvaluator::leaf(const Condition& c, const Match& m) {
  const bool found = m.state == Match::State::kFound;
  const Value* v = m.value;
  auto pass = [&]() { return Outcome{Verdict::kPass, {{found ? v : m.deepest, !found}}, {}, {}}; };
  auto fail = [&]() { return Outcome{Verdict::kFail, {{found ? v : m.deepest, !found}}, {}, {}}; };
  auto unknown = [&]() {
    return Outcome{Verdict::kUnknown, {}, v->reason.empty() ? "value is not known" : v->reason, {}};
  };
  if (c.op == Op::kExists) {
    if (!found || v->kind == ValueKind::kNull) return fail();
    if (v->is_string() && v->text.empty()) return fail();
    return pass();
  }
  if (c.op == Op::kAbsent) return found ? fail() : pass();
  const Operand o = resolve_operand(c.operand);
  switch (c.op) {
    case Op::kEquals:
    case Op::kNotEquals: {
      const bool negate = c.op == Op::kNotEquals;
      if (!found) return negate ? pass() : fail();
      if (!v->known() || v->partial) return unknown();
      return scalar_equals(v, o) != negate ? pass() : fail();
    }
    case Op::kIn:
    case Op::kNotIn: {
      const bool negate = c.op == Op::kNotIn;
      if (!found) return negate ? pass() : fail();
      if (!v->known() || v->partial) return unknown();
      bool in = false;
      for (const Operand& raw : o.list) {
        const Operand item = resolve_operand(raw);  // {param: x} inside the list
        if (item.is_list) {
          for (const Operand& sub : item.list) in = in || scalar_equals(v, sub);
        } else {
          in = in || scalar_equals(v, item);
        }
      }
      return in != negate ? pass() : fail();
    }
    case Op::kMatches: {
      if (!found) return fail();
      if (!v->known() || v->partial) return unknown();
      if (v->is_map() || v->is_list()) return fail();
      return RE2::PartialMatch(v->scalar_text(), cached_regex(o.text)) ? pass() : fail();
    }
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe: {
      if (!found) return fail();
      if (!v->known() || v->partial || v->is_map() || v->is_list()) {
        return Outcome{Verdict::kUnknown,
                       {},
                       v->reason.empty() ? "value is an expression, not a number" : v->reason,
                       {}};
      }
      const std::optional<double> d = as_number(v);
      if (!d || !o.is_number) return fail();
      bool ok = false;
      if (c.op == Op::kLt) ok = *d < o.number;
      if (c.op == Op::kLe) ok = *d <= o.number;
      if (c.op == Op::kGt) ok = *d > o.number;
      if (c.op == Op::kGe) ok = *d >= o.number;
      return ok ? pass() : fail();
    }
    default:
      return pass();
  }
}

}  // namespace genlens::rules::detail
