// Edges from references written in the source, and the kinds they get.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "graph/builders.h"

namespace genlens::graph::detail {
namespace {

// (resource type, attribute) pairs whose reference attaches the resource to
// the one it names; the attribute (under attributes(r)) matches the edge
// path or a prefix of it. The resource holding the attribute is the `from`
// end: a role attaches the managed policies it lists
// (AWS::IAM::Role ManagedPolicyArns, aws_iam_role managed_policy_arns), a
// policy the roles it lists (AWS::IAM::Policy Roles), and a Terraform
// attachment or split resource both ends it joins
// (aws_iam_role_policy_attachment role and policy_arn) or the resource it
// configures (aws_s3_bucket_versioning bucket).
struct Attachment {
  std::string_view type;
  std::string_view attribute;
};
constexpr Attachment kAttachments[] = {
    {"AWS::ApplicationAutoScaling::ScalableTarget", "ResourceId"},
    {"AWS::ApplicationAutoScaling::ScalingPolicy", "ScalingTargetId"},
    {"AWS::ApplicationAutoScaling::ScalingPolicy", "ResourceId"},
    {"AWS::IAM::InstanceProfile", "Roles"},
    {"AWS::IAM::ManagedPolicy", "Roles"},
    {"AWS::IAM::Policy", "Roles"},
    {"AWS::IAM::Role", "ManagedPolicyArns"},
    {"AWS::IAM::RolePolicy", "RoleName"},
    {"AWS::Lambda::Permission", "FunctionName"},
    {"AWS::S3::BucketPolicy", "Bucket"},
    {"aws_appautoscaling_policy", "resource_id"},
    {"aws_appautoscaling_target", "resource_id"},
    {"aws_iam_instance_profile", "role"},
    {"aws_iam_policy_attachment", "policy_arn"},
    {"aws_iam_policy_attachment", "roles"},
    {"aws_iam_role", "managed_policy_arns"},
    {"aws_iam_role_policy", "role"},
    {"aws_iam_role_policy_attachment", "policy_arn"},
    {"aws_iam_role_policy_attachment", "role"},
    {"aws_lambda_permission", "function_name"},
    {"aws_s3_bucket_acl", "bucket"},
    {"aws_s3_bucket_logging", "bucket"},
    {"aws_s3_bucket_ownership_controls", "bucket"},
    {"aws_s3_bucket_policy", "bucket"},
    {"aws_s3_bucket_public_access_block", "bucket"},
    {"aws_s3_bucket_server_side_encryption_configuration", "bucket"},
    {"aws_s3_bucket_versioning", "bucket"},
};

bool has_prefix(std::string_view path, std::string_view prefix) {
  if (path.substr(0, prefix.size()) != prefix) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

}  // namespace

EdgeKind classify(const formats::Resource& from, std::string_view path, EdgeKind kind) {
  if (kind != EdgeKind::kReference) return kind;
  const std::string_view prefix = attribute_prefix(from);
  if (path.substr(0, prefix.size()) != prefix) return kind;
  path.remove_prefix(prefix.size());
  for (const Attachment& a : kAttachments) {
    if (a.type == from.type && has_prefix(path, a.attribute)) return EdgeKind::kAttaches;
  }
  return kind;
}

std::vector<Edge> reference_edges(const Inputs& in) {
  // CloudFormation logical IDs are scoped to their template (unit); Terraform
  // addresses to their module instance (Unit::scope), across its files. A
  // reference without instance key reaches every instance of a resource
  // with count/for_each; one with a key the instance it names, and one
  // whose key is known only after apply every instance as an uncertain edge.
  auto scope_of = [&](size_t i) {
    const formats::Unit& u = in.units[in.unit_index[i]];
    return u.scope.empty() ? "#" + std::to_string(in.unit_index[i]) : u.scope;
  };
  // By (scope, name): every instance; by (scope, name, instance key): the
  // one instance, or ("" key) a resource whose count/for_each is known only
  // after apply, which stands for all its instances, the one named too.
  using Name = std::pair<std::string, std::string_view>;
  std::map<Name, std::vector<size_t>> all;
  std::map<std::pair<Name, std::string_view>, std::vector<size_t>> one;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const formats::Resource& r = *in.resources[i];
    Name name{scope_of(i), r.ref_name.empty() ? r.name : r.ref_name};
    all[name].push_back(i);
    one[{std::move(name), r.instance}].push_back(i);
  }
  static const std::vector<size_t> kNone;
  auto find = [](const auto& map, const auto& key) -> const std::vector<size_t>& {
    auto it = map.find(key);
    return it == map.end() ? kNone : it->second;
  };
  std::vector<Edge> out;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const std::string scope = scope_of(i);
    for (const formats::Reference& ref : in.resources[i]->references) {
      const EdgeKind kind = ref.kind == formats::ReferenceKind::kDependsOn ? EdgeKind::kDependsOn
                                                                           : EdgeKind::kReference;
      Name name{ref.scope.empty() ? scope : ref.scope, ref.target};
      auto add = [&](const std::vector<size_t>& targets) {
        for (size_t to : targets) {
          Edge e{kind, i, to, ref.attribute_path, ref.at};
          e.certain = ref.certain;
          out.push_back(std::move(e));
        }
      };
      if (ref.instance.empty()) {
        add(find(all, name));
      } else {
        add(find(one, std::pair{name, std::string_view(ref.instance)}));
        add(find(one, std::pair{std::move(name), std::string_view()}));
      }
    }
  }
  return out;
}

}  // namespace genlens::graph::detail
