// Where each kind keeps its pod specs, and their containers.
#include <string>
#include <string_view>
#include <vector>

#include "formats/kubernetes/manifest.h"

namespace genlens::formats::kubernetes {
namespace {

using core::Value;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Kinds whose pods come from spec.template.
constexpr std::string_view kTemplateKinds[] = {
    "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"};

// KServe components (V1beta1ComponentExtensionSpec with the PodSpec inlined).
constexpr std::string_view kKServeComponents[] = {"predictor", "transformer", "explainer"};
// Keys of a KServe component that hold a container: the model spec and the
// legacy framework specs.
constexpr std::string_view kKServeModelKeys[] = {
    "model",       "sklearn", "xgboost",  "tensorflow", "pytorch", "triton", "onnx",
    "huggingface", "pmml",    "lightgbm", "paddle",     "alibi",   "art"};

void append_items(const Value* list, std::vector<const Value*>& out) {
  if (list == nullptr || !list->is_list()) return;
  for (const Value* c : list->items) {
    if (c != nullptr && c->is_map()) out.push_back(c);
  }
}

class Collector {
 public:
  explicit Collector(std::vector<PodSpec>& out) : out_(out) {}

  // A pod spec map at `path`.
  PodSpec* add(const Value* spec, std::string path, std::string role, const Value* labels) {
    if (spec == nullptr || !spec->is_map()) return nullptr;
    PodSpec p;
    p.spec = spec;
    p.labels = labels != nullptr && labels->is_map() ? labels : nullptr;
    p.path = std::move(path);
    p.role = std::move(role);
    append_items(entry(spec, "containers"), p.containers);
    append_items(entry(spec, "initContainers"), p.init_containers);
    append_items(entry(spec, "ephemeralContainers"), p.init_containers);
    out_.push_back(std::move(p));
    return &out_.back();
  }

  // A PodTemplateSpec at `path`: its spec, labelled by its metadata.labels.
  void pod_template(const Value* t, const std::string& path, std::string role) {
    add(entry(t, "spec"), join_key(path, "spec"), std::move(role),
        entry(entry(t, "metadata"), "labels"));
  }

  // `holder.template.spec`, labelled by `holder.template.metadata.labels`.
  void from_template(const Value* holder, const std::string& path, std::string role) {
    pod_template(entry(holder, "template"), join_key(path, "template"), std::move(role));
  }

  // A Ray cluster spec: the head group and every worker group.
  void ray_cluster(const Value* cluster, const std::string& path) {
    from_template(entry(cluster, "headGroupSpec"), join_key(path, "headGroupSpec"), "head");
    const Value* workers = entry(cluster, "workerGroupSpecs");
    if (workers == nullptr || !workers->is_list()) return;
    for (size_t i = 0; i < workers->items.size(); ++i) {
      const Value* group = workers->items[i];
      const Value* name = entry(group, "groupName");
      from_template(group, join_key(path, "workerGroupSpecs") + "[" + std::to_string(i) + "]",
                    name != nullptr && name->is_string() ? name->text : "worker");
    }
  }

  // KServe: the component itself is the pod spec; its model and framework
  // specs are containers too.
  void kserve_component(const Value* component, const std::string& path, const std::string& role) {
    PodSpec* p = add(component, path, role, entry(component, "labels"));
    if (p == nullptr) return;
    for (std::string_view key : kKServeModelKeys) {
      const Value* c = entry(component, key);
      if (c != nullptr && c->is_map()) p->containers.push_back(c);
    }
    add(entry(component, "workerSpec"), join_key(path, "workerSpec"), role + "-worker",
        entry(component, "labels"));
  }

  // KServe LLMInferenceService (or its prefill part): `template` and
  // `worker` are pod specs, labelled by `labels`.
  void llm_inference_service(const Value* part, const std::string& path, const std::string& role) {
    const Value* labels = entry(part, "labels");
    add(entry(part, "template"), join_key(path, "template"), role.empty() ? "main" : role, labels);
    add(entry(part, "worker"), join_key(path, "worker"), role.empty() ? "worker" : role + "-worker",
        labels);
  }

  // Kubeflow training jobs: every spec.<x>ReplicaSpecs.<Role>.template.spec.
  void replica_specs(const Value* spec) {
    if (spec == nullptr || !spec->is_map()) return;
    for (const auto& [key, specs] : spec->entries) {
      if (!ends_with(key, "ReplicaSpecs") || specs == nullptr || !specs->is_map()) continue;
      const std::string base = join_key("spec", key);
      for (const auto& [role, replica] : specs->entries) {
        from_template(replica, join_key(base, role), role);
      }
    }
  }

 private:
  std::vector<PodSpec>& out_;
};

}  // namespace

const Value* entry(const Value* v, std::string_view key) {
  return v != nullptr && v->is_map() ? v->find(key) : nullptr;
}

std::string join_key(const std::string& path, std::string_view key) {
  const bool quote = key.empty() || key.find_first_of(".[@\"' ") != std::string_view::npos;
  // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on
  // "literal" + std::string.
  std::string out = path;
  if (!out.empty()) out += '.';
  if (quote) out += '"';
  out += key;
  if (quote) out += '"';
  return out;
}

std::vector<PodSpec> pod_specs(std::string_view type, const Value* manifest) {
  std::vector<PodSpec> out;
  Collector c(out);
  const Value* spec = entry(manifest, "spec");
  if (type == "Pod") {
    c.add(spec, "spec", "", entry(entry(manifest, "metadata"), "labels"));
  } else if (type == "CronJob") {
    c.from_template(entry(entry(spec, "jobTemplate"), "spec"), "spec.jobTemplate.spec", "");
  } else if (type == "PodTemplate") {
    c.pod_template(entry(manifest, "template"), "template", "");
  } else if (type == "serving.kserve.io/InferenceService" ||
             type == "serving.kubeflow.org/InferenceService") {
    for (std::string_view role : kKServeComponents) {
      c.kserve_component(entry(spec, role), join_key("spec", role), std::string(role));
    }
  } else if (type == "serving.kserve.io/ServingRuntime" ||
             type == "serving.kserve.io/ClusterServingRuntime") {
    c.add(spec, "spec", "", entry(entry(manifest, "metadata"), "labels"));
  } else if (type == "serving.kserve.io/LLMInferenceService") {
    c.llm_inference_service(spec, "spec", "");
    c.llm_inference_service(entry(spec, "prefill"), "spec.prefill", "prefill");
  } else if (type == "kubeflow.org/Notebook") {
    c.from_template(spec, "spec", "");
  } else if (type == "ray.io/RayCluster") {
    c.ray_cluster(spec, "spec");
  } else if (type == "ray.io/RayService") {
    c.ray_cluster(entry(spec, "rayClusterConfig"), "spec.rayClusterConfig");
  } else if (type == "ray.io/RayJob") {
    c.ray_cluster(entry(spec, "rayClusterSpec"), "spec.rayClusterSpec");
    c.pod_template(entry(spec, "submitterPodTemplate"), "spec.submitterPodTemplate", "submitter");
  } else if (type.rfind("kubeflow.org/", 0) == 0) {
    c.replica_specs(spec);
  } else if (type == "leaderworkerset.x-k8s.io/LeaderWorkerSet") {
    const Value* lw = entry(spec, "leaderWorkerTemplate");
    const std::string base = "spec.leaderWorkerTemplate";
    for (std::string_view role : {"leader", "worker"}) {
      const std::string key = std::string(role) + "Template";
      c.pod_template(entry(lw, key), join_key(base, key), std::string(role));
    }
  } else if (type == "jobset.x-k8s.io/JobSet") {
    const Value* jobs = entry(spec, "replicatedJobs");
    for (size_t i = 0; jobs != nullptr && jobs->is_list() && i < jobs->items.size(); ++i) {
      const Value* job = jobs->items[i];
      const Value* name = entry(job, "name");
      c.from_template(entry(entry(job, "template"), "spec"),
                      "spec.replicatedJobs[" + std::to_string(i) + "].template.spec",
                      name != nullptr && name->is_string() ? name->text : "");
    }
  } else {
    for (std::string_view kind : kTemplateKinds) {
      if (type == kind) c.from_template(spec, "spec", "");
    }
  }
  return out;
}

}  // namespace genlens::formats::kubernetes
