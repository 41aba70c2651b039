// Predicates over IAM policy documents (rules/predicates/iam_policy.h does
// the analysis; these adapt it to rule conditions).
#include "rules/predicates/functions.h"
#include "rules/predicates/iam_policy.h"

namespace genlens::rules::predicates {
namespace {

using detail::Outcome;

// Parses a JSON-string policy, asks `question`, and turns the answer into an
// outcome: holds (pass, on the witnesses), does not hold (fail), unknown.
template <typename Question>
Outcome ask(const Context& ctx, const core::Value* value, Question question) {
  if (value == nullptr) return Outcome{Verdict::kFail, {}, {}, {}};
  std::string reason;
  const core::Value* doc = document(ctx, value, &reason);
  if (doc == nullptr) return Outcome{Verdict::kUnknown, {}, reason, {}};
  const iam::Fact fact = question(doc);
  switch (fact.truth) {
    case iam::Truth::kTrue: {
      Outcome o{Verdict::kPass, {}, {}, {}};
      for (const core::Value* w : fact.witnesses) o.witnesses.push_back({w, false});
      return o;
    }
    case iam::Truth::kUnknown:
      return Outcome{Verdict::kUnknown, {}, fact.reason, {}};
    case iam::Truth::kFalse:
      break;
  }
  return Outcome{Verdict::kFail, {}, {}, {}};
}

}  // namespace

Outcome iam_allows_on_any_resource(const Context& ctx, const core::Value* v, const Args& args) {
  return ask(ctx, v, [&](const core::Value* doc) {
    return iam::allows_on_any_resource(doc, args.list("actions"));
  });
}

Outcome iam_allows_service_wildcard(const Context& ctx, const core::Value* v, const Args& args) {
  return ask(ctx, v, [&](const core::Value* doc) {
    return iam::allows_service_wildcard(doc, args.list("services"));
  });
}

Outcome iam_allows_wildcard(const Context& ctx, const core::Value* v, const Args& args) {
  const bool action = args.flags.count("action") == 0 || args.flag("action");
  const bool resource = args.flag("resource");
  return ask(ctx, v,
             [&](const core::Value* doc) { return iam::allows_wildcard(doc, action, resource); });
}

Outcome iam_public_principal_without_condition(const Context& ctx, const core::Value* v,
                                               const Args&) {
  return ask(ctx, v,
             [](const core::Value* doc) { return iam::public_principal_without_condition(doc); });
}

Outcome iam_trust_without_source_conditions(const Context& ctx, const core::Value* v,
                                            const Args& args) {
  return ask(ctx, v, [&](const core::Value* doc) {
    return iam::trust_without_source_conditions(doc, args.list("services"));
  });
}

}  // namespace genlens::rules::predicates
