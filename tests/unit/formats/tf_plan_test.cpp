// Terraform plan JSON: classification, resources of child modules with
// count/for_each addresses, after_unknown, locations in the plan and in the
// .tf files beside it, malformed plans.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../test_support.h"
#include "formats/terraform/plan.h"
#include "tf_plan_util.h"

namespace {

using genlens::core::Value;
using genlens::formats::Resource;
using genlens::testutil::describe;
using genlens::testutil::json_doc;
using genlens::testutil::json_file;
using genlens::testutil::plan_data;
using genlens::testutil::spot;
using genlens::testutil::TfDirs;
using Strings = std::vector<std::string>;
namespace tf = genlens::formats::terraform;
namespace plan = genlens::formats::terraform::plan;

// The value at a '/'-separated path of a resource, as text.
std::string at(const Resource* r, const std::string& path) {
  if (r == nullptr) return "<no resource>";
  return describe(genlens::testutil::value_at(r->value, path));
}

const Value* value(const Resource* r, const std::string& path) {
  return r == nullptr ? nullptr : genlens::testutil::value_at(r->value, path);
}

std::string file_name(const genlens::formats::Unit* u) {
  if (u == nullptr) return "<no unit>";
  const std::string& p = u->document->source().path();
  const std::string base = plan_data("");
  return p.rfind(base, 0) == 0 ? p.substr(base.size()) : p;
}

TfDirs mapped_dirs() {
  TfDirs dirs;
  dirs.add(plan_data("mapped"), {plan_data("mapped/main.tf")});
  dirs.add(plan_data("mapped/modules/kb"), {plan_data("mapped/modules/kb/main.tf")});
  return dirs;
}

TEST(TfPlan, RecognisedByContent) {
  auto doc = [](const std::string& text) { return json_doc("x.json", text); };
  EXPECT_TRUE(tf::is_plan(doc(R"({"format_version": "1.2", "planned_values": {}})")->roots()[0]));
  EXPECT_TRUE(tf::is_plan(doc(R"({"format_version": "1.0", "resource_changes": []})")->roots()[0]));
  // A state (terraform show -json terraform.tfstate) has values, not planned_values.
  EXPECT_FALSE(tf::is_plan(doc(R"({"format_version": "1.0", "values": {}})")->roots()[0]));
  EXPECT_FALSE(tf::is_plan(doc(R"({"planned_values": {}, "resource_changes": []})")->roots()[0]));
  EXPECT_FALSE(
      tf::is_plan(doc(R"({"Resources": {"A": {"Type": "AWS::S3::Bucket"}}})")->roots()[0]));
  EXPECT_FALSE(tf::is_plan(doc(R"(["format_version", "planned_values"])")->roots()[0]));
}

TEST(TfPlan, ChildModulesAndInstanceAddresses) {
  auto a = genlens::testutil::adapt_plan_doc(json_file(plan_data("modules/plan.json")));
  EXPECT_TRUE(a->diags.empty()) << a->diagnostics().front();
  EXPECT_TRUE(a->result.read);
  EXPECT_EQ(a->result.root_dir, "");
  // Data sources are not resources; module instances nest with their keys.
  EXPECT_EQ(a->names(), (Strings{"aws_sqs_queue.dlq[0]", "aws_sqs_queue.dlq[1]",
                                 "module.team[\"chat\"].aws_sqs_queue.jobs",
                                 "module.team[\"chat\"].module.retry.aws_sqs_queue.this[0]",
                                 "module.team[\"search\"].aws_sqs_queue.jobs",
                                 "module.team[\"search\"].module.retry.aws_sqs_queue.this[0]"}));
  const Resource* inner = a->find("module.team[\"search\"].module.retry.aws_sqs_queue.this[0]");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(inner->type, "aws_sqs_queue");
  EXPECT_EQ(inner->ref_name, "aws_sqs_queue.this");
  EXPECT_EQ(a->unit_of(inner->name)->scope,
            plan_data("modules/plan.json") + " module.team[\"search\"].module.retry");
  EXPECT_EQ(at(inner, "name"), "\"genai-search-retry\"");
  EXPECT_EQ(at(inner, "max_message_size"), "262144");
  // Unset (null) attributes are absent, as in a .tf file.
  EXPECT_EQ(at(inner, "kms_master_key_id"), "<absent>");
  // Without .tf files the resource is its `values` in the plan.
  EXPECT_EQ(file_name(a->unit_of(inner->name)), "modules/plan.json");
  EXPECT_EQ(inner->node->key, "values");
  EXPECT_EQ(spot(value(inner, "name")->origin), "174:21");
}

TEST(TfPlan, AfterUnknownLeafAndSubtree) {
  auto a = genlens::testutil::adapt_plan_doc(json_file(plan_data("modules/plan.json")));
  const Resource* jobs = a->find("module.team[\"chat\"].aws_sqs_queue.jobs");
  // A leaf marked true: Unknown, even where `values` has no entry at all.
  ASSERT_NE(value(jobs, "arn"), nullptr);
  EXPECT_FALSE(value(jobs, "arn")->known());
  EXPECT_EQ(value(jobs, "arn")->reason, "arn is known after apply");
  EXPECT_EQ(at(jobs, "redrive_policy"), "<unknown>");
  // Known values stay known; the deposed object's after_unknown is not used.
  const Resource* dlq = a->find("aws_sqs_queue.dlq[0]");
  EXPECT_EQ(at(dlq, "name"), "\"genai-dlq-0\"");

  auto m = genlens::testutil::adapt_plan_doc(json_file(plan_data("mapped/plan.json")));
  // A whole block marked true: the subtree is one Unknown.
  const Resource* bucket = m->find("module.kb.aws_s3_bucket.docs[\"raw\"]");
  EXPECT_EQ(at(bucket, "server_side_encryption_configuration"), "<unknown>");
  EXPECT_EQ(value(bucket, "server_side_encryption_configuration")->reason,
            "server_side_encryption_configuration is known after apply");
  EXPECT_EQ(at(bucket, "bucket"), "\"genai-kb-docs-raw\"");
  // A leaf inside nested blocks: its siblings stay known.
  const Resource* sse =
      m->find("module.kb.aws_s3_bucket_server_side_encryption_configuration.docs[\"raw\"]");
  EXPECT_EQ(at(sse, "rule/0/apply_server_side_encryption_by_default/0"),
            "{sse_algorithm: \"aws:kms\", kms_master_key_id: <unknown>}");
  EXPECT_EQ(
      value(sse, "rule/0/apply_server_side_encryption_by_default/0/kms_master_key_id")->reason,
      "rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id is known after "
      "apply");
  // Empty block lists are unset blocks: absent.
  const Resource* chat = m->find("aws_sagemaker_endpoint_configuration.chat");
  EXPECT_EQ(at(chat, "data_capture_config"), "<absent>");
  EXPECT_EQ(at(chat, "kms_key_arn"), "<unknown>");
  EXPECT_EQ(at(chat, "production_variants/1/instance_type"), "\"ml.g5.xlarge\"");
}

TEST(TfPlan, SingleNestedBlocksBecomeListsOfOne) {
  // The configuration shows `logging` as one block (its expressions are an
  // object of expressions) and `labels` as an attribute holding an object.
  auto a = genlens::testutil::adapt_plan_doc(json_doc("p/plan.json", R"({
  "format_version": "1.2",
  "planned_values": {"root_module": {"resources": [{
    "address": "aws_example.x", "mode": "managed", "type": "aws_example", "name": "x",
    "values": {"logging": {"level": "INFO", "sink": null}, "labels": {"a": "b"}, "opaque": {"k": 1}}
  }]}},
  "configuration": {"root_module": {"resources": [{
    "address": "aws_example.x", "mode": "managed", "type": "aws_example", "name": "x",
    "expressions": {
      "logging": {"level": {"constant_value": "INFO"}},
      "labels": {"constant_value": {"a": "b"}},
      "opaque": {}
    }
  }]}}
})"));
  const Resource* x = a->find("aws_example.x");
  EXPECT_EQ(at(x, "logging"), "[{level: \"INFO\"}]");
  EXPECT_EQ(at(x, "labels"), "{a: \"b\"}");
  // An empty expression object says nothing: the value stays as it is.
  EXPECT_EQ(at(x, "opaque"), "{k: 1}");
}

TEST(TfPlan, LocationsInTheTfFilesBesideThePlan) {
  const TfDirs dirs = mapped_dirs();
  auto a = genlens::testutil::adapt_plan_doc(json_file(plan_data("mapped/plan.json")), &dirs);
  EXPECT_TRUE(a->diags.empty()) << a->diagnostics().front();
  EXPECT_EQ(a->result.root_dir, genlens::formats::terraform::normal_dir(plan_data("mapped")));
  const Resource* chat = a->find("aws_sagemaker_endpoint_configuration.chat");
  ASSERT_NE(chat, nullptr);
  EXPECT_EQ(file_name(a->unit_of(chat->name)), "mapped/main.tf");
  EXPECT_EQ(spot(chat->node), "20:49");  // the resource header
  // Written in the block: the attribute; nested blocks in order.
  EXPECT_EQ(spot(value(chat, "kms_key_arn")->origin), "22:3");
  EXPECT_EQ(spot(value(chat, "production_variants/0/instance_type")->origin), "28:5");
  EXPECT_EQ(spot(value(chat, "production_variants/1/instance_type")->origin), "35:5");
  EXPECT_EQ(spot(value(chat, "tags/team")->origin), "39:5");
  // Not written there: the nearest written block, else the resource header.
  EXPECT_EQ(spot(value(chat, "production_variants/1/initial_variant_weight")->origin), "31:3");
  EXPECT_EQ(spot(value(chat, "tags_all")->origin), "20:49");
  EXPECT_EQ(spot(value(chat, "arn")->origin), "20:49");
  // Resources of a local module: in the module's file, each instance at
  // its block.
  for (const char* key : {"raw", "curated"}) {
    const std::string name =
        std::string("module.kb.aws_s3_bucket_server_side_encryption_configuration.docs[\"") + key +
        "\"]";
    const Resource* sse = a->find(name);
    EXPECT_EQ(file_name(a->unit_of(name)), "mapped/modules/kb/main.tf");
    EXPECT_EQ(spot(sse->node), "14:63");
    EXPECT_EQ(
        spot(value(sse, "rule/0/apply_server_side_encryption_by_default/0/sse_algorithm")->origin),
        "20:7");
  }
  EXPECT_EQ(spot(value(a->find("module.kb.aws_s3_bucket.docs[\"raw\"]"), "bucket")->origin),
            "11:3");
  // The plan asked for the root directory and the module's local source.
  EXPECT_EQ(dirs.asked(),
            (Strings{genlens::formats::terraform::normal_dir(plan_data("mapped")),
                     genlens::formats::terraform::normal_dir(plan_data("mapped/modules/kb"))}));
}

TEST(TfPlan, BlockItemsMatchedByTheirLiteralValues) {
  // A set block comes back in Terraform's order, not the file's: items are
  // matched by their literal values; one that matches none or several .tf
  // blocks is placed on the enclosing block.
  TfDirs dirs;
  dirs.add_text("sg", "main.tf", R"(resource "aws_security_group" "web" {
  ingress {
    from_port = 80
    to_port   = 80
    protocol  = "tcp"
  }
  ingress {
    from_port = 443
    to_port   = 443
    protocol  = "tcp"
  }
  ingress {
    from_port = 443
    to_port   = 443
    protocol  = "tcp"
  }
}
)");
  auto a = genlens::testutil::adapt_plan_doc(json_doc("sg/plan.json", R"({
  "format_version": "1.2",
  "planned_values": {"root_module": {"resources": [{
    "address": "aws_security_group.web", "mode": "managed", "type": "aws_security_group",
    "name": "web",
    "values": {"ingress": [
      {"from_port": 443, "to_port": 443, "protocol": "tcp"},
      {"from_port": 80, "to_port": 80, "protocol": "tcp"},
      {"from_port": 22, "to_port": 22, "protocol": "tcp"}
    ]}
  }]}}
})"),
                                             &dirs);
  const Resource* web = a->find("aws_security_group.web");
  EXPECT_EQ(spot(value(web, "ingress/1/from_port")->origin), "3:5");  // the only 80 block
  // 443 matches two blocks: its own index (0) is not one of them.
  EXPECT_EQ(spot(value(web, "ingress/0/from_port")->origin), "2:3");
  EXPECT_EQ(spot(value(web, "ingress/2/from_port")->origin), "2:3");  // matches none
}

TEST(TfPlan, MalformedPlanIsReportedAndTheRestRead) {
  auto a = genlens::testutil::adapt_plan_doc(json_file(plan_data("malformed/plan.json")));
  EXPECT_TRUE(a->result.read);
  EXPECT_EQ(a->diagnostics(),
            (Strings{
                "20:19: Terraform plan: planned_values.root_module.resources[1].type: must be a "
                "string, not a number",
                "29:21: Terraform plan: planned_values.root_module.resources[2].values: must be "
                "an object, not a string",
                "31:9: Terraform plan: planned_values.root_module.resources[3]: a resource must be "
                "an object",
                "46:9: Terraform plan: planned_values.root_module.child_modules[0]: address is "
                "missing",
                "51:24: Terraform plan: planned_values.root_module.child_modules[1].resources: "
                "must be a list, not an object",
                "57:5: Terraform plan: resource_changes[0]: a resource change must be an object",
                "69:19: Terraform plan: resource_changes[1].change.after_unknown.tags: "
                "after_unknown does not have the shape of the planned value",
                "77:20: Terraform plan: configuration.root_module: must be an object, not a string",
            }));
  for (const auto& d : a->diags.all()) {
    EXPECT_EQ(d.path, plan_data("malformed/plan.json"));
    EXPECT_EQ(d.code, "plan-error");
  }
  EXPECT_EQ(a->names(), (Strings{"aws_kms_key.ok", "aws_sqs_queue.shape"}));
  EXPECT_EQ(at(a->find("aws_kms_key.ok"), "description"), "\"still read\"");
  EXPECT_EQ(at(a->find("aws_sqs_queue.shape"), "tags"), "<unknown>");
  EXPECT_EQ(at(a->find("aws_sqs_queue.shape"), "name"), "\"jobs\"");
}

TEST(TfPlan, ResourceWithoutValues) {
  // Terraform 0.13 writes no `values` for a resource it knows nothing of yet.
  auto a = genlens::testutil::adapt_plan_doc(json_doc("old/plan.json", R"({
  "format_version": "0.1",
  "terraform_version": "0.13.0",
  "planned_values": {"root_module": {"resources": [{"address": "null_resource.bar",
    "mode": "managed", "type": "null_resource", "name": "bar",
    "provider_name": "registry.terraform.io/hashicorp/null", "schema_version": 0}]}},
  "resource_changes": [{"address": "null_resource.bar", "mode": "managed",
    "type": "null_resource", "name": "bar", "change": {"actions": ["create"], "before": null,
    "after": {}, "after_unknown": {"id": true, "triggers": true}}}]
})"));
  EXPECT_TRUE(a->diags.empty()) << a->diagnostics().front();
  const Resource* bar = a->find("null_resource.bar");
  EXPECT_EQ(at(bar, ""), "{id: <unknown>, triggers: <unknown>}");
  ASSERT_NE(bar, nullptr);
  EXPECT_EQ(bar->node->key, "address");
  EXPECT_EQ(bar->value->origin, bar->node);
}

TEST(TfPlan, UnreadablePlanStructure) {
  auto unsupported =
      genlens::testutil::adapt_plan_doc(json_doc("v2.json", R"({"format_version": "2.0",
 "planned_values": {"root_module": {}}})"));
  EXPECT_FALSE(unsupported->result.read);
  EXPECT_EQ(unsupported->diagnostics(),
            (Strings{"1:20: Terraform plan: format_version: unsupported version \"2.0\": "
                     "genlens reads plan format versions 0.x and 1.x"}));
  auto no_values = genlens::testutil::adapt_plan_doc(
      json_doc("changes.json", R"({"format_version": "1.2", "resource_changes": []})"));
  EXPECT_FALSE(no_values->result.read);
  EXPECT_EQ(no_values->diagnostics(), (Strings{"1:1: Terraform plan: planned_values is missing"}));
  auto wrong = genlens::testutil::adapt_plan_doc(
      json_doc("wrong.json", R"({"format_version": 1.2, "planned_values": []})"));
  EXPECT_FALSE(wrong->result.read);
  EXPECT_EQ(wrong->diagnostics(),
            (Strings{"1:20: Terraform plan: format_version: must be a string such as \"1.2\""}));
}

TEST(TfPlan, ReferenceTargetsAndModuleCalls) {
  EXPECT_EQ(plan::reference_target("aws_s3_bucket.b.id").value_or("-"), "aws_s3_bucket.b");
  EXPECT_EQ(plan::reference_target("aws_kms_key.k[0].arn").value_or("-"), "aws_kms_key.k");
  EXPECT_EQ(plan::reference_target("aws_s3_bucket.b[\"a.b\"]").value_or("-"), "aws_s3_bucket.b");
  EXPECT_EQ(plan::reference_target("data.aws_iam_policy_document.p.json").value_or("-"),
            "data.aws_iam_policy_document.p");
  EXPECT_EQ(plan::reference_target("module.kb.bucket_arn").value_or("-"), "module.kb");
  EXPECT_EQ(plan::reference_target("module.kb[\"x\"]").value_or("-"), "module.kb");
  for (const char* none : {"var.x", "local.y", "each.value.id", "count.index", "path.module",
                           "terraform.workspace", "self.arn", "aws_s3_bucket", "data.x"}) {
    EXPECT_FALSE(plan::reference_target(none).has_value()) << none;
  }
  EXPECT_EQ(plan::module_call_name("", "module.kb").value_or("-"), "kb");
  EXPECT_EQ(plan::module_call_name("", "module.team[\"a.module.b\"]").value_or("-"), "team");
  EXPECT_EQ(plan::module_call_name("module.team[\"a\"]", "module.team[\"a\"].module.retry[2]")
                .value_or("-"),
            "retry");
  EXPECT_FALSE(plan::module_call_name("module.a", "module.b.module.c").has_value());
  EXPECT_FALSE(plan::module_call_name("", "module.a.module.b").has_value());
  EXPECT_FALSE(plan::module_call_name("", "module.a[\"x\"").has_value());
}

}  // namespace
