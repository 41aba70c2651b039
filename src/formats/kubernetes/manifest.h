#pragma once
// Internals of the Kubernetes adapter shared by its files.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/document.h"
#include "genlens/core/value.h"
#include "genlens/formats/kubernetes.h"

namespace genlens::formats::kubernetes {

// "apps" for "apps/v1", "" for "v1".
std::string_view api_group(std::string_view api_version);
// `kind: List` or another `*List` kind with an `items` sequence.
bool is_list(const core::Node* manifest);
// kustomize configuration or a kubeconfig: not an object of a cluster.
bool is_tool_configuration(const core::Node* manifest);

// Lists nested deeper than this are not expanded (a List of Lists is rare;
// this only bounds hostile input).
inline constexpr int kMaxListDepth = 8;

// A kind whose body no rule, edge or detection reads
// (apiextensions.k8s.io CustomResourceDefinition): its resource keeps only
// apiVersion, kind and metadata.
bool is_summary_kind(std::string_view api_version, std::string_view kind);
// When some manifest of `roots` (Lists expanded) is of a summary kind: a new
// Document with `doc`'s source and comments holding a copy of every root,
// summary manifests trimmed to apiVersion, kind and metadata (positions and
// paths unchanged); `roots` then point to the copies. nullptr otherwise.
std::shared_ptr<core::Document> summarize(const core::Document& doc,
                                          std::vector<const core::Node*>& roots);

// The entry `key` of a map value; nullptr when `v` is not a map or has none.
const core::Value* entry(const core::Value* v, std::string_view key);
// `path` + "." + key in rule-path form (a key with '.', '[', '@' or a quote
// is written "quoted").
std::string join_key(const std::string& path, std::string_view key);

// One pod spec of a manifest.
struct PodSpec {
  const core::Value* spec = nullptr;    // the pod spec map (KServe: the component)
  const core::Value* labels = nullptr;  // labels of the pods, when written
  std::string path;                     // "spec.template.spec"
  std::string role;                     // "Worker", "head", "predictor"; "" for single-pod kinds
  std::vector<const core::Value*> containers;       // app containers (KServe: + model)
  std::vector<const core::Value*> init_containers;  // initContainers, ephemeralContainers
};

// Every pod spec of a manifest of `type` (resource_type()).
std::vector<PodSpec> pod_specs(std::string_view type, const core::Value* manifest);

// What detect() decides, with the value that decided it (its origin is
// where the decision is written; nullptr: the manifest).
struct Detection {
  bool model_server = false;
  bool training = false;
  bool gpu = false;
  const core::Value* model_server_by = nullptr;
  const core::Value* training_by = nullptr;
  const core::Value* gpu_by = nullptr;
};

// Model-server, training and accelerator detection (lens-rules.md §0).
Detection detect(std::string_view type, const core::Value* manifest,
                 const std::vector<PodSpec>& pods, const Options& options);

}  // namespace genlens::formats::kubernetes
