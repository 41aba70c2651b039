// What a manifest is: its API group and kind, its resource type and address.
#include <string>
#include <string_view>

#include "formats/kubernetes/manifest.h"
#include "genlens/formats/kubernetes.h"

namespace genlens::formats::kubernetes {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool string_scalar(const core::Node* n) {
  return n != nullptr && n->is_scalar() && n->scalar_type == core::ScalarType::kString &&
         !n->text.empty();
}

// Built-in API groups: the core group (""), the unsuffixed ones and *.k8s.io.
bool builtin_group(std::string_view group) {
  for (std::string_view g : {"", "apps", "batch", "policy", "autoscaling", "extensions"}) {
    if (group == g) return true;
  }
  return ends_with(group, ".k8s.io");
}

}  // namespace

std::string_view api_group(std::string_view api_version) {
  const size_t slash = api_version.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

bool is_manifest(const core::Node* root) {
  return root != nullptr && root->is_map() && string_scalar(root->find("apiVersion")) &&
         string_scalar(root->find("kind"));
}

std::string resource_type(std::string_view api_version, std::string_view kind) {
  const std::string_view group = api_group(api_version);
  if (builtin_group(group)) return std::string(kind);
  return std::string(group) + "/" + std::string(kind);
}

bool is_list(const core::Node* manifest) {
  const core::Node* items = manifest->find("items");
  return items != nullptr && items->is_sequence() &&
         ends_with(manifest->find("kind")->text, "List");
}

bool is_tool_configuration(const core::Node* manifest) {
  const std::string& api = manifest->find("apiVersion")->text;
  const std::string_view group = api_group(api);
  // kustomize: kustomization.yaml, components, built-in plugin configs.
  if (group == "kustomize.config.k8s.io" || api == "builtin" || group == "builtin") return true;
  // A kubeconfig file.
  return api == "v1" && manifest->find("kind")->text == "Config";
}

}  // namespace genlens::formats::kubernetes
