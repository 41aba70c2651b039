// Predicates over OpenSearch Serverless policies.
#include "genlens/graph/oss_policy.h"
#include "rules/predicates/functions.h"

namespace genlens::rules::predicates {

using detail::Outcome;

Outcome oss_allows_public_access(const Context& ctx, const core::Value* value, const Args&) {
  if (value == nullptr) return Outcome{Verdict::kFail, {}, {}, {}};
  std::string reason;
  const core::Value* policy = document(ctx, value, &reason);
  if (policy == nullptr) return Outcome{Verdict::kUnknown, {}, reason, {}};
  std::vector<const core::Value*> entries;
  bool unknown = false;
  if (ctx.parent != nullptr && ctx.parent->type == "AWS::OpenSearchServerless::Collection") {
    const core::Value* props = ctx.parent->value->find("Properties");
    const core::Value* name = props != nullptr ? props->find("Name") : nullptr;
    if (name == nullptr || !name->is_string() || name->partial) {
      return Outcome{Verdict::kUnknown, {}, "the collection's name is not known", {}};
    }
    graph::oss::Selections sel = graph::oss::select(policy, name->text);
    for (const auto& s : sel.selected) entries.push_back(s.entry);
    unknown = sel.unknown;
    reason = sel.reason;
  } else if (policy->is_list()) {
    entries = policy->items;
  } else {
    entries.push_back(policy);
  }
  Outcome holds{Verdict::kPass, {}, {}, {}};
  for (const core::Value* entry : entries) {
    const core::Value* pub = entry->is_map() ? entry->find("AllowFromPublic") : nullptr;
    if (pub == nullptr) continue;
    if (!pub->known() || pub->partial) {
      unknown = true;
      if (reason.empty())
        reason = pub->reason.empty() ? "AllowFromPublic is not known" : pub->reason;
      continue;
    }
    if ((pub->kind == core::ValueKind::kBool && pub->boolean) || pub->scalar_text() == "true") {
      holds.witnesses.push_back({pub, false});
    }
  }
  if (!holds.witnesses.empty()) return holds;
  if (unknown) return Outcome{Verdict::kUnknown, {}, reason, {}};
  return Outcome{Verdict::kFail, {}, {}, {}};
}

}  // namespace genlens::rules::predicates
