// The registry of predicates, sorted by name. Each entry documents its
// arguments; docs/writing-rules.md explains how rules use them.
#include "rules/predicates/registry.h"

#include <algorithm>

#include "rules/predicates/functions.h"

namespace genlens::rules::predicates {
namespace {

using enum ArgType;

const std::vector<Predicate> kPredicates = {
    {"command_line_flag",
     "A container's `command` or `args` sets one of `flags`: as its own item followed by a "
     "value, as `--flag=value`, or as a word of a shell script item. `boolean`: the flag takes "
     "no value and counts unless written `=false`/`=0`/`=no`/`=off`. `literal`: only a value "
     "written in the manifest counts (not `$(VAR)` set from valueFrom or envFrom, not a shell "
     "`$VAR`). `values`: only a value matching one of these RE2 patterns counts; a value set at "
     "run time is then Unknown. Holds on the items that set the flag.",
     {{"flags", kStringList, true, "flag names, e.g. --api-key"},
      {"boolean", kBool, false, "the flag is a switch without value (default false)"},
      {"literal", kBool, false, "only values written in the manifest count (default false)"},
      {"values", kStringList, false, "RE2 patterns the value must match"}},
     &command_line_flag},
    {"enabled",
     "Holds when `flag` is true; with `flag: {param: NAME}` a rule param switches part of a "
     "rule on or off. The value at `path` is not looked at.",
     {{"flag", kBool, true, "usually {param: NAME}"}},
     &enabled},
    {"entries_equal",
     "For every key matching `keys` (globs) in the map at key path `left`, the map at `right` "
     "has the same value (numbers compare as numbers): GPU requests equal to limits. Does not "
     "hold on the `left` entries that differ or are missing on the right; holds when `left` has "
     "no such key.",
     {{"keys", kStringList, true, "key globs, e.g. nvidia.com/gpu"},
      {"left", kStringList, true, "dotted key path of the first map, e.g. requests"},
      {"right", kStringList, true, "dotted key path of the second map, e.g. limits"}},
     &entries_equal},
    {"has_entry",
     "The map has a key matching one of `keys` (globs with `*` and `?`, case-insensitive); with "
     "`literal`, only entries whose value is a non-empty literal known before deploy count (not "
     "a dynamic reference, a parameter without default or an attribute known after apply). "
     "Holds on those values; never Unknown.",
     {{"keys", kStringList, true, "key globs, e.g. *_API_KEY or nvidia.com/gpu"},
      {"literal", kBool, false, "only literal values count (default false)"}},
     &has_entry},
    {"iam_allows_on_any_resource",
     "An Allow statement grants one of `actions` (IAM globs) on Resource \"*\" or with "
     "NotResource.",
     {{"actions", kStringList, true, "actions to look for, e.g. bedrock:InvokeModel*"}},
     &iam_allows_on_any_resource},
    {"iam_allows_service_wildcard",
     "An Allow statement grants every action of one of `services` (`svc:*`, `*`, or an Allow "
     "with NotAction that does not exclude the service).",
     {{"services", kStringList, true, "IAM service prefixes, e.g. bedrock, sagemaker, aoss"}},
     &iam_allows_service_wildcard},
    {"iam_allows_wildcard",
     "An Allow statement has a wildcard action (`*`, `svc:*`) when `action` is true, or "
     "Resource \"*\" when `resource` is true.",
     {{"action", kBool, false, "look for wildcard actions (default true)"},
      {"resource", kBool, false, "look for Resource \"*\" (default false)"}},
     &iam_allows_wildcard},
    {"iam_public_principal_without_condition",
     "A resource policy allows Principal \"*\" (or AWS: \"*\") in a statement without a "
     "Condition.",
     {},
     &iam_public_principal_without_condition},
    {"iam_trust_without_source_conditions",
     "A trust policy lets one of `services` assume the role with neither an aws:SourceAccount "
     "nor an aws:SourceArn condition.",
     {{"services", kStringList, true, "service principals, e.g. bedrock.amazonaws.com"}},
     &iam_trust_without_source_conditions},
    {"known_before_deploy",
     "The value (and everything inside it) is known from the template: a literal, or resolved "
     "from a parameter default, mapping or condition. Does not hold for values only known at "
     "deploy time (Fn::GetAtt, Ref to a resource, parameter without default, "
     "Fn::ImportValue, partly known Fn::Sub) or a missing value; never Unknown. Tells a literal "
     "from a reference, e.g. to decide a literal by value and a reference by `related`.",
     {},
     &known_before_deploy},
    {"less_than",
     "The number at key `lower` of the value is less than the number at key `upper` (dotted "
     "key paths, e.g. MinCapacity and MaxCapacity under Properties). Unknown when either is "
     "not known; does not hold when either is missing or not a number.",
     {{"lower", kStringList, true, "key path of the smaller number"},
      {"upper", kStringList, true, "key path of the larger number"}},
     &less_than},
    {"matches_glob",
     "The scalar matches one of `patterns` (globs with `*` and `?`, case-insensitive), e.g. an "
     "environment variable name against HF_TOKEN, *_API_KEY. No witness: a rule that negates "
     "it places the finding on another condition's value. Unknown for a value not known.",
     {{"patterns", kStringList, true, "globs"}},
     &matches_glob},
    {"oss_allows_public_access",
     "An entry of an OpenSearch Serverless network policy has AllowFromPublic: true; after a "
     "`related` hop from a collection, only entries whose rules select that collection count.",
     {},
     &oss_allows_public_access},
};

}  // namespace

const std::vector<std::string>& Args::list(const std::string& name) const {
  static const std::vector<std::string> kEmpty;
  auto it = lists.find(name);
  return it == lists.end() ? kEmpty : it->second;
}

bool Args::flag(const std::string& name) const {
  auto it = flags.find(name);
  return it != flags.end() && it->second;
}

const std::vector<Predicate>& all() { return kPredicates; }

const Predicate* find(std::string_view name) {
  auto it = std::find_if(kPredicates.begin(), kPredicates.end(),
                         [&](const Predicate& p) { return p.name == name; });
  return it == kPredicates.end() ? nullptr : &*it;
}

const core::Value* document(const Context& ctx, const core::Value* v, std::string* reason) {
  if (v == nullptr || v->is_map() || v->is_list()) return v;
  if (!v->known()) {
    *reason = v->reason.empty() ? "the policy is not known" : v->reason;
    return nullptr;
  }
  if (!v->is_string() || ctx.json == nullptr) {
    *reason = "the policy is not a document";
    return nullptr;
  }
  return ctx.json->parse(v, reason);
}

}  // namespace genlens::rules::predicates
