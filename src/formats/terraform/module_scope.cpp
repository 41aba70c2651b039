// What names mean inside one module instance.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "formats/terraform/module.h"

namespace genlens::formats::terraform {
namespace {

namespace fs = std::filesystem;
using core::Node;
using core::Value;

constexpr std::uintmax_t kMaxFileBytes = 10 * 1024 * 1024;

bool is_meta(std::string_view key) {
  return key == "count" || key == "for_each" || key == "depends_on" || key == "lifecycle" ||
         key == "provider" || key == "provisioner" || key == "connection";
}

// The instance a known index names, written as Resource::instance is
// ("[0]" for count, "[\"raw\"]" for for_each); false when it names none.
bool instance_key(const Block& b, const Value* key, std::string& out) {
  if (b.body->find("count") != nullptr) {
    const std::optional<double> n = core::number_value(key);
    if (!n || *n < 0 || *n != static_cast<double>(static_cast<long long>(*n))) return false;
    out = "[" + std::to_string(static_cast<long long>(*n)) + "]";
    return true;
  }
  if (key->kind != core::ValueKind::kString && key->kind != core::ValueKind::kNumber) return false;
  out = "[\"" + key->scalar_text() + "\"]";
  return true;
}

}  // namespace

std::vector<Reference> ModuleScope::take_since(size_t mark) {
  std::vector<Reference> out(std::make_move_iterator(refs_.begin() + static_cast<long>(mark)),
                             std::make_move_iterator(refs_.end()));
  refs_.resize(mark);
  return out;
}

void ModuleScope::forward(std::vector<Reference> refs, const Node* at) {
  for (Reference& r : refs) {
    r.at = at;
    r.from_path = at->path();
    refs_.push_back(std::move(r));
  }
}

const Value* ModuleScope::unknown(const Node* at, std::string reason) {
  Value* v = arena_.make(core::ValueKind::kUnknown, at);
  if (v != nullptr) v->reason = std::move(reason);
  return v;
}

// The value as seen at its use site: reported there, listing where it came
// from (the variable default, tfvars entry or module argument).
const Value* ModuleScope::used_at(const Value* v, const Node* at) {
  return core::at_use_site(arena_, v, at);
}

const Value* ModuleScope::resolve(std::string_view root, const std::vector<Step>& steps,
                                  const Node* at, size_t& consumed) {
  consumed = 0;
  const bool named = !steps.empty() && steps[0].kind == Step::Kind::kAttr;
  if (root == "var" || root == "local") {
    if (!named) return unknown(at, fmt::format("`{}` needs a name", root));
    consumed = 1;
    return root == "var" ? variable(steps[0].name, at) : local(steps[0].name, at);
  }
  if (root == "path") {
    if (!named) return unknown(at, "`path` needs an attribute");
    consumed = 1;
    if (steps[0].name == "module" || steps[0].name == "root") {
      const Directory* d = steps[0].name == "module" ? inst_.def->dir : inst_.chain.front();
      Value* v = arena_.make(core::ValueKind::kString, at);
      if (v != nullptr) v->text = d->path;
      return v;
    }
    return unknown(at, fmt::format("path.{} is known at run time", steps[0].name));
  }
  if (root == "terraform") {
    consumed = steps.empty() ? 0 : 1;
    return unknown(at, "the workspace is chosen at run time");
  }
  if (root == "self") {
    consumed = steps.size();
    return unknown(at, "self is known after apply");
  }
  if (root == "count" || root == "each") return nullptr;  // bound by the adapter
  if (root == "module") return module_output(steps, at, consumed);
  if (root == "data") {
    if (!named) return unknown(at, "`data` needs a type");
    return resource(true, steps[0].name, steps, 1, at, consumed);
  }
  return resource(false, root, steps, 0, at, consumed);
}

const Value* ModuleScope::variable(const std::string& name, const Node* at) {
  if (auto it = inst_.inputs.find(name); it != inst_.inputs.end()) {
    // A module argument's references belong to whatever uses the variable.
    forward(it->second.references, at);
    return used_at(it->second.value, at);
  }
  if (auto it = defaults_.find(name); it != defaults_.end()) return used_at(it->second, at);
  auto decl = inst_.def->variables.find(name);
  if (decl == inst_.def->variables.end()) {
    return unknown(at, fmt::format("no variable {} is declared", name));
  }
  const Node* def = decl->second->is_map() ? decl->second->find("default") : nullptr;
  if (def == nullptr) return unknown(at, fmt::format("variable {} has no value", name));
  if (evaluating_.count("var." + name) != 0)
    return unknown(at, "variable default refers to itself");
  evaluating_.insert("var." + name);
  const Value* v = eval_.eval(def);
  evaluating_.erase("var." + name);
  defaults_[name] = v;  // evaluated once per module instance
  return used_at(v, at);
}

const Value* ModuleScope::local(const std::string& name, const Node* at) {
  if (auto it = locals_.find(name); it != locals_.end()) {
    forward(it->second.references, at);
    return used_at(it->second.value, at);
  }
  auto decl = inst_.def->locals.find(name);
  if (decl == inst_.def->locals.end()) {
    return unknown(at, fmt::format("no local value {} is declared", name));
  }
  const std::string key = "local." + name;
  if (evaluating_.count(key) != 0)
    return unknown(at, fmt::format("local.{} refers to itself", name));
  evaluating_.insert(key);
  const size_t mark = refs_.size();
  const Value* v = eval_.eval(decl->second);
  evaluating_.erase(key);
  Local& local = locals_[name];
  local = Local{v, take_since(mark)};
  forward(local.references, at);
  return used_at(v, at);
}

const Value* ModuleScope::resource(bool data, std::string_view type, const std::vector<Step>& steps,
                                   size_t first, const Node* at, size_t& consumed) {
  consumed = steps.size();
  if (first >= steps.size() || steps[first].kind != Step::Kind::kAttr) {
    return unknown(at, fmt::format("unknown name {}", type));
  }
  const std::string& name = steps[first].name;
  const Block* block = inst_.def->find(data, type, name);
  if (block == nullptr) {
    return unknown(at, fmt::format("no {} {}.{} in module {}", data ? "data source" : "resource",
                                   type, name, inst_.def->dir->path));
  }
  Reference ref{ReferenceKind::kRef, block->address(), "", at, at->path(), {}, {}, true};
  size_t next = first + 1;
  const bool expanded =
      block->body->find("count") != nullptr || block->body->find("for_each") != nullptr;
  if (next < steps.size() && steps[next].kind == Step::Kind::kIndex && expanded) {
    // One instance: the one its key names, or (key known after apply) any.
    const Value* key = steps[next].key;
    ref.certain =
        key != nullptr && key->known() && !key->partial && instance_key(*block, key, ref.instance);
    if (!ref.certain) ref.instance.clear();
    ++next;
  }
  refs_.push_back(std::move(ref));
  if (data && type == "aws_iam_policy_document") {
    const std::string key = block->address();
    if (evaluating_.count(key) != 0) return unknown(at, key + " refers to itself");
    evaluating_.insert(key);
    const size_t mark = refs_.size();
    const Value* json = iam_policy_document(*this, block->body, arena_);
    forward(take_since(mark), at);
    evaluating_.erase(key);
    Value* obj = arena_.make(core::ValueKind::kMap, at);
    if (obj == nullptr) return nullptr;
    obj->entries.emplace_back("json", json);
    obj->entries.emplace_back("minified_json", json);
    consumed = next;
    return obj;
  }
  const std::string what = (data ? "data." : "") + std::string(type) + "." + name;
  if (next >= steps.size() || steps[next].kind != Step::Kind::kAttr) {
    return unknown(at, fmt::format("{} is known after apply", what));
  }
  const std::string& attr = steps[next].name;
  const Node* arg = block->body->is_map() ? block->body->find(attr) : nullptr;
  if (data || expanded || arg == nullptr || arg->is_sequence() || is_meta(attr)) {
    return unknown(at, fmt::format("{}.{} is known after apply", what, attr));
  }
  // A configured argument of a single resource: its value, as written.
  const std::string key = what + "." + attr;
  if (evaluating_.count(key) != 0) return unknown(at, key + " refers to itself");
  evaluating_.insert(key);
  // What the argument refers to is that resource's reference, not this one's.
  const size_t mark = refs_.size();
  const Value* v = eval_.eval(arg);
  take_since(mark);
  evaluating_.erase(key);
  consumed = next + 1;
  return used_at(v, at);
}

const Value* ModuleScope::module_output(const std::vector<Step>& steps, const Node* at,
                                        size_t& consumed) {
  consumed = steps.size();
  if (steps.empty() || steps[0].kind != Step::Kind::kAttr)
    return unknown(at, "`module` needs a name");
  const std::string& call = steps[0].name;
  refs_.push_back(
      Reference{ReferenceKind::kRef, "module." + call, "", at, at->path(), {}, {}, true});
  auto it = children.find(call);
  if (it == children.end() && load_call) {
    // A sibling call not loaded yet: load it, keeping what this use recorded.
    std::vector<Reference> saved = take_references();
    load_call(call);
    refs_ = std::move(saved);
    it = children.find(call);
  }
  if (it == children.end() || it->second.empty()) {
    return unknown(at, fmt::format("module {} is not loaded (remote or missing source)", call));
  }
  size_t next = 1;
  ModuleScope* child = it->second.front().second;
  if (next < steps.size() && steps[next].kind == Step::Kind::kIndex) {
    const Value* key = steps[next].key;
    child = nullptr;
    if (key != nullptr && key->known()) {
      for (auto& [k, scope] : it->second) {
        if (k == key->scalar_text()) child = scope;
      }
    }
    ++next;
    if (child == nullptr)
      return unknown(at, fmt::format("instance of module {} is not known", call));
  }
  if (next >= steps.size() || steps[next].kind != Step::Kind::kAttr) {
    return unknown(at, fmt::format("module.{} as a whole is not evaluated", call));
  }
  const std::string& out = steps[next].name;
  auto o = child->inst_.def->outputs.find(out);
  const Node* value = o != child->inst_.def->outputs.end() && o->second->is_map()
                          ? o->second->find("value")
                          : nullptr;
  if (value == nullptr) return unknown(at, fmt::format("module {} has no output {}", call, out));
  consumed = next + 1;
  // The output's references, made in the child module's scope, belong to
  // the attribute that reads the output.
  const size_t mark = child->refs_.size();
  const Value* v = child->eval_.eval(value);
  std::vector<Reference> met = child->take_since(mark);
  for (Reference& r : met) {
    if (r.scope.empty()) r.scope = child->inst_.scope;
  }
  forward(std::move(met), at);
  return used_at(v, at);
}

bool ModuleScope::read_file(const std::string& path, std::string& out, std::string& reason) {
  std::error_code ec;
  const fs::path full = fs::weakly_canonical(fs::path(path), ec);
  const fs::path root = fs::weakly_canonical(fs::path(root_), ec);
  const std::string f = full.generic_string();
  const std::string r = root.generic_string();
  if (ec || f.compare(0, r.size(), r) != 0 ||
      (f.size() > r.size() && f[r.size()] != '/' && r != "/")) {
    reason = fmt::format("{} is outside the scanned tree", path);
    return false;
  }
  if (!fs::is_regular_file(full, ec) || fs::file_size(full, ec) > kMaxFileBytes) {
    reason = fmt::format("{} is not a readable file of at most 10 MB", path);
    return false;
  }
  std::ifstream in(full, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return static_cast<bool>(in) || in.eof();
}

}  // namespace genlens::formats::terraform
