// The graph over Terraform resources: split resources attach to what they
// configure, names and ARNs cross formats, OpenSearch Serverless policies
// select collections, references go through locals and modules to the
// instance an index names.
#include <gtest/gtest.h>

#include "genlens/core/value.h"
#include "graph_test_util.h"

namespace {

using genlens::testutil::build_tf_graph;
using genlens::testutil::edges;
using genlens::testutil::index_of;
using Strings = std::vector<std::string>;

TEST(TfGraphEdges, SplitResourcesAttachToWhatTheirReferenceNames) {
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
resource "aws_s3_bucket" "b" { bucket = "kb-docs" }
resource "aws_s3_bucket_public_access_block" "b" { bucket = aws_s3_bucket.b.id }
resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  bucket = aws_s3_bucket.b.bucket
  rule {
    apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }
  }
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = "{}"
}
resource "aws_s3_bucket_logging" "b" {
  bucket        = aws_s3_bucket.b.id
  target_bucket = aws_s3_bucket.logs.id
}
resource "aws_s3_bucket" "logs" { bucket_prefix = "kb-logs" }
resource "aws_s3_bucket_acl" "b" {
  bucket = aws_s3_bucket.b.id
  acl    = "private"
}
resource "aws_s3_bucket_ownership_controls" "b" {
  bucket = aws_s3_bucket.b.id
  rule { object_ownership = "BucketOwnerEnforced" }
}
resource "aws_iam_role" "r" {
  name                = "kb-role"
  assume_role_policy  = "{}"
  managed_policy_arns = [aws_iam_policy.p.arn]
}
resource "aws_iam_policy" "p" {
  name   = "kb-read"
  policy = "{}"
}
resource "aws_iam_role_policy" "inline" {
  role   = aws_iam_role.r.name
  policy = "{}"
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = aws_iam_policy.p.arn
}
resource "aws_iam_policy_attachment" "pa" {
  name       = "pa"
  roles      = [aws_iam_role.r.name]
  policy_arn = aws_iam_policy.p.arn
}
resource "aws_iam_instance_profile" "ip" { role = aws_iam_role.r.name }
resource "aws_lambda_function" "f" {
  function_name = "kb-fn"
  role          = aws_iam_role.r.arn
}
resource "aws_lambda_permission" "f" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}
resource "aws_sagemaker_endpoint_configuration" "c" { name = "chat-config" }
resource "aws_sagemaker_endpoint" "e" {
  name                 = "chat"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name
}
resource "aws_sagemaker_inference_component" "ic" {
  name          = "chat-ic"
  endpoint_name = aws_sagemaker_endpoint.e.name
}
resource "aws_appautoscaling_target" "t" {
  resource_id        = "endpoint/${aws_sagemaker_endpoint.e.name}/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  service_namespace  = "sagemaker"
}
resource "aws_appautoscaling_policy" "t" {
  name               = "scale"
  resource_id        = aws_appautoscaling_target.t.resource_id
  scalable_dimension = aws_appautoscaling_target.t.scalable_dimension
}
)"}}}});
  // The reference to the endpoint name in the target's resource_id and the
  // name it evaluates to ("endpoint/chat/...") are one edge; so are the
  // policy's reference to the target and the endpoint name it reads.
  EXPECT_EQ(edges(*g),
            (Strings{
                "aws_s3_bucket_public_access_block.b -attaches-> aws_s3_bucket.b @bucket",
                "aws_s3_bucket_server_side_encryption_configuration.b -attaches-> aws_s3_bucket.b "
                "@bucket",
                "aws_s3_bucket_versioning.b -attaches-> aws_s3_bucket.b @bucket",
                "aws_s3_bucket_policy.b -attaches-> aws_s3_bucket.b @bucket",
                "aws_s3_bucket_logging.b -attaches-> aws_s3_bucket.b @bucket",
                "aws_s3_bucket_logging.b -reference-> aws_s3_bucket.logs @target_bucket",
                "aws_s3_bucket_acl.b -attaches-> aws_s3_bucket.b @bucket",
                "aws_s3_bucket_ownership_controls.b -attaches-> aws_s3_bucket.b @bucket",
                "aws_iam_role.r -attaches-> aws_iam_policy.p @managed_policy_arns[0]",
                "aws_iam_role_policy.inline -attaches-> aws_iam_role.r @role",
                "aws_iam_role_policy_attachment.a -attaches-> aws_iam_role.r @role",
                "aws_iam_role_policy_attachment.a -attaches-> aws_iam_policy.p @policy_arn",
                "aws_iam_policy_attachment.pa -attaches-> aws_iam_role.r @roles[0]",
                "aws_iam_policy_attachment.pa -attaches-> aws_iam_policy.p @policy_arn",
                "aws_iam_instance_profile.ip -attaches-> aws_iam_role.r @role",
                "aws_lambda_function.f -reference-> aws_iam_role.r @role",
                "aws_lambda_permission.f -attaches-> aws_lambda_function.f @function_name",
                "aws_sagemaker_endpoint.e -reference-> aws_sagemaker_endpoint_configuration.c "
                "@endpoint_config_name",
                "aws_sagemaker_inference_component.ic -reference-> aws_sagemaker_endpoint.e "
                "@endpoint_name",
                "aws_appautoscaling_target.t -attaches-> aws_sagemaker_endpoint.e @resource_id",
                "aws_appautoscaling_policy.t -attaches-> aws_appautoscaling_target.t @resource_id",
                "aws_appautoscaling_policy.t -reference-> aws_appautoscaling_target.t "
                "@scalable_dimension",
                "aws_appautoscaling_policy.t -attaches-> aws_sagemaker_endpoint.e @resource_id",
            }));
}

TEST(TfGraphEdges, LiteralNamesAndArnsAttachAcrossFormats) {
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
variable "prefix" { default = "kb" }
resource "aws_s3_bucket_versioning" "v" {
  bucket = "${var.prefix}-docs"
  versioning_configuration { status = "Enabled" }
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = "kb-role"
  policy_arn = "arn:aws:iam::111122223333:policy/team/kb-read"
}
resource "aws_iam_role" "r" {
  name                = "kb-role"
  assume_role_policy  = "{}"
  managed_policy_arns = ["arn:aws:iam::111122223333:policy/kb-read"]
}
resource "aws_iam_policy_attachment" "pa" {
  name       = "pa"
  roles      = ["other-role", "kb-role"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = "kb-fn"
  principal     = "s3.amazonaws.com"
}
resource "aws_appautoscaling_target" "ep" {
  resource_id        = "endpoint/Chat/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  service_namespace  = "sagemaker"
}
resource "aws_appautoscaling_target" "ic" {
  resource_id        = "inference-component/chat-ic"
  scalable_dimension = "sagemaker:inference-component:DesiredCopyCount"
  service_namespace  = "sagemaker"
}
resource "aws_sagemaker_endpoint" "e" {
  name                 = "chat"
  endpoint_config_name = "chat-config"
}
)"}}}},
                          {{"cfn.yaml", R"(Resources:
  Docs: {Type: AWS::S3::Bucket, Properties: {BucketName: kb-docs}}
  Role: {Type: AWS::IAM::Role, Properties: {RoleName: kb-role}}
  Read: {Type: AWS::IAM::ManagedPolicy, Properties: {ManagedPolicyName: kb-read, PolicyDocument: {}}}
  Fn: {Type: AWS::Lambda::Function, Properties: {FunctionName: kb-fn}}
  Config: {Type: AWS::SageMaker::EndpointConfig, Properties: {EndpointConfigName: chat-config}}
  Ic:
    Type: AWS::SageMaker::InferenceComponent
    Properties: {InferenceComponentName: chat-ic, EndpointName: chat}
)"}});
  // A role name finds the Terraform and the CloudFormation role; SageMaker
  // names match whatever their case; an AWS managed policy is none of ours.
  EXPECT_EQ(edges(*g),
            (Strings{
                "aws_s3_bucket_versioning.v -attaches-> Docs @bucket",
                "aws_iam_role_policy_attachment.a -attaches-> Read @policy_arn",
                "aws_iam_role_policy_attachment.a -attaches-> aws_iam_role.r @role",
                "aws_iam_role_policy_attachment.a -attaches-> Role @role",
                "aws_iam_role.r -attaches-> Read @managed_policy_arns[0]",
                "aws_iam_policy_attachment.pa -attaches-> aws_iam_role.r @roles[1]",
                "aws_iam_policy_attachment.pa -attaches-> Role @roles[1]",
                "aws_lambda_permission.p -attaches-> Fn @function_name",
                "aws_appautoscaling_target.ep -attaches-> aws_sagemaker_endpoint.e @resource_id",
                "aws_appautoscaling_target.ic -attaches-> Ic @resource_id",
                "aws_sagemaker_endpoint.e -reference-> Config @endpoint_config_name",
                "Ic -reference-> aws_sagemaker_endpoint.e @Properties.EndpointName",
            }));
}

TEST(TfGraphEdges, ArnsInPolicyStringsFindBucketsOfBothFormats) {
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
resource "aws_s3_bucket" "docs" { bucket = "docs" }
resource "aws_iam_policy" "p" {
  name   = "read"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = ["arn:aws:s3:::docs/*", "arn:aws:s3:::cfn-docs/*"]
    }]
  })
}
resource "aws_iam_role_policy" "heredoc" {
  role   = "kb-role"
  policy = <<-EOT
  {"Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::docs"}]}
  EOT
}
)"}}}},
                          {{"cfn.yaml", R"(Resources:
  CfnDocs: {Type: AWS::S3::Bucket, Properties: {BucketName: cfn-docs}}
  Reader:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: s3:GetObject, Resource: 'arn:aws:s3:::docs/*'}]
)"}});
  EXPECT_EQ(edges(*g),
            (Strings{
                "aws_iam_policy.p -reference-> CfnDocs @policy@json.Statement[0].Resource[1]",
                "aws_iam_policy.p -reference-> aws_s3_bucket.docs "
                "@policy@json.Statement[0].Resource[0]",
                "aws_iam_role_policy.heredoc -reference-> aws_s3_bucket.docs "
                "@policy@json.Statement[0].Resource",
                "Reader -reference-> aws_s3_bucket.docs "
                "@Properties.PolicyDocument.Statement[0].Resource",
            }));
}

TEST(TfGraphEdges, PolicyStringsFromAModuleCallerAreParsedInTheCallersFile) {
  // The caller has no resource of its own: its file is still one of the
  // scanned documents, and the policy JSON maps into it.
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
module "kb" {
  source = "./kb"
  policy = <<-EOT
  {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::kb-docs/*"}]}
  EOT
}
)"}}},
                           {"infra/kb", {{"main.tf", R"(
variable "policy" {}
resource "aws_s3_bucket" "b" { bucket = "kb-docs" }
resource "aws_iam_policy" "p" {
  name   = "read"
  policy = var.policy
}
)"}}}});
  ASSERT_EQ(g->edges().size(), 1u);
  EXPECT_EQ(genlens::testutil::edge_str(*g, g->edges()[0]),
            "module.kb.aws_iam_policy.p -reference-> module.kb.aws_s3_bucket.b "
            "@policy@json.Statement[0].Resource");
  EXPECT_EQ(genlens::testutil::pos_str(g->edges()[0].at->range.begin), "5:76");
}

TEST(TfGraphEdges, JsonencodeOfAPolicyIsAStringUnknownPartsMarked) {
  // What the OpenSearch policy edges parse: jsonencode() gives the JSON text
  // (keys sorted), with an unknown run where a value is known after apply.
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
resource "aws_iam_role" "r" { name = "kb-role" }
resource "aws_opensearchserverless_access_policy" "data" {
  name   = "data"
  type   = "data"
  policy = jsonencode([{ Rules = [{ Resource = ["index/kb/*"] }], Principal = [aws_iam_role.r.arn] }])
}
)"}}}});
  const auto* policy =
      g->resources()[index_of(*g, "aws_opensearchserverless_access_policy.data")]->value->find(
          "policy");
  ASSERT_NE(policy, nullptr);
  EXPECT_TRUE(policy->is_string());
  EXPECT_TRUE(policy->partial);
  EXPECT_EQ(policy->text, std::string("[{\"Principal\":[") + genlens::core::kUnknownMark +
                              "],\"Rules\":[{\"Resource\":[\"index/kb/*\"]}]}]");
}

TEST(TfGraphEdges, OpenSearchPoliciesSelectCollectionsByNamePattern) {
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
variable "later" {}
locals {
  net = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["collection/kb-*"] }]
    AllowFromPublic = false
  }])
}
resource "aws_opensearchserverless_collection" "docs" { name = "kb-docs" }
resource "aws_opensearchserverless_collection" "logs" { name = "logs" }
resource "aws_opensearchserverless_collection" "unnamed" { name = var.later }
resource "aws_opensearchserverless_security_policy" "net" {
  name   = "net"
  type   = "network"
  policy = local.net
}
resource "aws_opensearchserverless_security_policy" "enc" {
  name   = "enc"
  type   = "encryption"
  policy = <<-EOT
  {"Rules":[{"ResourceType":"collection","Resource":["collection/logs"]}],"AWSOwnedKey":true}
  EOT
}
resource "aws_opensearchserverless_access_policy" "data" {
  name = "data"
  type = "data"
  policy = jsonencode([{
    Rules     = [{ ResourceType = "index", Resource = ["index/kb-docs/*"], Permission = ["aoss:ReadDocument"] }]
    Principal = [aws_iam_role.r.arn]
  }])
}
resource "aws_opensearchserverless_lifecycle_policy" "later" {
  name   = "l"
  type   = "retention"
  policy = var.later
}
resource "aws_opensearchserverless_lifecycle_policy" "partial" {
  name   = "p"
  type   = "retention"
  policy = jsonencode({ Rules = [{ ResourceType = "index", Resource = ["index/${var.later}/*"] }] })
}
resource "aws_iam_role" "r" { name = "kb-role" }
)"}}}});
  // A collection whose name is known only after apply may be selected by
  // any policy; a policy known only after apply may select any collection;
  // a pattern with an unknown run may select a collection its known part
  // matches.
  EXPECT_EQ(edges(*g),
            (Strings{
                "aws_opensearchserverless_access_policy.data -reference-> aws_iam_role.r @policy",
                "aws_opensearchserverless_security_policy.net -selects-> "
                "aws_opensearchserverless_collection.docs @policy@json[0].Rules[0].Resource[0]",
                "aws_opensearchserverless_security_policy.net -selects-> "
                "aws_opensearchserverless_collection.unnamed @policy (maybe)",
                "aws_opensearchserverless_security_policy.enc -selects-> "
                "aws_opensearchserverless_collection.logs @policy@json.Rules[0].Resource[0]",
                "aws_opensearchserverless_security_policy.enc -selects-> "
                "aws_opensearchserverless_collection.unnamed @policy (maybe)",
                "aws_opensearchserverless_access_policy.data -selects-> "
                "aws_opensearchserverless_collection.docs @policy@json[0].Rules[0].Resource[0]",
                "aws_opensearchserverless_access_policy.data -selects-> "
                "aws_opensearchserverless_collection.unnamed @policy (maybe)",
                "aws_opensearchserverless_lifecycle_policy.later -selects-> "
                "aws_opensearchserverless_collection.docs @policy (maybe)",
                "aws_opensearchserverless_lifecycle_policy.later -selects-> "
                "aws_opensearchserverless_collection.logs @policy (maybe)",
                "aws_opensearchserverless_lifecycle_policy.later -selects-> "
                "aws_opensearchserverless_collection.unnamed @policy (maybe)",
                "aws_opensearchserverless_lifecycle_policy.partial -selects-> "
                "aws_opensearchserverless_collection.docs @policy (maybe)",
                "aws_opensearchserverless_lifecycle_policy.partial -selects-> "
                "aws_opensearchserverless_collection.logs @policy (maybe)",
                "aws_opensearchserverless_lifecycle_policy.partial -selects-> "
                "aws_opensearchserverless_collection.unnamed @policy (maybe)",
            }));
}

TEST(TfGraphEdges, ReferencesThroughLocalsModuleArgumentsOutputsAndPolicyDocuments) {
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
locals {
  role_name = aws_iam_role.r.name
}
resource "aws_iam_role" "r" {
  name               = "kb-role"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "one" {
  role   = local.role_name
  policy = "{}"
}
resource "aws_iam_role_policy" "two" {
  role   = local.role_name
  policy = data.aws_iam_policy_document.read.json
}
data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${module.kb.bucket_arn}/*"]
  }
}
module "kb" {
  source    = "./modules/kb"
  role_name = local.role_name
}
)"}}},
                           {"infra/modules/kb", {{"main.tf", R"(
variable "role_name" {}
resource "aws_s3_bucket" "b" { bucket_prefix = "kb-" }
resource "aws_iam_role_policy" "x" {
  role   = var.role_name
  policy = "{}"
}
output "bucket_arn" { value = aws_s3_bucket.b.arn }
)"}}}});
  // Each use of the local has the edge (not only the first, which evaluated
  // it), at the attribute that uses it; the module output leads to the
  // bucket inside the module, the module argument to the role outside.
  EXPECT_EQ(edges(*g), (Strings{
                           "aws_iam_role_policy.one -attaches-> aws_iam_role.r @role",
                           "aws_iam_role_policy.two -attaches-> aws_iam_role.r @role",
                           "aws_iam_role_policy.two -reference-> module.kb.aws_s3_bucket.b @policy",
                           "module.kb.aws_iam_role_policy.x -attaches-> aws_iam_role.r @role",
                       }));
}

TEST(TfGraphEdges, AnIndexTargetsTheInstanceItNames) {
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
variable "names" {}
resource "aws_s3_bucket" "b" {
  for_each = toset(["raw", "clean"])
  bucket   = "kb-${each.key}"
}
resource "aws_s3_bucket" "c" {
  count  = 2
  bucket = "c-${count.index}"
}
resource "aws_s3_bucket_versioning" "raw" {
  bucket = aws_s3_bucket.b["raw"].id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_acl" "first" {
  bucket = aws_s3_bucket.c[0].id
  acl    = "private"
}
resource "aws_s3_bucket_public_access_block" "each" {
  for_each = toset(["clean"])
  bucket   = aws_s3_bucket.b[each.key].id
}
resource "aws_s3_bucket_ownership_controls" "later" {
  for_each = var.names
  bucket   = aws_s3_bucket.b[each.key].id
  rule { object_ownership = "BucketOwnerEnforced" }
}
resource "aws_iam_policy" "all" {
  name   = "all"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = aws_s3_bucket.c[*].arn }] })
}
)"}}}});
  // A key known only after apply (each.key of a for_each over a variable
  // without value) may name any instance; a splat names all of them.
  EXPECT_EQ(edges(*g),
            (Strings{
                "aws_s3_bucket_versioning.raw -attaches-> aws_s3_bucket.b[\"raw\"] @bucket",
                "aws_s3_bucket_acl.first -attaches-> aws_s3_bucket.c[0] @bucket",
                "aws_s3_bucket_public_access_block.each[\"clean\"] -attaches-> "
                "aws_s3_bucket.b[\"clean\"] @bucket",
                "aws_s3_bucket_ownership_controls.later -attaches-> aws_s3_bucket.b[\"clean\"] "
                "@bucket (maybe)",
                "aws_s3_bucket_ownership_controls.later -attaches-> aws_s3_bucket.b[\"raw\"] "
                "@bucket (maybe)",
                "aws_iam_policy.all -reference-> aws_s3_bucket.c[0] @policy",
                "aws_iam_policy.all -reference-> aws_s3_bucket.c[1] @policy",
            }));
}

TEST(TfGraphEdges, CountAndForEachReferencesBelongToEveryInstanceOfTheirResource) {
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
resource "aws_kms_key" "k" { description = "k" }
resource "aws_s3_bucket" "none" {
  count  = length([aws_kms_key.k.arn]) - 1
  bucket = "none"
}
resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_sns_topic" "each" {
  for_each = { raw = aws_kms_key.k.arn, clean = aws_kms_key.k.id }
  name     = each.key
}
)"}}}});
  // No instance of `none`: its count's reference is nobody's (not the
  // queue's, which comes next).
  EXPECT_EQ(edges(*g),
            (Strings{
                "aws_sns_topic.each[\"raw\"] -reference-> aws_kms_key.k @for_each.raw",
                "aws_sns_topic.each[\"raw\"] -reference-> aws_kms_key.k @for_each.clean",
                "aws_sns_topic.each[\"clean\"] -reference-> aws_kms_key.k @for_each.raw",
                "aws_sns_topic.each[\"clean\"] -reference-> aws_kms_key.k @for_each.clean",
            }));
}

TEST(TfGraphEdges, DependsOnReachesEveryInstance) {
  auto g = build_tf_graph({{"infra", {{"main.tf", R"(
resource "aws_s3_bucket" "b" {
  for_each = toset(["raw", "clean"])
  bucket   = "kb-${each.key}"
}
resource "aws_iam_role" "r" { name = "kb-role" }
resource "aws_opensearchserverless_collection" "c" {
  name       = "kb"
  depends_on = [aws_s3_bucket.b, aws_iam_role.r]
}
)"}}}});
  EXPECT_EQ(edges(*g),
            (Strings{
                "aws_opensearchserverless_collection.c -depends_on-> aws_s3_bucket.b[\"clean\"] "
                "@depends_on[0]",
                "aws_opensearchserverless_collection.c -depends_on-> aws_s3_bucket.b[\"raw\"] "
                "@depends_on[0]",
                "aws_opensearchserverless_collection.c -depends_on-> aws_iam_role.r @depends_on[1]",
            }));
}

}  // namespace
