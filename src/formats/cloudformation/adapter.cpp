#include <cctype>
#include <map>

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
      r.references.push_back({ReferenceKind::kDependsOn, n->text, "", n, n->path(), {}, {}, true});
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
    if (r->key.rfind("Fn::ForEach::", 0) == 0) continue;
    const Node* type = r->is_map() ? r->find("Type") : nullptr;
    if (type == nullptr || !type->is_scalar() || !looks_like_type(type->text)) return false;
  }
  return true;
}

namespace {

// `${Id}` -> value, `&{Id}` -> value without non-alphanumerics.
std::string substitute_key(std::string key, const std::map<std::string, std::string>& bindings) {
  for (const auto& [name, value] : bindings) {
    std::string alnum;
    for (char c : value) {
      if (std::isalnum(static_cast<unsigned char>(c)) != 0) alnum += c;
    }
    for (const auto& [pattern, repl] :
         {std::pair{"${" + name + "}", value}, std::pair{"&{" + name + "}", alnum}}) {
      for (size_t at = key.find(pattern); at != std::string::npos; at = key.find(pattern, at)) {
        key.replace(at, pattern.size(), repl);
        at += repl.size();
      }
    }
  }
  return key;
}

class Adapter {
 public:
  Adapter(Unit& unit, const Node* root, core::Diagnostics& diags)
      : unit_(unit),
        resolver_(root, *unit.arena),
        diags_(diags),
        path_(unit.document->source().path()) {}

  // Adds the resources of a Resources map (or of a Fn::ForEach output map).
  // A first pass only learns the logical IDs, so that a Ref to a resource
  // made by a later Fn::ForEach is recognised.
  bool add_all(const Node* resources, int depth) {
    naming_ = true;
    (void)add_map(resources, depth);
    naming_ = false;
    expanded_ = 0;
    return add_map(resources, depth);
  }

 private:
  bool add_map(const Node* resources, int depth) {
    for (const Node* body : resources->children) {
      if (body->key.rfind("Fn::ForEach::", 0) == 0) {
        if (!for_each(body, depth)) return false;
        continue;
      }
      if (naming_) {
        resolver_.add_resource_name(substitute_key(body->key, resolver_.bindings()));
      } else if (!add(body)) {
        return false;
      }
    }
    return true;
  }

  bool for_each(const Node* loop, int depth) {
    if (depth == 0) outer_loop_ = loop;
    const Node* id =
        loop->is_sequence() && loop->children.size() == 3 ? loop->children[0] : nullptr;
    if (id == nullptr || !id->is_scalar() || !loop->children[2]->is_map() || depth > 8) {
      if (naming_) return true;  // reported once, in the second pass
      diags_.error(
          core::DiagnosticKind::kInput, "cfn-structure", path_, loop->key_range.begin,
          fmt::format("{} must be [Identifier, Collection, {{OutputKey: Resource}}]", loop->key));
      return true;
    }
    const core::Value* coll = resolver_.resolve(loop->children[1]);
    if (unit_.arena->exhausted()) return budget_exceeded(loop);
    if (coll == nullptr || !coll->is_list()) {
      if (naming_) return true;
      diags_.warning(core::DiagnosticKind::kInput, "unknown-collection", path_,
                     loop->key_range.begin,
                     fmt::format("the collection of {} is not known before deployment; its "
                                 "resources are not checked",
                                 loop->key));
      return true;
    }
    for (const core::Value* item : coll->items) {
      if (!item->known() || item->partial || item->is_map() || item->is_list()) continue;
      if (++expanded_ > kMaxResources) return budget_exceeded(loop);
      resolver_.bind(id->text, item->scalar_text());
      const bool ok = add_map(loop->children[2], depth + 1);
      resolver_.unbind(id->text);
      if (!ok) return false;
    }
    return true;
  }

  // CloudFormation allows 500 resources per template; Fn::ForEach nests up
  // to 5 levels. Expansion past kMaxResources is reported, not attempted.
  bool budget_exceeded(const Node* loop) {
    if (!budget_reported_) {
      budget_reported_ = true;
      const Node* at = outer_loop_ != nullptr ? outer_loop_ : loop;
      diags_.error(core::DiagnosticKind::kInput, "budget", path_, at->key_range.begin,
                   fmt::format("evaluation truncated: {} expands to more than {} resources; the "
                               "rest of the template is not checked",
                               at->key, kMaxResources));
    }
    return false;
  }

  bool add(const Node* body) {
    const Node* type = body->is_map() ? body->find("Type") : nullptr;
    if (type == nullptr || !type->is_scalar()) {
      diags_.error(core::DiagnosticKind::kInput, "cfn-structure", path_, body->key_range.begin,
                   fmt::format("resource {} has no Type", body->key));
      return true;
    }
    // A resource whose Condition is known to be false is never created.
    if (const Node* cond = body->find("Condition"); cond != nullptr && cond->is_scalar()) {
      if (resolver_.condition(cond->text) == std::optional<bool>(false)) return true;
    }
    Resource r;
    r.format = Format::kCloudFormation;
    r.type = type->text;
    r.name = substitute_key(body->key, resolver_.bindings());
    r.node = body;
    r.value = resolver_.resolve(body);
    if (unit_.arena->exhausted()) {
      diags_.error(core::DiagnosticKind::kInput, "budget", path_, body->key_range.begin,
                   "template expands to too many values; evaluation truncated");
      return false;
    }
    r.references = resolver_.take_references();
    add_depends_on(r, body);
    unit_.resources.push_back(std::move(r));
    return true;
  }

  Unit& unit_;
  Resolver resolver_;
  core::Diagnostics& diags_;
  const std::string& path_;
  bool naming_ = false;
  static constexpr size_t kMaxResources = 10'000;
  size_t expanded_ = 0;
  bool budget_reported_ = false;
  const Node* outer_loop_ = nullptr;  // the top-level Fn::ForEach being expanded
};

}  // namespace

Unit adapt(std::shared_ptr<core::Document> doc, const Node* root, core::Diagnostics& diags) {
  Unit unit;
  unit.format = Format::kCloudFormation;
  unit.arena = std::make_unique<core::ValueArena>();
  unit.document = std::move(doc);
  const Node* resources = root->find("Resources");
  if (resources == nullptr) return unit;
  if (!resources->is_map()) {
    diags.error(core::DiagnosticKind::kInput, "cfn-structure", unit.document->source().path(),
                resources->range.begin,
                "Resources must be a map of logical IDs to resource definitions");
    return unit;
  }
  Adapter(unit, root, diags).add_all(resources, 0);
  return unit;
}

}  // namespace genlens::formats::cloudformation
