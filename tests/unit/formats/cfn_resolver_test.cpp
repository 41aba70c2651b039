// cloudformation::Resolver: intrinsic functions to three-valued values, with
// provenance, references and string segments.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../test_support.h"
#include "formats/cloudformation/resolver.h"
#include "genlens/core/value.h"

namespace {

using genlens::core::Node;
using genlens::core::StringSegment;
using genlens::core::Value;
using genlens::core::ValueArena;
using genlens::core::ValueKind;
using genlens::formats::Reference;
using genlens::formats::ReferenceKind;
using genlens::formats::cloudformation::Resolver;
using genlens::formats::cloudformation::same_value;
using genlens::testutil::describe;
using genlens::testutil::node_at;
using genlens::testutil::parse_yaml_ok;
using genlens::testutil::range_str;

constexpr const char* kHeader = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: prod
  NoDef:
    Type: String
  Subnets:
    Type: CommaDelimitedList
    Default: a,b,c
  Ids:
    Type: List<AWS::EC2::Subnet::Id>
    Default: subnet-1,subnet-2
  Ssm:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /my/param
  Count:
    Type: Number
    Default: 3
  NoDefList:
    Type: CommaDelimitedList
Mappings:
  RegionMap:
    prod:
      Size: large
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [a, a]]
  Either: !Or [!Condition IsDev, !Equals [!Ref Env, prod]]
  Unk: !Equals [!Ref NoDef, x]
  UnkAndFalse: !And [!Condition Unk, !Condition IsDev]
  UnkOrTrue: !Or [!Condition Unk, !Condition IsProd]
  UnkAndTrue: !And [!Condition Unk, !Condition IsProd]
  NotUnk: !Not [!Condition Unk]
  BoolVsString: !Equals [true, "true"]
  LoopA: !Condition LoopB
  LoopB: !Condition LoopA
Resources:
  Role:
    Type: AWS::IAM::Role
  R:
    Type: AWS::S3::Bucket
    Properties:
)";

// Parses kHeader + the properties of R (indented by the caller's text) and
// resolves them with one Resolver.
class Resolve : public ::testing::Test {
 protected:
  void load(const std::string& props) {
    doc_ = parse_yaml_ok(std::string(kHeader) + props);
    ASSERT_NE(doc_, nullptr);
    root_ = doc_->roots().front();
    resolver_ = std::make_unique<Resolver>(root_, arena_);
  }
  const Node* node(const std::string& key) const {
    return node_at(root_, "Resources/R/Properties/" + key);
  }
  const Value* prop(const std::string& key) {
    const Node* n = node(key);
    EXPECT_NE(n, nullptr) << key;
    return n == nullptr ? nullptr : resolver_->resolve(n);
  }
  std::string show(const std::string& key) { return describe(prop(key)); }
  std::string reason(const std::string& key) {
    const Value* v = prop(key);
    return v == nullptr ? "<absent>" : v->reason;
  }
  std::vector<std::string> refs() {
    std::vector<std::string> out;
    for (const Reference& r : resolver_->take_references()) {
      const char* kind = r.kind == ReferenceKind::kRef      ? "Ref"
                         : r.kind == ReferenceKind::kGetAtt ? "GetAtt"
                         : r.kind == ReferenceKind::kSub    ? "Sub"
                                                            : "DependsOn";
      out.push_back(std::string(kind) + " " + r.target +
                    (r.attribute.empty() ? "" : "." + r.attribute) + " from " + r.from_path);
    }
    return out;
  }

  std::shared_ptr<genlens::core::Document> doc_;
  const Node* root_ = nullptr;
  ValueArena arena_;
  std::unique_ptr<Resolver> resolver_;
};

using Strings = std::vector<std::string>;

TEST_F(Resolve, RefToParameterWithDefaultIsKnownAtTheRefSite) {
  load("      A: !Ref Env\n");
  const Value* v = prop("A");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(describe(v), "\"prod\"");
  EXPECT_EQ(v->origin, node("A"));  // reported where it is used
  const Node* def = node_at(root_, "Parameters/Env/Default");
  ASSERT_EQ(v->provenance.size(), 1u);
  EXPECT_EQ(v->provenance[0], def);
  EXPECT_EQ(range_str(def->range), "5:14-5:18");
  EXPECT_TRUE(refs().empty());
}

TEST_F(Resolve, RefToParameterWithoutDefaultIsUnknownNamingIt) {
  load("      A: !Ref NoDef\n");
  EXPECT_EQ(show("A"), "<unknown>");
  EXPECT_EQ(reason("A"), "parameter NoDef has no default");
  EXPECT_EQ(prop("A")->origin, node("A"));
}

TEST_F(Resolve, ListParameterDefaultsAreSplitIntoLists) {
  load("      A: !Ref Subnets\n      B: !Ref Ids\n      C: !Ref NoDefList\n");
  EXPECT_EQ(show("A"), "[\"a\", \"b\", \"c\"]");
  EXPECT_EQ(prop("A")->items[1]->origin, node_at(root_, "Parameters/Subnets/Default"));
  EXPECT_EQ(show("B"), "[\"subnet-1\", \"subnet-2\"]");
  EXPECT_EQ(reason("C"), "parameter NoDefList has no default");
}

TEST_F(Resolve, SsmParameterAndPseudoParametersAreUnknown) {
  load("      A: !Ref Ssm\n      B: !Ref AWS::Region\n      C: !Ref AWS::AccountId\n");
  EXPECT_EQ(show("A"), "<unknown>");
  EXPECT_EQ(reason("A"), "parameter Ssm is read from SSM");
  EXPECT_EQ(reason("B"), "pseudo parameter AWS::Region is known at deploy time");
  EXPECT_EQ(reason("C"), "pseudo parameter AWS::AccountId is known at deploy time");
  EXPECT_TRUE(refs().empty());
}

TEST_F(Resolve, NumberParameterDefaultIsANumber) {
  load("      A: !Ref Count\n");
  const Value* v = prop("A");
  EXPECT_EQ(v->kind, ValueKind::kNumber);
  EXPECT_EQ(v->number, 3);
}

TEST_F(Resolve, NoValueRemovesTheProperty) {
  load("      Keep: 1\n      Drop: !Ref AWS::NoValue\n      L: [a, !Ref AWS::NoValue, b]\n");
  EXPECT_EQ(prop("Drop"), nullptr);
  EXPECT_EQ(show("L"), "[\"a\", \"b\"]");
  EXPECT_EQ(describe(resolver_->resolve(node_at(root_, "Resources/R/Properties"))),
            "{Keep: 1, L: [\"a\", \"b\"]}");
}

TEST_F(Resolve, RefAndGetAttToResourcesAreUnknownAndRecorded) {
  load(
      "      A: !Ref Role\n      B: !GetAtt Role.Arn\n      C: !GetAtt [Role, RoleId]\n"
      "      D: !Ref Missing\n");
  EXPECT_EQ(reason("A"), "Ref Role is known after deployment");
  EXPECT_EQ(reason("B"), "Role.Arn is known after deployment");
  EXPECT_EQ(reason("C"), "Role.RoleId is known after deployment");
  EXPECT_EQ(reason("D"), "Ref Missing does not name a parameter or resource in this template");
  EXPECT_EQ(refs(), (Strings{"Ref Role from Resources/R/Properties/A",
                             "GetAtt Role.Arn from Resources/R/Properties/B",
                             "GetAtt Role.RoleId from Resources/R/Properties/C"}));
  (void)prop("B");
  const auto taken = resolver_->take_references();
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].at, node("B"));
  EXPECT_TRUE(resolver_->take_references().empty());  // take clears
}

TEST_F(Resolve, SubSplicesParametersAndMarksUnknownParts) {
  load("      I: !Sub \"arn:${AWS::Partition}:s3:::${Env}-${Role.Arn}-${!Literal}-${Role}\"\n");
  const Value* v = prop("I");
  EXPECT_EQ(describe(v), "\"arn:<?>:s3:::prod-<?>-${Literal}-<?>\"~");
  EXPECT_TRUE(v->partial);
  EXPECT_EQ(v->reason, "pseudo parameter AWS::Partition is known at deploy time");
  EXPECT_EQ(v->text.find(genlens::core::kUnknownMark), 4u);
  EXPECT_EQ(refs(), (Strings{"Sub Role.Arn from Resources/R/Properties/I",
                             "Sub Role from Resources/R/Properties/I"}));
  ASSERT_EQ(v->provenance.size(), 1u);
  EXPECT_EQ(v->provenance[0], node_at(root_, "Parameters/Env/Default"));
}

TEST_F(Resolve, SubSegmentsMapOutputBackToTheTemplate) {
  load("      S: !Sub \"a-${Env}-b${!X}c\"\n");
  const Value* v = prop("S");
  EXPECT_EQ(describe(v), "\"a-prod-b${X}c\"");
  EXPECT_FALSE(v->partial);
  const Node* tmpl = node("S/Fn::Sub");
  EXPECT_EQ(v->origin, tmpl);
  std::vector<std::string> segs;
  for (const StringSegment& s : v->segments) {
    EXPECT_EQ(s.origin, tmpl);
    segs.push_back(std::to_string(s.out_offset) + "->" + std::to_string(s.origin_offset));
  }
  // "a-" at 0, "-b" at 6 (template 8), "${" at 8 (template 10), "X}" at 10
  // (template 13, past the '!'), "c" at 12 (template 15).
  EXPECT_EQ(segs, (Strings{"0->0", "6->8", "8->10", "10->13", "12->15"}));
}

TEST_F(Resolve, SubEscapedLiteralMapsItsNameToTheName) {
  load("      S: !Sub \"${!Name}\"\n");
  const Value* v = prop("S");
  EXPECT_EQ(describe(v), "\"${Name}\"");
  // Output offset 2 ('N') should map to template offset 3 ('N' after "${!").
  size_t mapped = std::string::npos;
  for (const StringSegment& s : v->segments) {
    if (s.out_offset <= 2) mapped = s.origin_offset + (2 - s.out_offset);
  }
  EXPECT_EQ(mapped, 3u);
}

TEST_F(Resolve, SubListFormUsesLocalVariables) {
  load(
      "      A: !Sub ['${Name}-${Env}', {Name: !Ref Role}]\n"
      "      B: !Sub ['${Name}/${Env}', {Name: literal, Env: local}]\n");
  const Value* a = prop("A");
  EXPECT_EQ(describe(a), "\"<?>-prod\"~");
  EXPECT_EQ(a->reason, "Ref Role is known after deployment");
  EXPECT_EQ(show("B"), "\"literal/local\"");
  EXPECT_EQ(refs(), (Strings{"Ref Role from Resources/R/Properties/A/Fn::Sub/1/Name"}));
}

TEST_F(Resolve, SubWithUndefinedOrDefaultlessVariableIsPartial) {
  load("      A: !Sub 'x-${Nope}'\n      B: !Sub '${NoDef}-y'\n      C: !Sub 'open ${Env'\n");
  EXPECT_EQ(show("A"), "\"x-<?>\"~");
  EXPECT_EQ(reason("A"), "${Nope} is not defined in this template");
  EXPECT_EQ(show("B"), "\"<?>-y\"~");
  EXPECT_EQ(reason("B"), "parameter NoDef has no default");
  EXPECT_EQ(show("C"), "\"open ${Env\"");
}

TEST_F(Resolve, JoinConcatenatesKnownPartsAndMarksUnknownOnes) {
  load(
      "      A: !Join ['-', [a, !Ref Env, !Ref NoDef]]\n"
      "      B: !Join [',', !Ref Subnets]\n"
      "      C: !Join [',', !Ref NoDefList]\n"
      "      D: !Join ['', [x, !Ref AWS::NoValue, y]]\n");
  EXPECT_EQ(show("A"), "\"a-prod-<?>\"~");
  EXPECT_EQ(reason("A"), "parameter NoDef has no default");
  EXPECT_EQ(show("B"), "\"a,b,c\"");
  EXPECT_EQ(show("C"), "<unknown>");
  EXPECT_EQ(reason("C"), "Fn::Join over a list that is not known");
  EXPECT_EQ(show("D"), "\"xy\"");
}

TEST_F(Resolve, SelectAndSplit) {
  load(
      "      A: !Select [1, !Ref Subnets]\n"
      "      B: !Select [5, [a]]\n"
      "      C: !Select [0, !GetAZs '']\n"
      "      D: !Split [',', 'x,y,,z']\n"
      "      E: !Select [1, !Split ['/', 'a/b/c']]\n"
      "      F: !Split [',', !Sub '${AWS::Region},b']\n"
      "      G: !Select ['0', [first]]\n");
  EXPECT_EQ(show("A"), "\"b\"");
  EXPECT_EQ(reason("B"), "Fn::Select index out of range");
  EXPECT_EQ(reason("C"), "Fn::Select over values that are not known");
  EXPECT_EQ(show("D"), "[\"x\", \"y\", \"\", \"z\"]");
  EXPECT_EQ(show("E"), "\"b\"");
  EXPECT_EQ(reason("F"), "Fn::Split of a string that is not known");
  EXPECT_EQ(show("G"), "\"first\"");
}

TEST_F(Resolve, FindInMapKnownAndMissingKeys) {
  load(
      "      A: !FindInMap [RegionMap, !Ref Env, Size]\n"
      "      B: !FindInMap [RegionMap, dev, Size]\n"
      "      C: !FindInMap [RegionMap, !Ref NoDef, Size]\n"
      "      D: !FindInMap [NoMap, prod, Size]\n");
  const Value* a = prop("A");
  EXPECT_EQ(describe(a), "\"large\"");
  EXPECT_EQ(a->origin, node("A"));
  ASSERT_FALSE(a->provenance.empty());
  EXPECT_EQ(a->provenance[0], node_at(root_, "Mappings/RegionMap/prod/Size"));
  EXPECT_EQ(reason("B"), "Fn::FindInMap entry not found");
  EXPECT_EQ(reason("C"), "Fn::FindInMap with a key that is not known");
  EXPECT_EQ(reason("D"), "Fn::FindInMap entry not found");
}

TEST_F(Resolve, ConditionsResolveFromParameterDefaults) {
  load("      A: 1\n");
  EXPECT_EQ(resolver_->condition("IsProd"), true);
  EXPECT_EQ(resolver_->condition("IsDev"), false);
  EXPECT_EQ(resolver_->condition("Both"), true);
  EXPECT_EQ(resolver_->condition("Either"), true);
  EXPECT_EQ(resolver_->condition("Unk"), std::nullopt);
  EXPECT_EQ(resolver_->condition("UnkAndFalse"), false);
  EXPECT_EQ(resolver_->condition("UnkOrTrue"), true);
  EXPECT_EQ(resolver_->condition("UnkAndTrue"), std::nullopt);
  EXPECT_EQ(resolver_->condition("NotUnk"), std::nullopt);
  EXPECT_EQ(resolver_->condition("BoolVsString"), true);
  EXPECT_EQ(resolver_->condition("LoopA"), std::nullopt);  // a cycle, not a crash
  EXPECT_EQ(resolver_->condition("Undefined"), std::nullopt);
}

TEST_F(Resolve, IfPicksTheBranchOfAKnownCondition) {
  load(
      "      A: !If [IsProd, yes-prod, no]\n"
      "      B: !If [IsDev, x, !Ref AWS::NoValue]\n"
      "      C: !If [UnkOrTrue, !Ref Env, other]\n"
      "      D: !If [Either, {K: v}, [1]]\n");
  EXPECT_EQ(show("A"), "\"yes-prod\"");
  EXPECT_EQ(prop("B"), nullptr);
  EXPECT_EQ(show("C"), "\"prod\"");
  EXPECT_EQ(show("D"), "{K: \"v\"}");
}

TEST_F(Resolve, IfOnAnUnknownConditionIsUnknownUnlessBranchesAgree) {
  load(
      "      A: !If [Unk, a, b]\n"
      "      B: !If [Unk, same, same]\n"
      "      C: !If [Unk, {K: [1, x]}, {K: [1, x]}]\n"
      "      D: !If [Unk, !Ref AWS::NoValue, !Ref AWS::NoValue]\n"
      "      E: !If [Unk, !Ref NoDef, !Ref NoDef]\n"
      "      F: !If [Undefined, a, b]\n");
  EXPECT_EQ(show("A"), "<unknown>");
  EXPECT_EQ(reason("A"), "depends on condition Unk");
  EXPECT_EQ(show("B"), "\"same\"");
  EXPECT_EQ(show("C"), "{K: [1, \"x\"]}");
  EXPECT_EQ(prop("D"), nullptr);
  EXPECT_EQ(show("E"), "<unknown>");
  EXPECT_EQ(reason("F"), "depends on condition Undefined");
}

TEST_F(Resolve, DynamicReferencesAreUnknown) {
  load(
      "      A: '{{resolve:ssm:/app/key}}'\n"
      "      B: 'pre-{{resolve:secretsmanager:s:SecretString:pw}}'\n"
      "      C: '{not dynamic}'\n");
  EXPECT_EQ(reason("A"), "dynamic reference resolved at deploy time");
  EXPECT_EQ(show("B"), "<unknown>");
  EXPECT_EQ(show("C"), "\"{not dynamic}\"");
}

TEST_F(Resolve, DeployTimeFunctionsAreUnknownButTheirReferencesAreRecorded) {
  load(
      "      A: !ImportValue shared\n"
      "      B: !Base64 {Ref: Env}\n"
      "      C: !GetAZs ''\n"
      "      D: !Cidr [!GetAtt Role.Cidr, 6, 5]\n"
      "      E: !Transform {Name: X}\n");
  EXPECT_EQ(reason("A"), "Fn::ImportValue is evaluated at deploy time");
  EXPECT_EQ(reason("B"), "Fn::Base64 is evaluated at deploy time");
  EXPECT_EQ(reason("C"), "Fn::GetAZs is evaluated at deploy time");
  EXPECT_EQ(reason("D"), "Fn::Cidr is evaluated at deploy time");
  EXPECT_EQ(reason("E"), "Fn::Transform is evaluated at deploy time");
  EXPECT_EQ(refs(), (Strings{"GetAtt Role.Cidr from Resources/R/Properties/D/Fn::Cidr/0"}));
}

TEST_F(Resolve, BindingsServeRefAndSubOfLoopVariables) {
  load("      A: !Ref Id\n      B: !Sub 'q-${Id}'\n");
  resolver_->bind("Id", "one");
  EXPECT_EQ(show("A"), "\"one\"");
  EXPECT_EQ(show("B"), "\"q-one\"");
  resolver_->unbind("Id");
  EXPECT_EQ(reason("A"), "Ref Id does not name a parameter or resource in this template");
}

TEST_F(Resolve, ValueBudgetStopsResolution) {
  ValueArena tiny(3);
  load("      L: [a, b, c, d, e]\n");
  Resolver r(root_, tiny);
  EXPECT_EQ(r.resolve(node("L")), nullptr);
  EXPECT_TRUE(tiny.exhausted());
}

TEST_F(Resolve, LiteralNumbersFollowYamlNotation) {
  load(
      "      Dec: 42\n      Neg: -.5\n      Exp: 1e3\n      Hex: 0x1F\n      Plus: +4\n"
      "      Oct: 0o17\n      Inf: .inf\n      Quoted: '42'\n");
  const std::vector<std::pair<std::string, double>> numbers = {
      {"Dec", 42}, {"Neg", -0.5}, {"Exp", 1000}, {"Hex", 31}, {"Plus", 4}};
  for (const auto& [key, want] : numbers) {
    SCOPED_TRACE(key);
    const Value* v = prop(key);
    ASSERT_EQ(v->kind, ValueKind::kNumber);
    EXPECT_EQ(v->number, want);
  }
  EXPECT_EQ(prop("Quoted")->kind, ValueKind::kString);
  EXPECT_EQ(prop("Oct")->number, 15);
  EXPECT_EQ(prop("Inf")->kind, ValueKind::kNumber);
}

TEST(SameValue, ComparesKnownValuesStructurally) {
  auto doc = parse_yaml_ok("a: {k: [1, x]}\nb: {k: [1, x]}\nc: {k: [1, y]}\nd: '1'\ne: 1\n");
  ASSERT_NE(doc, nullptr);
  ValueArena arena;
  auto lit = [&](const char* k) {
    return genlens::core::literal_value(arena, doc->roots()[0]->find(k));
  };
  EXPECT_TRUE(same_value(lit("a"), lit("b")));
  EXPECT_FALSE(same_value(lit("a"), lit("c")));
  EXPECT_FALSE(same_value(lit("d"), lit("e")));  // string vs number
  EXPECT_TRUE(same_value(nullptr, nullptr));
  EXPECT_FALSE(same_value(lit("a"), nullptr));
  Value unknown;
  unknown.kind = ValueKind::kUnknown;
  EXPECT_FALSE(same_value(&unknown, &unknown));
}

}  // namespace
