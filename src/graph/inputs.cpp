// What the edge builders read of a resource and of the scanned documents.
#include "genlens/formats/kubernetes.h"
#include "graph/builders.h"

namespace genlens::graph::detail {

const core::Value* attributes(const formats::Resource& r) {
  if (r.value == nullptr) return nullptr;
  return r.format == formats::Format::kCloudFormation ? r.value->find("Properties") : r.value;
}

bool derived_entry(const formats::Resource& r, const core::Value* parent, std::string_view key) {
  if (r.format != formats::Format::kKubernetes) return false;
  if (parent == r.value) return key == formats::kubernetes::kSyntheticKey;
  if (key != "kubectl.kubernetes.io/last-applied-configuration") return false;
  const core::Value* metadata = r.value->find("metadata");
  return metadata != nullptr && parent == metadata->find("annotations");
}

std::string_view attribute_prefix(const formats::Resource& r) {
  return r.format == formats::Format::kCloudFormation ? "Properties." : "";
}

const core::Document* document_of(
    const std::unordered_map<const core::Node*, const core::Document*>& documents,
    const core::Node* n) {
  if (n == nullptr) return nullptr;
  while (n->parent != nullptr) n = n->parent;
  auto it = documents.find(n);
  return it == documents.end() ? nullptr : it->second;
}

const core::Node* written_at(const core::Value* v) { return v->origin; }

std::string json_path(const formats::Resource& r, const core::Value* str, const core::Node* at) {
  return relative_path(r.node, written_at(str)) +
         relative_path(formats::JsonCache::host_of(*str), at);
}

}  // namespace genlens::graph::detail
