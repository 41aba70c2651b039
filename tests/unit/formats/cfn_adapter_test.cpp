// cloudformation::adapt and is_template: resources with resolved values,
// references (Ref, GetAtt, Sub, DependsOn), conditions, Fn::ForEach and
// structural diagnostics.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../test_support.h"
#include "adapted_unit.h"
#include "genlens/formats/cloudformation.h"

namespace {

using genlens::core::DiagnosticKind;
using genlens::core::Diagnostics;
using genlens::core::Severity;
using genlens::formats::Format;
using genlens::formats::Reference;
using genlens::formats::ReferenceKind;
using genlens::formats::Resource;
using genlens::formats::Unit;
using genlens::formats::cloudformation::adapt;
using genlens::formats::cloudformation::is_template;
using genlens::testutil::describe;
using genlens::testutil::node_at;
using genlens::testutil::parse_yaml_ok;
using genlens::testutil::range_str;
using genlens::testutil::value_at;
using Strings = std::vector<std::string>;

struct Adapted : genlens::testutil::AdaptedUnit {
  Strings names() const {
    Strings out;
    for (const Resource& r : unit.resources) out.push_back(r.name);
    return out;
  }
  Strings refs(const std::string& name) const {
    Strings out;
    const Resource* r = res(name);
    if (r == nullptr) return out;
    for (const Reference& ref : r->references) {
      const char* kind = ref.kind == ReferenceKind::kRef      ? "Ref"
                         : ref.kind == ReferenceKind::kGetAtt ? "GetAtt"
                         : ref.kind == ReferenceKind::kSub    ? "Sub"
                                                              : "DependsOn";
      out.push_back(std::string(kind) + " " + ref.target +
                    (ref.attribute.empty() ? "" : "." + ref.attribute) + " @" +
                    range_str(ref.at->range) + " " + ref.from_path);
    }
    return out;
  }
  Strings diagnostics() const {
    Strings out;
    for (const auto& d : diags.all()) out.push_back(d.to_string());
    return out;
  }
};

std::unique_ptr<Adapted> adapt_yaml(const std::string& text) {
  auto out = std::make_unique<Adapted>();
  auto doc = parse_yaml_ok(text, "t.yaml");
  if (doc == nullptr) return out;
  const auto* root = doc->roots().front();
  out->unit = adapt(doc, root, out->diags);
  return out;
}

TEST(CfnAdapter, ResourcesKeepOrderTypeNodeAndResolvedValue) {
  auto a = adapt_yaml(
      "Parameters:\n"
      "  Env: {Type: String, Default: prod}\n"
      "Resources:\n"
      "  Bucket:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Properties:\n"
      "      BucketName: !Sub '${Env}-data'\n"
      "      Gone: !Ref AWS::NoValue\n"
      "  Alpha:\n"
      "    Type: AWS::SQS::Queue\n");
  EXPECT_EQ(a->unit.format, Format::kCloudFormation);
  EXPECT_EQ(a->names(), (Strings{"Bucket", "Alpha"}));
  const Resource* b = a->res("Bucket");
  EXPECT_EQ(b->type, "AWS::S3::Bucket");
  EXPECT_EQ(b->format, Format::kCloudFormation);
  EXPECT_TRUE(b->evaluable);
  EXPECT_EQ(range_str(b->node->key_range), "4:3-4:9");
  EXPECT_EQ(b->node->path(), "Resources/Bucket");
  EXPECT_EQ(describe(b->value),
            "{Type: \"AWS::S3::Bucket\", Properties: {BucketName: \"prod-data\"}}");
  EXPECT_EQ(b->value->origin, b->node);
  EXPECT_TRUE(a->diags.empty());
  ASSERT_NE(a->unit.document, nullptr);
  EXPECT_EQ(a->unit.document->source().path(), "t.yaml");
}

TEST(CfnAdapter, ReferencesFromPropertiesCarryKindTargetAttributeAndPath) {
  auto a = adapt_yaml(
      "Resources:\n"
      "  Role:\n"
      "    Type: AWS::IAM::Role\n"
      "  Fn:\n"
      "    Type: AWS::Lambda::Function\n"
      "    Properties:\n"
      "      Role: !GetAtt Role.Arn\n"
      "      Name: !Ref Role\n"
      "      Desc: !Sub '${Role.RoleId} ${Role}'\n");
  EXPECT_EQ(a->refs("Fn"), (Strings{"GetAtt Role.Arn @7:13-7:29 Resources/Fn/Properties/Role",
                                    "Ref Role @8:13-8:22 Resources/Fn/Properties/Name",
                                    "Sub Role.RoleId @9:13-9:42 Resources/Fn/Properties/Desc",
                                    "Sub Role @9:13-9:42 Resources/Fn/Properties/Desc"}));
  EXPECT_EQ(a->value("Fn", "Properties/Role"), "<unknown>");
  EXPECT_EQ(a->value("Fn", "Properties/Desc"), "\"<?> <?>\"~");
  EXPECT_TRUE(a->refs("Role").empty());
}

TEST(CfnAdapter, DependsOnStringAndListBecomeReferences) {
  auto a = adapt_yaml(
      "Resources:\n"
      "  A:\n"
      "    Type: AWS::IAM::Role\n"
      "  B:\n"
      "    Type: AWS::S3::Bucket\n"
      "    DependsOn: A\n"
      "  C:\n"
      "    Type: AWS::S3::Bucket\n"
      "    DependsOn: [A, B]\n"
      "    Properties:\n"
      "      X: !Ref B\n");
  EXPECT_EQ(a->refs("B"), (Strings{"DependsOn A @6:16-6:17 Resources/B/DependsOn"}));
  EXPECT_EQ(a->refs("C"), (Strings{"Ref B @11:10-11:16 Resources/C/Properties/X",
                                   "DependsOn A @9:17-9:18 Resources/C/DependsOn/0",
                                   "DependsOn B @9:20-9:21 Resources/C/DependsOn/1"}));
}

TEST(CfnAdapter, ResourceWithKnownFalseConditionIsSkipped) {
  auto a = adapt_yaml(
      "Parameters:\n"
      "  Env: {Type: String, Default: prod}\n"
      "  Free: {Type: String}\n"
      "Conditions:\n"
      "  IsProd: !Equals [!Ref Env, prod]\n"
      "  IsDev: !Not [!Condition IsProd]\n"
      "  Maybe: !Equals [!Ref Free, x]\n"
      "Resources:\n"
      "  ProdOnly: {Type: AWS::S3::Bucket, Condition: IsProd}\n"
      "  DevOnly: {Type: AWS::S3::Bucket, Condition: IsDev}\n"
      "  Perhaps: {Type: AWS::S3::Bucket, Condition: Maybe}\n"
      "  Undefined: {Type: AWS::S3::Bucket, Condition: NoSuchCondition}\n");
  EXPECT_EQ(a->names(), (Strings{"ProdOnly", "Perhaps", "Undefined"}));
}

TEST(CfnAdapter, ResolvedValuesSeeParametersMappingsAndConditions) {
  auto a = adapt_yaml(
      "Parameters:\n"
      "  Env: {Type: String, Default: prod}\n"
      "  Sizes: {Type: CommaDelimitedList, Default: 'S,M'}\n"
      "Mappings:\n"
      "  M: {prod: {Kms: alias/prod}}\n"
      "Conditions:\n"
      "  IsProd: !Equals [!Ref Env, prod]\n"
      "Resources:\n"
      "  R:\n"
      "    Type: AWS::SageMaker::EndpointConfig\n"
      "    Properties:\n"
      "      KmsKeyId: !FindInMap [M, !Ref Env, Kms]\n"
      "      Size: !Select [1, !Ref Sizes]\n"
      "      Capture: !If [IsProd, {Enabled: true}, !Ref AWS::NoValue]\n"
      "      Tags: !Split [',', !Join [',', [a, b]]]\n"
      "      Secret: '{{resolve:secretsmanager:s}}'\n");
  EXPECT_EQ(a->value("R", "Properties"),
            "{KmsKeyId: \"alias/prod\", Size: \"M\", Capture: {Enabled: true}, "
            "Tags: [\"a\", \"b\"], Secret: <unknown>}");
}

TEST(CfnAdapter, ForEachExpandsALiteralList) {
  auto a = adapt_yaml(
      "Transform: AWS::LanguageExtensions\n"
      "Resources:\n"
      "  Fn::ForEach::Buckets:\n"
      "    - Id\n"
      "    - [one, two]\n"
      "    - Bucket${Id}:\n"
      "        Type: AWS::S3::Bucket\n"
      "        Properties:\n"
      "          BucketName: !Sub 'b-${Id}'\n"
      "          Tag: !Ref Id\n");
  EXPECT_EQ(a->names(), (Strings{"Bucketone", "Buckettwo"}));
  EXPECT_EQ(a->value("Buckettwo", "Properties"), "{BucketName: \"b-two\", Tag: \"two\"}");
  EXPECT_EQ(a->res("Bucketone")->node->path(), "Resources/Fn::ForEach::Buckets/2/Bucket${Id}");
  EXPECT_TRUE(a->diags.empty()) << ::testing::PrintToString(a->diagnostics());
}

TEST(CfnAdapter, ForEachOverCommaDelimitedListDefaultWithAlphanumericIds) {
  auto a = adapt_yaml(
      "Parameters:\n"
      "  Names: {Type: CommaDelimitedList, Default: 'alpha,beta-2'}\n"
      "Resources:\n"
      "  Fn::ForEach::Queues:\n"
      "    - Name\n"
      "    - !Ref Names\n"
      "    - Queue&{Name}:\n"
      "        Type: AWS::SQS::Queue\n"
      "        Properties:\n"
      "          QueueName: !Ref Name\n"
      "          Label: ${Name} stays literal outside Sub\n");
  EXPECT_EQ(a->names(), (Strings{"Queuealpha", "Queuebeta2"}));
  EXPECT_EQ(a->value("Queuebeta2", "Properties/QueueName"), "\"beta-2\"");
  EXPECT_EQ(a->value("Queuebeta2", "Properties/Label"), "\"${Name} stays literal outside Sub\"");
}

TEST(CfnAdapter, NestedForEachBindsBothIdentifiers) {
  auto a = adapt_yaml(
      "Resources:\n"
      "  Fn::ForEach::Outer:\n"
      "    - Env\n"
      "    - [dev, prod]\n"
      "    - Fn::ForEach::Inner:\n"
      "        - Kind\n"
      "        - [logs, data]\n"
      "        - ${Env}${Kind}:\n"
      "            Type: AWS::S3::Bucket\n"
      "            Properties: {BucketName: !Sub '${Env}-${Kind}'}\n");
  EXPECT_EQ(a->names(), (Strings{"devlogs", "devdata", "prodlogs", "proddata"}));
  EXPECT_EQ(a->value("proddata", "Properties/BucketName"), "\"prod-data\"");
}

TEST(CfnAdapter, RefToAResourceExpandedByForEachIsAReference) {
  auto a = adapt_yaml(
      "Resources:\n"
      "  Fn::ForEach::Topics:\n"
      "    - Id\n"
      "    - [a]\n"
      "    - Topic${Id}: {Type: AWS::SNS::Topic}\n"
      "  Sub:\n"
      "    Type: AWS::SNS::Subscription\n"
      "    Properties:\n"
      "      TopicArn: !Ref Topica\n");
  EXPECT_EQ(a->names(), (Strings{"Topica", "Sub"}));
  EXPECT_EQ(a->value("Sub", "Properties/TopicArn"), "<unknown>");
  EXPECT_EQ(a->refs("Sub"), (Strings{"Ref Topica @9:17-9:28 Resources/Sub/Properties/TopicArn"}));
}

TEST(CfnAdapter, ForEachWithUnknownCollectionWarnsAndSkips) {
  auto a = adapt_yaml(
      "Parameters:\n"
      "  Free: {Type: CommaDelimitedList}\n"
      "Resources:\n"
      "  Fn::ForEach::Loop:\n"
      "    - Z\n"
      "    - !Ref Free\n"
      "    - X${Z}: {Type: AWS::SQS::Queue}\n"
      "  Kept: {Type: AWS::SQS::Queue}\n");
  EXPECT_EQ(a->names(), (Strings{"Kept"}));
  EXPECT_EQ(a->diagnostics(),
            (Strings{"t.yaml:4:3: warning: the collection of Fn::ForEach::Loop is not known "
                     "before deployment; its resources are not checked"}));
  EXPECT_EQ(a->diags.all()[0].code, "unknown-collection");
}

TEST(CfnAdapter, MalformedForEachIsAnInputError) {
  auto a = adapt_yaml(
      "Resources:\n"
      "  Fn::ForEach::Bad:\n"
      "    - Id\n"
      "    - [a]\n"
      "  Kept: {Type: AWS::SQS::Queue}\n");
  EXPECT_EQ(a->names(), (Strings{"Kept"}));
  EXPECT_EQ(a->diagnostics(),
            (Strings{"t.yaml:2:3: error: Fn::ForEach::Bad must be [Identifier, Collection, "
                     "{OutputKey: Resource}]"}));
  EXPECT_EQ(a->diags.all()[0].kind, DiagnosticKind::kInput);
}

TEST(CfnAdapter, ResourceWithoutTypeIsReportedAndOthersStillAdapted) {
  auto a = adapt_yaml(
      "Resources:\n"
      "  NoType:\n"
      "    Properties: {}\n"
      "  Scalar: just text\n"
      "  Ok: {Type: AWS::S3::Bucket}\n");
  EXPECT_EQ(a->names(), (Strings{"Ok"}));
  EXPECT_EQ(a->diagnostics(), (Strings{"t.yaml:2:3: error: resource NoType has no Type",
                                       "t.yaml:4:3: error: resource Scalar has no Type"}));
  EXPECT_EQ(a->diags.all()[0].code, "cfn-structure");
}

TEST(CfnAdapter, ResourcesThatIsNotAMapIsAnError) {
  auto a = adapt_yaml("AWSTemplateFormatVersion: '2010-09-09'\nResources: [a, b]\n");
  EXPECT_TRUE(a->unit.resources.empty());
  EXPECT_EQ(a->diagnostics(), (Strings{"t.yaml:2:12: error: Resources must be a map of logical IDs "
                                       "to resource definitions"}));
}

TEST(CfnAdapter, TemplateWithoutResourcesAdaptsToNothing) {
  auto a = adapt_yaml("AWSTemplateFormatVersion: '2010-09-09'\nOutputs: {}\n");
  EXPECT_TRUE(a->unit.resources.empty());
  EXPECT_TRUE(a->diags.empty());
  ASSERT_NE(a->unit.arena, nullptr);
}

bool template_text(const std::string& text) {
  auto doc = parse_yaml_ok(text);
  return doc != nullptr && is_template(doc->roots().front());
}

TEST(CfnIsTemplate, FormatVersionAloneIsATemplate) {
  EXPECT_TRUE(template_text("AWSTemplateFormatVersion: '2010-09-09'\n"));
  EXPECT_TRUE(template_text("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"));
}

TEST(CfnIsTemplate, ResourcesWithAwsOrCustomTypesIsATemplate) {
  EXPECT_TRUE(template_text("Resources:\n  A: {Type: AWS::S3::Bucket}\n"));
  EXPECT_TRUE(template_text(
      "Resources:\n  A: {Type: Custom::Thing}\n  B: {Type: AWS::Serverless::Function}\n"));
  EXPECT_TRUE(
      template_text("Resources:\n  Fn::ForEach::L:\n    - Id\n    - [a]\n"
                    "    - X${Id}: {Type: AWS::SQS::Queue}\n  A: {Type: AWS::S3::Bucket}\n"));
}

TEST(CfnIsTemplate, KubernetesManifestIsNotATemplate) {
  EXPECT_FALSE(template_text(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: 1}\n"));
}

TEST(CfnIsTemplate, ResourcesWithNonAwsTypeOrNoResourcesIsNotATemplate) {
  EXPECT_FALSE(template_text("Resources:\n  A: {Type: My::Thing}\n"));
  EXPECT_FALSE(template_text("Resources:\n  A: {Type: AWS::S3::Bucket}\n  B: {Type: x}\n"));
  EXPECT_FALSE(template_text("Resources:\n  A: {Properties: {}}\n"));
  EXPECT_FALSE(template_text("Resources: {}\n"));
  EXPECT_FALSE(template_text("Resources: [a]\n"));
  EXPECT_FALSE(template_text("- AWSTemplateFormatVersion\n"));
  EXPECT_FALSE(is_template(nullptr));
}

}  // namespace
