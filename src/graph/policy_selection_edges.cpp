// OpenSearch Serverless policies -> the collections they select by name.
#include <string>

#include "genlens/graph/oss_policy.h"
#include "graph/builders.h"

namespace genlens::graph::detail {
namespace {

constexpr std::string_view kPolicyTypes[] = {
    "AWS::OpenSearchServerless::AccessPolicy",
    "AWS::OpenSearchServerless::LifecyclePolicy",
    "AWS::OpenSearchServerless::SecurityPolicy",
};

const core::Value* property(const formats::Resource& r, std::string_view key) {
  const core::Value* props = r.value != nullptr ? r.value->find("Properties") : nullptr;
  return props != nullptr ? props->find(key) : nullptr;
}

bool is_policy(const formats::Resource& r) {
  for (std::string_view t : kPolicyTypes) {
    if (r.type == t) return true;
  }
  return false;
}

}  // namespace

std::vector<Edge> policy_selection_edges(const Inputs& in) {
  std::vector<std::pair<size_t, std::string>> collections;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const formats::Resource& r = *in.resources[i];
    if (r.type != "AWS::OpenSearchServerless::Collection") continue;
    const core::Value* name = property(r, "Name");
    if (name != nullptr && name->is_string() && !name->partial) collections.emplace_back(i, name->text);
  }
  std::vector<Edge> out;
  if (collections.empty()) return out;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const formats::Resource& r = *in.resources[i];
    if (!is_policy(r)) continue;
    const core::Value* text = property(r, "Policy");
    if (text == nullptr) continue;
    const core::Value* policy = text;
    if (text->is_string()) {
      in.json.set_document(in.units[in.unit_index[i]].document.get());
      std::string reason;
      policy = in.json.parse(text, &reason);
      if (policy == nullptr) continue;
    }
    for (const auto& [c, name] : collections) {
      for (const oss::Selection& s : oss::select(policy, name).selected) {
        out.push_back(Edge{EdgeKind::kSelects, i, c, {}, s.resource->origin});
      }
    }
  }
  return out;
}

}  // namespace genlens::graph::detail
