// Plan JSON resources in the graph and under rules: the references of the
// configuration become edges like the .tf adapter's, and a rule written for
// .tf paths gives the same findings on the plan as on the .tf files.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../test_support.h"
#include "genlens/graph/graph.h"
#include "genlens/rules/engine.h"
#include "tf_plan_util.h"

namespace {

using genlens::testutil::json_file;
using genlens::testutil::plan_data;
using genlens::testutil::TfDirs;
using Strings = std::vector<std::string>;
namespace tf = genlens::formats::terraform;

TfDirs mapped_dirs() {
  TfDirs dirs;
  dirs.add(plan_data("mapped"), {plan_data("mapped/main.tf")});
  dirs.add(plan_data("mapped/modules/kb"), {plan_data("mapped/modules/kb/main.tf")});
  return dirs;
}

// "from -kind-> to (path) at line:col", sorted.
Strings edges(const genlens::graph::Graph& g) {
  Strings out;
  for (const auto& e : g.edges()) {
    out.push_back(
        fmt::format("{} -{}-> {} ({}) at {}", g.resources()[e.from]->name,
                    genlens::graph::edge_kind_name(e.kind), g.resources()[e.to]->name, e.path,
                    e.at != nullptr ? genlens::testutil::pos_str(e.at->anchor().begin) : "?"));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(TfPlanGraph, ReferencesAndDependsOnInTheTfFiles) {
  const TfDirs dirs = mapped_dirs();
  auto a = genlens::testutil::adapt_plan_doc(json_file(plan_data("mapped/plan.json")), &dirs);
  const genlens::graph::Graph g(std::move(a->result.units));
  EXPECT_EQ(edges(g),
            (Strings{
                "aws_sagemaker_endpoint_configuration.chat -reference-> aws_kms_key.models "
                "(kms_key_arn) at 22:3",
                "aws_sagemaker_endpoint_configuration.legacy -depends_on-> aws_kms_key.models "
                "(depends_on[0]) at 54:17",
                // var.key_arn inside the module: the argument the root module passed.
                "module.kb.aws_s3_bucket_server_side_encryption_configuration.docs[\"curated\"] "
                "-reference-> aws_kms_key.models "
                "(rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id) at 21:7",
                "module.kb.aws_s3_bucket_server_side_encryption_configuration.docs[\"raw\"] "
                "-reference-> aws_kms_key.models "
                "(rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id) at 21:7",
            }));
}

TEST(TfPlanGraph, ReferencesStayInTheirModuleInstance) {
  auto a = genlens::testutil::adapt_plan_doc(json_file(plan_data("modules/plan.json")));
  const genlens::graph::Graph g(std::move(a->result.units));
  const Strings got = edges(g);
  // Without .tf files the edges point into the plan: the values the
  // references are written in (the Unknown's after_unknown entry).
  EXPECT_EQ(got, (Strings{
                     "module.team[\"chat\"].aws_sqs_queue.jobs -reference-> aws_sqs_queue.dlq[0] "
                     "(redrive_policy) at 337:11",
                     "module.team[\"chat\"].aws_sqs_queue.jobs -reference-> aws_sqs_queue.dlq[1] "
                     "(redrive_policy) at 337:11",
                     "module.team[\"chat\"].module.retry.aws_sqs_queue.this[0] -reference-> "
                     "module.team[\"chat\"].aws_sqs_queue.jobs (redrive_policy) at 380:11",
                     "module.team[\"search\"].aws_sqs_queue.jobs -reference-> "
                     "aws_sqs_queue.dlq[0] (redrive_policy) at 422:11",
                     "module.team[\"search\"].aws_sqs_queue.jobs -reference-> "
                     "aws_sqs_queue.dlq[1] (redrive_policy) at 422:11",
                     "module.team[\"search\"].module.retry.aws_sqs_queue.this[0] -reference-> "
                     "module.team[\"search\"].aws_sqs_queue.jobs (redrive_policy) at 465:11",
                 }));
}

// A rule written against .tf paths, nested block included.
constexpr const char* kRule = R"(id: TEST-TF-002
name: endpoint-instance-type
summary: Endpoint variants use an approved instance type.
pillar: cost-optimization
severity: warning
targets:
  - format: terraform
    resource: aws_sagemaker_endpoint_configuration
    assert: {path: "production_variants[0].instance_type", in: [ml.g5.2xlarge, ml.m5.large]}
message: "{resource} uses {value}."
)";

Strings findings(std::vector<genlens::formats::Unit> units) {
  genlens::core::Diagnostics diags;
  const genlens::rules::RuleSet rules =
      genlens::rules::load_rules({{"rule.yaml", kRule, false}}, diags);
  EXPECT_TRUE(diags.empty());
  const genlens::graph::Graph g(std::move(units));
  Strings out;
  for (const auto& f : genlens::rules::evaluate(rules, g, {})) {
    out.push_back(fmt::format("{}:{} {}", f.location.path.substr(plan_data("").size()),
                              genlens::testutil::pos_str(f.location.range.begin), f.message));
  }
  return out;
}

TEST(TfPlanGraph, RulesForTfPathsReadThePlanTheSameWay) {
  const TfDirs dirs = mapped_dirs();
  auto a = genlens::testutil::adapt_plan_doc(json_file(plan_data("mapped/plan.json")), &dirs);
  const Strings from_plan = findings(std::move(a->result.units));
  // The same configuration through the .tf reader and evaluator.
  tf::Directory root;
  root.path = tf::normal_dir(plan_data("mapped"));
  tf::Directory kb;
  kb.path = tf::normal_dir(plan_data("mapped/modules/kb"));
  genlens::core::Diagnostics diags;
  const TfDirs parsed = mapped_dirs();
  for (const std::string& dir : {root.path, kb.path}) {
    const tf::Directory* d = parsed.lookup()(dir);
    ASSERT_NE(d, nullptr);
    (dir == root.path ? root : kb).configuration = d->configuration;
  }
  const Strings from_tf = findings(tf::adapt({root, kb}, {}, diags));
  EXPECT_EQ(from_plan, (Strings{"mapped/main.tf:16:5 aws_sagemaker_endpoint_configuration.batch "
                                "uses ml.m5.xlarge."}));
  EXPECT_EQ(from_plan, from_tf);
}

}  // namespace
