// Collects the declarations of a module from its files (Terraform JSON shape,
// see genlens/parse/hcl.h).
#include "formats/terraform/module.h"

#include <filesystem>

namespace genlens::formats::terraform {
namespace {

using core::Node;

// Entries of a labelled block group: `resource -> type -> name -> body`.
void labelled(const Node* group, const std::function<void(const Node*)>& each) {
  if (group == nullptr || !group->is_map()) return;
  for (const Node* c : group->children) each(c);
}

}  // namespace

bool is_configuration_file(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  auto ends = [&](std::string_view s) {
    return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  return ends(".tf") || ends(".tf.json");
}

bool is_variables_file(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  auto ends = [&](std::string_view s) {
    return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  return ends(".tfvars") || ends(".tfvars.json");
}

std::string normal_dir(const std::string& path) {
  std::string s = std::filesystem::path(path).lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s.empty() ? "." : s;
}

const Block* ModuleDef::find(bool data, std::string_view type, std::string_view name) const {
  for (const Block& b : blocks) {
    if (b.data == data && b.type == type && b.name == name) return &b;
  }
  return nullptr;
}

ModuleDef collect(const Directory& dir) {
  ModuleDef m;
  m.dir = &dir;
  for (size_t f = 0; f < dir.configuration.size(); ++f) {
    const auto& doc = dir.configuration[f];
    if (doc->roots().empty() || !doc->roots().front()->is_map()) continue;
    for (const Node* top : doc->roots().front()->children) {
      if (top->key == "variable") {
        labelled(top, [&](const Node* v) { m.variables.emplace(v->key, v); });
      } else if (top->key == "output") {
        labelled(top, [&](const Node* v) { m.outputs.emplace(v->key, v); });
      } else if (top->key == "module") {
        labelled(top, [&](const Node* v) { m.calls.emplace(v->key, v); });
      } else if (top->key == "locals") {
        // A sequence of bodies (native) or one map (JSON).
        std::vector<const Node*> bodies;
        if (top->is_sequence()) bodies.assign(top->children.begin(), top->children.end());
        if (top->is_map()) bodies.push_back(top);
        for (const Node* body : bodies) {
          if (!body->is_map()) continue;
          for (const Node* l : body->children) m.locals.emplace(l->key, l);
        }
      } else if (top->key == "resource" || top->key == "data") {
        labelled(top, [&](const Node* type) {
          labelled(type, [&](const Node* body) {
            m.blocks.push_back(Block{top->key == "data", type->key, body->key, body, f});
          });
        });
      }
    }
  }
  return m;
}

}  // namespace genlens::formats::terraform
