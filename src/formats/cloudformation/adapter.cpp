#include <fmt/format.h>

#include "formats/cloudformation/resolver.h"
#include "genlens/formats/cloudformation.h"

namespace genlens::formats::cloudformation {
namespace {

using core::Node;

bool looks_like_type(std::string_view t) {
  return t.rfind("AWS::", 0) == 0 || t.rfind("Custom::", 0) == 0 || t.rfind("Alexa::", 0) == 0;
}

void add_depends_on(Resource& r, const Node* body) {
  const Node* dep = body->find("DependsOn");
  if (dep == nullptr) return;
  auto add = [&](const Node* n) {
    if (n->is_scalar() && !n->text.empty()) {
      r.references.push_back({ReferenceKind::kDependsOn, n->text, "", n, n->path()});
    }
  };
  if (dep->is_sequence()) {
    for (const Node* n : dep->children) add(n);
  } else {
    add(dep);
  }
}

}  // namespace

bool is_template(const Node* root) {
  if (root == nullptr || !root->is_map()) return false;
  if (root->find("AWSTemplateFormatVersion") != nullptr) return true;
  const Node* res = root->find("Resources");
  if (res == nullptr || !res->is_map() || res->children.empty()) return false;
  for (const Node* r : res->children) {
    const Node* type = r->is_map() ? r->find("Type") : nullptr;
    if (type == nullptr || !type->is_scalar() || !looks_like_type(type->text)) return false;
  }
  return true;
}

Unit adapt(std::shared_ptr<core::Document> doc, const Node* root, core::Diagnostics& diags) {
  Unit unit;
  unit.format = Format::kCloudFormation;
  unit.arena = std::make_unique<core::ValueArena>();
  unit.document = std::move(doc);
  const std::string& path = unit.document->source().path();
  const Node* resources = root->find("Resources");
  if (resources == nullptr) return unit;
  if (!resources->is_map()) {
    diags.error(core::DiagnosticKind::kInput, "cfn-structure", path, resources->range.begin,
                "Resources must be a map of logical IDs to resource definitions");
    return unit;
  }
  Resolver resolver(root, *unit.arena);
  for (const Node* body : resources->children) {
    const Node* type = body->is_map() ? body->find("Type") : nullptr;
    if (type == nullptr || !type->is_scalar()) {
      diags.error(core::DiagnosticKind::kInput, "cfn-structure", path, body->key_range.begin,
                  fmt::format("resource {} has no Type", body->key));
      continue;
    }
    // A resource whose Condition is known to be false is never created.
    if (const Node* cond = body->find("Condition"); cond != nullptr && cond->is_scalar()) {
      if (resolver.condition(cond->text) == std::optional<bool>(false)) continue;
    }
    Resource r;
    r.format = Format::kCloudFormation;
    r.type = type->text;
    r.name = body->key;
    r.node = body;
    r.value = resolver.resolve(body);
    if (unit.arena->exhausted()) {
      diags.error(core::DiagnosticKind::kInput, "budget", path, body->key_range.begin,
                  "template expands to too many values; evaluation truncated");
      break;
    }
    r.references = resolver.take_references();
    add_depends_on(r, body);
    unit.resources.push_back(std::move(r));
  }
  return unit;
}

}  // namespace genlens::formats::cloudformation
