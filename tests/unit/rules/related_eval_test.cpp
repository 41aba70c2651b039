// `related:` conditions over a real graph: directions, via, where, every
// quantifier, Unknown for references that lead outside the scan, and the
// related locations findings carry.
#include <gtest/gtest.h>

#include <algorithm>

#include "../graph/graph_test_util.h"
#include "genlens/rules/engine.h"

namespace {

using genlens::rules::Finding;
using genlens::rules::Verdict;
using Strings = std::vector<std::string>;

constexpr const char* kStack = R"(Parameters:
  NoDefault: {Type: String}
Resources:
  Role: {Type: AWS::IAM::Role, Properties: {RoleName: kb-role}}
  Boundary: {Type: AWS::IAM::ManagedPolicy, Properties: {PolicyDocument: {}}}
  Wide:
    Type: AWS::IAM::Policy
    Properties: {Roles: [!Ref Role], PolicyDocument: {Statement: [{Effect: Allow, Action: '*'}]}}
  Narrow:
    Type: AWS::IAM::Policy
    Properties: {Roles: [kb-role], PolicyDocument: {Statement: [{Effect: Allow, Action: s3:Get*}]}}
  Lonely: {Type: AWS::IAM::Role}
  KbGood:
    Type: AWS::Bedrock::KnowledgeBase
    Properties: {RoleArn: !GetAtt Role.Arn}
  KbParam:
    Type: AWS::Bedrock::KnowledgeBase
    Properties: {RoleArn: !Ref NoDefault}
  KbExternal:
    Type: AWS::Bedrock::KnowledgeBase
    Properties: {RoleArn: 'arn:aws:iam::111122223333:role/elsewhere'}
  KbNone:
    Type: AWS::Bedrock::KnowledgeBase
    Properties: {Name: none}
)";

// "Name: Fail" / "Name: Unknown(reason)" per finding, with related paths.
Strings run(const std::string& resource_type, const std::string& assertion) {
  auto g = genlens::testutil::build_graph({{"stack.yaml", kStack}});
  genlens::core::Diagnostics diags;
  const std::string rule =
      "id: T-SEC-001\nname: t\nsummary: s\npillar: security\n"
      "severity: error\nmessage: m\ntargets:\n"
      "  - format: cloudformation\n    resource: " +
      resource_type + "\n    assert:\n" + assertion + "\n";
  auto rules = genlens::rules::load_rules({{"t.yaml", rule, false}}, diags);
  EXPECT_TRUE(diags.empty()) << diags.all().front().to_string();
  genlens::rules::EvalOptions options;
  options.report_unknown = true;
  Strings out;
  for (const Finding& f : genlens::rules::evaluate(rules, *g, options)) {
    std::string s = f.resource_name + ": ";
    s += f.verdict == Verdict::kUnknown ? f.message : "Fail@" + f.location.logical_path;
    for (const auto& r : f.related) s += " | " + r.logical_path + " (" + r.message + ")";
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(RelatedEval, OutViaExistsAndUnknownOutsideTheScan) {
  EXPECT_EQ(run("AWS::Bedrock::KnowledgeBase", R"(      related:
        via: Properties.RoleArn
        types: [AWS::IAM::Role]
        exists: true)"),
            (Strings{
                "KbExternal: Could not check KbExternal: Properties.RoleArn of KbExternal refers "
                "to a resource that is not in the scanned files.",
                "KbNone: Fail@Resources/KbNone",
                "KbParam: Could not check KbParam: parameter NoDefault has no default.",
            }));
}

TEST(RelatedEval, EachWithNestedIncomingAndRelatedLocations) {
  // The role of a knowledge base must not have an attached policy with a
  // wildcard action.
  EXPECT_EQ(run("AWS::Bedrock::KnowledgeBase", R"(      related:
        via: Properties.RoleArn
        types: [AWS::IAM::Role]
        note: "role {resource}"
        each:
          related:
            direction: in
            via: Properties.Roles
            types: [AWS::IAM::Policy]
            edges: [attaches]
            note: "{resource} grants every action"
            where: {path: 'Properties.PolicyDocument.Statement[*].Action', equals: '*'}
            absent: true)"),
            (Strings{
                "KbExternal: Could not check KbExternal: Properties.RoleArn of KbExternal refers "
                "to a resource that is not in the scanned files.",
                "KbGood: Fail@Resources/KbGood/Properties/RoleArn | Resources/Role (role Role) | "
                "Resources/Wide/Properties/PolicyDocument/Statement/0/Action (Wide grants every "
                "action)",
                "KbParam: Could not check KbParam: parameter NoDefault has no default.",
            }));
}

TEST(RelatedEval, IncomingCountAndAny) {
  EXPECT_EQ(run("AWS::IAM::Role", R"(      related:
        direction: in
        types: [AWS::IAM::Policy]
        count: {ge: 2})"),
            (Strings{"Lonely: Fail@Resources/Lonely"}));
  EXPECT_EQ(run("AWS::IAM::Role", R"(      related:
        direction: in
        types: [AWS::IAM::Policy]
        any: {path: 'Properties.PolicyDocument.Statement[*].Action', equals: 's3:Get*'})"),
            (Strings{"Lonely: Fail@Resources/Lonely"}));
  // Incoming through an attribute that no edge comes from: nothing counts.
  EXPECT_EQ(run("AWS::IAM::Role", R"(      related:
        direction: in
        via: Properties.Users
        types: [AWS::IAM::Policy]
        absent: true)"),
            Strings{});
}

TEST(RelatedEval, AbsentListsTheMembersThatMakeItFail) {
  EXPECT_EQ(run("AWS::IAM::Role", R"(      related:
        direction: in
        edges: [attaches]
        note: "attached: {resource}"
        absent: true)"),
            (Strings{"Role: Fail@Resources/Role | Resources/Wide (attached: Wide) | "
                     "Resources/Narrow (attached: Narrow)"}));
}

}  // namespace
