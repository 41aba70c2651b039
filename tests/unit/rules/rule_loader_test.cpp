// rules::load_rules: a valid rule's model, and every validation message with
// the exact line of the rule file.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "genlens/rules/rule.h"

namespace {

using genlens::core::DiagnosticKind;
using genlens::core::Diagnostics;
using genlens::core::Severity;
using genlens::formats::Format;
using genlens::rules::Condition;
using genlens::rules::load_rules;
using genlens::rules::RuleSet;
using genlens::rules::RuleSource;
using Op = Condition::Op;
using Strings = std::vector<std::string>;

// Line numbers in the tests below refer to this text.
const char* const kValid =
    "id: GAI-SEC-900\n"                               // 1
    "name: test-rule\n"                               // 2
    "summary: A test rule.\n"                         // 3
    "pillar: security\n"                              // 4
    "severity: error\n"                               // 5
    "lens: [GENSEC01-BP01, GENSEC02-BP01]\n"          // 6
    "params:\n"                                       // 7
    "  max_runtime: 86400\n"                          // 8
    "  allowed: [ml.g5.xlarge, ml.p4d.24xlarge]\n"    // 9
    "targets:\n"                                      // 10
    "  - format: cloudformation\n"                    // 11
    "    resource: AWS::SageMaker::EndpointConfig\n"  // 12
    "    when: {path: Properties.X, exists: true}\n"  // 13
    "    assert:\n"                                   // 14
    "      path: Properties.KmsKeyId\n"               // 15
    "      exists: true\n"                            // 16
    "message: \"{resource} is not encrypted.\"\n"     // 17
    "remediation: Set KmsKeyId.\n"                    // 18
    "references: [https://docs.aws.amazon.com/x]\n";  // 19

// Replaces the first occurrence of `from` in kValid.
std::string edit(const std::string& from, const std::string& to) {
  std::string s = kValid;
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// "line: message" for each diagnostic of loading `text` as r.yaml.
Strings errors(const std::string& text) {
  Diagnostics diags;
  const RuleSet set = load_rules({RuleSource{"r.yaml", text, false}}, diags);
  Strings out;
  for (const auto& d : diags.all()) {
    EXPECT_EQ(d.kind, DiagnosticKind::kConfig);
    EXPECT_EQ(d.code, "rule-error");
    EXPECT_EQ(d.path, "r.yaml");
    out.push_back(std::to_string(d.pos.line) + ": " + d.message);
  }
  if (!out.empty()) {
    EXPECT_TRUE(set.rules().empty()) << "an invalid rule must not load";
  }
  return out;
}

const std::string kOps =
    "absent, all, any, any_of, each, equals, exists, ge, gt, in, le, lt, matches, not, "
    "not_equals, not_in, predicate, related";

TEST(RuleLoader, ValidRuleLoadsEveryField) {
  Diagnostics diags;
  const RuleSet set = load_rules({RuleSource{"<builtin>/security/x.yaml", kValid, true}}, diags);
  ASSERT_TRUE(diags.empty()) << diags.all()[0].to_string();
  ASSERT_EQ(set.rules().size(), 1u);
  const auto& rule = *set.rules()[0];
  const auto& m = rule.meta;
  EXPECT_EQ(m.id, "GAI-SEC-900");
  EXPECT_EQ(m.name, "test-rule");
  EXPECT_EQ(m.summary, "A test rule.");
  EXPECT_EQ(m.pillar, "security");
  EXPECT_EQ(m.severity, Severity::kError);
  EXPECT_EQ(m.lens, (Strings{"GENSEC01-BP01", "GENSEC02-BP01"}));
  EXPECT_EQ(m.message, "{resource} is not encrypted.");
  EXPECT_EQ(m.remediation, "Set KmsKeyId.");
  EXPECT_EQ(m.references, (Strings{"https://docs.aws.amazon.com/x"}));
  EXPECT_EQ(m.source, "<builtin>/security/x.yaml");
  EXPECT_TRUE(m.builtin);
  ASSERT_EQ(m.params.size(), 2u);
  EXPECT_EQ(m.param("max_runtime")->text, "86400");
  EXPECT_FALSE(m.param("max_runtime")->is_list);
  EXPECT_TRUE(m.param("allowed")->is_list);
  EXPECT_EQ(m.param("allowed")->list, (Strings{"ml.g5.xlarge", "ml.p4d.24xlarge"}));
  EXPECT_EQ(m.param("nope"), nullptr);
  ASSERT_EQ(rule.targets.size(), 1u);
  const auto& t = rule.targets[0];
  EXPECT_EQ(t.format, Format::kCloudFormation);
  EXPECT_EQ(t.resources, (Strings{"AWS::SageMaker::EndpointConfig"}));
  ASSERT_TRUE(t.when.has_value());
  EXPECT_EQ(t.when->op, Op::kExists);
  EXPECT_EQ(t.when->path.text, "Properties.X");
  EXPECT_EQ(t.when->line, 13);
  EXPECT_EQ(t.assertion.op, Op::kExists);
  EXPECT_EQ(t.assertion.path.steps.size(), 2u);
  EXPECT_EQ(t.assertion.line, 15);
  EXPECT_FALSE(t.severity.has_value());
  EXPECT_EQ(t.message, "");
}

TEST(RuleLoader, OperandsKeepTheirYamlTypes) {
  const std::string text = edit("      exists: true\n",
                                "      all:\n"
                                "        - {equals: true}\n"
                                "        - {equals: 5}\n"
                                "        - {equals: '5'}\n"
                                "        - {in: [a, 2]}\n"
                                "        - {le: {param: max_runtime}}\n"
                                "        - {not_in: {param: allowed}}\n"
                                "        - {exists: false}\n"
                                "        - {absent: false}\n"
                                "        - {not: {matches: '^ml\\.'}}\n");
  Diagnostics diags;
  const RuleSet set = load_rules({RuleSource{"r.yaml", text, false}}, diags);
  ASSERT_TRUE(diags.empty()) << diags.all()[0].to_string();
  const Condition& all = set.rules()[0]->targets[0].assertion;
  ASSERT_EQ(all.op, Op::kAll);
  ASSERT_EQ(all.children.size(), 9u);
  const auto& c = all.children;
  EXPECT_TRUE(c[0].operand.is_bool);
  EXPECT_TRUE(c[0].operand.boolean);
  EXPECT_TRUE(c[1].operand.is_number);
  EXPECT_EQ(c[1].operand.number, 5);
  EXPECT_FALSE(c[2].operand.is_number);
  EXPECT_EQ(c[2].operand.text, "5");
  ASSERT_TRUE(c[3].operand.is_list);
  EXPECT_EQ(c[3].operand.list[0].text, "a");
  EXPECT_TRUE(c[3].operand.list[1].is_number);
  EXPECT_EQ(c[4].op, Op::kLe);
  EXPECT_EQ(c[4].operand.param, "max_runtime");
  EXPECT_EQ(c[5].operand.param, "allowed");
  // `exists: false` / `absent: false` are the exact negations.
  EXPECT_EQ(c[6].op, Op::kNot);
  ASSERT_EQ(c[6].children.size(), 1u);
  EXPECT_EQ(c[6].children[0].op, Op::kExists);
  EXPECT_EQ(c[7].op, Op::kNot);
  ASSERT_EQ(c[7].children.size(), 1u);
  EXPECT_EQ(c[7].children[0].op, Op::kAbsent);
  EXPECT_EQ(c[8].op, Op::kNot);
  ASSERT_EQ(c[8].children.size(), 1u);
  EXPECT_EQ(c[8].children[0].op, Op::kMatches);
  EXPECT_EQ(c[8].children[0].operand.text, "^ml\\.");
  EXPECT_EQ(c[8].line, 25);
}

TEST(RuleLoader, TargetOverridesAndResourceLists) {
  const std::string text = edit("    resource: AWS::SageMaker::EndpointConfig\n",
                                "    resource: [AWS::S3::Bucket, AWS::S3::AccessPoint]\n"
                                "    severity: note\n"
                                "    message: Target message.\n");
  Diagnostics diags;
  const RuleSet set = load_rules({RuleSource{"r.yaml", text, false}}, diags);
  ASSERT_TRUE(diags.empty()) << diags.all()[0].to_string();
  const auto& t = set.rules()[0]->targets[0];
  EXPECT_EQ(t.resources, (Strings{"AWS::S3::Bucket", "AWS::S3::AccessPoint"}));
  EXPECT_EQ(t.severity, Severity::kNote);
  EXPECT_EQ(t.message, "Target message.");
}

TEST(RuleLoader, UnknownKeysAreErrorsAtTheirLine) {
  EXPECT_EQ(errors(edit("remediation:", "colour: red\nremediation:")),
            (Strings{"18: unknown key 'colour' in rule; expected one of: description, id, lens, "
                     "message, name, params, pillar, references, remediation, severity, summary, "
                     "targets"}));
  EXPECT_EQ(errors(edit("    when:", "    resources: x\n    when:")),
            (Strings{"13: unknown key 'resources' in target; expected one of: assert, format, "
                     "message, resource, severity, when"}));
  EXPECT_EQ(errors(edit("      exists: true\n", "      exists: true\n      colour: red\n")),
            (Strings{"17: unknown operator 'colour'; expected one of: " + kOps}));
}

TEST(RuleLoader, OperatorCountErrors) {
  EXPECT_EQ(errors(edit("      exists: true\n", "      exists: true\n      equals: 1\n")),
            (Strings{"17: a condition has exactly one operator; found 'exists' and 'equals'"}));
  EXPECT_EQ(errors(edit("      exists: true\n", "")),
            (Strings{"15: condition has no operator; expected one of: " + kOps}));
}

TEST(RuleLoader, OperatorArgumentErrors) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"      exists: yes\n", "16: 'exists' takes true or false"},
      {"      absent: 1\n", "16: 'absent' takes true or false"},
      {"      all: []\n", "16: 'all' takes a non-empty list of conditions"},
      {"      any_of: {exists: true}\n", "16: 'any_of' takes a non-empty list of conditions"},
      {"      in: a\n", "16: 'in' takes a list"},
      {"      not_in: 3\n", "16: 'not_in' takes a list"},
      {"      equals: [a]\n", "16: 'equals' takes a single value"},
      {"      lt: [1, 2]\n", "16: 'lt' takes a single value"},
      {"      equals: {foo: 1}\n", "16: an operand map must be {param: NAME}"},
      {"      equals: {param: nope}\n", "16: unknown param 'nope'; declare it under params"},
      {"      in: {param: missing}\n", "16: unknown param 'missing'; declare it under params"},
      {"      not: [a]\n", "16: a condition must be a map: {path: ..., <operator>: ...}"},
      {"      each: {path: Items}\n", "16: condition has no operator; expected one of: " + kOps},
  };
  for (const auto& [line16, want] : cases) {
    SCOPED_TRACE(line16);
    EXPECT_EQ(errors(edit("      exists: true\n", line16)), (Strings{want}));
  }
}

TEST(RuleLoader, BadRegexIsReportedWithRe2sMessage) {
  const Strings errs = errors(edit("      exists: true\n", "      matches: '([a-z'\n"));
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].rfind("16: invalid RE2 pattern '([a-z': ", 0), 0u) << errs[0];
  std::string text = edit("  max_runtime: 86400\n", "  max_runtime: 86400\n  re: '*x'\n");
  text.replace(text.find("      exists: true\n"), 19, "      matches: {param: re}\n");
  const Strings via_param = errors(text);
  ASSERT_EQ(via_param.size(), 1u);
  EXPECT_EQ(via_param[0].rfind("17: invalid RE2 pattern '*x': ", 0), 0u) << via_param[0];
}

TEST(RuleLoader, BadPathIsReportedAtThePathLine) {
  EXPECT_EQ(errors(edit("path: Properties.KmsKeyId", "path: Properties..KmsKeyId")),
            (Strings{"15: bad path 'Properties..KmsKeyId': empty key in path"}));
}

TEST(RuleLoader, PathThatIsNotAScalarIsAnError) {
  const Strings errs = errors(edit("path: Properties.KmsKeyId", "path: [Properties]"));
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].rfind("15: ", 0), 0u) << errs[0];
}

TEST(RuleLoader, BadEnumeratedValues) {
  EXPECT_EQ(errors(edit("severity: error", "severity: critical")),
            (Strings{"5: unknown severity 'critical'; expected error, warning or note"}));
  EXPECT_EQ(errors(edit("pillar: security", "pillar: speed")),
            (Strings{"4: unknown pillar 'speed'"}));
  EXPECT_EQ(errors(edit("format: cloudformation", "format: pulumi")),
            (Strings{"11: unknown format 'pulumi'; expected cloudformation, terraform or "
                     "kubernetes"}));
  EXPECT_EQ(errors(edit("id: GAI-SEC-900", "id: gai-1")),
            (Strings{"1: rule id 'gai-1' must look like GAI-SEC-001"}));
  EXPECT_EQ(errors(edit("name: test-rule", "name: Not_Kebab")),
            (Strings{"2: rule name 'Not_Kebab' must be kebab-case"}));
  EXPECT_EQ(errors(edit("    assert:", "    severity: fatal\n    assert:")),
            (Strings{"14: unknown severity 'fatal'; expected error, warning or note"}));
}

TEST(RuleLoader, MissingOrEmptyRequiredFields) {
  EXPECT_EQ(errors(edit("summary: A test rule.\n", "")),
            (Strings{"1: 'summary' is required and must be a non-empty string"}));
  EXPECT_EQ(errors(edit("summary: A test rule.", "summary: ''")),
            (Strings{"3: 'summary' is required and must be a non-empty string"}));
  EXPECT_EQ(errors(edit("name: test-rule", "name: [a]")),
            (Strings{"2: 'name' is required and must be a non-empty string"}));
  EXPECT_EQ(errors(edit("severity: error\n", "")),
            (Strings{"1: 'severity' is required (error, warning or note)"}));
  EXPECT_EQ(errors(edit("    resource: AWS::SageMaker::EndpointConfig\n", "")),
            (Strings{"11: 'resource' is required: a resource type or a list of them"}));
  EXPECT_EQ(errors(edit("    assert:\n      path: Properties.KmsKeyId\n      exists: true\n", "")),
            (Strings{"11: 'assert' is required: the compliant state"}));
  EXPECT_EQ(errors(edit("    resource: AWS::SageMaker::EndpointConfig\n", "    resource: ''\n")),
            (Strings{"12: 'resource' is required: a resource type or a list of them"}));
}

TEST(RuleLoader, TargetsMustBeANonEmptyListOfMaps) {
  std::string no_targets = kValid;
  no_targets.erase(no_targets.find("targets:"),
                   no_targets.find("message:") - no_targets.find("targets:"));
  EXPECT_EQ(errors(no_targets), (Strings{"1: 'targets' must be a non-empty list"}));
  std::string empty = no_targets;
  empty.insert(empty.find("message:"), "targets: []\n");
  EXPECT_EQ(errors(empty), (Strings{"10: 'targets' must be a non-empty list"}));
  std::string scalar_target = no_targets;
  scalar_target.insert(scalar_target.find("message:"), "targets:\n  - just text\n");
  EXPECT_EQ(errors(scalar_target),
            (Strings{"11: a target must be a map with format, resource and assert"}));
}

TEST(RuleLoader, ListsAndParamsMustHaveTheRightShape) {
  EXPECT_EQ(errors(edit("lens: [GENSEC01-BP01, GENSEC02-BP01]", "lens: GENSEC01-BP01")),
            (Strings{"6: 'lens' must be a list of strings"}));
  EXPECT_EQ(errors(edit("lens: [GENSEC01-BP01, GENSEC02-BP01]", "lens: [a, {b: c}]")),
            (Strings{"6: 'lens' must be a list of strings"}));
  EXPECT_EQ(
      errors(edit("params:\n  max_runtime: 86400\n  allowed: [ml.g5.xlarge, ml.p4d.24xlarge]\n",
                  "params: [a]\n")),
      (Strings{"7: 'params' must be a map of name: default"}));
  EXPECT_EQ(errors(edit("  max_runtime: 86400\n", "  max_runtime: {a: 1}\n")),
            (Strings{"8: param 'max_runtime' must be a scalar or a list"}));
  EXPECT_EQ(errors(edit("remediation: Set KmsKeyId.", "remediation: [a]")),
            (Strings{"18: 'remediation' must be a string"}));
}

TEST(RuleLoader, FileLevelErrors) {
  EXPECT_EQ(errors("- a\n- b\n"), (Strings{"1: a rule file holds one YAML map"}));
  EXPECT_EQ(errors("id: A-1\n---\nid: B-1\n"), (Strings{"1: a rule file holds one YAML map"}));
  EXPECT_EQ(errors("id: [unclosed\n"),
            (Strings{"2: invalid YAML: end of sequence flow not found"}));
  Diagnostics diags;
  (void)load_rules({RuleSource{"bad.yaml", "id: 'x\n", false}}, diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].to_string(),
            "bad.yaml:1: error: invalid YAML: unterminated quoted string");
}

TEST(RuleLoader, DuplicateIdAcrossSourcesKeepsTheFirst) {
  Diagnostics diags;
  const std::string second = "# a user's copy\n" + std::string(kValid);
  const RuleSet set =
      load_rules({RuleSource{"a.yaml", kValid, true}, RuleSource{"b.yaml", second, false}}, diags);
  ASSERT_EQ(set.rules().size(), 1u);
  EXPECT_EQ(set.rules()[0]->meta.source, "a.yaml");
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].path, "b.yaml");
  EXPECT_EQ(diags.all()[0].message, "duplicate rule ID GAI-SEC-900 (first defined in a.yaml)");
  EXPECT_EQ(diags.all()[0].pos.line, 2u);
}

TEST(RuleLoader, RulesAreSortedByIdAndInvalidOnesAreDropped) {
  Diagnostics diags;
  const RuleSet set =
      load_rules({RuleSource{"b.yaml", edit("GAI-SEC-900", "GAI-SEC-902"), true},
                  RuleSource{"bad.yaml", edit("pillar: security", "pillar: nope"), true},
                  RuleSource{"a.yaml", edit("GAI-SEC-900", "GAI-SEC-901"), true}},
                 diags);
  ASSERT_EQ(set.rules().size(), 2u);
  EXPECT_EQ(set.rules()[0]->meta.id, "GAI-SEC-901");
  EXPECT_EQ(set.rules()[1]->meta.id, "GAI-SEC-902");
  EXPECT_NE(set.find("GAI-SEC-902"), nullptr);
  EXPECT_EQ(set.find("GAI-SEC-900"), nullptr);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].to_string(), "bad.yaml:4: error: unknown pillar 'nope'");
}

}  // namespace
