// Edges from references written in the source, and the kinds they get.
#include <map>
#include <utility>

#include "graph/builders.h"

namespace genlens::graph::detail {
namespace {

// (resource type, attribute) pairs whose reference attaches the resource to
// the one it names; the attribute matches the edge path or a prefix of it.
struct Attachment {
  std::string_view type;
  std::string_view path;
};
constexpr Attachment kAttachments[] = {
    {"AWS::ApplicationAutoScaling::ScalableTarget", "Properties.ResourceId"},
    {"AWS::ApplicationAutoScaling::ScalingPolicy", "Properties.ScalingTargetId"},
    {"AWS::ApplicationAutoScaling::ScalingPolicy", "Properties.ResourceId"},
    {"AWS::IAM::InstanceProfile", "Properties.Roles"},
    {"AWS::IAM::ManagedPolicy", "Properties.Roles"},
    {"AWS::IAM::Policy", "Properties.Roles"},
    {"AWS::IAM::Role", "Properties.ManagedPolicyArns"},
    {"AWS::IAM::RolePolicy", "Properties.RoleName"},
    {"AWS::S3::BucketPolicy", "Properties.Bucket"},
};

bool has_prefix(std::string_view path, std::string_view prefix) {
  if (path.substr(0, prefix.size()) != prefix) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

}  // namespace

EdgeKind classify(std::string_view from_type, std::string_view path, EdgeKind kind) {
  if (kind != EdgeKind::kReference) return kind;
  for (const Attachment& a : kAttachments) {
    if (a.type == from_type && has_prefix(path, a.path)) return EdgeKind::kAttaches;
  }
  return kind;
}

const core::Node* written_at(const core::Value* v) { return v->origin; }

std::vector<Edge> reference_edges(const Inputs& in) {
  // CloudFormation logical IDs are scoped to their template (unit); Terraform
  // addresses to their module instance (Unit::scope), across its files. A
  // reference to a resource with count/for_each reaches every instance.
  auto scope_of = [&](size_t i) {
    const formats::Unit& u = in.units[in.unit_index[i]];
    return u.scope.empty() ? "#" + std::to_string(in.unit_index[i]) : u.scope;
  };
  std::multimap<std::pair<std::string, std::string_view>, size_t> by_name;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const formats::Resource& r = *in.resources[i];
    const std::string_view name = r.ref_name.empty() ? r.name : r.ref_name;
    by_name.emplace(std::pair{scope_of(i), name}, i);
  }
  std::vector<Edge> out;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const std::string scope = scope_of(i);
    for (const formats::Reference& ref : in.resources[i]->references) {
      const EdgeKind kind = ref.kind == formats::ReferenceKind::kDependsOn ? EdgeKind::kDependsOn
                                                                           : EdgeKind::kReference;
      auto [lo, hi] = by_name.equal_range(
          {ref.scope.empty() ? scope : ref.scope, std::string_view(ref.target)});
      for (auto it = lo; it != hi; ++it)
        out.push_back(Edge{kind, i, it->second, ref.attribute_path, ref.at});
    }
  }
  return out;
}

}  // namespace genlens::graph::detail
