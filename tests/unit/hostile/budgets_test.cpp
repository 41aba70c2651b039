// Per-file budgets: --max-nodes (document nodes, values examined by the
// rules) and --file-timeout (seconds of parsing, resolving and checking).
// A file over a budget gets "evaluation truncated" (an error: findings may
// be missing, so the exit code is 2); the other files are not affected.
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"
#include "cli/scan.h"
#include "genlens/formats/cloudformation.h"
#include "genlens/graph/graph.h"
#include "genlens/parse/parse.h"
#include "genlens/rules/engine.h"
#include "hostile_util.h"

namespace genlens::hostile {
namespace {

namespace fs = std::filesystem;
using testutil::TempDir;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A small template whose Fn::ForEach makes `n` agents (GAI-SEC-001 checks
// each): few document nodes, many values.
std::string many_agents(int n) {
  std::string items;
  for (int i = 0; i < n; ++i) items += (i > 0 ? ", a" : "a") + std::to_string(i);
  return "AWSTemplateFormatVersion: \"2010-09-09\"\n"
         "Transform: AWS::LanguageExtensions\n"
         "Resources:\n"
         "  Fn::ForEach::Agents:\n"
         "    - Name\n"
         "    - [" +
         items +
         "]\n"
         "    - Agent${Name}:\n"
         "        Type: AWS::Bedrock::Agent\n"
         "        Properties:\n"
         "          AgentName: !Ref Name\n";
}

TEST(HostileBudgets, MaxNodesStopsParsingALargeDocument) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  std::string big = "AWSTemplateFormatVersion: \"2010-09-09\"\nMetadata:\n  list:\n";
  for (int i = 0; i < 500; ++i) big += "    - " + std::to_string(i) + "\n";
  dir.write("in/big.cfn.yaml", big);
  const ScanRun r = run_genlens({"scan", "in", "--max-nodes", "100"}, dir.path());
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out, "in/big.cfn.yaml:")) << r.out;
  EXPECT_TRUE(contains(r.out, "more than 100 nodes")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileBudgets, MaxNodesTruncatesEvaluationOfAnExpandedTemplate) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  dir.write("in/many.cfn.yaml", many_agents(200));
  // Unlimited: every agent is checked (one finding each).
  ScanRun r = run_genlens({"scan", "in/many.cfn.yaml"}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out, "in 1 file, 200 resources")) << r.out;
  // The document has about 230 nodes, the agents about 1,000 values. One rule
  // only: every rule target that applies to an agent counts its values.
  r = run_genlens({"scan", "in", "--max-nodes", "300", "--rule", "GAI-SEC-001"}, dir.path());
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "in/many.cfn.yaml:7:7: error: evaluation truncated: its rules would "
                       "examine more than 300 values (--max-nodes); "))
      << r.out;
  // Each agent is 4 values: 75 fit.
  EXPECT_TRUE(contains(r.out,
                       "125 of 200 resources were not fully checked, starting with "
                       "Agenta75"))
      << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileBudgets, FileTimeoutTruncatesWithADiagnosticPerFile) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  dir.write("in/many.cfn.yaml", many_agents(50));
  // A budget nothing fits in: every file is truncated, and says so.
  const ScanRun r = run_genlens({"scan", "in", "--file-timeout", "0.000000001"}, dir.path());
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  for (const char* f : {"in/good.cfn.yaml", "in/many.cfn.yaml"}) {
    EXPECT_TRUE(contains(r.out, std::string(f) +
                                    ":1:1: error: evaluation truncated: reading and parsing this "
                                    "file took "))
        << r.out;
  }
  EXPECT_TRUE(contains(r.out, "more than 1e-09 s (--file-timeout); it was not checked")) << r.out;
  EXPECT_TRUE(contains(r.out, "no findings")) << r.out;
}

TEST(HostileBudgets, ZeroMeansNoBudget) {
  TempDir dir;
  dir.write("in/many.cfn.yaml", many_agents(50));
  const ScanRun r =
      run_genlens({"scan", "in", "--file-timeout", "0", "--max-nodes", "0"}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out, "in 1 file, 50 resources")) << r.out;
}

TEST(HostileBudgets, BadBudgetValuesAreUsageErrors) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"scan", "in", "--file-timeout", "-1"},
        std::vector<std::string>{"scan", "in", "--max-nodes", "-5"},
        std::vector<std::string>{"scan", "in", "--max-nodes", "lots"}}) {
    const ScanRun r = run_genlens(args, dir.path());
    EXPECT_EQ(r.exit_code, 3) << describe(r);
    EXPECT_TRUE(contains(r.err, "must be a number >= 0")) << r.err;
  }
}

// Nested Fn::ForEach multiplies: 5 levels of 10 items (the nesting
// CloudFormation allows) is 100,000 resources from 1 KB, where
// CloudFormation allows 500; 6 levels take 46 s and 1.2 GB today. The adapter
// must stop expanding with a diagnostic, in bounded time and memory.
// FAILS TODAY: the adapter has no expansion budget (see the report).
std::string foreach_bomb(int depth) {
  std::string items = "[i0, i1, i2, i3, i4, i5, i6, i7, i8, i9]";
  std::string name = "Agent";
  for (int k = 0; k < depth; ++k) name += "${L" + std::to_string(k) + "}";
  std::string body;
  std::string indent = "  ";
  for (int d = depth - 1; d >= 0; --d) {
    body += indent + "Fn::ForEach::L" + std::to_string(d) + ":\n" + indent + "  - L" +
            std::to_string(d) + "\n" + indent + "  - " + items + "\n" + indent + "  -\n";
    indent += "    ";
  }
  body += indent + name + ":\n" + indent + "  Type: AWS::Bedrock::Agent\n" + indent +
          "  Properties:\n" + indent + "    AgentName: x\n";
  return "AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::LanguageExtensions\n"
         "Resources:\n" +
         body;
}

TEST(HostileAdapterBudget, NestedForEachExpansionIsBounded) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  dir.write("in/foreach.cfn.yaml", foreach_bomb(5));
  const ScanRun r = run_genlens({"scan", "in"}, dir.path(), 3);
  record("foreach_bomb", r);
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_LT(r.seconds, testutil::time_budget(2.0)) << describe(r);
  EXPECT_LT(r.max_rss_kb, 256 * 1024) << describe(r);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out, "in/foreach.cfn.yaml:4:3: error:")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

// Embedded JSON (pipeline bodies, policies) is parsed into a per-file value
// arena of 1,000,000 values (rules/engine/path_eval.cpp). When it runs out,
// the remaining resources' checks must say so, not turn silently Unknown
// with an empty reason (and, without --report-unknown, vanish).
// FAILS TODAY: JsonCache::parse returns nullptr with no reason and no
// diagnostic when literal_value() hits the arena budget (see the report).
TEST(HostileEngineBudget, EmbeddedJsonOverItsBudgetIsReported) {
  auto pipeline = [](const std::string& name, size_t pad) {
    std::string ones;
    for (size_t i = 0; i < pad; ++i) ones += i > 0 ? ",1" : "1";
    return "  " + name +
           ":\n"
           "    Type: AWS::SageMaker::Pipeline\n"
           "    Properties:\n"
           "      PipelineName: p\n"
           "      RoleArn: arn:aws:iam::111122223333:role/x\n"
           "      PipelineDefinition:\n"
           "        PipelineDefinitionBody: '{\"Version\": \"2020-12-01\", \"Steps\": [{\"Name\": "
           "\"S\", \"Type\": \"Processing\", \"Arguments\": {\"Pad\": [" +
           ones + "]}}]}'\n";
  };
  std::string tmpl = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n";
  for (int i = 0; i < 6; ++i) tmpl += pipeline("Big" + std::to_string(i), 170'000);
  tmpl += pipeline("Small", 1);
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  dir.write("in/pipelines.cfn.yaml", tmpl);
  const ScanRun r = run_genlens({"scan", "in"}, dir.path(), 10);
  record("embedded_json_budget", r);
  EXPECT_FALSE(r.timed_out) << describe(r);
  // Either Small is checked (its finding is there) or the scan says the file
  // was truncated (exit code 2 and an error).
  const bool small_checked = contains(r.out, "] Small has a training or processing step");
  const bool truncated = r.exit_code == 2 && contains(r.out, "in/pipelines.cfn.yaml:") &&
                         contains(r.out, ": error: ") && contains(r.out, "truncated");
  EXPECT_TRUE(small_checked || truncated) << describe(r);
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

// In-process: the engine's own checks, between resources and rules.
class EngineBudgets : public ::testing::Test {
 protected:
  void SetUp() override {
    rules_ = cli::load_all_rules({}, diags_);
    ASSERT_FALSE(diags_.has(core::DiagnosticKind::kConfig));
    auto src = std::make_shared<core::SourceFile>("many.cfn.yaml", many_agents(10));
    auto doc = parse::parse_yaml(src);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    std::vector<formats::Unit> units;
    units.push_back(formats::cloudformation::adapt(doc.value(), doc.value()->roots()[0], diags_));
    graph_ = std::make_unique<graph::Graph>(std::move(units));
    ASSERT_EQ(graph_->resources().size(), 10u);
  }

  std::vector<rules::Finding> run(rules::EvalOptions opts) {
    opts.diagnostics = &diags_;
    opts.report_unknown = true;
    // One rule with one target on agents: the value counts below assume it.
    opts.only_rules = {"GAI-SEC-001"};
    return rules::evaluate(*rules_, *graph_, opts);
  }

  core::Diagnostics diags_;
  std::unique_ptr<rules::RuleSet> rules_;
  std::unique_ptr<graph::Graph> graph_;
};

TEST_F(EngineBudgets, NoBudgetChecksEverything) {
  EXPECT_EQ(run({}).size(), 10u);  // ten agents, one finding each
  EXPECT_TRUE(diags_.empty());
}

TEST_F(EngineBudgets, TimeAlreadySpentOnTheFileCounts) {
  rules::EvalOptions opts;
  opts.file_timeout_seconds = 30;
  opts.spent_seconds["many.cfn.yaml"] = 31;
  opts.spent_seconds["other.cfn.yaml"] = 0;
  EXPECT_TRUE(run(opts).empty());
  ASSERT_EQ(diags_.all().size(), 1u);
  const core::Diagnostic& d = diags_.all()[0];
  EXPECT_EQ(d.kind, core::DiagnosticKind::kInput);
  EXPECT_EQ(d.severity, core::Severity::kError);
  EXPECT_EQ(d.code, "budget");
  EXPECT_EQ(d.to_string(),
            "many.cfn.yaml:7:7: error: evaluation truncated: checking this file took more than "
            "30 s (--file-timeout); 10 of 10 resources were not fully checked, starting with "
            "Agenta0");
}

TEST_F(EngineBudgets, TimeLeftIsEnough) {
  rules::EvalOptions opts;
  opts.file_timeout_seconds = 30;
  opts.spent_seconds["many.cfn.yaml"] = 1;
  EXPECT_EQ(run(opts).size(), 10u);
  EXPECT_TRUE(diags_.empty());
}

TEST_F(EngineBudgets, ValueBudgetStopsBetweenResources) {
  rules::EvalOptions opts;
  opts.max_values_per_file = 12;  // each agent has 4 values: three fit
  const auto findings = run(opts);
  EXPECT_EQ(findings.size(), 3u);
  ASSERT_EQ(diags_.all().size(), 1u);
  EXPECT_EQ(diags_.all()[0].to_string(),
            "many.cfn.yaml:7:7: error: evaluation truncated: its rules would examine more than 12 "
            "values (--max-nodes); 7 of 10 resources were not fully checked, starting with "
            "Agenta3");
}

}  // namespace
}  // namespace genlens::hostile
