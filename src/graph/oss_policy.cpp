#include "genlens/graph/oss_policy.h"

#include <algorithm>

namespace genlens::graph::oss {
namespace {

using core::Value;

// The collection part of a Resource item: "collection/<c>" or "index/<c>/<i>".
bool collection_part(std::string_view item, std::string_view& out) {
  if (item.rfind("collection/", 0) == 0) {
    out = item.substr(11);
    return true;
  }
  if (item.rfind("index/", 0) == 0) {
    out = item.substr(6);
    out = out.substr(0, out.find('/'));
    return true;
  }
  return false;
}

void mark_unknown(Selections& s, const Value* v, std::string_view what) {
  s.unknown = true;
  if (s.reason.empty()) {
    s.reason = v != nullptr && !v->reason.empty() ? v->reason : std::string(what);
  }
}

void select_entry(const Value* entry, std::string_view name, const std::vector<std::string>& types,
                  Selections& out) {
  if (!entry->known()) return mark_unknown(out, entry, "a policy entry is not known");
  const Value* rules = entry->find("Rules");
  if (rules == nullptr) return;
  if (!rules->is_list()) return mark_unknown(out, rules, "the policy's Rules are not known");
  for (const Value* rule : rules->items) {
    if (!rule->is_map()) {
      mark_unknown(out, rule, "a policy rule is not known");
      continue;
    }
    if (!types.empty()) {
      const Value* type = rule->find("ResourceType");
      if (type == nullptr || !type->is_string() || type->partial) {
        mark_unknown(out, type, "a policy rule's ResourceType is not known");
        continue;
      }
      if (std::find(types.begin(), types.end(), type->text) == types.end()) continue;
    }
    const Value* resources = rule->find("Resource");
    if (resources == nullptr) continue;
    std::vector<const Value*> items =
        resources->is_list() ? resources->items : std::vector<const Value*>{resources};
    for (const Value* item : items) {
      std::string_view pattern;
      if (!item->is_string() || !collection_part(item->text, pattern)) {
        if (!item->known()) mark_unknown(out, item, "a policy rule's Resource is not known");
        continue;
      }
      if (item->partial) {
        // "collection/${Name}": the part before the unknown run must match.
        const std::string_view known = pattern.substr(0, pattern.find(core::kUnknownMark));
        if (name.substr(0, known.size()) == known) {
          mark_unknown(out, item, "a policy rule's Resource is not fully known");
        }
        continue;
      }
      if (pattern_matches(pattern, name)) {
        out.selected.push_back({entry, item});
        return;
      }
    }
  }
}

}  // namespace

bool pattern_matches(std::string_view pattern, std::string_view name) {
  // Iterative glob with backtracking to the last '*'.
  size_t p = 0;
  size_t n = 0;
  size_t star = std::string_view::npos;
  size_t mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Selections select(const Value* policy, std::string_view name,
                  const std::vector<std::string>& resource_types) {
  Selections out;
  if (policy == nullptr) return out;
  if (!policy->known()) {
    mark_unknown(out, policy, "the policy is not known");
    return out;
  }
  if (policy->is_list()) {
    for (const Value* entry : policy->items) select_entry(entry, name, resource_types, out);
  } else if (policy->is_map()) {
    select_entry(policy, name, resource_types, out);
  }
  return out;
}

}  // namespace genlens::graph::oss
