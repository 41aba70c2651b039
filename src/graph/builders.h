#pragma once
// The sources of graph edges, one file each; graph.cpp puts them together.
#include <string_view>
#include <vector>

#include "genlens/formats/embedded_json.h"
#include "genlens/graph/graph.h"

namespace genlens::graph::detail {

// The resources of a graph under construction, with the unit of each.
struct Inputs {
  const std::vector<formats::Unit>& units;
  const std::vector<const formats::Resource*>& resources;
  const std::vector<size_t>& unit_index;
  formats::JsonCache& json;  // owned by the graph: edges point into its documents
};

// Ref / GetAtt / Sub / DependsOn by logical ID within a template.
std::vector<Edge> reference_edges(const Inputs& in);
// ARN-shaped values (arn:aws:s3:::docs) and name-valued properties
// (AWS::IAM::Policy Roles, AWS::S3::BucketPolicy Bucket, a scalable target's
// ResourceId) that identify a resource of the scan by its name.
std::vector<Edge> name_edges(const Inputs& in);
// OpenSearch Serverless security, access and lifecycle policies -> the
// collections their rules select by name pattern.
std::vector<Edge> policy_selection_edges(const Inputs& in);
// Nested stacks whose TemplateURL is a local file of the scan -> every
// resource of that template.
std::vector<Edge> nested_stack_edges(const Inputs& in);

// Reference edges that attach one resource to another (a policy to a role,
// a bucket policy to its bucket, a scalable target to an endpoint) become
// kAttaches.
EdgeKind classify(std::string_view from_type, std::string_view path, EdgeKind kind);

// The node a value is written at in the resource: its use site (the Ref that
// led to a parameter default, or the scalar itself).
const core::Node* written_at(const core::Value* v);

}  // namespace genlens::graph::detail
