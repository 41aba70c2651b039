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
  // Collections by name; an unknown name (a parameter without default) may
  // be selected by any policy.
  std::vector<std::pair<size_t, const core::Value*>> collections;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const formats::Resource& r = *in.resources[i];
    if (r.type != "AWS::OpenSearchServerless::Collection") continue;
    collections.emplace_back(i, property(r, "Name"));
  }
  std::vector<Edge> out;
  if (collections.empty()) return out;
  auto maybe = [&](size_t policy, size_t collection, const core::Node* at) {
    Edge e{EdgeKind::kSelects, policy, collection, {}, at};
    e.certain = false;
    out.push_back(e);
  };
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
    }
    for (const auto& [c, name] : collections) {
      if (policy == nullptr || !policy->known() || name == nullptr || !name->is_string() ||
          name->partial) {
        // Text known only at deploy time (a parse failure of known text is
        // reported by the rules that read it), or a collection name that is.
        if (policy == nullptr && text->is_string() && !text->partial) continue;
        maybe(i, c, written_at(text));
        continue;
      }
      const oss::Selections sel = oss::select(policy, name->text);
      for (const oss::Selection& s : sel.selected) {
        out.push_back(Edge{EdgeKind::kSelects, i, c, {}, s.resource->origin});
      }
      if (sel.selected.empty() && sel.unknown) maybe(i, c, written_at(text));
    }
  }
  return out;
}

}  // namespace genlens::graph::detail
