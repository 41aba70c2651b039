#include "graph/named_types.h"

#include "graph/builders.h"

namespace genlens::graph::detail {
namespace {

struct TypeName {
  std::string_view type;
  std::string_view attribute;  // under attributes(r)
};
struct NamedKind {
  Kind kind;
  TypeName cloudformation;
  TypeName terraform;
};
constexpr NamedKind kNamedKinds[] = {
    {Kind::kIamManagedPolicy,
     {"AWS::IAM::ManagedPolicy", "ManagedPolicyName"},
     {"aws_iam_policy", "name"}},
    {Kind::kIamRole, {"AWS::IAM::Role", "RoleName"}, {"aws_iam_role", "name"}},
    {Kind::kLambdaFunction,
     {"AWS::Lambda::Function", "FunctionName"},
     {"aws_lambda_function", "function_name"}},
    {Kind::kLogGroup,
     {"AWS::Logs::LogGroup", "LogGroupName"},
     {"aws_cloudwatch_log_group", "name"}},
    {Kind::kOssCollection,
     {"AWS::OpenSearchServerless::Collection", "Name"},
     {"aws_opensearchserverless_collection", "name"}},
    {Kind::kS3Bucket, {"AWS::S3::Bucket", "BucketName"}, {"aws_s3_bucket", "bucket"}},
    {Kind::kSageMakerEndpoint,
     {"AWS::SageMaker::Endpoint", "EndpointName"},
     {"aws_sagemaker_endpoint", "name"}},
    {Kind::kSageMakerEndpointConfig,
     {"AWS::SageMaker::EndpointConfig", "EndpointConfigName"},
     {"aws_sagemaker_endpoint_configuration", "name"}},
    {Kind::kSageMakerInferenceComponent,
     {"AWS::SageMaker::InferenceComponent", "InferenceComponentName"},
     {"aws_sagemaker_inference_component", "name"}},
    {Kind::kSageMakerModel,
     {"AWS::SageMaker::Model", "ModelName"},
     {"aws_sagemaker_model", "name"}},
};

const TypeName* type_name(std::string_view type, Kind* kind) {
  for (const NamedKind& k : kNamedKinds) {
    for (const TypeName* t : {&k.cloudformation, &k.terraform}) {
      if (t->type != type) continue;
      if (kind != nullptr) *kind = k.kind;
      return t;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<Kind> kind_of(std::string_view type) {
  Kind k{};
  if (type_name(type, &k) == nullptr) return std::nullopt;
  return k;
}

const core::Value* name_value(const formats::Resource& r) {
  const TypeName* t = type_name(r.type, nullptr);
  const core::Value* attrs = t != nullptr ? attributes(r) : nullptr;
  return attrs != nullptr ? attrs->find(t->attribute) : nullptr;
}

bool case_insensitive(Kind kind) {
  return kind == Kind::kSageMakerEndpoint || kind == Kind::kSageMakerEndpointConfig ||
         kind == Kind::kSageMakerInferenceComponent || kind == Kind::kSageMakerModel;
}

}  // namespace genlens::graph::detail
