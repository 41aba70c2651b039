// OpenSearch Serverless policies -> the collections they select by name.
#include <string>

#include "genlens/graph/oss_policy.h"
#include "graph/builders.h"
#include "graph/named_types.h"

namespace genlens::graph::detail {
namespace {

// Policy types and the attribute holding the policy JSON: a string
// (CloudFormation, a Terraform heredoc or jsonencode() result) or, where a
// template writes it as YAML, a map or list.
constexpr std::pair<std::string_view, std::string_view> kPolicyTypes[] = {
    {"AWS::OpenSearchServerless::AccessPolicy", "Policy"},
    {"AWS::OpenSearchServerless::LifecyclePolicy", "Policy"},
    {"AWS::OpenSearchServerless::SecurityPolicy", "Policy"},
    {"aws_opensearchserverless_access_policy", "policy"},
    {"aws_opensearchserverless_lifecycle_policy", "policy"},
    {"aws_opensearchserverless_security_policy", "policy"},
};

const core::Value* policy_text(const formats::Resource& r) {
  for (const auto& [type, attribute] : kPolicyTypes) {
    if (r.type != type) continue;
    const core::Value* attrs = attributes(r);
    return attrs != nullptr ? attrs->find(attribute) : nullptr;
  }
  return nullptr;
}

}  // namespace

std::vector<Edge> policy_selection_edges(const Inputs& in) {
  // Collections by name; an unknown name (a parameter without default, a
  // Terraform variable without value) may be selected by any policy.
  std::vector<std::pair<size_t, const core::Value*>> collections;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const formats::Resource& r = *in.resources[i];
    if (kind_of(r.type) == Kind::kOssCollection) collections.emplace_back(i, name_value(r));
  }
  std::vector<Edge> out;
  if (collections.empty()) return out;
  auto maybe = [&](size_t policy, size_t collection, const core::Node* at) {
    Edge e{EdgeKind::kSelects, policy, collection, {}, at};
    e.certain = false;
    out.push_back(e);
  };
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const core::Value* text = policy_text(*in.resources[i]);
    if (text == nullptr) continue;
    const core::Value* policy = text;
    bool parsed = false;  // a parse failure of known text: no policy at all
    if (text->is_string()) {
      // The string may be written in another file than the resource (a
      // Terraform local, a module argument): positions map into that one.
      // Without one (a --var value) it is read as known only at deploy time.
      const core::Document* doc = document_of(in.documents, formats::JsonCache::host_of(*text));
      policy = nullptr;
      if (doc != nullptr) {
        in.json.set_document(doc);
        std::string reason;
        policy = in.json.parse(text, &reason, true);
        parsed = !text->partial;
      }
    }
    for (const auto& [c, name] : collections) {
      if (policy == nullptr || !policy->known() || name == nullptr || !name->is_string() ||
          name->partial) {
        // Text known only at deploy time (a parse failure of known text is
        // reported by the rules that read it), or a collection name that is.
        if (policy == nullptr && parsed) continue;
        maybe(i, c, written_at(text));
        continue;
      }
      const oss::Selections sel = oss::select(policy, name->text);
      for (const oss::Selection& s : sel.selected) {
        const core::Node* at = s.resource->origin;
        out.push_back(Edge{EdgeKind::kSelects, i, c,
                           text->is_string() ? json_path(*in.resources[i], text, at) : "", at});
      }
      if (sel.selected.empty() && sel.unknown) maybe(i, c, written_at(text));
    }
  }
  return out;
}

}  // namespace genlens::graph::detail
