// Kubernetes edges within a namespace: Service, NetworkPolicy and
// PodDisruptionBudget selectors select the workloads whose pod labels they
// match; HorizontalPodAutoscaler and KEDA ScaledObject scale targets attach
// to their workload; Ingress backends, service accounts and Secret and
// ConfigMap references name the object they use. The IRSA annotation
// (eks.amazonaws.com/role-arn) is an ARN: name_edges links it to the IAM
// role of either format.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "genlens/formats/kubernetes.h"
#include "graph/builders.h"
#include "graph/label_selector.h"

namespace genlens::graph::detail {
namespace {

using core::Value;

// What the edges need of one Kubernetes object.
struct Object {
  size_t index = 0;
  std::string_view type;   // serving.kserve.io/InferenceService, Deployment
  std::string_view kind;   // Deployment (the type after its API group)
  std::string_view group;  // serving.kserve.io; empty for built-in groups
  const Value* ns = nullptr;
  const Value* name = nullptr;       // metadata.name
  std::vector<const Value*> labels;  // of each pod spec, for a workload
  std::vector<const Value*> pods;    // the pod specs
  std::vector<const Value*> containers;
};

const Value* at_path(const Value* v, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (v == nullptr || !v->is_map()) return nullptr;
    v = v->find(k);
  }
  return v;
}

std::vector<const Value*> items(const Value* v) {
  return v != nullptr && v->is_list() ? v->items : std::vector<const Value*>{};
}

class Objects {
 public:
  Objects(const Inputs& in, core::ValueArena& arena) {
    Value* ns = arena.make(core::ValueKind::kString, nullptr);
    if (ns != nullptr) ns->text = "default";
    default_ns_ = ns;
    for (size_t i = 0; i < in.resources.size(); ++i) {
      const formats::Resource& r = *in.resources[i];
      if (r.format != formats::Format::kKubernetes || r.value == nullptr) continue;
      objects_.push_back(make(i, r, arena));
    }
  }
  [[nodiscard]] const std::vector<Object>& all() const { return objects_; }

 private:
  Object make(size_t i, const formats::Resource& r, core::ValueArena& arena) const {
    Object o;
    o.index = i;
    const std::string_view type = r.type;
    o.type = type;
    const size_t slash = type.rfind('/');
    o.kind = slash == std::string_view::npos ? type : type.substr(slash + 1);
    o.group = slash == std::string_view::npos ? "" : type.substr(0, slash);
    const Value* g = r.value->find(formats::kubernetes::kSyntheticKey);
    o.ns = at_path(g, {"namespace"});
    if (o.ns == nullptr) o.ns = at_path(r.value, {"metadata", "namespace"});
    if (o.ns == nullptr || o.ns->kind == core::ValueKind::kNull) o.ns = default_ns_;
    o.name = at_path(r.value, {"metadata", "name"});
    for (const Value* pod : items(at_path(g, {"pods"}))) {
      o.pods.push_back(at_path(pod, {"spec"}));
      o.labels.push_back(labels_of(o, r, at_path(pod, {"labels"}), arena));
    }
    for (const char* list : {"containers", "init_containers"}) {
      for (const Value* c : items(at_path(g, {list}))) o.containers.push_back(c);
    }
    return o;
  }

  // KServe (and KFServing before it) labels the pods of an InferenceService
  // with its name (serving.kserve.io/inferenceservice: <name>) and the
  // labels of its metadata.
  static const Value* labels_of(const Object& o, const formats::Resource& r, const Value* labels,
                                core::ValueArena& arena) {
    if (o.kind != "InferenceService" ||
        (o.group != "serving.kserve.io" && o.group != "serving.kubeflow.org")) {
      return labels;
    }
    if (labels != nullptr && labels->known() && !labels->is_map()) return labels;
    Value* out = arena.make(core::ValueKind::kMap, labels != nullptr ? labels->origin : nullptr);
    if (out == nullptr) return labels;
    for (const Value* from : {at_path(r.value, {"metadata", "labels"}), labels}) {
      if (from == nullptr) continue;
      if (!from->known()) return from;
      if (from->is_map())
        out->entries.insert(out->entries.end(), from->entries.begin(), from->entries.end());
    }
    if (o.name != nullptr)
      out->entries.emplace_back(std::string(o.group) + "/inferenceservice", o.name);
    return out;
  }

  const Value* default_ns_ = nullptr;
  std::vector<Object> objects_;
};

void add(std::vector<Edge>& out, EdgeKind kind, const Object& from, const Object& to, Match m,
         std::string path, const Value* at) {
  if (m == Match::kNo) return;
  Edge e{kind, from.index, to.index, std::move(path), at != nullptr ? at->origin : nullptr};
  e.certain = m == Match::kYes;
  out.push_back(std::move(e));
}

// `v` (or, when absent, `fallback`) is the text `s`.
Match text_is(const Value* v, std::string_view s, std::string_view fallback = {}) {
  if (v == nullptr) return fallback == s ? Match::kYes : Match::kNo;
  if (!v->is_string() || v->partial) return Match::kMaybe;
  return v->text == s ? Match::kYes : Match::kNo;
}

using Selector = Match (*)(const Value*, const Value*);

// A selector of `from` at `path` -> the workloads of its namespace with a
// pod it matches.
void selector_edges(const Objects& objects, const Object& from, const formats::Resource& r,
                    std::string_view path, Selector match, std::vector<Edge>& out) {
  const Value* sel = at_path(r.value, {"spec", path.substr(path.find('.') + 1)});
  if (sel == nullptr) return;
  for (const Object& w : objects.all()) {
    if (w.pods.empty()) continue;
    Match m = Match::kNo;
    for (const Value* labels : w.labels) m = either(m, match(sel, labels));
    add(out, EdgeKind::kSelects, from, w, both(same_text(from.ns, w.ns), m), std::string(path),
        sel);
  }
}

// `name` names an object of `kind` in the namespace of `from`; one whose
// name is not known may be any of them.
void link_by_name(const Objects& objects, const Object& from, std::string_view kind,
                  const Value* name, std::vector<Edge>& out) {
  if (name == nullptr || name->kind == core::ValueKind::kNull) return;
  for (const Object& to : objects.all()) {
    if (to.kind != kind || !to.group.empty()) continue;
    add(out, EdgeKind::kReference, from, to,
        both(same_text(from.ns, to.ns), same_text(name, to.name)), "", name);
  }
}

// scaleTargetRef {apiVersion, kind, name} -> the object it scales. KEDA
// defaults the kind to Deployment (and apiVersion to apps/v1); a custom
// resource is scaled through its API group (ray.io/v1 RayCluster).
void scale_target_edges(const Objects& objects, const Object& from, const formats::Resource& r,
                        std::vector<Edge>& out) {
  const Value* ref = at_path(r.value, {"spec", "scaleTargetRef"});
  if (ref == nullptr || ref->kind == core::ValueKind::kNull) return;
  const bool keda = r.type == "keda.sh/ScaledObject";
  const Value* kind = at_path(ref, {"kind"});
  const Value* api = at_path(ref, {"apiVersion"});
  for (const Object& to : objects.all()) {
    Match m = both(same_text(from.ns, to.ns), same_text(at_path(ref, {"name"}), to.name));
    if (kind != nullptr) {
      m = both(m, text_is(kind, to.kind));
    } else {  // HPA requires the kind
      m = both(m, keda ? text_is(nullptr, to.kind, "Deployment") : Match::kMaybe);
    }
    // The API group is the one of the target's type (kind compared above).
    if (m != Match::kNo && api != nullptr && api->is_string() && !api->partial &&
        formats::kubernetes::resource_type(api->text, to.kind) != to.type) {
      m = Match::kNo;
    }
    if (m == Match::kMaybe && to.pods.empty()) continue;  // only workloads are in doubt
    add(out, EdgeKind::kAttaches, from, to, m, "spec.scaleTargetRef", ref);
  }
}

// Ingress backends: networking.k8s.io/v1 service.name, extensions/v1beta1
// serviceName; the default backend and each rule's paths.
void ingress_edges(const Objects& objects, const Object& from, const formats::Resource& r,
                   std::vector<Edge>& out) {
  const Value* spec = at_path(r.value, {"spec"});
  std::vector<const Value*> backends{at_path(spec, {"defaultBackend"}), at_path(spec, {"backend"})};
  for (const Value* rule : items(at_path(spec, {"rules"}))) {
    for (const Value* p : items(at_path(rule, {"http", "paths"}))) {
      backends.push_back(at_path(p, {"backend"}));
    }
  }
  for (const Value* b : backends) {
    link_by_name(objects, from, "Service", at_path(b, {"service", "name"}), out);
    link_by_name(objects, from, "Service", at_path(b, {"serviceName"}), out);
  }
}

// A workload's service account, and the Secrets and ConfigMaps its pods
// read: env valueFrom, envFrom, volumes (projected ones too) and image pull
// secrets.
void pod_reference_edges(const Objects& objects, const Object& w, std::vector<Edge>& out) {
  for (const Value* spec : w.pods) {
    const Value* sa = at_path(spec, {"serviceAccountName"});
    link_by_name(objects, w, "ServiceAccount",
                 sa != nullptr ? sa : at_path(spec, {"serviceAccount"}), out);
    for (const Value* s : items(at_path(spec, {"imagePullSecrets"}))) {
      link_by_name(objects, w, "Secret", at_path(s, {"name"}), out);
    }
    for (const Value* v : items(at_path(spec, {"volumes"}))) {
      link_by_name(objects, w, "Secret", at_path(v, {"secret", "secretName"}), out);
      link_by_name(objects, w, "ConfigMap", at_path(v, {"configMap", "name"}), out);
      for (const Value* s : items(at_path(v, {"projected", "sources"}))) {
        link_by_name(objects, w, "Secret", at_path(s, {"secret", "name"}), out);
        link_by_name(objects, w, "ConfigMap", at_path(s, {"configMap", "name"}), out);
      }
    }
  }
  for (const Value* c : w.containers) {
    for (const Value* env : items(at_path(c, {"env"}))) {
      link_by_name(objects, w, "Secret", at_path(env, {"valueFrom", "secretKeyRef", "name"}), out);
      link_by_name(objects, w, "ConfigMap", at_path(env, {"valueFrom", "configMapKeyRef", "name"}),
                   out);
    }
    for (const Value* from : items(at_path(c, {"envFrom"}))) {
      link_by_name(objects, w, "Secret", at_path(from, {"secretRef", "name"}), out);
      link_by_name(objects, w, "ConfigMap", at_path(from, {"configMapRef", "name"}), out);
    }
  }
}

}  // namespace

std::vector<Edge> kubernetes_edges(const Inputs& in) {
  core::ValueArena arena;  // labels KServe adds; edges point at source nodes only
  const Objects objects(in, arena);
  std::vector<Edge> out;
  for (const Object& o : objects.all()) {
    const formats::Resource& r = *in.resources[o.index];
    if (o.group.empty() && o.kind == "Service") {
      selector_edges(objects, o, r, "spec.selector", match_plain_selector, out);
    } else if (o.group.empty() && o.kind == "NetworkPolicy") {
      selector_edges(objects, o, r, "spec.podSelector", match_label_selector, out);
    } else if (o.group.empty() && o.kind == "PodDisruptionBudget") {
      selector_edges(objects, o, r, "spec.selector", match_label_selector, out);
    } else if ((o.group.empty() && o.kind == "HorizontalPodAutoscaler") ||
               r.type == "keda.sh/ScaledObject") {
      scale_target_edges(objects, o, r, out);
    } else if (o.group.empty() && o.kind == "Ingress") {
      ingress_edges(objects, o, r, out);
    }
    pod_reference_edges(objects, o, out);
  }
  return out;
}

}  // namespace genlens::graph::detail
