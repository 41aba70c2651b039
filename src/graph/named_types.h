#pragma once
// Resource kinds whose name (or ARN) identifies them account-wide, with the
// CloudFormation and the Terraform type of each and the attribute holding
// the name: an ARN or a name written in either format finds the resource in
// both.
#include <cstdint>
#include <optional>
#include <string_view>

#include "genlens/core/value.h"
#include "genlens/formats/resource.h"

namespace genlens::graph::detail {

enum class Kind : uint8_t {
  kIamManagedPolicy,
  kIamRole,
  kLambdaFunction,
  kLogGroup,
  kOssCollection,
  kS3Bucket,
  kSageMakerEndpoint,
  kSageMakerEndpointConfig,
  kSageMakerInferenceComponent,
  kSageMakerModel,
};

// The kind of a resource type of either format; nullopt when the type is
// not one whose name the graph indexes.
std::optional<Kind> kind_of(std::string_view type);

// The value of the attribute holding the resource's name
// (Properties.BucketName, bucket); nullptr when absent or not indexed.
const core::Value* name_value(const formats::Resource& r);

// SageMaker lower-cases names in ARNs: its names match case-insensitively.
bool case_insensitive(Kind kind);

}  // namespace genlens::graph::detail
