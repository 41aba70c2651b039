// Value provenance: a finding that rests on a value from a parameter default
// or a mapping entry, directly or in a related resource of another file,
// lists those places as related locations.
#include <gtest/gtest.h>

#include <memory>

#include "../graph/graph_test_util.h"
#include "../test_support.h"
#include "genlens/parse/hcl.h"
#include "genlens/rules/engine.h"
#include "rules/engine/provenance.h"

namespace {

using Strings = std::vector<std::string>;

constexpr const char* kRuleHead =
    "id: T-SEC-001\nname: t\nsummary: s\npillar: security\nseverity: error\nmessage: m\n"
    "targets:\n  - format: cloudformation\n";

// "file:line logical-path (message)" for each related location of each finding.
Strings related(const std::vector<std::pair<std::string, std::string>>& files,
                const std::string& target) {
  auto g = genlens::testutil::build_graph(files);
  genlens::core::Diagnostics diags;
  auto rules = genlens::rules::load_rules({{"t.yaml", kRuleHead + target, false}}, diags);
  EXPECT_TRUE(diags.empty()) << diags.all().front().to_string();
  Strings out;
  for (const auto& f : genlens::rules::evaluate(rules, *g, {})) {
    out.push_back("finding " + f.location.path + ":" + std::to_string(f.location.range.begin.line));
    for (const auto& r : f.related) {
      out.push_back(r.path + ":" + std::to_string(r.range.begin.line) + " " + r.logical_path +
                    " (" + r.message + ")");
    }
  }
  return out;
}

TEST(Provenance, ParameterDefaultAndMappingEntry) {
  EXPECT_EQ(related({{"t.yaml", R"(Parameters:
  Size: {Type: Number, Default: 500}
Mappings:
  Sizes:
    prod: {Volume: 800}
Resources:
  A:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
      VolumeSize: !Ref Size
  B:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
      VolumeSize: !FindInMap [Sizes, prod, Volume]
)"}},
                    "    resource: AWS::SageMaker::EndpointConfig\n"
                    "    assert: {path: Properties.VolumeSize, le: 100}\n"),
            (Strings{
                "finding t.yaml:10",
                "t.yaml:2 Parameters/Size/Default (the value comes from Parameters/Size/Default)",
                "finding t.yaml:14",
                "t.yaml:5 Mappings/Sizes/prod/Volume (the value comes from "
                "Mappings/Sizes/prod/Volume)",
            }));
}

TEST(Provenance, InARelatedResourceOfAnotherFile) {
  EXPECT_EQ(
      related({{"data.yaml", R"(Parameters:
  Block: {Type: String, Default: 'false'}
Resources:
  Docs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: kb-docs
      PublicAccessBlockConfiguration: {BlockPublicAcls: !Ref Block}
)"},
               {"app.yaml", R"(Resources:
  Source:
    Type: AWS::Bedrock::DataSource
    Properties:
      DataSourceConfiguration: {S3Configuration: {BucketArn: 'arn:aws:s3:::kb-docs'}}
)"}},
              R"(    resource: AWS::Bedrock::DataSource
    assert:
      related:
        via: Properties.DataSourceConfiguration.S3Configuration.BucketArn
        types: [AWS::S3::Bucket]
        note: "bucket {resource}"
        each: {path: Properties.PublicAccessBlockConfiguration.BlockPublicAcls, equals: true}
)"),
      (Strings{
          "finding app.yaml:5",
          "data.yaml:8 Resources/Docs/Properties/PublicAccessBlockConfiguration/BlockPublicAcls "
          "(bucket Docs)",
          "data.yaml:2 Parameters/Block/Default (the value comes from Parameters/Block/Default)",
      }));
}

// The Terraform wording of a related location: the place a value was
// written (variable default, tfvars entry, local, module argument, for_each
// entry of the block itself, module output, another resource's argument).
TEST(Provenance, TerraformNotes) {
  auto r = genlens::parse::parse_hcl(std::make_shared<genlens::core::SourceFile>("main.tf", R"(
variable "size" {
  default = 5
}
locals {
  limit = 3
}
module "agent" {
  source       = "./agent"
  guardrail_id = ""
  for_each     = { a = "x" }
}
resource "aws_sagemaker_model" "per_model" {
  for_each = { chat = true, embed = false }
}
resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "chat"
}
output "arn" {
  value = "x"
}
)"));
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().message;
  const genlens::core::Node* root = r.doc->roots().front();
  auto note = [&](const char* path, const char* file = "main.tf") {
    const genlens::core::Node* n = genlens::testutil::node_at(root, path);
    return n == nullptr ? std::string("<no node ") + path + ">"
                        : genlens::rules::detail::provenance_note(n, file);
  };
  EXPECT_EQ(note("variable/size/default"), "the value comes from the default of variable \"size\"");
  EXPECT_EQ(note("locals/0/limit"), "the value comes from local.limit");
  EXPECT_EQ(note("module/agent/guardrail_id"),
            "the value comes from argument guardrail_id of module \"agent\"");
  EXPECT_EQ(note("module/agent/for_each/a"), "the value comes from for_each entry \"a\"");
  EXPECT_EQ(note("resource/aws_sagemaker_model/per_model/for_each/embed"),
            "the value comes from for_each entry \"embed\"");
  EXPECT_EQ(note("output/arn/value"), "the value comes from output \"arn\"");
  EXPECT_EQ(note("resource/aws_sagemaker_endpoint_configuration/chat/name"),
            "the value comes from aws_sagemaker_endpoint_configuration.chat.name");
}

}  // namespace
