#pragma once
// Kubernetes adapter: manifests (YAML streams of one or more documents, JSON,
// `List` kinds) -> one resource per object, classified by content
// (`apiVersion` + `kind`), never by file name.
//
// Resource::type is the kind for built-in API groups (`Deployment`) and
// `group/Kind` for every other group (`serving.kserve.io/InferenceService`);
// Resource::name (and ref_name) is `namespace/Kind/name`. Resource::node is
// the manifest's mapping: findings about a missing attribute, and notes about
// Unknown checks, are placed at its start (the manifest's first key, usually
// `apiVersion:`).
//
// Resource::value is the manifest as written plus one synthetic top-level key
// `genlens` whose values point into the manifest (exact locations):
//   genlens:
//     namespace: "default"            metadata.namespace, or "default"
//     pods: [{spec, labels, path, role}]  every pod spec of the kind
//     containers: [...]               app containers of every pod spec (KServe:
//                                     also `model` and the framework keys)
//     init_containers: [...]          initContainers and ephemeralContainers
//     model_server: bool              see Options and detect()
//     training: bool
//     gpu: bool                       a container requests or limits an accelerator
//     replicas: <value>               spec.replicas / KServe minReplicas, when written
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/document.h"
#include "genlens/formats/resource.h"

namespace genlens::formats::kubernetes {

// The synthetic key added to every resource value (graph walks skip it).
inline constexpr std::string_view kSyntheticKey = "genlens";
inline constexpr std::string_view kDefaultWorkloadLabel = "genai.workload/role";

// Model-serving and training detection (.genlens.yaml `kubernetes:`).
struct Options {
  // Image repositories (a `*` matches any run of characters, `/` included)
  // that mark a model server, in addition to default_model_server_images().
  std::vector<std::string> model_server_images;
  // Label (on metadata.labels or a pod template's labels) whose value
  // `model-server` or `training` marks the workload.
  std::string workload_label = std::string(kDefaultWorkloadLabel);
};

// vllm/vllm-openai, ghcr.io/huggingface/text-generation-inference,
// nvcr.io/nvidia/tritonserver, nvcr.io/nim/*, ollama/ollama, lmsysorg/sglang.
[[nodiscard]] const std::vector<std::string>& default_model_server_images();

// A map with a string `apiVersion` and a string `kind`.
[[nodiscard]] bool is_manifest(const core::Node* root);

// `Kind` for built-in API groups (core, apps, batch, policy, autoscaling,
// extensions, *.k8s.io), `group/Kind` otherwise.
[[nodiscard]] std::string resource_type(std::string_view api_version, std::string_view kind);

// The repository of an image reference: tag and digest stripped, a
// `docker.io/library/` or `docker.io/` prefix removed ("vllm/vllm-openai"
// for "docker.io/vllm/vllm-openai:v0.6.3@sha256:...").
[[nodiscard]] std::string image_repository(std::string_view image);
// True when the image's repository matches one of the patterns (each
// normalized like image_repository, without stripping a tag).
[[nodiscard]] bool image_matches(std::string_view image, const std::vector<std::string>& patterns);

// The manifests of `roots` (several YAML documents; a List expands to its
// items) as one Unit of format kKubernetes. Roots that are not manifests,
// and kustomize configuration (Kustomization, Component, kustomize plugin
// configs) or kubeconfig files, give no resource. A CustomResourceDefinition
// (apiextensions.k8s.io), whose schema nothing reads, keeps only apiVersion,
// kind and metadata; the unit of a file that has one holds a trimmed copy of
// its manifests, not `doc`.
Unit adapt(std::shared_ptr<core::Document> doc, const std::vector<const core::Node*>& roots,
           const Options& options, core::Diagnostics& diags);

// Helm chart templates: the offset of the first `{{` in `text` when the file
// is a Go template for Helm (a `{{ }}` action that uses a Helm built-in such
// as .Values, .Release or .Chart or a function such as include, toYaml or
// nindent, or any `{{` in a file under the `templates/` directory of a chart,
// i.e. beside a Chart.yaml); npos otherwise. Plain manifests that hold Go
// templates in strings (KServe or Argo CD configuration) are not templates.
[[nodiscard]] size_t helm_template_offset(std::string_view text, const std::string& path);

}  // namespace genlens::formats::kubernetes
