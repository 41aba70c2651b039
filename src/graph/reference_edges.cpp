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
  // CloudFormation logical IDs are scoped to their template (unit).
  std::map<std::pair<size_t, std::string_view>, size_t> by_name;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    by_name[{in.unit_index[i], in.resources[i]->name}] = i;
  }
  std::vector<Edge> out;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    for (const formats::Reference& ref : in.resources[i]->references) {
      auto it = by_name.find({in.unit_index[i], ref.target});
      if (it == by_name.end()) continue;
      const EdgeKind kind = ref.kind == formats::ReferenceKind::kDependsOn ? EdgeKind::kDependsOn
                                                                           : EdgeKind::kReference;
      out.push_back(Edge{kind, i, it->second, {}, ref.at});
    }
  }
  return out;
}

}  // namespace genlens::graph::detail
