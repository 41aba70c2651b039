#include "rules/predicates/iam_policy.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <utility>

#include "rules/predicates/iam_glob.h"

namespace genlens::rules::iam {
namespace {

using core::Value;
using detail::Case;
using detail::Glob;
using detail::TokKind;

// Items longer than this, or with more wildcards, are not matched as globs
// (IAM action names are under 130 characters, whole managed policies under
// 6,144): they count as unknown, which keeps hostile input cheap.
constexpr size_t kMaxItem = 2048;
constexpr size_t kMaxWildcards = 32;

bool too_complex(const Value* item) {
  if (item->text.size() > kMaxItem) return true;
  return static_cast<size_t>(std::count_if(item->text.begin(), item->text.end(), [](char ch) {
           return ch == '*' || ch == '?' || ch == core::kUnknownMark;
         })) > kMaxWildcards;
}

Fact no() { return {}; }
Fact yes(std::vector<const Value*> witnesses) { return {Truth::kTrue, std::move(witnesses), {}}; }
Fact maybe(std::string reason) { return {Truth::kUnknown, {}, std::move(reason)}; }

// Folds facts: a definite true wins (all witnesses kept), then unknown (the
// first reason), then false.
class Acc {
 public:
  void yes(const Value* w) {
    truth_ = true;
    if (w != nullptr && std::find(witnesses_.begin(), witnesses_.end(), w) == witnesses_.end()) {
      witnesses_.push_back(w);
    }
  }
  void maybe(std::string reason) {
    unknown_ = true;
    if (reason_.empty()) reason_ = std::move(reason);
  }
  void add(const Fact& f) {
    if (f.truth == Truth::kTrue) {
      truth_ = true;
      for (const Value* w : f.witnesses) yes(w);
    } else if (f.truth == Truth::kUnknown) {
      maybe(f.reason);
    }
  }
  [[nodiscard]] Fact result() const {
    if (truth_) return iam::yes(witnesses_);
    if (unknown_) return iam::maybe(reason_);
    return {};
  }

 private:
  bool truth_ = false;
  bool unknown_ = false;
  std::vector<const Value*> witnesses_;
  std::string reason_;
};

Fact any_of(const Fact& a, const Fact& b) {
  Acc acc;
  acc.add(a);
  acc.add(b);
  return acc.result();
}

// Three-valued "cond and f", keeping f's witnesses.
Fact when(const Fact& cond, Fact f) {
  if (cond.truth == Truth::kFalse || f.truth == Truth::kFalse) return {};
  if (cond.truth == Truth::kUnknown) return maybe(cond.reason);
  return f;
}

// Three-valued "not f"; a true result carries `witness`.
Fact negate(const Fact& f, const Value* witness = nullptr) {
  if (f.truth == Truth::kUnknown) return f;
  if (f.truth == Truth::kTrue) return {};
  return yes(witness != nullptr ? std::vector<const Value*>{witness} : std::vector<const Value*>{});
}

Glob literal(std::string_view text, Case c = Case::kSensitive) {
  Glob g;
  detail::append_literal(g, text, c);
  return g;
}

Glob anything() {
  Glob g;
  detail::append(g, TokKind::kAny);
  return g;
}

// Every action of a service: "<service>:" and at least one character.
Glob service_actions(std::string_view service) {
  Glob g = literal(service, Case::kFold);
  detail::append_literal(g, ":");
  detail::append(g, TokKind::kOne);
  detail::append(g, TokKind::kAny);
  return g;
}

std::vector<const Value*> items_of(const Value* v) {
  if (v == nullptr) return {};
  if (v->is_list()) return v->items;
  return {v};
}

struct Statement {
  size_t number = 0;  // from 1
  const Value* value = nullptr;
  [[nodiscard]] const Value* find(std::string_view key) const { return value->find(key); }

  // "the Action of statement 2 is not known: parameter X has no default"
  [[nodiscard]] std::string not_known(std::string_view field, const Value* v) const {
    std::string out = fmt::format("the {} of statement {} ", field, number);
    if (v->known() && v->partial) {
      std::string shown = v->text;
      for (size_t at = shown.find(core::kUnknownMark); at != std::string::npos;
           at = shown.find(core::kUnknownMark, at)) {
        shown.replace(at, 1, "<?>");
      }
      out += fmt::format("is only partly known (\"{}\")", shown);
    } else {
      out += "is not known";
    }
    if (!v->reason.empty()) out += ": " + v->reason;
    return out;
  }
  [[nodiscard]] std::string too_long(std::string_view field) const {
    return fmt::format("the {} of statement {} is too long or has too many wildcards to analyse",
                       field, number);
  }
};

// Runs `fn` over every statement of the document and folds the results.
Fact evaluate(const Value* doc, const std::function<Fact(const Statement&)>& fn) {
  if (doc == nullptr) return {};
  if (!doc->known()) {
    return maybe(doc->reason.empty() ? "the policy document is not known"
                                     : "the policy document is not known: " + doc->reason);
  }
  if (doc->is_string()) return maybe("policy document is a string that was not parsed");
  const Value* statements = doc;
  if (doc->is_map()) {
    statements = doc->find("Statement");
    if (statements == nullptr) return {};
    if (!statements->known()) {
      return maybe(statements->reason.empty()
                       ? "the Statement of the policy document is not known"
                       : "the Statement of the policy document is not known: " +
                             statements->reason);
    }
  }
  if (!statements->is_map() && !statements->is_list()) return {};
  Acc acc;
  const std::vector<const Value*> list = items_of(statements);
  for (size_t i = 0; i < list.size(); ++i) {
    const Value* v = list[i];
    if (v == nullptr) continue;
    if (!v->known()) {
      acc.maybe(fmt::format("statement {} is not known{}", i + 1,
                            v->reason.empty() ? "" : ": " + v->reason));
      continue;
    }
    if (v->is_map()) acc.add(fn(Statement{i + 1, v}));
  }
  return acc.result();
}

// Effect is exactly "Allow".
Fact is_allow(const Statement& s) {
  const Value* e = s.find("Effect");
  if (e == nullptr) return {};
  if (!e->known()) return maybe(s.not_known("Effect", e));
  if (!e->is_string()) return {};
  if (e->partial) {
    return detail::overlap(detail::literal_glob(e->text), literal("Allow"))
               ? maybe(s.not_known("Effect", e))
               : no();
  }
  return e->text == "Allow" ? yes({}) : no();
}

// The string items of `field` for which `hit` holds. `hit` must answer for a
// partial string whether any filling of it could match; such a hit is only
// unknown. Unknown items are unknown.
Fact scan(const Statement& s, std::string_view name, const Value* field,
          const std::function<bool(const Value*)>& hit) {
  if (field == nullptr) return {};
  if (!field->known()) return maybe(s.not_known(name, field));
  Acc acc;
  for (const Value* item : items_of(field)) {
    if (item == nullptr) continue;
    if (!item->known()) {
      acc.maybe(s.not_known(name, item));
    } else if (item->is_string() && too_complex(item)) {
      acc.maybe(s.too_long(name));
    } else if (item->is_string() && hit(item)) {
      if (item->partial) {
        acc.maybe(s.not_known(name, item));
      } else {
        acc.yes(item);
      }
    }
  }
  return acc.result();
}

// With NotAction/NotResource an Allow grants everything the items do not
// match. Whether it grants part of one of `targets`: true when the known items
// together do not cover that target and no unknown item, nor any filling of a
// partial one, could. Witness: the field itself.
Fact not_field_grants(const Statement& s, std::string_view name, const Value* field,
                      const std::vector<Glob>& targets, Case c) {
  if (field == nullptr) return {};
  if (!field->known()) return maybe(s.not_known(name, field));
  std::vector<Glob> known;
  std::vector<Glob> possible;
  std::string unknown_reason;
  std::string partial_reason;
  for (const Value* item : items_of(field)) {
    if (item == nullptr) continue;
    if (!item->known()) {
      if (unknown_reason.empty()) unknown_reason = s.not_known(name, item);
      continue;
    }
    if (!item->is_string()) continue;
    if (too_complex(item)) {
      if (unknown_reason.empty()) unknown_reason = s.too_long(name);
      continue;
    }
    possible.push_back(detail::pattern_glob(item->text, c));
    if (item->partial) {
      if (partial_reason.empty()) partial_reason = s.not_known(name, item);
    } else {
      known.push_back(possible.back());
    }
  }
  bool open = false;
  for (const Glob& target : targets) {
    if (detail::covers(known, target)) continue;  // excluded whatever the rest is
    if (!unknown_reason.empty() || detail::covers(possible, target)) {
      open = true;
      continue;
    }
    return yes({field});
  }
  if (!open) return {};
  return maybe(unknown_reason.empty() ? partial_reason : unknown_reason);
}

bool is_star(const Value* item) {
  return detail::overlap(detail::literal_glob(item->text), literal("*"));
}

// Resource "*" or a NotResource that does not exclude everything.
Fact any_resource(const Statement& s) {
  return any_of(
      scan(s, "Resource", s.find("Resource"), is_star),
      not_field_grants(s, "NotResource", s.find("NotResource"), {anything()}, Case::kSensitive));
}

// Principal "*", {"AWS": "*"} or a list containing "*".
Fact is_public(const Statement& s, std::string_view name, const Value* p) {
  if (p == nullptr) return {};
  if (!p->known()) return maybe(s.not_known(name, p));
  if (p->is_map()) return scan(s, fmt::format("{}.AWS", name), p->find("AWS"), is_star);
  return scan(s, name, p, is_star);
}

// A Condition key aws:SourceAccount or aws:SourceArn under any operator.
Fact has_source_condition(const Statement& s) {
  const Value* c = s.find("Condition");
  if (c == nullptr || c->kind == core::ValueKind::kNull) return {};
  if (!c->known()) return maybe(s.not_known("Condition", c));
  if (!c->is_map()) return {};
  const Glob account = literal("aws:sourceaccount");
  const Glob arn = literal("aws:sourcearn");
  Acc acc;
  for (const auto& [op, block] : c->entries) {
    if (block == nullptr) continue;
    if (!block->known()) {
      acc.maybe(s.not_known(fmt::format("Condition {}", op), block));
      continue;
    }
    for (const auto& [key, value] : block->entries) {  // empty unless a map
      const Glob k = detail::literal_glob(key, Case::kFold);
      if (!detail::overlap(k, account) && !detail::overlap(k, arn)) continue;
      if (key.find(core::kUnknownMark) != std::string::npos) {
        acc.maybe(fmt::format("a Condition key of statement {} is only partly known", s.number));
      } else {
        acc.yes(value);
      }
    }
  }
  return acc.result();
}

// No Condition, or an empty one.
Fact no_condition(const Statement& s) {
  const Value* c = s.find("Condition");
  if (c == nullptr || c->kind == core::ValueKind::kNull) return yes({});
  if (!c->known()) return maybe(s.not_known("Condition", c));
  return c->is_map() && c->entries.empty() ? yes({}) : no();
}

}  // namespace

bool action_matches(std::string_view a, std::string_view b) {
  return detail::overlap(detail::pattern_glob(a), detail::pattern_glob(b));
}

bool covers_service(std::string_view pattern, std::string_view service) {
  return detail::covers({detail::pattern_glob(pattern)}, service_actions(service));
}

Fact allows_service_wildcard(const Value* doc, const std::vector<std::string>& services) {
  std::vector<Glob> targets;
  for (const std::string& svc : services) targets.push_back(service_actions(svc));
  auto covers_one = [&](const Value* item) {
    const std::vector<Glob> pattern{detail::pattern_glob(item->text)};
    return std::any_of(targets.begin(), targets.end(),
                       [&](const Glob& t) { return detail::covers(pattern, t); });
  };
  return evaluate(doc, [&](const Statement& s) {
    const Fact grants =
        any_of(scan(s, "Action", s.find("Action"), covers_one),
               not_field_grants(s, "NotAction", s.find("NotAction"), targets, Case::kFold));
    return when(is_allow(s), grants);
  });
}

Fact allows_on_any_resource(const Value* doc, const std::vector<std::string>& actions) {
  std::vector<Glob> targets;
  for (const std::string& a : actions) targets.push_back(detail::pattern_glob(a));
  auto overlaps = [&](const Value* item) {
    const Glob g = detail::pattern_glob(item->text);
    return std::any_of(targets.begin(), targets.end(),
                       [&](const Glob& t) { return detail::overlap(g, t); });
  };
  return evaluate(doc, [&](const Statement& s) {
    const Fact grants =
        any_of(scan(s, "Action", s.find("Action"), overlaps),
               not_field_grants(s, "NotAction", s.find("NotAction"), targets, Case::kFold));
    return when(is_allow(s), when(grants, any_resource(s)));
  });
}

Fact allows_wildcard(const Value* doc, bool action, bool resource) {
  Glob service_star;  // anything ending in ":*" (the '*' itself, not a wildcard)
  detail::append(service_star, TokKind::kAny);
  detail::append_literal(service_star, ":*");
  auto wildcard_action = [&](const Value* item) {
    const Glob g = detail::literal_glob(item->text);
    return detail::overlap(g, literal("*")) || detail::overlap(g, service_star);
  };
  return evaluate(doc, [&](const Statement& s) {
    Fact wild;
    if (action) {
      wild =
          any_of(scan(s, "Action", s.find("Action"), wildcard_action),
                 not_field_grants(s, "NotAction", s.find("NotAction"), {anything()}, Case::kFold));
    }
    if (resource) wild = any_of(wild, any_resource(s));
    return when(is_allow(s), wild);
  });
}

Fact trust_without_source_conditions(const Value* doc, const std::vector<std::string>& services) {
  std::vector<Glob> wanted;
  for (const std::string& svc : services) wanted.push_back(literal(svc, Case::kFold));
  auto is_wanted = [&](const Value* item) {
    const Glob g = detail::literal_glob(item->text, Case::kFold);
    return std::any_of(wanted.begin(), wanted.end(),
                       [&](const Glob& w) { return detail::overlap(g, w); });
  };
  return evaluate(doc, [&](const Statement& s) {
    const Value* principal = s.find("Principal");
    Fact service;
    if (principal != nullptr && !principal->known()) {
      service = maybe(s.not_known("Principal", principal));
    } else if (principal != nullptr && principal->is_map()) {
      service = scan(s, "Principal.Service", principal->find("Service"), is_wanted);
    }
    return when(is_allow(s), when(negate(has_source_condition(s)), service));
  });
}

Fact public_principal_without_condition(const Value* doc) {
  return evaluate(doc, [&](const Statement& s) {
    const Value* not_principal = s.find("NotPrincipal");
    Fact open = is_public(s, "Principal", s.find("Principal"));
    if (not_principal != nullptr) {
      open = any_of(open, negate(is_public(s, "NotPrincipal", not_principal), not_principal));
    }
    return when(is_allow(s), when(no_condition(s), open));
  });
}

}  // namespace genlens::rules::iam
