// Terraform plan JSON -> resources: planned_values' module tree, the
// changes' after_unknown, the configuration and the .tf files beside it.
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "formats/terraform/installed_modules.h"
#include "formats/terraform/plan.h"

namespace genlens::formats::terraform {
namespace {

namespace fs = std::filesystem;
using core::Node;
using core::NodeKind;

class PlanAdapter {
 public:
  PlanAdapter(std::shared_ptr<core::Document> doc, const DirectoryLookup& sources,
              core::Diagnostics& diags)
      : doc_(std::move(doc)),
        sources_(sources),
        issues_(*doc_, diags),
        arena_(std::make_shared<core::ValueArena>()) {}

  PlanResult run() {
    const Node* root = doc_->roots().empty() ? nullptr : doc_->roots().front();
    if (root == nullptr || !root->is_map()) return std::move(result_);
    if (!format_supported(root)) return std::move(result_);
    const Node* planned = issues_.member(root, "planned_values", NodeKind::kMap, true);
    if (planned == nullptr) return std::move(result_);
    index_changes(root);
    const Node* configuration = issues_.member(root, "configuration", NodeKind::kMap, false);
    plan::ModuleInstance& top = modules_.emplace_back();
    top.scope = doc_->source().path();
    top.config = issues_.member(configuration, "root_module", NodeKind::kMap, false);
    const std::string dir = normal_dir(fs::path(doc_->source().path()).parent_path().string());
    if (sources_) top.dir = sources_(dir);
    if (top.dir != nullptr) {
      top.def = collect(*top.dir);
      result_.root_dir = dir;
    }
    walk(issues_.member(planned, "root_module", NodeKind::kMap, false), top);
    result_.read = true;
    keep_documents();
    result_.units = std::move(units_);
    return std::move(result_);
  }

 private:
  // format_version "0.x" or "1.x": the major versions this reader knows.
  bool format_supported(const Node* root) {
    const Node* v = issues_.member(root, "format_version", NodeKind::kScalar, true);
    if (v == nullptr) return false;
    if (v->scalar_type != core::ScalarType::kString) {
      issues_.error(v, "must be a string such as \"1.2\"");
      return false;
    }
    if (v->text.rfind("0.", 0) != 0 && v->text.rfind("1.", 0) != 0) {
      issues_.error(v, fmt::format("unsupported version \"{}\": genlens reads plan format "
                                   "versions 0.x and 1.x",
                                   v->text));
      return false;
    }
    return true;
  }

  // after_unknown of the current (not deposed) object of each address.
  void index_changes(const Node* root) {
    const Node* changes = issues_.member(root, "resource_changes", NodeKind::kSequence, false);
    if (changes == nullptr) return;
    for (const Node* c : changes->children) {
      if (!c->is_map()) {
        issues_.error(c, "a resource change must be an object");
        continue;
      }
      const std::string address = issues_.text(c, "address", true);
      const Node* change = issues_.member(c, "change", NodeKind::kMap, true);
      if (address.empty() || change == nullptr || c->find("deposed") != nullptr) continue;
      unknown_.try_emplace(address, change->find("after_unknown"));
    }
  }

  void walk(const Node* module, plan::ModuleInstance& inst) {
    if (module == nullptr) return;
    if (const Node* rs = issues_.member(module, "resources", NodeKind::kSequence, false)) {
      for (const Node* r : rs->children) add_resource(r, inst);
    }
    const Node* children = issues_.member(module, "child_modules", NodeKind::kSequence, false);
    if (children == nullptr) return;
    for (const Node* c : children->children) {
      if (!c->is_map()) {
        issues_.error(c, "a child module must be an object");
        continue;
      }
      const std::string address = issues_.text(c, "address", true);
      if (address.empty()) continue;
      plan::ModuleInstance& child = modules_.emplace_back();
      child.parent = &inst;
      child.address = address;
      child.scope = doc_->source().path() + " " + address;
      const std::optional<std::string> name = plan::module_call_name(inst.address, address);
      if (!name.has_value()) {
        issues_.error(c->find("address"),
                      fmt::format("child module address {} is not a module call inside {}", address,
                                  inst.address.empty() ? "the root module" : inst.address));
      } else {
        locate(child, *name);
      }
      walk(c, child);
    }
  }

  // The configuration of a child module and its .tf files (local sources).
  void locate(plan::ModuleInstance& child, const std::string& name) {
    const plan::ModuleInstance& parent = *child.parent;
    const Node* calls = issues_.member(parent.config, "module_calls", NodeKind::kMap, false);
    child.call = issues_.member(calls, name, NodeKind::kMap, false);
    child.config = issues_.member(child.call, "module", NodeKind::kMap, false);
    const std::string source = issues_.text(child.call, "source", false);
    if (parent.dir == nullptr || !is_local_source(source) || !sources_) return;
    child.dir = sources_(normal_dir(parent.dir->path + "/" + source));
    if (child.dir != nullptr) child.def = collect(*child.dir);
  }

  void add_resource(const Node* r, const plan::ModuleInstance& inst) {
    if (truncated_) return;
    if (!r->is_map()) {
      issues_.error(r, "a resource must be an object");
      return;
    }
    const std::string address = issues_.text(r, "address", true);
    const std::string mode = issues_.text(r, "mode", true);
    const std::string type = issues_.text(r, "type", true);
    const std::string name = issues_.text(r, "name", true);
    // Terraform leaves `values` out when it knows none of them; one of
    // another type than an object (or null) is reported by member().
    const Node* values = issues_.member(r, "values", NodeKind::kMap, false);
    const Node* written = r->find("values");
    const bool bad_values =
        values == nullptr && written != nullptr &&
        !(written->is_scalar() && written->scalar_type == core::ScalarType::kNull);
    if (address.empty() || mode.empty() || type.empty() || name.empty() || bad_values) return;
    if (mode == "data") return;  // read at plan time: its results are in the values using them
    if (mode != "managed") {
      issues_.error(r->find("mode"), fmt::format("unknown resource mode \"{}\"", mode));
      return;
    }
    auto unknown = unknown_.find(address);
    const Node* config = plan::config_resource(inst, false, type, name, issues_);
    plan::TfSpot tf;
    std::shared_ptr<core::Document> home = doc_;
    if (const Block* b = inst.dir != nullptr ? inst.def.find(false, type, name) : nullptr) {
      tf = plan::TfSpot{b->body, true};
      home = inst.dir->configuration[b->file];
    }
    const core::Value* value = plan::resource_value(
        *arena_, issues_, values, unknown != unknown_.end() ? unknown->second : nullptr,
        issues_.member(config, "expressions", NodeKind::kMap, false), tf, r->find("address"));
    if (value == nullptr) {
      truncated_ = true;
      issues_.error(r, fmt::format("evaluation truncated: the plan has more values than genlens "
                                   "evaluates per file; {} and the resources after it are not "
                                   "checked",
                                   address));
      return;
    }
    Resource res;
    res.format = Format::kTerraform;
    res.type = type;
    res.name = address;
    res.ref_name = type + "." + name;
    res.node = tf.node != nullptr ? tf.node : (values != nullptr ? values : r->find("address"));
    res.value = value;
    if (config != nullptr)
      res.references = plan::resource_references(inst, config, value, tf, issues_);
    unit_for(inst, home).resources.push_back(std::move(res));
  }

  Unit& unit_for(const plan::ModuleInstance& inst, const std::shared_ptr<core::Document>& home) {
    auto [it, fresh] = unit_index_.try_emplace({&inst, home.get()}, units_.size());
    if (fresh) {
      Unit& u = units_.emplace_back();
      u.format = Format::kTerraform;
      u.document = home;
      u.arena = arena_;
      u.scope = inst.scope;
    }
    return units_[it->second];
  }

  // Values point into the plan and locations into the .tf files of any
  // module instance: every unit keeps them alive through one shared bundle
  // (as the adapter does for its run).
  void keep_documents() {
    auto bundle = std::make_shared<std::vector<std::shared_ptr<const core::Document>>>();
    bundle->push_back(doc_);
    std::set<const Directory*> seen;
    for (const plan::ModuleInstance& m : modules_) {
      if (m.dir == nullptr || !seen.insert(m.dir).second) continue;
      bundle->insert(bundle->end(), m.dir->configuration.begin(), m.dir->configuration.end());
      bundle->insert(bundle->end(), m.dir->variables.begin(), m.dir->variables.end());
    }
    for (Unit& u : units_) u.keep_alive = bundle;
  }

  std::shared_ptr<core::Document> doc_;
  const DirectoryLookup& sources_;
  plan::Issues issues_;
  std::shared_ptr<core::ValueArena> arena_;
  std::map<std::string, const Node*> unknown_;
  std::deque<plan::ModuleInstance> modules_;
  // One unit per module instance and file, in the order they are met.
  std::vector<Unit> units_;
  std::map<std::pair<const plan::ModuleInstance*, const core::Document*>, size_t> unit_index_;
  PlanResult result_;
  bool truncated_ = false;  // the value budget ran out
};

}  // namespace

bool is_plan(const core::Node* root) {
  return root != nullptr && root->is_map() && root->find("format_version") != nullptr &&
         (root->find("planned_values") != nullptr || root->find("resource_changes") != nullptr);
}

PlanResult adapt_plan(std::shared_ptr<core::Document> doc, const DirectoryLookup& sources,
                      core::Diagnostics& diags) {
  return PlanAdapter(std::move(doc), sources, diags).run();
}

}  // namespace genlens::formats::terraform
