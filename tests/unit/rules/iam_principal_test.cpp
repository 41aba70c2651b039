// IAM principal questions (trust policies without source conditions, public
// resource policies without conditions) and policies written as Fn::Sub
// JSON strings, parsed the way the rule engine parses them (@json).
#include <gtest/gtest.h>

#include <string>

#include "iam_fixture.h"
#include "rules/engine/path_eval.h"

namespace {

using iam_test::Fact;
using iam_test::IamFixture;
using iam_test::kNoDef;
using iam_test::one;
using iam_test::show;
using iam_test::Truth;
using iam_test::Value;
namespace iam = genlens::rules::iam;

class IamPrincipal : public IamFixture {};

constexpr const char* kBedrock = "Effect: Allow, Principal: {Service: 'bedrock.amazonaws.com'}";

TEST_F(IamPrincipal, TrustWithoutSourceConditions) {
  EXPECT_EQ(trust(one(kBedrock)), "True[Statement/Principal/Service]");
  EXPECT_EQ(trust(one("Effect: Allow, Principal: {Service: ['lambda.amazonaws.com',"
                      " 'Bedrock.AmazonAWS.com']}")),
            "True[Statement/Principal/Service/1]");
  EXPECT_EQ(trust(one(std::string(kBedrock) +
                      ", Condition: {StringEquals: {'aws:PrincipalOrgID': 'o-1'}}")),
            "True[Statement/Principal/Service]");
  EXPECT_EQ(trust(one(std::string(kBedrock) + ", Condition: {}")),
            "True[Statement/Principal/Service]");
  EXPECT_EQ(trust(one("Effect: Allow, Principal: {Service: 'lambda.amazonaws.com'}")), "False");
  EXPECT_EQ(trust(one("Effect: Allow, Principal: '*'")), "False");
  EXPECT_EQ(trust(one("Effect: Allow, Principal: {AWS: 'arn:aws:iam::1:root'}")), "False");
  EXPECT_EQ(trust(one("Effect: Deny, Principal: {Service: 'bedrock.amazonaws.com'}")), "False");
  EXPECT_EQ(trust("{Statement: [{Effect: Allow, Principal: {Service: 'lambda.amazonaws.com'}},"
                  " {" +
                  std::string(kBedrock) + "}]}"),
            "True[Statement/1/Principal/Service]");
}

TEST_F(IamPrincipal, TrustSourceAccountArnBothAnyOperatorAnyCase) {
  const std::string b = std::string(kBedrock) + ", Condition: ";
  EXPECT_EQ(trust(one(b + "{StringEquals: {'aws:SourceAccount': '123456789012'}}")), "False");
  EXPECT_EQ(trust(one(b + "{ArnLike: {'aws:SourceArn': 'arn:aws:bedrock:*'}}")), "False");
  EXPECT_EQ(trust(one(b + "{StringEquals: {'aws:SourceAccount': '1'},"
                          " ArnLike: {'aws:SourceArn': 'arn:x'}}")),
            "False");
  EXPECT_EQ(trust(one(b + "{'ForAnyValue:StringLike': {'AWS:SOURCEARN': 'arn:x'}}")), "False");
  EXPECT_EQ(trust(one(b + "{StringEqualsIfExists: {'aws:sourceaccount': '1'}}")), "False");
  // The key is what matters, not whether its value is known.
  EXPECT_EQ(trust(one(b + "{StringEquals: {'aws:SourceAccount': !Ref 'AWS::AccountId'}}")),
            "False");
  EXPECT_EQ(trust(one(b + "{StringEquals: {'aws:SourceAccountX': '1', 'aws:Source': '2'}}")),
            "True[Statement/Principal/Service]");
}

TEST_F(IamPrincipal, TrustUnknowns) {
  EXPECT_EQ(trust(one("Effect: Allow, Principal: {Service: !Sub 'bedrock.${AWS::URLSuffix}'}")),
            "Unknown(the Principal.Service of statement 1 is only partly known "
            "(\"bedrock.<?>\"): pseudo parameter AWS::URLSuffix is known at deploy time)");
  EXPECT_EQ(trust(one("Effect: Allow, Principal: {Service: !Sub 'lambda.${AWS::URLSuffix}'}")),
            "False");
  EXPECT_EQ(trust(one("Effect: Allow, Principal: !Ref NoDef")),
            "Unknown(the Principal of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(trust(one("Effect: Allow, Principal: {Service: [!Ref NoDef]}")),
            "Unknown(the Principal.Service of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(trust(one(std::string(kBedrock) + ", Condition: !Ref NoDef")),
            "Unknown(the Condition of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(trust(one(std::string(kBedrock) + ", Condition: {StringEquals: !Ref NoDef}")),
            "Unknown(the Condition StringEquals of statement 1 is not known: " + kNoDef + ")");
  // A source condition settles it even when the principal is not known.
  EXPECT_EQ(trust(one("Effect: Allow, Principal: !Ref NoDef,"
                      " Condition: {StringEquals: {'aws:SourceAccount': '1'}}")),
            "False");
}

TEST_F(IamPrincipal, PublicPrincipalForms) {
  EXPECT_EQ(pub(one("Effect: Allow, Principal: '*', Action: 's3:GetObject'")),
            "True[Statement/Principal]");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: {AWS: '*'}")), "True[Statement/Principal/AWS]");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: {AWS: ['arn:aws:iam::1:root', '*']}")),
            "True[Statement/Principal/AWS/1]");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: ['*']")), "True[Statement/Principal/0]");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: {AWS: 'arn:aws:iam::1:root'}")), "False");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: {Service: 's3.amazonaws.com'}")), "False");
  EXPECT_EQ(pub(one("Effect: Deny, Principal: '*'")), "False");
  EXPECT_EQ(pub(one("Effect: Allow")), "False");
  // Allow + NotPrincipal grants everyone else.
  EXPECT_EQ(pub(one("Effect: Allow, NotPrincipal: {AWS: 'arn:aws:iam::1:root'}")),
            "True[Statement/NotPrincipal]");
  EXPECT_EQ(pub(one("Effect: Allow, NotPrincipal: {AWS: '*'}")), "False");
}

TEST_F(IamPrincipal, PublicPrincipalConditions) {
  EXPECT_EQ(
      pub(one("Effect: Allow, Principal: '*', Condition: {Bool: {'aws:SecureTransport': 'true'}}")),
      "False");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: '*', Condition: {}")), "True[Statement/Principal]");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: '*', Condition: null")),
            "True[Statement/Principal]");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: '*', Condition: !Ref NoDef")),
            "Unknown(the Condition of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: {AWS: 'arn:x'}, Condition: !Ref NoDef")), "False");
}

TEST_F(IamPrincipal, PublicPrincipalUnknowns) {
  EXPECT_EQ(pub(one("Effect: Allow, Principal: !Ref NoDef")),
            "Unknown(the Principal of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: {AWS: !Ref NoDef}")),
            "Unknown(the Principal.AWS of statement 1 is not known: " + kNoDef + ")");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: {AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'}")),
            "False");
  EXPECT_EQ(pub(one("Effect: Allow, Principal: {AWS: !Sub '${Svc}'}")),
            "Unknown(the Principal.AWS of statement 1 is only partly known (\"<?>\"): parameter "
            "Svc has no default)");
  EXPECT_EQ(pub(one("Effect: Allow, NotPrincipal: {AWS: !Ref NoDef}")),
            "Unknown(the NotPrincipal.AWS of statement 1 is not known: " + kNoDef + ")");
}

// Policies written as JSON strings: the value is a string (partial when
// Fn::Sub has unknown runs) until the engine parses it; parsed, it is an
// ordinary document whose positions point into the template.
TEST_F(IamPrincipal, SubJsonPolicyShapes) {
  const Value* known = doc(
      R"(!Sub '{"Statement": [{"Effect": "Allow", "Action": "bedrock:*", "Resource": "arn:${Env}"}]}')");
  ASSERT_NE(known, nullptr);
  ASSERT_TRUE(known->is_string());
  EXPECT_FALSE(known->partial);
  EXPECT_EQ(show(iam::allows_service_wildcard(known, {"bedrock"})),
            "Unknown(policy document is a string that was not parsed)");
  genlens::core::Diagnostics diags;
  genlens::rules::detail::JsonCache json(&diags);
  json.set_document(units_.back().document.get());
  std::string reason;
  const Value* parsed = json.parse(known, &reason);
  ASSERT_NE(parsed, nullptr) << reason;
  const Fact f = iam::allows_service_wildcard(parsed, {"bedrock"});
  ASSERT_EQ(f.truth, Truth::kTrue);
  ASSERT_EQ(f.witnesses.size(), 1u);
  EXPECT_EQ(f.witnesses[0]->text, "bedrock:*");
  EXPECT_EQ(genlens::testutil::pos_str(f.witnesses[0]->origin->range.begin), "9:74");
  EXPECT_EQ(iam::allows_on_any_resource(parsed, {"bedrock:InvokeModel"}).truth, Truth::kFalse);
}

TEST_F(IamPrincipal, SubJsonPolicyWithUnknownRuns) {
  const Value* partial = doc(
      R"(!Sub '{"Statement": {"Effect": "Allow", "Action": "bedrock:${Svc}", "Resource": "*"}}')");
  ASSERT_NE(partial, nullptr);
  ASSERT_TRUE(partial->is_string());
  EXPECT_TRUE(partial->partial);
  EXPECT_EQ(iam::allows_on_any_resource(partial, {"bedrock:InvokeModel"}).reason,
            "policy document is a string that was not parsed");
  genlens::core::Diagnostics diags;
  genlens::rules::detail::JsonCache json(&diags);
  json.set_document(units_.back().document.get());
  std::string reason;
  const Value* parsed = json.parse(partial, &reason);
  ASSERT_NE(parsed, nullptr) << reason;
  const Value* action = genlens::testutil::value_at(parsed, "Statement/Action");
  ASSERT_NE(action, nullptr);
  EXPECT_TRUE(action->partial);
  const Fact f = iam::allows_on_any_resource(parsed, {"bedrock:InvokeModel"});
  EXPECT_EQ(f.truth, Truth::kUnknown);
  EXPECT_EQ(f.reason.rfind("the Action of statement 1 is only partly known (\"bedrock:<?>\")", 0),
            0u)
      << f.reason;
  EXPECT_EQ(iam::allows_on_any_resource(parsed, {"s3:GetObject"}).truth, Truth::kFalse);
  EXPECT_EQ(show(iam::allows_wildcard(parsed, false, true)),
            "True[Fn::Sub@json/Statement/Resource]");
}

}  // namespace
