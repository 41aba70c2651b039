#pragma once
// IAM policy document analysis: pure, three-valued questions over an
// already-resolved policy (core::Value). JSON policy strings are parsed by
// the rule engine (@json) before they get here.
//
// Shared semantics (all five questions):
// - `doc` is a map with `Statement` (one statement map or a list of them), or
//   a list of statements. nullptr, null, a map without `Statement` -> kFalse.
//   An unknown document -> kUnknown; a string document -> kUnknown ("policy
//   document is a string that was not parsed").
// - Only statements whose `Effect` is exactly "Allow" (case-sensitive, as IAM)
//   can make an answer true. A missing Effect, "Deny" or anything else is
//   false. Deny statements are never subtracted from Allows: a question is
//   true when some Allow statement, on its own, makes it true. An unknown
//   Effect, or a partial one that could still read "Allow", is kUnknown.
// - A definite true anywhere wins (every witness is returned), then unknown
//   (the first reason), then false. Statements are numbered from 1 in reasons.
// - Strings are matched as IAM globs ('*', '?'), case-insensitively for
//   actions, service principals and condition keys. A partial string (with
//   core::kUnknownMark runs, e.g. `!Sub 'bedrock:${Param}'`) never makes an
//   answer true: when its unknown runs could be filled in to make it match,
//   the answer is kUnknown; when no filling could ("s3:${X}" is never a
//   bedrock action, "arn:aws:s3:::${B}" is never "*"), it does not match.
// - Non-string items in Action/Resource/Principal lists are ignored.
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/value.h"

namespace genlens::rules::iam {

enum class Truth { kFalse, kTrue, kUnknown };

// Result of asking a question of a policy: kTrue with the values that make it
// true (findings are placed on witnesses[i]->origin), kUnknown with a reason
// ("the Action of statement 2 is not known: <value reason>"), or kFalse.
struct Fact {
  Truth truth = Truth::kFalse;
  std::vector<const core::Value*> witnesses;
  std::string reason;
};

// Whether two IAM action patterns can match a common action: case-insensitive,
// '*' and '?' wildcards on both sides.
//   action_matches("bedrock:*", "bedrock:InvokeModel") == true
//   action_matches("bedrock:Invoke*", "bedrock:InvokeModel*") == true
//   action_matches("bedrock:Get*", "bedrock:InvokeModel") == false
bool action_matches(std::string_view a, std::string_view b);

// Whether IAM action pattern `pattern` matches every action of `service`
// ("bedrock:*", "*", "*:*", "bedrock*:*", "b*" all do; "bedrock:Invoke*" and
// "bedrock-agent:*" do not cover "bedrock").
bool covers_service(std::string_view pattern, std::string_view service);

// An Allow statement with an Action item that matches every action of one of
// `services` (see covers_service; "bedrock:*", "*", "bedrock*:*"), or an Allow
// with NotAction whose items, together, do not exclude every action of one of
// them (NotAction ["bedrock:DeleteX"] still grants nearly all of bedrock).
// Witness: the offending Action item, or the NotAction value.
Fact allows_service_wildcard(const core::Value* doc, const std::vector<std::string>& services);

// An Allow statement whose actions can overlap one of `actions` (globs like
// "bedrock:InvokeModel*"; with NotAction: the NotAction items together do not
// cover that glob) and that applies to any resource: a Resource item that is
// exactly "*", or a NotResource that does not contain "*". Resource patterns
// such as "arn:aws:bedrock:*" are not "any resource".
// Witness: the "*" Resource item, or the NotResource value.
Fact allows_on_any_resource(const core::Value* doc, const std::vector<std::string>& actions);

// An Allow statement with a wildcard action when `action` is set: an Action
// item "*" or "<service>:*" (any item ending in ":*", so "*:*" and "bedrock*:*"
// too), or a NotAction that does not contain "*" (Allow + NotAction grants
// every other action); or, when `resource` is set, a Resource "*" or a
// NotResource without "*". Either kind makes the statement true (two separate calls express
// "both"). Witness: the wildcard items (the NotAction/NotResource value).
Fact allows_wildcard(const core::Value* doc, bool action, bool resource);

// A trust policy (AssumeRolePolicyDocument) with an Allow statement whose
// Principal.Service includes one of `services` (e.g. "bedrock.amazonaws.com",
// compared case-insensitively) and whose Condition has neither an
// aws:SourceAccount nor an aws:SourceArn key (keys case-insensitive, under any
// operator: StringEquals, ArnLike, ForAnyValue:..., ...IfExists, Null).
// Principal "*" is not a service principal here. Actions are not checked.
// Witness: the Principal.Service item.
Fact trust_without_source_conditions(const core::Value* doc,
                                     const std::vector<std::string>& services);

// A resource policy with an Allow statement that is public and has no
// Condition (absent, null or an empty map). Public: Principal "*", or a
// Principal map whose AWS value is or contains "*" (a list Principal
// containing "*" too), or a NotPrincipal that is not itself "*" (Allow +
// NotPrincipal grants everyone else, anonymous users included).
// Witness: the "*" item (the Principal string, the AWS value or its "*" list
// item), or the NotPrincipal value.
Fact public_principal_without_condition(const core::Value* doc);

}  // namespace genlens::rules::iam
