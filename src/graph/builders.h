#pragma once
// The sources of graph edges, one file each; graph.cpp puts them together.
#include <string>
#include <string_view>
#include <unordered_map>
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
  // The scanned document each root node belongs to (configuration files,
  // and a Terraform module's variables and tfvars files).
  const std::unordered_map<const core::Node*, const core::Document*>& documents;
};

// The document holding `n` among `documents` (by root node; a node of JSON
// parsed out of a string is in its host's); nullptr when none does.
const core::Document* document_of(
    const std::unordered_map<const core::Node*, const core::Document*>& documents,
    const core::Node* n);

// Ref / GetAtt / Sub / DependsOn by logical ID within a template; Terraform
// references and depends_on by address within a module instance, to the
// instance an index names.
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
// Kubernetes objects of one namespace: selectors (Service, NetworkPolicy,
// PodDisruptionBudget) -> workloads; scale targets (HPA, KEDA ScaledObject)
// -> workloads; Ingress backends, service accounts, Secret and ConfigMap
// references -> what they name.
std::vector<Edge> kubernetes_edges(const Inputs& in);

// The map of a resource's configured attributes: a CloudFormation
// resource's Properties, a Terraform resource's body; nullptr when absent.
const core::Value* attributes(const formats::Resource& r);
// Entries of a resource's attributes that generic walks (ARNs anywhere)
// skip: the synthetic `genlens` key of a Kubernetes object (its values are
// the manifest's own, walked where they are written) and the
// kubectl.kubernetes.io/last-applied-configuration annotation (a JSON copy
// of the manifest).
bool derived_entry(const formats::Resource& r, const core::Value* parent, std::string_view key);
// The rule-path form of attributes(r): "Properties." or "" (Terraform).
std::string_view attribute_prefix(const formats::Resource& r);

// Reference edges that attach one resource to another (a policy to a role,
// a bucket policy to its bucket, a scalable target to an endpoint, a
// Terraform split resource such as aws_s3_bucket_versioning to its bucket)
// become kAttaches.
EdgeKind classify(const formats::Resource& from, std::string_view path, EdgeKind kind);

// The node a value is written at in the resource: its use site (the Ref that
// led to a parameter default, or the scalar itself).
const core::Node* written_at(const core::Value* v);

// The rule path of `at`, a node of the JSON parsed out of string `str` of
// resource `r`: the attribute holding the string, then the path inside the
// JSON ("Properties.Policy@json[0].Rules[0]", "policy@json.Statement[0]"),
// also when the string is written elsewhere (a parameter default, a
// Terraform local or module argument).
std::string json_path(const formats::Resource& r, const core::Value* str, const core::Node* at);

}  // namespace genlens::graph::detail
