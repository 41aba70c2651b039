// Which workloads serve models or train them (lens-rules.md §0).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/kubernetes/manifest.h"

namespace genlens::formats::kubernetes {
namespace {

using core::Value;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Registry and repository without the docker.io prefixes Docker adds.
std::string_view strip_docker_hub(std::string_view s) {
  for (std::string_view prefix : {"docker.io/library/", "docker.io/"}) {
    if (starts_with(s, prefix)) return s.substr(prefix.size());
  }
  return s;
}

// `*` matches any run of characters; everything else matches itself.
bool glob_match(std::string_view pattern, std::string_view text) {
  size_t p = 0;
  size_t t = 0;
  size_t star = std::string_view::npos;
  size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Extended resources that are accelerators.
bool accelerator(std::string_view name) {
  for (std::string_view exact :
       {"nvidia.com/gpu", "amd.com/gpu", "habana.ai/gaudi", "google.com/tpu"}) {
    if (name == exact) return true;
  }
  for (std::string_view prefix : {"nvidia.com/mig-", "aws.amazon.com/neuron", "gpu.intel.com/"}) {
    if (starts_with(name, prefix)) return true;
  }
  return false;
}

// The quantity of an accelerator the container requests or limits (> 0).
const Value* accelerator_request(const Value* container) {
  const Value* resources = entry(container, "resources");
  for (std::string_view part : {"limits", "requests"}) {
    const Value* amounts = entry(resources, part);
    if (amounts == nullptr || !amounts->is_map()) continue;
    for (const auto& [name, amount] : amounts->entries) {
      if (!accelerator(name)) continue;
      const std::optional<double> n = core::number_value(amount);
      if (n && *n > 0) return amount;
    }
  }
  return nullptr;
}

const Value* image_match(const Value* container, const std::vector<std::string>& patterns) {
  const Value* image = entry(container, "image");
  if (image == nullptr || !image->is_string() || image->partial) return nullptr;
  return image_matches(image->text, patterns) ? image : nullptr;
}

// KServe (and its predecessor KFServing) model-serving kinds.
bool serving_kind(std::string_view type) {
  return type == "serving.kserve.io/InferenceService" ||
         type == "serving.kserve.io/LLMInferenceService" ||
         type == "serving.kubeflow.org/InferenceService";
}

bool training_kind(std::string_view type) {
  return type == "sagemaker.services.k8s.aws/TrainingJob" ||
         type == "sagemaker.services.k8s.aws/HyperParameterTuningJob" || type == "ray.io/RayJob" ||
         (starts_with(type, "kubeflow.org/") && type.size() > 3 &&
          type.substr(type.size() - 3) == "Job");
}

// The workload label's value `want` on the manifest or on a pod template.
const Value* labelled(const Value* manifest, const std::vector<PodSpec>& pods,
                      const std::string& label, std::string_view want) {
  auto check = [&](const Value* labels) -> const Value* {
    const Value* v = entry(labels, label);
    return v != nullptr && v->is_string() && v->text == want ? v : nullptr;
  };
  if (const Value* v = check(entry(entry(manifest, "metadata"), "labels"))) return v;
  for (const PodSpec& p : pods) {
    if (const Value* v = check(p.labels)) return v;
  }
  return nullptr;
}

}  // namespace

const std::vector<std::string>& default_model_server_images() {
  static const std::vector<std::string> kImages = {"vllm/vllm-openai",
                                                   "ghcr.io/huggingface/text-generation-inference",
                                                   "nvcr.io/nvidia/tritonserver",
                                                   "nvcr.io/nim/*",
                                                   "ollama/ollama",
                                                   "lmsysorg/sglang"};
  return kImages;
}

std::string image_repository(std::string_view image) {
  std::string_view s = image;
  if (const size_t at = s.find('@'); at != std::string_view::npos) s = s.substr(0, at);
  const size_t slash = s.rfind('/');
  const size_t colon = s.rfind(':');
  // A ':' after the last '/' starts the tag (before it: a registry port).
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    s = s.substr(0, colon);
  }
  return std::string(strip_docker_hub(s));
}

bool image_matches(std::string_view image, const std::vector<std::string>& patterns) {
  const std::string repo = image_repository(image);
  if (repo.empty()) return false;
  for (const std::string& p : patterns) {
    if (glob_match(strip_docker_hub(p), repo)) return true;
  }
  return false;
}

Detection detect(std::string_view type, const Value* manifest, const std::vector<PodSpec>& pods,
                 const Options& options) {
  Detection d;
  std::vector<std::string> images = default_model_server_images();
  images.insert(images.end(), options.model_server_images.begin(),
                options.model_server_images.end());
  for (const PodSpec& p : pods) {
    for (const auto* list : {&p.containers, &p.init_containers}) {
      for (const Value* c : *list) {
        if (d.gpu_by == nullptr) d.gpu_by = accelerator_request(c);
      }
    }
    for (const Value* c : p.containers) {
      if (d.model_server_by == nullptr) d.model_server_by = image_match(c, images);
    }
  }
  d.gpu = d.gpu_by != nullptr;
  if (d.model_server_by == nullptr) {
    d.model_server_by = labelled(manifest, pods, options.workload_label, "model-server");
  }
  d.training_by = labelled(manifest, pods, options.workload_label, "training");
  const bool gpu_job = d.gpu && (type == "Job" || type == "CronJob");
  d.training = training_kind(type) || d.training_by != nullptr || gpu_job;
  if (d.training && d.training_by == nullptr)
    d.training_by = gpu_job ? d.gpu_by : entry(manifest, "kind");
  d.model_server = serving_kind(type) || d.model_server_by != nullptr || (d.gpu && !d.training);
  if (d.model_server && d.model_server_by == nullptr) {
    d.model_server_by = d.gpu && !d.training ? d.gpu_by : entry(manifest, "kind");
  }
  return d;
}

}  // namespace genlens::formats::kubernetes
