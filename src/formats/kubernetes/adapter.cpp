// Manifests -> resources: address, type, the manifest's values and the
// synthetic `genlens` map that points into them.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "formats/kubernetes/manifest.h"
#include "genlens/formats/kubernetes.h"

namespace genlens::formats::kubernetes {
namespace {

using core::Node;
using core::Value;
using core::ValueKind;

// A non-empty scalar's text, or "".
std::string scalar_text(const Node* n) {
  if (n == nullptr || !n->is_scalar() || n->scalar_type == core::ScalarType::kNull) return "";
  return n->text;
}

class Builder {
 public:
  Builder(Unit& unit, const Options& options, core::Diagnostics& diags)
      : unit_(unit), arena_(*unit.arena), options_(options), diags_(diags) {}

  void add_root(const Node* n, int depth) {
    if (stopped_ || !is_manifest(n)) return;
    if (is_list(n)) {
      if (depth >= kMaxListDepth) return;
      for (const Node* item : n->find("items")->children) add_root(item, depth + 1);
      return;
    }
    if (is_tool_configuration(n)) return;
    add(n);
  }

 private:
  void add(const Node* n) {
    const std::string& kind = n->find("kind")->text;
    Resource r;
    r.format = Format::kKubernetes;
    r.type = resource_type(n->find("apiVersion")->text, kind);
    r.node = n;
    const Value* manifest = core::literal_value(arena_, n);
    const Node* meta = n->find("metadata");
    const Node* ns = meta != nullptr ? meta->find("namespace") : nullptr;
    std::string ns_text = scalar_text(ns);
    if (ns_text.empty()) ns_text = "default";
    r.name = ns_text + "/" + kind + "/" + name_of(meta);
    r.ref_name = r.name;
    const Value* ns_value = entry(entry(manifest, "metadata"), "namespace");
    if (ns_value == nullptr || !ns_value->is_string() || ns_value->text.empty()) {
      ns_value = string(ns_text, n);
    }
    const std::vector<PodSpec> pods = pod_specs(r.type, manifest);
    const Detection d = detect(r.type, manifest, pods, options_);
    Value* value = make(ValueKind::kMap, n);
    Value* genlens = make(ValueKind::kMap, n);
    if (manifest == nullptr || value == nullptr || genlens == nullptr) return stop(n);
    for (const auto& e : manifest->entries) {
      if (e.first != kSyntheticKey) value->entries.push_back(e);
    }
    genlens->entries = {{"namespace", ns_value},
                        {"pods", pods_value(pods, n)},
                        {"containers", containers_value(pods, false, n)},
                        {"init_containers", containers_value(pods, true, n)},
                        {"model_server", boolean(d.model_server, d.model_server_by, n)},
                        {"training", boolean(d.training, d.training_by, n)},
                        {"gpu", boolean(d.gpu, d.gpu_by, n)}};
    if (const Value* replicas = replicas_of(r.type, manifest)) {
      genlens->entries.emplace_back("replicas", replicas);
    }
    for (const auto& e : genlens->entries) {
      if (e.second == nullptr) return stop(n);
    }
    value->entries.emplace_back(std::string(kSyntheticKey), genlens);
    r.value = value;
    unit_.resources.push_back(std::move(r));
  }

  // metadata.name; generateName + "*"; else "<unnamed-N>".
  std::string name_of(const Node* meta) {
    const std::string name = scalar_text(meta != nullptr ? meta->find("name") : nullptr);
    if (!name.empty()) return name;
    const std::string prefix = scalar_text(meta != nullptr ? meta->find("generateName") : nullptr);
    if (!prefix.empty()) return prefix + "*";
    return "<unnamed-" + std::to_string(++unnamed_) + ">";
  }

  static const Value* replicas_of(const std::string& type, const Value* manifest) {
    const Value* spec = entry(manifest, "spec");
    if (type == "serving.kserve.io/InferenceService" ||
        type == "serving.kubeflow.org/InferenceService") {
      return entry(entry(spec, "predictor"), "minReplicas");
    }
    return entry(spec, "replicas");
  }

  const Value* pods_value(const std::vector<PodSpec>& pods, const Node* at) {
    Value* list = make(ValueKind::kList, at);
    if (list == nullptr) return nullptr;
    for (const PodSpec& p : pods) {
      Value* pod = make(ValueKind::kMap, p.spec->origin);
      if (pod == nullptr) return nullptr;
      pod->entries.emplace_back("spec", p.spec);
      if (p.labels != nullptr) pod->entries.emplace_back("labels", p.labels);
      pod->entries.emplace_back("path", string(p.path, p.spec->origin));
      if (!p.role.empty()) pod->entries.emplace_back("role", string(p.role, p.spec->origin));
      for (const auto& e : pod->entries) {
        if (e.second == nullptr) return nullptr;
      }
      list->items.push_back(pod);
    }
    return list;
  }

  const Value* containers_value(const std::vector<PodSpec>& pods, bool init, const Node* at) {
    Value* list = make(ValueKind::kList, at);
    if (list == nullptr) return nullptr;
    for (const PodSpec& p : pods) {
      const auto& from = init ? p.init_containers : p.containers;
      list->items.insert(list->items.end(), from.begin(), from.end());
    }
    return list;
  }

  const Value* boolean(bool b, const Value* by, const Node* fallback) {
    Value* v =
        make(ValueKind::kBool, by != nullptr && by->origin != nullptr ? by->origin : fallback);
    if (v == nullptr) return nullptr;
    v->boolean = b;
    v->text = b ? "true" : "false";
    return v;
  }

  const Value* string(const std::string& text, const Node* origin) {
    Value* v = make(ValueKind::kString, origin);
    if (v != nullptr) v->text = text;
    return v;
  }

  Value* make(ValueKind kind, const Node* origin) { return arena_.make(kind, origin); }

  // The value budget is used up: this manifest and the rest of the file are
  // not checked.
  void stop(const Node* at) {
    stopped_ = true;
    diags_.error(core::DiagnosticKind::kInput, "budget", unit_.document->source().path(),
                 at->range.begin,
                 "manifests expand to too many values; evaluation truncated: this manifest and "
                 "the ones after it were not checked");
  }

  Unit& unit_;
  core::ValueArena& arena_;
  const Options& options_;
  core::Diagnostics& diags_;
  size_t unnamed_ = 0;
  bool stopped_ = false;
};

}  // namespace

Unit adapt(std::shared_ptr<core::Document> doc, const std::vector<const core::Node*>& roots,
           const Options& options, core::Diagnostics& diags) {
  Unit unit;
  unit.format = Format::kKubernetes;
  std::vector<const Node*> kept = roots;
  std::shared_ptr<core::Document> summary = summarize(*doc, kept);
  unit.document = summary != nullptr ? std::move(summary) : std::move(doc);
  unit.arena = std::make_shared<core::ValueArena>();
  Builder builder(unit, options, diags);
  for (const Node* root : kept) builder.add_root(root, 0);
  return unit;
}

}  // namespace genlens::formats::kubernetes
