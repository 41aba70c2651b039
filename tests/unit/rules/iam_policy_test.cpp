// IAM policy questions over policies resolved by the CloudFormation adapter
// (real origins, unknown parameters, partial Fn::Sub strings) and over
// literal YAML values: document shapes, Effect, service wildcards, any
// resource, wildcard actions and resources.
#include <gtest/gtest.h>

#include <string>

#include "iam_fixture.h"

namespace {

using iam_test::Fact;
using iam_test::IamFixture;
using iam_test::kNoDef;
using iam_test::one;
using iam_test::show;
using iam_test::Truth;
using iam_test::Value;
namespace iam = genlens::rules::iam;

class IamPolicy : public IamFixture {};

TEST_F(IamPolicy, DocumentShapes) {
  EXPECT_EQ(show(iam::allows_wildcard(nullptr, true, true)), "False");
  EXPECT_EQ(wild("{Version: '2012-10-17'}", true, true), "False");
  EXPECT_EQ(wild("{Statement: null}", true, true), "False");
  EXPECT_EQ(wild(one("Effect: Allow, Action: '*'"), true, false), "True[Statement/Action]");
  EXPECT_EQ(wild("{Statement: [{Effect: Allow, Action: ['s3:GetObject', '*']}]}", true, false),
            "True[Statement/0/Action/1]");
  EXPECT_EQ(wild("'{\"Statement\": []}'", true, true),
            "Unknown(policy document is a string that was not parsed)");
  EXPECT_EQ(wild("!Ref NoDef", true, true),
            "Unknown(the policy document is not known: " + kNoDef + ")");
  EXPECT_EQ(wild("{Statement: !Ref NoDef}", true, true),
            "Unknown(the Statement of the policy document is not known: " + kNoDef + ")");
  EXPECT_EQ(wild("{Statement: [{Effect: Allow, Action: 's3:Get'}, !Ref NoDef]}", true, false),
            "Unknown(statement 2 is not known: " + kNoDef + ")");
  EXPECT_EQ(wild("{Statement: ['junk', 3]}", true, true), "False");
}

TEST_F(IamPolicy, DocumentAsListOfStatementsFromLiteralYaml) {
  auto d = genlens::testutil::parse_yaml_ok(
      "- {Effect: Deny, Action: '*'}\n- {Effect: Allow, Action: ['s3:Get*', 'sagemaker:*']}\n");
  ASSERT_NE(d, nullptr);
  genlens::core::ValueArena arena;
  const Value* v = genlens::core::literal_value(arena, d->roots().front());
  const Fact f = iam::allows_service_wildcard(v, {"sagemaker"});
  ASSERT_EQ(f.truth, Truth::kTrue);
  ASSERT_EQ(f.witnesses.size(), 1u);
  EXPECT_EQ(f.witnesses[0]->text, "sagemaker:*");
  EXPECT_EQ(genlens::testutil::pos_str(f.witnesses[0]->origin->range.begin), "2:39");
  EXPECT_EQ(iam::allows_service_wildcard(v, {"bedrock"}).truth, Truth::kFalse);
}

TEST_F(IamPolicy, ServiceWildcardForms) {
  EXPECT_EQ(svc(one("Effect: Allow, Action: 'bedrock:*'")), "True[Statement/Action]");
  EXPECT_EQ(svc(one("Effect: Allow, Action: ['s3:GetObject', 'sagemaker:*', 'bedrock:*']")),
            "True[Statement/Action/1, Statement/Action/2]");
  EXPECT_EQ(svc(one("Effect: Allow, Action: '*'")), "True[Statement/Action]");
  EXPECT_EQ(svc(one("Effect: Allow, Action: 'bedrock*:*'")), "True[Statement/Action]");
  EXPECT_EQ(svc(one("Effect: Allow, Action: 'BEDROCK:*'")), "True[Statement/Action]");
  EXPECT_EQ(svc(one("Effect: Allow, Action: 'bedrock:Invoke*'")), "False");
  EXPECT_EQ(svc(one("Effect: Allow, Action: ['s3:*', 'kendra:*']")), "False");
  EXPECT_EQ(svc(one("Effect: Allow, Action: 'bedrock-agent:*'"), {"bedrock-agent"}),
            "True[Statement/Action]");
  EXPECT_EQ(svc(one("Effect: Allow, Action: 'bedrock-agent:*'"), {"bedrock"}), "False");
}

TEST_F(IamPolicy, ServiceWildcardWithNotAction) {
  EXPECT_EQ(svc(one("Effect: Allow, NotAction: 's3:*'")), "True[Statement/NotAction]");
  EXPECT_EQ(svc(one("Effect: Allow, NotAction: 'bedrock:DeleteX'"), {"bedrock"}),
            "True[Statement/NotAction]");
  EXPECT_EQ(svc(one("Effect: Allow, NotAction: 'bedrock:*'"), {"bedrock"}), "False");
  EXPECT_EQ(svc(one("Effect: Allow, NotAction: 'bedrock:*'")), "True[Statement/NotAction]");
  EXPECT_EQ(svc(one("Effect: Allow, NotAction: ['Bedrock:*', 'sagemaker:*']")), "False");
  EXPECT_EQ(svc(one("Effect: Allow, NotAction: '*'")), "False");
  EXPECT_EQ(svc(one("Effect: Deny, NotAction: 's3:*'")), "False");
}

TEST_F(IamPolicy, DenyNeverMakesAnythingTrue) {
  EXPECT_EQ(svc(one("Effect: Deny, Action: 'bedrock:*'")), "False");
  // Denies are not subtracted: the Allow alone makes it true.
  EXPECT_EQ(svc("{Statement: [{Effect: Deny, Action: 'bedrock:*', Resource: '*'},"
                " {Effect: Allow, Action: 'bedrock:*', Resource: '*'}]}"),
            "True[Statement/1/Action]");
  EXPECT_EQ(svc(one("Effect: allow, Action: 'bedrock:*'")), "False");  // case-sensitive
  EXPECT_EQ(svc(one("Action: 'bedrock:*'")), "False");                 // no Effect
}

TEST_F(IamPolicy, UnknownAndPartialEffect) {
  EXPECT_EQ(svc(one("Effect: !Ref NoDef, Action: 'bedrock:*'")),
            "Unknown(the Effect of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(svc(one("Effect: !Sub 'Al${Svc}', Action: 'bedrock:*'")),
            "Unknown(the Effect of statement 1 is only partly known (\"Al<?>\"): parameter Svc "
            "has no default)");
  EXPECT_EQ(svc(one("Effect: !Sub 'De${Svc}', Action: 'bedrock:*'")), "False");
  EXPECT_EQ(svc(one("Effect: !Ref NoDef, Action: 's3:*'")), "False");     // false either way
  EXPECT_EQ(svc(one("Effect: !Ref Env, Action: 'bedrock:*'")), "False");  // "prod"
}

TEST_F(IamPolicy, UnknownAndPartialActions) {
  EXPECT_EQ(svc(one("Effect: Allow, Action: !Ref NoDef")),
            "Unknown(the Action of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(svc(one("Effect: Allow, Action: ['s3:GetObject', !Ref NoDef]")),
            "Unknown(the Action of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(svc(one("Effect: Allow, Action: !Sub 'bedrock:${Svc}'")),
            "Unknown(the Action of statement 1 is only partly known (\"bedrock:<?>\"): "
            "parameter Svc has no default)");
  EXPECT_EQ(svc(one("Effect: Allow, Action: !Sub '${Svc}:*'")),
            "Unknown(the Action of statement 1 is only partly known (\"<?>:*\"): "
            "parameter Svc has no default)");
  EXPECT_EQ(svc(one("Effect: Allow, Action: !Sub 's3:${Svc}'")), "False");
  EXPECT_EQ(svc(one("Effect: Allow, Action: !Sub 'bedrock:Get${Svc}'")), "False");
  EXPECT_EQ(svc(one("Effect: Allow, NotAction: ['s3:*', !Ref NoDef]"), {"bedrock"}),
            "Unknown(the NotAction of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(svc(one("Effect: Allow, NotAction: !Sub 'bedrock:${Svc}'"), {"bedrock"}),
            "Unknown(the NotAction of statement 1 is only partly known (\"bedrock:<?>\"): "
            "parameter Svc has no default)");
  EXPECT_EQ(svc(one("Effect: Allow, NotAction: !Sub 's3:${Svc}'"), {"bedrock"}),
            "True[Statement/NotAction/Fn::Sub]");
}

TEST_F(IamPolicy, DefiniteTrueWinsThenUnknownThenFalse) {
  EXPECT_EQ(svc("{Statement: [{Effect: Allow, Action: !Ref NoDef},"
                " {Effect: Allow, Action: 'sagemaker:*'}]}"),
            "True[Statement/1/Action]");
  EXPECT_EQ(
      svc("{Statement: [{Effect: Allow, Action: 's3:*'},"
          " {Effect: !Ref NoDef, Action: 'bedrock:*'}, {Effect: Allow, Action: !Ref NoDef}]}"),
      "Unknown(the Effect of statement 2 is not known: " + kNoDef + ")");
  EXPECT_EQ(svc("{Statement: [{Effect: Allow, Action: 's3:*'}, {Effect: Deny, Action: '*'}]}"),
            "False");
}

TEST_F(IamPolicy, AnyResource) {
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel', Resource: '*'")),
            "True[Statement/Resource]");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel', Resource: ['arn:aws:x', '*']")),
            "True[Statement/Resource/1]");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:*', Resource: '*'")),
            "True[Statement/Resource]");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:Invoke*', Resource: '*'")),
            "True[Statement/Resource]");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'BEDROCK:invokemodel', Resource: '*'")),
            "True[Statement/Resource]");
  EXPECT_EQ(res(one("Effect: Allow, Action: '*', Resource: '*'")), "True[Statement/Resource]");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:*'")),
            "False");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:Get*', Resource: '*'")), "False");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel'")), "False");  // no Resource
  EXPECT_EQ(res(one("Effect: Deny, Action: 'bedrock:InvokeModel', Resource: '*'")), "False");
}

TEST_F(IamPolicy, AnyResourceWithNotResourceAndNotAction) {
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel', NotResource: 'arn:aws:x'")),
            "True[Statement/NotResource]");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel', NotResource: ['a', '*']")),
            "False");
  EXPECT_EQ(res(one("Effect: Allow, NotAction: 's3:*', Resource: '*'")),
            "True[Statement/Resource]");
  EXPECT_EQ(res(one("Effect: Allow, NotAction: ['bedrock:*', 'sagemaker:*'], Resource: '*'")),
            "False");
  // InvokeModelWithResponseStream is still granted.
  EXPECT_EQ(res(one("Effect: Allow, NotAction: ['bedrock:InvokeModel', 'sagemaker:*'],"
                    " Resource: '*'")),
            "True[Statement/Resource]");
  // Together (not one by one) the two items exclude every InvokeModel* action.
  EXPECT_EQ(res(one("Effect: Allow, NotAction: ['bedrock:InvokeModel', 'bedrock:InvokeModel?*',"
                    " 'sagemaker:*'], Resource: '*'")),
            "False");
}

TEST_F(IamPolicy, AnyResourceUnknowns) {
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel', Resource: !Ref NoDef")),
            "Unknown(the Resource of statement 1 is not known: " + kNoDef + ")");
  // Known characters other than the mark: never exactly "*".
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel',"
                    " Resource: !Sub 'arn:aws:s3:::${Svc}'")),
            "False");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel', Resource: !Sub '${Svc}'")),
            "Unknown(the Resource of statement 1 is only partly known (\"<?>\"): parameter Svc "
            "has no default)");
  EXPECT_EQ(res(one("Effect: Allow, Action: !Sub 'bedrock:${Svc}', Resource: '*'")),
            "Unknown(the Action of statement 1 is only partly known (\"bedrock:<?>\"): "
            "parameter Svc has no default)");
  EXPECT_EQ(res(one("Effect: Allow, Action: !Ref NoDef, Resource: 'arn:aws:x'")), "False");
  EXPECT_EQ(res(one("Effect: Allow, NotAction: !Ref NoDef, Resource: '*'")),
            "Unknown(the NotAction of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(
      res(one("Effect: Allow, Action: 'bedrock:InvokeModel', NotResource: !Sub 'arn:${Svc}'")),
      "True[Statement/NotResource/Fn::Sub]");
  EXPECT_EQ(res(one("Effect: Allow, Action: 'bedrock:InvokeModel', NotResource: [!Ref NoDef]")),
            "Unknown(the NotResource of statement 1 is not known: " + kNoDef + ")");
}

TEST_F(IamPolicy, WildcardActionAndResource) {
  EXPECT_EQ(wild(one("Effect: Allow, Action: 's3:*', Resource: 'arn:x'"), true, true),
            "True[Statement/Action]");
  EXPECT_EQ(wild(one("Effect: Allow, Action: '*:*'"), true, false), "True[Statement/Action]");
  EXPECT_EQ(wild(one("Effect: Allow, Action: 's3:Get*', Resource: 'arn:x'"), true, true), "False");
  EXPECT_EQ(wild(one("Effect: Allow, Action: 's3:GetObject', Resource: '*'"), true, false),
            "False");
  EXPECT_EQ(wild(one("Effect: Allow, Action: 's3:GetObject', Resource: '*'"), false, true),
            "True[Statement/Resource]");
  EXPECT_EQ(wild(one("Effect: Allow, Action: '*', Resource: '*'"), true, true),
            "True[Statement/Action, Statement/Resource]");
  EXPECT_EQ(wild(one("Effect: Allow, Action: '*', Resource: '*'"), false, false), "False");
  EXPECT_EQ(wild(one("Effect: Allow, NotAction: 'iam:*'"), true, false),
            "True[Statement/NotAction]");
  EXPECT_EQ(wild(one("Effect: Allow, NotAction: '*'"), true, false), "False");
  EXPECT_EQ(wild(one("Effect: Deny, Action: '*', Resource: '*'"), true, true), "False");
  EXPECT_EQ(wild(one("Effect: Allow, Action: !Sub 's3:${Svc}'"), true, false),
            "Unknown(the Action of statement 1 is only partly known (\"s3:<?>\"): parameter Svc "
            "has no default)");
  EXPECT_EQ(wild(one("Effect: Allow, Action: !Sub '${Svc}:GetObject'"), true, false), "False");
}

TEST_F(IamPolicy, OverlongItemsAreUnknownNotMatched) {
  const std::string huge = "bedrock:" + std::string(3000, '*');
  EXPECT_EQ(svc(one("Effect: Allow, Action: '" + huge + "'")),
            "Unknown(the Action of statement 1 is too long or has too many wildcards to analyse)");
  EXPECT_EQ(svc(one("Effect: Allow, Action: ['" + huge + "', 'bedrock:*']")),
            "True[Statement/Action/1]");
  EXPECT_EQ(svc(one("Effect: Allow, Action: '" + std::string(33, '?') + ":*'")),
            "Unknown(the Action of statement 1 is too long or has too many wildcards to analyse)");
  EXPECT_EQ(
      svc(one("Effect: Allow, NotAction: '" + huge + "'"), {"bedrock"}),
      "Unknown(the NotAction of statement 1 is too long or has too many wildcards to analyse)");
}

}  // namespace
