// ConditionEvaluator: the three-valued semantics of docs/writing-rules.md,
// over values produced by the CloudFormation adapter and conditions loaded
// from rule YAML.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "../test_support.h"
#include "genlens/formats/cloudformation.h"
#include "genlens/rules/rule.h"
#include "rules/engine/condition_eval.h"

namespace {

using genlens::core::Diagnostics;
using genlens::formats::Unit;
using genlens::rules::RuleSet;
using genlens::rules::RuleSource;
using genlens::rules::Verdict;
using genlens::rules::detail::ConditionEvaluator;
using genlens::rules::detail::JsonCache;
using genlens::rules::detail::Outcome;

constexpr const char* kTemplate = R"(Parameters:
  NoDef: {Type: String}
  Env: {Type: String, Default: prod}
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      Str: hello
      Empty: ''
      Nothing: null
      Unk: !Ref NoDef
      Known: !Ref Env
      BoolT: true
      StrTrue: 'true'
      StrUpper: 'TRUE'
      Num: 5
      NumStr: '5'
      Float: 5.0
      Big: 86400
      Text: abc
      Map: {Get: Parameters.X}
      Partial: !Sub 'arn:${AWS::Region}:x'
      List: [a, b, c]
      EmptyList: []
      Items:
        - {Name: a, Type: ml.g5.xlarge, Size: 10}
        - {Name: b, Type: ml.t3.medium, Size: 200}
        - {Name: c, Type: ml.t3.large}
        - !Ref NoDef
      Tags:
        - {Key: env, Value: prod}
        - {Key: team, Value: ml}
        - {Key: env, Value: dev}
      Policy: '{"Statement": [{"Effect": "Allow", "Principal": "*"}, {"Effect": "Deny", "Principal": "arn"}]}'
      PartialPolicy: !Sub '{"Principal": "${AWS::AccountId}", "Effect": "Deny"}'
      BadJson: '{not json'
      UnkCfg: !Ref NoDef
      Range: {Lo: 1, Hi: 4, Same: 4, StrLo: '2', Word: many, UnkHi: !Ref NoDef, Nested: {Max: 9}}
)";

constexpr const char* kRuleHead = R"(id: GAI-TST-001
name: t
summary: s
pillar: security
severity: error
message: m
params: {max: 86400, allowed: [x, hello], want: prod, flag: true}
targets:
  - format: cloudformation
    resource: AWS::S3::Bucket
    assert: )";

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kPass:
      return "Pass";
    case Verdict::kFail:
      return "Fail";
    case Verdict::kUnknown:
      return "Unknown";
    case Verdict::kNotApplicable:
      return "NotApplicable";
  }
  return "?";
}

class Eval : public ::testing::Test {
 protected:
  void SetUp() override {
    auto doc = genlens::testutil::parse_yaml_ok(kTemplate);
    ASSERT_NE(doc, nullptr);
    Diagnostics adapt_diags;
    unit_ = genlens::formats::cloudformation::adapt(doc, doc->roots().front(), adapt_diags);
    ASSERT_TRUE(adapt_diags.empty());
    ASSERT_EQ(unit_.resources.size(), 1u);
    json_.set_document(unit_.document.get());
  }

  // "Pass", "Fail[witness, missing witness]" or "Unknown(reason)" for a
  // condition written in YAML flow style.
  std::string check(const std::string& condition) {
    Diagnostics load_diags;
    rules_ = std::make_unique<RuleSet>(genlens::rules::load_rules(
        {RuleSource{"t.yaml", std::string(kRuleHead) + condition + "\n", false}}, load_diags));
    if (!load_diags.empty()) return "rule error: " + load_diags.all()[0].to_string();
    const auto& rule = *rules_->rules().at(0);
    ConditionEvaluator eval(rule.meta, json_);
    const Outcome o = eval.eval(rule.targets[0].assertion, unit_.resources[0].value);
    std::string out = verdict_name(o.verdict);
    if (o.verdict == Verdict::kUnknown) return out + "(" + o.reason + ")";
    if (o.verdict != Verdict::kFail) return out;
    out += "[";
    for (size_t i = 0; i < o.witnesses.size(); ++i) {
      const auto& w = o.witnesses[i];
      if (i > 0) out += ", ";
      if (w.missing) out += "missing ";
      out += w.value != nullptr && w.value->origin != nullptr ? w.value->origin->path() : "?";
    }
    return out + "]";
  }

  Unit unit_;
  Diagnostics json_diags_;
  JsonCache json_{&json_diags_};
  std::unique_ptr<RuleSet> rules_;
};

constexpr const char* kP = "Resources/R/Properties";
std::string at(const std::string& rel) { return std::string(kP) + "/" + rel; }
std::string fail(const std::string& rel) { return "Fail[" + at(rel) + "]"; }
const std::string kFailMissing = std::string("Fail[missing ") + kP + "]";
const std::string kNoDef = "Unknown(parameter NoDef has no default)";

TEST_F(Eval, ExistsOnPresentMissingNullEmptyAndUnknown) {
  EXPECT_EQ(check("{path: Properties.Str, exists: true}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Missing, exists: true}"), kFailMissing);
  EXPECT_EQ(check("{path: Nope.Deeper, exists: true}"), "Fail[missing Resources/R]");
  EXPECT_EQ(check("{path: Properties.Nothing, exists: true}"), fail("Nothing"));
  EXPECT_EQ(check("{path: Properties.Empty, exists: true}"), fail("Empty"));
  EXPECT_EQ(check("{path: Properties.EmptyList, exists: true}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Unk, exists: true}"), "Pass");  // Unknown counts as present
  EXPECT_EQ(check("{path: Properties.Partial, exists: true}"), "Pass");
  EXPECT_EQ(check("{path: Properties.UnkCfg.Key, exists: true}"), kNoDef);  // through Unknown
}

TEST_F(Eval, AbsentOnMissingPresentAndUnknown) {
  EXPECT_EQ(check("{path: Properties.Missing, absent: true}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Str, absent: true}"), fail("Str"));
  EXPECT_EQ(check("{path: Properties.Unk, absent: true}"), fail("Unk"));
  EXPECT_EQ(check("{path: Properties.Str, exists: false}"), fail("Str"));
  EXPECT_EQ(check("{path: Properties.Missing, exists: false}"), "Pass");
}

TEST_F(Eval, ExistsFalseIsTheNegationOfExistsTrue) {
  // exists: true fails on an empty string and on null, so exists: false must pass.
  EXPECT_EQ(check("{path: Properties.Empty, exists: true}"), fail("Empty"));
  EXPECT_EQ(check("{path: Properties.Empty, exists: false}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Nothing, exists: false}"), "Pass");
}

TEST_F(Eval, EqualsCoercesBooleansAndNumbers) {
  EXPECT_EQ(check("{path: Properties.BoolT, equals: true}"), "Pass");
  EXPECT_EQ(check("{path: Properties.StrTrue, equals: true}"), "Pass");
  EXPECT_EQ(check("{path: Properties.StrUpper, equals: true}"), "Pass");
  EXPECT_EQ(check("{path: Properties.BoolT, equals: 'true'}"), "Pass");
  EXPECT_EQ(check("{path: Properties.StrTrue, equals: false}"), fail("StrTrue"));
  EXPECT_EQ(check("{path: Properties.NumStr, equals: 5}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Num, equals: '5'}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Float, equals: 5}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Text, equals: 5}"), fail("Text"));
  EXPECT_EQ(check("{path: Properties.Map, equals: x}"), fail("Map"));
  EXPECT_EQ(check("{path: Properties.Known, equals: prod}"), "Pass");  // Ref -> Default
  EXPECT_EQ(check("{path: Properties.Known, equals: dev}"), fail("Known"));
}

TEST_F(Eval, EqualsOnMissingUnknownAndPartial) {
  EXPECT_EQ(check("{path: Properties.Missing, equals: x}"), kFailMissing);
  EXPECT_EQ(check("{path: Properties.Missing, not_equals: x}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Unk, equals: x}"), kNoDef);
  EXPECT_EQ(check("{path: Properties.Unk, not_equals: x}"), kNoDef);
  EXPECT_EQ(check("{path: Properties.Partial, equals: x}"),
            "Unknown(pseudo parameter AWS::Region is known at deploy time)");
  EXPECT_EQ(check("{path: Properties.Str, not_equals: hello}"), fail("Str"));
  EXPECT_EQ(check("{path: Properties.Str, not_equals: other}"), "Pass");
}

TEST_F(Eval, InAndNotIn) {
  EXPECT_EQ(check("{path: Properties.Str, in: [x, hello]}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Str, in: [x]}"), fail("Str"));
  EXPECT_EQ(check("{path: Properties.NumStr, in: [1, 5]}"), "Pass");
  EXPECT_EQ(check("{path: Properties.StrTrue, in: [true]}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Missing, in: [x]}"), kFailMissing);
  EXPECT_EQ(check("{path: Properties.Missing, not_in: [x]}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Unk, in: [x]}"), kNoDef);
  EXPECT_EQ(check("{path: Properties.Str, not_in: [hello]}"), fail("Str"));
  EXPECT_EQ(check("{path: Properties.Str, in: {param: allowed}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Text, not_in: {param: allowed}}"), "Pass");
}

TEST_F(Eval, MatchesIsAnUnanchoredRe2Search) {
  EXPECT_EQ(check("{path: 'Properties.Items[0].Type', matches: '^ml\\.g5\\.'}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Str, matches: ell}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Str, matches: '^ell'}"), fail("Str"));
  EXPECT_EQ(check("{path: Properties.Num, matches: '^5$'}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Map, matches: '.'}"), fail("Map"));
  EXPECT_EQ(check("{path: Properties.Missing, matches: '.'}"), kFailMissing);
  EXPECT_EQ(check("{path: Properties.Partial, matches: arn}"),
            "Unknown(pseudo parameter AWS::Region is known at deploy time)");
}

TEST_F(Eval, NumericComparisons) {
  EXPECT_EQ(check("{path: Properties.Num, lt: 10}"), "Pass");
  EXPECT_EQ(check("{path: Properties.NumStr, lt: 10}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Num, lt: 5}"), fail("Num"));
  EXPECT_EQ(check("{path: Properties.Num, le: 5}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Num, gt: 4.5}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Num, ge: 6}"), fail("Num"));
  EXPECT_EQ(check("{path: Properties.Big, le: {param: max}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Big, lt: {param: max}}"), fail("Big"));
  EXPECT_EQ(check("{path: Properties.Text, lt: 1}"), fail("Text"));
  EXPECT_EQ(check("{path: Properties.Missing, lt: 1}"), kFailMissing);
}

TEST_F(Eval, NumericComparisonOfUnknownMapOrListIsUnknown) {
  EXPECT_EQ(check("{path: Properties.Unk, lt: 1}"), kNoDef);
  EXPECT_EQ(check("{path: Properties.Map, lt: 1}"),
            "Unknown(value is an expression, not a number)");
  EXPECT_EQ(check("{path: Properties.List, ge: 1}"),
            "Unknown(value is an expression, not a number)");
}

TEST_F(Eval, EachFailsOnEveryFailingItemAndPassesVacuously) {
  EXPECT_EQ(check("{path: Properties.Items, each: {path: Size, le: 100}}"),
            "Fail[" + at("Items/1/Size") + ", missing " + at("Items/2") + "]");
  EXPECT_EQ(check("{path: Properties.List, each: {matches: '^[a-c]$'}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Missing, each: {equals: x}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.EmptyList, each: {equals: x}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Nothing, each: {path: Size, exists: true}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Items, each: {path: Name, exists: true}}"), kNoDef);
}

TEST_F(Eval, AnyNeedsOneMatchingItem) {
  EXPECT_EQ(check("{path: Properties.Items, any: {path: Name, equals: b}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Items, any: {path: Name, equals: zzz}}"), kNoDef);
  EXPECT_EQ(check("{path: Properties.List, any: {equals: z}}"), fail("List"));
  EXPECT_EQ(check("{path: Properties.List, any: {equals: b}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Missing, any: {equals: x}}"), kFailMissing);
  EXPECT_EQ(check("{path: Properties.EmptyList, any: {equals: x}}"), fail("EmptyList"));
  EXPECT_EQ(check("{path: Properties.Nothing, any: {path: Size, absent: true}}"), fail("Nothing"));
}

TEST_F(Eval, QuantifiersOverAnUnknownListAreUnknown) {
  EXPECT_EQ(check("{path: Properties.UnkCfg, each: {path: Size, le: 100}}"), kNoDef);
  EXPECT_EQ(check("{path: Properties.UnkCfg, any: {equals: x}}"), kNoDef);
  EXPECT_EQ(check("{path: 'Properties.UnkCfg[*]', equals: x}"), kNoDef);
  EXPECT_EQ(check("{path: Properties.UnkCfg.Key, absent: true}"), kNoDef);
  EXPECT_EQ(check("{path: Properties.Nothing.Key, exists: true}"),
            "Fail[missing " + at("Nothing") + "]");
}

TEST_F(Eval, AllCombinesFailOverUnknownOverPass) {
  EXPECT_EQ(check("{all: [{path: Properties.Str, exists: true}, {path: Properties.Num, lt: 9}]}"),
            "Pass");
  EXPECT_EQ(check("{all: [{path: Properties.Str, exists: true}, {path: Properties.Unk, equals: "
                  "x}]}"),
            kNoDef);
  EXPECT_EQ(check("{all: [{path: Properties.Unk, equals: x}, {path: Properties.Missing, exists: "
                  "true}, {path: Properties.Num, lt: 1}]}"),
            "Fail[missing " + std::string(kP) + ", " + at("Num") + "]");
}

TEST_F(Eval, AnyOfPassesOnOneAndIsUnknownOtherwiseIfAnyIsUnknown) {
  EXPECT_EQ(check("{any_of: [{path: Properties.Missing, exists: true}, {path: Properties.Str, "
                  "exists: true}]}"),
            "Pass");
  EXPECT_EQ(check("{any_of: [{path: Properties.Missing, exists: true}, {path: Properties.Unk, "
                  "equals: x}]}"),
            kNoDef);
  EXPECT_EQ(check("{any_of: [{path: Properties.Missing, exists: true}, {path: Properties.Str, "
                  "equals: x}]}"),
            "Fail[missing " + std::string(kP) + ", " + at("Str") + "]");
}

TEST_F(Eval, NotSwapsPassAndFailAndKeepsUnknown) {
  EXPECT_EQ(check("{not: {path: Properties.Str, equals: hello}}"), fail("Str"));
  EXPECT_EQ(check("{not: {path: Properties.Str, equals: x}}"), "Pass");
  EXPECT_EQ(check("{not: {path: Properties.Unk, equals: x}}"), kNoDef);
}

TEST_F(Eval, WildcardGivesOneWitnessPerFailingMatch) {
  EXPECT_EQ(check("{path: 'Properties.Items[*].Size', lt: 100}"),
            "Fail[" + at("Items/1/Size") + ", missing " + at("Items/2") + "]");
  EXPECT_EQ(check("{path: 'Properties.Tags[*].Value', exists: true}"), "Pass");
  EXPECT_EQ(check("{path: 'Properties.Tags[*].Owner', exists: true}"),
            "Fail[missing " + at("Tags/0") + ", missing " + at("Tags/1") + ", missing " +
                at("Tags/2") + "]");
  EXPECT_EQ(check("{path: 'Properties.EmptyList[*]', equals: x}"), "Pass");
  EXPECT_EQ(check("{path: 'Properties.Tags[1].Value', equals: ml}"), "Pass");
  EXPECT_EQ(check("{path: 'Properties.Tags[9].Value', exists: true}"),
            "Fail[missing " + at("Tags") + "]");
}

TEST_F(Eval, FiltersSelectTheItemsTheConditionMustHoldAt) {
  EXPECT_EQ(check("{path: 'Properties.Tags[Key == env].Value', equals: prod}"),
            fail("Tags/2/Value"));
  EXPECT_EQ(check("{path: 'Properties.Tags[Key != env].Value', equals: ml}"), "Pass");
  EXPECT_EQ(check("{path: 'Properties.Tags[Key in (env, team)].Value', in: [prod, ml]}"),
            fail("Tags/2/Value"));
  EXPECT_EQ(check("{path: 'Properties.Tags[Key not in (team)].Value', equals: dev}"),
            fail("Tags/0/Value"));
  EXPECT_EQ(check("{path: 'Properties.Tags[Key == none].Value', exists: true}"), "Pass");
  // An Unknown item might match the filter.
  EXPECT_EQ(check("{path: 'Properties.Items[Name == a].Type', equals: ml.g5.xlarge}"), kNoDef);
}

TEST_F(Eval, JsonStepOnAKnownString) {
  EXPECT_EQ(check("{path: 'Properties.Policy@json.Statement[*].Effect', equals: Allow}"),
            fail("Policy@json/Statement/1/Effect"));
  EXPECT_EQ(
      check("{path: 'Properties.Policy@json.Statement[Effect == Allow].Principal', not_equals: "
            "'*'}"),
      fail("Policy@json/Statement/0/Principal"));
  EXPECT_EQ(check("{path: 'Properties.Policy@json.Statement', each: {path: Effect, in: [Allow, "
                  "Deny]}}"),
            "Pass");
  EXPECT_TRUE(json_diags_.empty());
}

TEST_F(Eval, JsonStepOnAPartialStringLeavesUnknownLeaves) {
  EXPECT_EQ(check("{path: 'Properties.PartialPolicy@json.Principal', equals: x}"),
            "Unknown(part of the string is not known before deployment)");
  EXPECT_EQ(check("{path: 'Properties.PartialPolicy@json.Effect', equals: Deny}"), "Pass");
  EXPECT_EQ(check("{path: 'Properties.PartialPolicy@json.Effect', equals: Allow}"),
            fail("PartialPolicy/Fn::Sub@json/Effect"));
}

TEST_F(Eval, JsonStepOnInvalidJsonOrUnknownIsUnknown) {
  const std::string bad = check("{path: 'Properties.BadJson@json.X', exists: true}");
  EXPECT_EQ(bad.rfind("Unknown(embedded JSON does not parse: ", 0), 0u) << bad;
  ASSERT_EQ(json_diags_.all().size(), 1u);
  EXPECT_EQ(json_diags_.all()[0].code, "embedded-json");
  (void)check("{path: 'Properties.BadJson@json.Y', exists: true}");
  EXPECT_EQ(json_diags_.all().size(), 1u);  // reported once per string
  EXPECT_EQ(check("{path: 'Properties.Unk@json.X', exists: true}"), kNoDef);
  EXPECT_EQ(check("{path: 'Properties.Str@json', exists: true}").rfind("Unknown(", 0), 0u);
}

TEST_F(Eval, ParamOperands) {
  EXPECT_EQ(check("{path: Properties.Known, equals: {param: want}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Str, equals: {param: want}}"), fail("Str"));
  EXPECT_EQ(check("{path: Properties.BoolT, equals: {param: flag}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.StrTrue, equals: {param: flag}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Big, ge: {param: max}}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Str, matches: {param: want}}"), fail("Str"));
}

TEST_F(Eval, ParamInsideAnInListIsResolved) {
  EXPECT_EQ(check("{path: Properties.Str, in: [x, {param: want}]}"), fail("Str"));
  EXPECT_EQ(check("{path: Properties.Known, in: [x, {param: want}]}"), "Pass");
}

TEST_F(Eval, KnownBeforeDeployTellsLiteralsFromDeployTimeValues) {
  EXPECT_EQ(check("{path: Properties.Str, predicate: known_before_deploy}"), "Pass");
  EXPECT_EQ(check("{path: Properties.Known, predicate: known_before_deploy}"), "Pass");
  EXPECT_EQ(check("{path: Properties.List, predicate: known_before_deploy}"), "Pass");
  // Never Unknown: a deploy-time value simply is not known before deploy.
  EXPECT_EQ(check("{path: Properties.Unk, predicate: known_before_deploy}"), fail("Unk"));
  EXPECT_EQ(check("{path: Properties.Partial, predicate: known_before_deploy}"),
            fail("Partial/Fn::Sub"));
  EXPECT_EQ(check("{path: Properties.Items, predicate: known_before_deploy}"), fail("Items"));
  EXPECT_EQ(check("{path: Properties.Missing, predicate: known_before_deploy}"), kFailMissing);
  // Negated, it holds for deploy-time values (and a literal fails without a
  // witness of its own, so the resource is the fallback).
  EXPECT_EQ(check("{not: {path: Properties.Unk, predicate: known_before_deploy}}"), "Pass");
  EXPECT_EQ(check("{not: {path: Properties.Str, predicate: known_before_deploy}}"), "Fail[]");
}

TEST_F(Eval, LessThanComparesTwoKeysOfTheValue) {
  const std::string range = "{path: Properties.Range, predicate: less_than, args: ";
  EXPECT_EQ(check(range + "{lower: Lo, upper: Hi}}"), "Pass");
  EXPECT_EQ(check(range + "{lower: StrLo, upper: Hi}}"), "Pass");
  EXPECT_EQ(check(range + "{lower: Lo, upper: Nested.Max}}"), "Pass");
  EXPECT_EQ(check(range + "{lower: Hi, upper: Same}}"), fail("Range/Same"));
  EXPECT_EQ(check(range + "{lower: Hi, upper: Lo}}"), fail("Range/Lo"));
  EXPECT_EQ(check(range + "{lower: Lo, upper: Word}}"), fail("Range/Word"));
  EXPECT_EQ(check(range + "{lower: Lo, upper: Nope}}"), fail("Range"));
  EXPECT_EQ(check(range + "{lower: Lo, upper: UnkHi}}"), kNoDef);
}

TEST_F(Eval, EnabledFollowsItsFlag) {
  EXPECT_EQ(check("{predicate: enabled, args: {flag: {param: flag}}}"), "Pass");
  EXPECT_EQ(check("{predicate: enabled, args: {flag: false}}"), "Fail[Resources/R]");
  EXPECT_EQ(check("{not: {predicate: enabled, args: {flag: {param: flag}}}}"), "Fail[]");
}

}  // namespace
