#include "graph/label_selector.h"

#include <string>
#include <string_view>

namespace genlens::graph::detail {
namespace {

using core::Value;

bool known_scalar(const Value* v) {
  return v != nullptr && v->known() && !v->partial && !v->is_map() && !v->is_list();
}

// The label `key` of `labels`: kYes with its value, kNo when absent, kMaybe
// when the labels (or the key) are not known.
Match label(const Value* labels, const Value* key, const Value*& value) {
  value = nullptr;
  if (labels == nullptr || labels->kind == core::ValueKind::kNull) return Match::kNo;
  if (!labels->is_map() || !known_scalar(key)) return Match::kMaybe;
  value = labels->find(key->scalar_text());
  return value != nullptr ? Match::kYes : Match::kNo;
}

// Every entry of a map of label -> value holds.
Match all_labels(const Value* map, const Value* labels) {
  if (!map->is_map()) return Match::kMaybe;
  Match out = Match::kYes;
  for (const auto& [key, want] : map->entries) {
    if (labels != nullptr && labels->is_map()) {
      const Value* have = labels->find(key);
      out = both(out, have == nullptr ? Match::kNo : same_text(want, have));
    } else {
      out = both(out, labels == nullptr || labels->kind == core::ValueKind::kNull ? Match::kNo
                                                                                  : Match::kMaybe);
    }
  }
  return out;
}

// `value` is one of `values` (a list).
Match one_of(const Value* value, const Value* values) {
  if (values == nullptr || !values->is_list()) return Match::kMaybe;
  Match out = Match::kNo;
  for (const Value* v : values->items) out = either(out, same_text(v, value));
  return out;
}

Match negate(Match m) {
  if (m == Match::kMaybe) return m;
  return m == Match::kYes ? Match::kNo : Match::kYes;
}

// One matchExpressions requirement. An operator that is not one of the four
// (the API server rejects it) is not guessed at.
Match requirement(const Value* req, const Value* labels) {
  if (req == nullptr || !req->is_map()) return Match::kMaybe;
  const Value* op = req->find("operator");
  if (!known_scalar(op)) return Match::kMaybe;
  const Value* value = nullptr;
  const Match present = label(labels, req->find("key"), value);
  const std::string o = op->scalar_text();
  if (o == "Exists") return present;
  if (o == "DoesNotExist") return negate(present);
  if (o != "In" && o != "NotIn") return Match::kMaybe;
  const Match in = present == Match::kYes ? one_of(value, req->find("values")) : present;
  return o == "In" ? in : negate(in);
}

}  // namespace

// A label value is a string as written, or a number or boolean's text (YAML
// `version: 1`, which the API server would reject, reads as "1").
Match same_text(const Value* a, const Value* b) {
  if (!known_scalar(a) || !known_scalar(b)) return Match::kMaybe;
  return a->scalar_text() == b->scalar_text() ? Match::kYes : Match::kNo;
}

Match both(Match a, Match b) {
  if (a == Match::kNo || b == Match::kNo) return Match::kNo;
  return a == Match::kMaybe || b == Match::kMaybe ? Match::kMaybe : Match::kYes;
}

Match either(Match a, Match b) {
  if (a == Match::kYes || b == Match::kYes) return Match::kYes;
  return a == Match::kMaybe || b == Match::kMaybe ? Match::kMaybe : Match::kNo;
}

Match match_plain_selector(const Value* selector, const Value* labels) {
  if (selector == nullptr || selector->kind == core::ValueKind::kNull) return Match::kNo;
  if (selector->is_map() && selector->entries.empty()) return Match::kNo;
  return all_labels(selector, labels);
}

Match match_label_selector(const Value* selector, const Value* labels) {
  if (selector == nullptr || selector->kind == core::ValueKind::kNull) return Match::kNo;
  if (!selector->is_map()) return Match::kMaybe;
  Match out = Match::kYes;
  if (const Value* ml = selector->find("matchLabels");
      ml != nullptr && ml->kind != core::ValueKind::kNull) {
    out = both(out, all_labels(ml, labels));
  }
  if (const Value* me = selector->find("matchExpressions");
      me != nullptr && me->kind != core::ValueKind::kNull) {
    if (!me->is_list()) return both(out, Match::kMaybe);
    for (const Value* req : me->items) out = both(out, requirement(req, labels));
  }
  return out;
}

}  // namespace genlens::graph::detail
