// Terraform: directories -> module instances -> resources per count/for_each
// instance, one Unit per configuration file and module instance.
#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "formats/terraform/installed_modules.h"
#include "formats/terraform/module.h"
#include "formats/terraform/resource_for_each.h"
#include "genlens/formats/terraform.h"

namespace genlens::formats::terraform {
namespace {

using core::Node;
using core::Value;
using core::ValueKind;
using Bindings = std::map<std::string, const Value*>;

const std::set<std::string_view> kMeta = {"count",    "for_each",  "depends_on",  "lifecycle",
                                          "provider", "providers", "provisioner", "connection",
                                          "source",   "version"};

class Adapter {
 public:
  Adapter(const std::vector<Directory>& dirs, const Options& options, core::Diagnostics& diags)
      : options_(options), diags_(diags), arena_(std::make_shared<core::ValueArena>()) {
    for (const Directory& d : dirs) add_dir(d);
    root_ = dirs.empty() ? "." : normal_dir(dirs.front().path);
    for (const Directory& d : dirs) {
      while (root_ != "." && normal_dir(d.path).rfind(root_, 0) != 0) {
        root_ = normal_dir(root_ + "/..");
      }
    }
  }

  std::vector<Unit> run() {
    std::set<size_t> called;
    const size_t discovered = dirs_.size();
    for (size_t i = 0; i < discovered; ++i) {
      for (const auto& [name, body] : defs_[i].calls) {
        if (auto child = child_dir(i, body); child.has_value()) called.insert(*child);
      }
    }
    const std::set<size_t> covered = covered_by_plans();
    // Roots: directories no other one calls; then any directory left out
    // (modules that only call each other in a cycle) as a root too.
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < discovered; ++i) {
        if (pass == 0 ? called.count(i) != 0 : instantiated_.count(i) != 0) continue;
        if (covered.count(i) != 0) continue;
        root(i);
      }
    }
    std::vector<Unit> out;
    for (auto& [key, unit] : units_) out.push_back(std::move(unit));
    keep_documents(out);
    return out;
  }

 private:
  size_t add_dir(const Directory& d) {
    dirs_.push_back(&d);
    defs_.push_back(collect(d));
    by_path_[normal_dir(d.path)] = dirs_.size() - 1;
    return dirs_.size() - 1;
  }

  // The directories a plan covers as root modules, and those reached from
  // them through local module calls.
  std::set<size_t> covered_by_plans() {
    std::set<size_t> out;
    std::vector<size_t> todo;
    for (const std::string& dir : options_.covered_roots) {
      if (auto it = by_path_.find(normal_dir(dir)); it != by_path_.end()) {
        todo.push_back(it->second);
      }
    }
    while (!todo.empty()) {
      const size_t i = todo.back();
      todo.pop_back();
      if (!out.insert(i).second) continue;
      for (const auto& [name, body] : defs_[i].calls) {
        if (auto child = child_dir(i, body); child.has_value()) todo.push_back(*child);
      }
    }
    return out;
  }

  void root(size_t i) {
    Instance& inst = instances_.emplace_back();
    inst.index = instances_.size() - 1;
    inst.dir = i;
    inst.def = &defs_[i];
    inst.scope = dirs_[i]->path;
    inst.chain = {dirs_[i]};
    if (std::optional<Manifest> m = read_manifest(dirs_[i]->path, options_.parse_file, diags_)) {
      inst.manifest = &manifests_.emplace_back(std::move(*m));
    }
    root_inputs(inst, *dirs_[i]);
    instantiate(inst);
  }

  static const Node* source_of(const Node* call) {
    const Node* src = call->is_map() ? call->find("source") : nullptr;
    return src != nullptr && src->is_scalar() ? src : nullptr;
  }

  // A local source found among the scanned directories.
  std::optional<size_t> child_dir(size_t parent, const Node* call) {
    const Node* src = source_of(call);
    if (src == nullptr || !is_local_source(src->text)) return std::nullopt;
    auto it = by_path_.find(normal_dir(dirs_[parent]->path + "/" + src->text));
    if (it == by_path_.end()) return std::nullopt;
    return it->second;
  }

  // The directory of module call `key` (dotted) of `inst`: a scanned local
  // directory, else what the root's manifest says was installed for a
  // remote source or for any call inside an installed module. A local
  // source of the scanned tree that leads out of it stays unloaded.
  std::optional<size_t> call_dir(const Instance& inst, const std::string& key, const Node* call) {
    if (std::optional<size_t> local = child_dir(inst.dir, call)) return local;
    const Node* src = source_of(call);
    if (inst.manifest == nullptr || src == nullptr ||
        (is_local_source(src->text) && !installed_.count(inst.dir))) {
      return std::nullopt;
    }
    auto entry = inst.manifest->modules.find(key);
    if (entry == inst.manifest->modules.end()) return std::nullopt;
    const std::string path = normal_dir(inst.manifest->root + "/" + entry->second.dir);
    if (auto done = loaded_.find(path); done != loaded_.end()) return done->second;
    std::optional<size_t>& slot = loaded_[path];
    if (auto found = by_path_.find(path); found != by_path_.end()) {
      slot = found->second;
    } else if (std::optional<Directory> d =
                   load_installed(*inst.manifest, entry->second, options_.parse_file, diags_)) {
      slot = add_dir(installed_dirs_.emplace_back(std::move(*d)));
      installed_.insert(*slot);
    }
    return slot;
  }

  // tfvars files of the directory, then --var-file, then --var.
  void root_inputs(Instance& inst, const Directory& dir) {
    ModuleScope scratch(inst, *arena_, root_);
    auto take = [&](const std::shared_ptr<core::Document>& doc) {
      if (doc->roots().empty() || !doc->roots().front()->is_map()) return;
      for (const Node* entry : doc->roots().front()->children) {
        inst.inputs[entry->key] = Input{scratch.evaluator().eval(entry), {}};
      }
    };
    for (const auto& doc : dir.variables) take(doc);
    for (const auto& doc : options_.var_files) take(doc);
    for (const auto& [name, text] : options_.vars) {
      Value* v = arena_->make(ValueKind::kString, nullptr);
      if (v == nullptr) return;
      v->text = text;
      inst.inputs[name] = Input{v, {}};
    }
  }

  ModuleScope& instantiate(Instance& inst) {
    ModuleScope& scope = scopes_.emplace_back(inst, *arena_, root_);
    instantiated_.insert(inst.dir);
    // Module calls load in name order, and a call whose arguments read a
    // sibling's outputs (`s3_arn = module.bucket.arn`) loads that sibling
    // first, on demand.
    std::set<std::string> started;
    scope.load_call = [&](const std::string& name) {
      auto call = inst.def->calls.find(name);
      if (call == inst.def->calls.end() || !started.insert(name).second) return;
      load_call(inst, scope, name, call->second);
    };
    for (const auto& entry : inst.def->calls) scope.load_call(entry.first);
    scope.load_call = nullptr;  // every call is loaded (or cannot be)
    scope.take_references();
    for (const Block& b : inst.def->blocks) {
      if (b.data || b.body->has_error) continue;
      auto instances = expansions(scope, *inst.def, b.body, Bindings{});
      // What count/for_each refer to, every instance depends on (and none
      // of it belongs to the next block when there is no instance).
      const std::vector<Reference> expansion_refs = scope.take_references();
      for (auto& [key, bindings] : instances) {
        add_resource(inst, scope, b, key, bindings, expansion_refs);
      }
    }
    return scope;
  }

  // The instances of module call `name` of `inst`, evaluated in `scope`.
  void load_call(Instance& inst, ModuleScope& scope, const std::string& name, const Node* call) {
    const std::string call_key = inst.key.empty() ? name : inst.key + "." + name;
    const std::optional<size_t> child = call_dir(inst, call_key, call);
    if (!child.has_value()) return;  // not loaded: its outputs are Unknown
    const Directory* cdir = dirs_[*child];
    const Node* src = call->find("source");
    if (std::find(inst.chain.begin(), inst.chain.end(), cdir) != inst.chain.end() ||
        inst.chain.size() >= options_.max_module_depth) {
      std::string path;
      for (const Directory* d : inst.chain) path += d->path + " -> ";
      diags_.error(
          core::DiagnosticKind::kInput, "module-cycle", file_of(src), src->range.begin,
          fmt::format("module cycle: {}{} (module {} is not loaded)", path, cdir->path, name));
      return;
    }
    for (auto& [key, bindings] : expansions(scope, *inst.def, call, Bindings{})) {
      Instance& ci = instances_.emplace_back();
      ci.index = instances_.size() - 1;
      ci.dir = *child;
      ci.def = &defs_[*child];
      ci.key = call_key;
      ci.manifest = inst.manifest;
      ci.prefix = inst.prefix + "module." + name + key + ".";
      ci.scope = cdir->path + " " + ci.prefix;
      ci.chain = inst.chain;
      ci.chain.push_back(cdir);
      scope.take_references();  // met evaluating count/for_each: not a resource's
      for (const Node* arg : call->children) {
        if (kMeta.count(arg->key) != 0) continue;
        Input input{scope.evaluator().eval_with(arg, bindings), scope.take_references()};
        for (Reference& r : input.references) {
          if (r.scope.empty()) r.scope = inst.scope;  // not one from another module's output
        }
        ci.inputs[arg->key] = std::move(input);
      }
      scope.children[name].emplace_back(key, &instantiate(ci));
    }
  }

  // Instance keys ("", "[0]", "[\"a\"]") and their count/each bindings.
  std::vector<std::pair<std::string, Bindings>> expansions(ModuleScope& scope, const ModuleDef& def,
                                                           const Node* body,
                                                           const Bindings& outer) {
    const Node* count = body->is_map() ? body->find("count") : nullptr;
    const Node* for_each = body->is_map() ? body->find("for_each") : nullptr;
    std::vector<std::pair<std::string, Bindings>> out;
    if (count == nullptr && for_each == nullptr) {
      out.emplace_back("", outer);
      return out;
    }
    const Node* expr = count != nullptr ? count : for_each;
    auto object = [&](std::initializer_list<std::pair<const char*, const Value*>> kv) {
      Value* m = arena_->make(ValueKind::kMap, expr);
      if (m != nullptr) {
        for (const auto& [k, val] : kv) m->entries.emplace_back(k, val);
      }
      return m;
    };
    auto unknown = [&](const std::string& reason) {
      Value* u = arena_->make(ValueKind::kUnknown, expr);
      if (u != nullptr) u->reason = reason;
      return u;
    };
    // for_each over a resource with known instance keys: the same keys;
    // each.value is that instance (known after apply; add_resource refers
    // to it from where each.value is used).
    const Block* src = count == nullptr ? for_each_resource(def, for_each) : nullptr;
    if (src != nullptr && expanding_.insert(src->body).second) {
      auto keyed = expansions(scope, def, src->body, outer);
      expanding_.erase(src->body);
      scope.take_references();  // what src's own for_each refers to
      if (keyed.empty() || !keyed.front().first.empty()) {
        for (const auto& entry : keyed) {
          const std::string& k = entry.first;  // ["name"]
          Value* key = arena_->make(ValueKind::kString, expr);
          if (key == nullptr) return out;
          key->text = k.substr(2, k.size() - 4);
          Bindings b = outer;
          b["each"] = object(
              {{"key", key},
               {"value", unknown(fmt::format("{}{} is known after apply", src->address(), k))}});
          out.emplace_back(k, std::move(b));
        }
        return out;
      }
    }
    const Value* v = scope.evaluator().eval_with(expr, outer);
    if (v == nullptr || !v->known()) {
      // One instance whose count.index / each.* are Unknown.
      const std::string why =
          fmt::format("{} is known only after apply{}", count != nullptr ? "count" : "for_each",
                      v != nullptr && !v->reason.empty() ? ": " + v->reason : "");
      Bindings b = outer;
      b[count != nullptr ? "count" : "each"] =
          count != nullptr ? object({{"index", unknown(why)}})
                           : object({{"key", unknown(why)}, {"value", unknown(why)}});
      out.emplace_back("", std::move(b));
      return out;
    }
    std::vector<std::pair<std::string, const Value*>> items;  // key text, value
    if (count != nullptr) {
      const double n = v->kind == ValueKind::kNumber ? v->number : 0;
      if (n > static_cast<double>(options_.max_instances)) {
        too_many(expr, n);
        return out;
      }
      for (size_t i = 0; i < static_cast<size_t>(std::max(n, 0.0)); ++i) {
        Value* idx = arena_->make(ValueKind::kNumber, expr);
        if (idx == nullptr) return out;
        idx->number = static_cast<double>(i);
        idx->text = std::to_string(i);
        items.emplace_back(std::to_string(i), idx);
      }
    } else if (v->is_map()) {
      for (const auto& [k, val] : v->entries) items.emplace_back(k, val);
    } else if (v->is_list()) {
      for (const Value* item : v->items) items.emplace_back(item->scalar_text(), item);
    }
    if (items.size() > options_.max_instances) {
      too_many(expr, static_cast<double>(items.size()));
      return out;
    }
    for (const auto& [k, val] : items) {
      Bindings b = outer;
      if (count != nullptr) {
        b["count"] = object({{"index", val}});
        out.emplace_back("[" + k + "]", std::move(b));
      } else {
        Value* key = arena_->make(ValueKind::kString, expr);
        if (key == nullptr) return out;
        key->text = k;
        b["each"] = object({{"key", key}, {"value", v->is_map() ? val : key}});
        out.emplace_back("[\"" + k + "\"]", std::move(b));
      }
    }
    return out;
  }

  // The configuration file a node is in.
  std::string file_of(const Node* n) const {
    while (n->parent != nullptr) n = n->parent;
    for (const Directory* d : dirs_) {
      for (const auto& doc : d->configuration) {
        if (!doc->roots().empty() && doc->roots().front() == n) return doc->source().path();
      }
    }
    return "";
  }

  void too_many(const Node* expr, double n) {
    diags_.error(core::DiagnosticKind::kInput, "budget", file_of(expr), expr->range.begin,
                 fmt::format("evaluation truncated: {:.0f} instances exceed the limit of {}; this "
                             "resource is not checked",
                             n, options_.max_instances));
  }

  // The resource's arguments and nested blocks, with dynamic blocks
  // expanded; meta-arguments are left out (depends_on becomes references).
  const Value* body_value(ModuleScope& scope, const Node* body, const Bindings& bindings,
                          std::vector<Reference>& refs) {
    if (!body->is_map()) return scope.evaluator().eval_with(body, bindings);
    Value* out = arena_->make(ValueKind::kMap, body);
    if (out == nullptr) return nullptr;
    auto slot = [&](const std::string& key) -> Value* {
      for (auto& [k, v] : out->entries) {
        if (k == key && v->is_list()) return const_cast<Value*>(v);
      }
      Value* list = arena_->make(ValueKind::kList, body);
      if (list != nullptr) out->entries.emplace_back(key, list);
      return list;
    };
    for (const Node* c : body->children) {
      if (c->key == "depends_on" && c->is_sequence()) {
        for (const Node* item : c->children) {
          refs.push_back(
              Reference{ReferenceKind::kDependsOn,
                        std::string(item->kind == core::NodeKind::kExpression ? item_address(item)
                                                                              : item->text),
                        "",
                        item,
                        item->path(),
                        {},
                        {},
                        true});
        }
        continue;
      }
      if (kMeta.count(c->key) != 0) continue;
      if (c->key == "dynamic" && c->is_map()) {
        for (const Node* label : c->children)
          dynamic(scope, label, bindings, refs, slot(label->key));
        continue;
      }
      if (c->is_sequence() && !c->children.empty() && c->children.front()->is_map()) {
        Value* list = slot(c->key);
        if (list == nullptr) return nullptr;
        list->origin = c;
        for (const Node* item : c->children) {
          const Value* v = body_value(scope, item, bindings, refs);
          if (v == nullptr) return nullptr;
          list->items.push_back(v);
        }
        continue;
      }
      const Value* v = scope.evaluator().eval_with(c, bindings);
      if (v == nullptr) return nullptr;
      out->entries.emplace_back(c->key, v);
    }
    return out;
  }

  static std::string item_address(const Node* n) {
    // `aws_s3_bucket.docs` / `module.kb`: a getattr chain on a root name.
    std::vector<std::string> parts;
    for (; n != nullptr && n->kind == core::NodeKind::kExpression;
         n = n->children.empty() ? nullptr : n->children.front()) {
      parts.insert(parts.begin(), n->text);
      if (n->tag == "var") break;
    }
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : ".") + p;
    return out;
  }

  void dynamic(ModuleScope& scope, const Node* label, const Bindings& bindings,
               std::vector<Reference>& refs, Value* list) {
    if (list == nullptr || !label->is_map()) return;
    const Node* for_each = label->find("for_each");
    const Node* iterator = label->find("iterator");
    const Node* content = label->find("content");
    if (for_each == nullptr || content == nullptr || !content->is_sequence() ||
        content->children.empty()) {
      return;
    }
    const std::string name =
        iterator != nullptr && !iterator->text.empty() ? iterator->text : label->key;
    const Value* coll = scope.evaluator().eval_with(for_each, bindings);
    if (coll == nullptr) return;
    if (!coll->known()) {
      Value* u = arena_->make(ValueKind::kUnknown, label);
      if (u != nullptr) {
        u->reason = fmt::format("dynamic block {} depends on {}", label->key,
                                coll->reason.empty() ? "values known after apply" : coll->reason);
        list->items.push_back(u);
      }
      return;
    }
    std::vector<std::pair<const Value*, const Value*>> items;
    if (coll->is_map()) {
      for (const auto& [k, v] : coll->entries) {
        Value* key = arena_->make(ValueKind::kString, for_each);
        if (key == nullptr) return;
        key->text = k;
        items.emplace_back(key, v);
      }
    } else {
      for (size_t i = 0; i < coll->items.size(); ++i) {
        Value* key = arena_->make(ValueKind::kNumber, for_each);
        if (key == nullptr) return;
        key->number = static_cast<double>(i);
        key->text = std::to_string(i);
        items.emplace_back(key, coll->items[i]);
      }
    }
    for (const auto& [key, val] : items) {
      Value* it = arena_->make(ValueKind::kMap, label);
      if (it == nullptr) return;
      it->entries.emplace_back("key", key);
      it->entries.emplace_back("value", val);
      Bindings b = bindings;
      b[name] = it;
      const Value* v = body_value(scope, content->children.front(), b, refs);
      if (v == nullptr) return;
      list->items.push_back(v);
    }
  }

  void add_resource(Instance& inst, ModuleScope& scope, const Block& b, const std::string& key,
                    const Bindings& bindings, const std::vector<Reference>& expansion_refs) {
    std::vector<Reference> refs;
    const Value* value = body_value(scope, b.body, bindings, refs);
    std::vector<Reference> met = scope.take_references();
    if (value == nullptr) return;  // value budget: reported by the scan
    refs.insert(refs.end(), met.begin(), met.end());
    refs.insert(refs.end(), expansion_refs.begin(), expansion_refs.end());
    // for_each = aws_s3_bucket.docs: this instance depends on the one with
    // its key, also where each.value is used (bucket = each.value.id).
    const Node* for_each = b.body->is_map() ? b.body->find("for_each") : nullptr;
    if (const Block* src = for_each != nullptr ? for_each_resource(*inst.def, for_each) : nullptr;
        src != nullptr && !key.empty()) {
      refs.push_back(Reference{
          ReferenceKind::kRef, src->address(), "", for_each, for_each->path(), {}, key, true});
      each_value_references(b.body, *src, key, refs);
    }
    Unit& unit = unit_for(inst, inst.index, b.file);
    Resource r;
    r.format = Format::kTerraform;
    r.type = b.type;
    r.name = inst.prefix + b.address() + key;
    r.ref_name = b.address();
    r.instance = key;
    r.node = b.body;
    r.value = value;
    r.references = std::move(refs);
    unit.resources.push_back(std::move(r));
  }

  Unit& unit_for(const Instance& inst, size_t inst_index, size_t file) {
    auto [it, fresh] = units_.try_emplace({inst_index, file});
    if (fresh) {
      Unit& u = it->second;
      u.format = Format::kTerraform;
      u.document = inst.def->dir->configuration[file];
      u.arena = arena_;
      u.scope = inst.scope;
    }
    return it->second;
  }

  // A value can come from any module of the run (an argument from the
  // caller, an output of a module without resources, a variable default in
  // another file, tfvars): every unit keeps every document of the run alive,
  // through one shared bundle, and the first unit also lists them all, so
  // that the graph finds the file of any node (Graph::file_of).
  void keep_documents(std::vector<Unit>& out) const {
    auto bundle = std::make_shared<std::vector<std::shared_ptr<const core::Document>>>();
    for (const Directory* d : dirs_) {
      bundle->insert(bundle->end(), d->configuration.begin(), d->configuration.end());
      bundle->insert(bundle->end(), d->variables.begin(), d->variables.end());
    }
    bundle->insert(bundle->end(), options_.var_files.begin(), options_.var_files.end());
    if (bundle->empty()) return;
    for (Unit& u : out) u.keep_alive = bundle;
  }

  const Options& options_;
  core::Diagnostics& diags_;
  std::shared_ptr<core::ValueArena> arena_;
  std::vector<const Directory*> dirs_;  // the scanned ones first, then installed modules
  std::deque<ModuleDef> defs_;          // per directory
  std::deque<Directory> installed_dirs_;
  std::set<size_t> installed_;  // indexes of installed module directories
  std::deque<Manifest> manifests_;
  std::map<std::string, std::optional<size_t>> loaded_;  // installed directory path -> index
  std::map<std::string, size_t> by_path_;
  std::string root_;
  std::deque<Instance> instances_;
  std::deque<ModuleScope> scopes_;
  std::map<std::pair<size_t, size_t>, Unit> units_;
  std::set<size_t> instantiated_;
  std::set<const Node*> expanding_;  // resource bodies whose keys are being computed
};

}  // namespace

std::vector<Unit> adapt(const std::vector<Directory>& dirs, const Options& options,
                        core::Diagnostics& diags) {
  return Adapter(dirs, options, diags).run();
}

}  // namespace genlens::formats::terraform
