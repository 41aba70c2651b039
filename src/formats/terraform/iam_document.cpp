// data "aws_iam_policy_document": its statements as the policy document
// Terraform would render for `.json`, so the IAM predicates read it like any
// policy, with positions in the statement blocks.
#include <fmt/format.h>

#include "formats/terraform/module.h"

namespace genlens::formats::terraform {
namespace {

using core::Node;
using core::Value;
using core::ValueKind;

Value* make(core::ValueArena& arena, ValueKind kind, const Node* at) {
  return arena.make(kind, at);
}

// The evaluated attribute, or nullptr when it is not written.
const Value* attr(ModuleScope& scope, const Node* body, std::string_view key) {
  const Node* n = body->is_map() ? body->find(key) : nullptr;
  return n != nullptr ? scope.evaluator().eval(n) : nullptr;
}

std::vector<const Node*> blocks(const Node* body, std::string_view key) {
  const Node* n = body->is_map() ? body->find(key) : nullptr;
  if (n == nullptr || !n->is_sequence()) return {};
  return {n->children.begin(), n->children.end()};
}

// principals { type = "AWS", identifiers = [...] } blocks -> {"AWS": [...]};
// type "*" with identifiers ["*"] -> "*".
const Value* principals(ModuleScope& scope, const Node* body, std::string_view key,
                        core::ValueArena& arena) {
  std::vector<const Node*> list = blocks(body, key);
  if (list.empty()) return nullptr;
  Value* out = make(arena, ValueKind::kMap, list.front());
  if (out == nullptr) return nullptr;
  for (const Node* p : list) {
    const Value* type = attr(scope, p, "type");
    const Value* ids = attr(scope, p, "identifiers");
    if (type == nullptr || ids == nullptr) continue;
    if (!type->known() || type->partial) return type;
    if (type->text == "*") {
      Value* star = make(arena, ValueKind::kString, p);
      if (star != nullptr) star->text = "*";
      return star;
    }
    out->entries.emplace_back(type->text, ids);
  }
  return out;
}

// condition { test, variable, values } blocks -> {test: {variable: values}}.
const Value* conditions(ModuleScope& scope, const Node* body, core::ValueArena& arena) {
  std::vector<const Node*> list = blocks(body, "condition");
  if (list.empty()) return nullptr;
  Value* out = make(arena, ValueKind::kMap, list.front());
  if (out == nullptr) return nullptr;
  for (const Node* c : list) {
    const Value* test = attr(scope, c, "test");
    const Value* variable = attr(scope, c, "variable");
    const Value* values = attr(scope, c, "values");
    if (test == nullptr || variable == nullptr || values == nullptr) continue;
    if (!test->known() || test->partial || !variable->known() || variable->partial) {
      Value* u = make(arena, ValueKind::kUnknown, c);
      if (u != nullptr) u->reason = "a condition's test or variable is not known";
      return u;
    }
    Value* inner = nullptr;
    for (auto& [k, v] : out->entries) {
      if (k == test->text) inner = const_cast<Value*>(v);
    }
    if (inner == nullptr) {
      inner = make(arena, ValueKind::kMap, c);
      if (inner == nullptr) return nullptr;
      out->entries.emplace_back(test->text, inner);
    }
    inner->entries.emplace_back(variable->text, values);
  }
  return out;
}

}  // namespace

const Value* iam_policy_document(ModuleScope& scope, const Node* body, core::ValueArena& arena) {
  for (std::string_view merged :
       {"source_policy_documents", "override_policy_documents", "source_json", "override_json"}) {
    if (body->is_map() && body->find(merged) != nullptr) {
      Value* u = make(arena, ValueKind::kUnknown, body->find(merged));
      if (u != nullptr) u->reason = fmt::format("{} are not merged into the document", merged);
      return u;
    }
  }
  Value* doc = make(arena, ValueKind::kMap, body);
  Value* version = make(arena, ValueKind::kString, body);
  Value* statements = make(arena, ValueKind::kList, body);
  if (doc == nullptr || version == nullptr || statements == nullptr) return nullptr;
  const Value* v = attr(scope, body, "version");
  version->text = "2012-10-17";
  doc->entries.emplace_back("Version", v != nullptr ? v : version);
  for (const Node* s : blocks(body, "statement")) {
    Value* st = make(arena, ValueKind::kMap, s);
    if (st == nullptr) return nullptr;
    auto put = [&](const char* key, const Value* val) {
      if (val != nullptr) st->entries.emplace_back(key, val);
    };
    put("Sid", attr(scope, s, "sid"));
    const Value* effect = attr(scope, s, "effect");
    if (effect == nullptr) {
      Value* allow = make(arena, ValueKind::kString, s);
      if (allow != nullptr) allow->text = "Allow";
      effect = allow;
    }
    put("Effect", effect);
    put("Action", attr(scope, s, "actions"));
    put("NotAction", attr(scope, s, "not_actions"));
    put("Resource", attr(scope, s, "resources"));
    put("NotResource", attr(scope, s, "not_resources"));
    put("Principal", principals(scope, s, "principals", arena));
    put("NotPrincipal", principals(scope, s, "not_principals", arena));
    put("Condition", conditions(scope, s, arena));
    statements->items.push_back(st);
  }
  doc->entries.emplace_back("Statement", statements);
  // The document itself rather than its JSON text: rules read it the same
  // way (a policy may be a map or a JSON string), and every statement keeps
  // the position of the block it was written in.
  return doc;
}

}  // namespace genlens::formats::terraform
