#include "formats/terraform/resource_for_each.h"

#include "genlens/parse/hcl.h"

namespace genlens::formats::terraform {
namespace {

using core::Node;
namespace tag = parse::hcl_tag;

bool is_expr(const Node* n, std::string_view t) {
  return n != nullptr && n->kind == core::NodeKind::kExpression && n->tag == t;
}

const Node* first_child(const Node* n) { return n->children.empty() ? nullptr : n->children[0]; }

}  // namespace

const Block* for_each_resource(const ModuleDef& def, const Node* for_each) {
  // getattr(name) over var(type): exactly `type.name`.
  if (!is_expr(for_each, tag::kGetAttr)) return nullptr;
  const Node* root = first_child(for_each);
  if (!is_expr(root, tag::kVar) || root->text == "data" || root->text == "module" ||
      root->text == "var" || root->text == "local") {
    return nullptr;
  }
  const Block* b = def.find(false, root->text, for_each->text);
  if (b == nullptr || !b->body->is_map() || b->body->find("for_each") == nullptr) return nullptr;
  return b;
}

void each_value_references(const Node* body, const Block& target, const std::string& instance,
                           std::vector<Reference>& out) {
  if (body == nullptr) return;
  if (is_expr(body, tag::kGetAttr) && body->text == "value") {
    const Node* root = first_child(body);
    if (is_expr(root, tag::kVar) && root->text == "each") {
      out.push_back(Reference{
          ReferenceKind::kRef, target.address(), "", root, root->path(), {}, instance, true});
      return;
    }
  }
  for (const Node* c : body->children) each_value_references(c, target, instance, out);
}

}  // namespace genlens::formats::terraform
