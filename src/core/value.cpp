#include "genlens/core/value.h"

#include <fmt/format.h>

namespace genlens::core {

const Value* Value::find(std::string_view key) const {
  if (kind != ValueKind::kMap) return nullptr;
  for (const auto& [k, v] : entries) {
    if (k == key) return v;
  }
  return nullptr;
}

std::string Value::scalar_text() const {
  switch (kind) {
    case ValueKind::kString:
      return text;
    case ValueKind::kBool:
      return boolean ? "true" : "false";
    case ValueKind::kNumber:
      return text.empty() ? fmt::format("{}", number) : text;
    default:
      return {};
  }
}

Value* ValueArena::make(ValueKind kind, const Node* origin) {
  if (values_.size() >= budget_) return nullptr;
  Value& v = values_.emplace_back();
  v.kind = kind;
  v.origin = origin;
  return &v;
}

const Value* literal_value(ValueArena& arena, const Node* node) {
  if (node == nullptr) return nullptr;
  switch (node->kind) {
    case NodeKind::kMap: {
      Value* v = arena.make(ValueKind::kMap, node);
      if (v == nullptr) return nullptr;
      for (const Node* c : node->children) {
        const Value* cv = literal_value(arena, c);
        if (cv == nullptr) return nullptr;
        v->entries.emplace_back(c->key, cv);
      }
      return v;
    }
    case NodeKind::kSequence: {
      Value* v = arena.make(ValueKind::kList, node);
      if (v == nullptr) return nullptr;
      for (const Node* c : node->children) {
        const Value* cv = literal_value(arena, c);
        if (cv == nullptr) return nullptr;
        v->items.push_back(cv);
      }
      return v;
    }
    case NodeKind::kScalar: {
      Value* v = nullptr;
      switch (node->scalar_type) {
        case ScalarType::kNull:
          v = arena.make(ValueKind::kNull, node);
          break;
        case ScalarType::kBool:
          v = arena.make(ValueKind::kBool, node);
          if (v != nullptr)
            v->boolean = node->text == "true" || node->text == "True" || node->text == "TRUE";
          break;
        case ScalarType::kInt:
        case ScalarType::kFloat:
          v = arena.make(ValueKind::kNumber, node);
          if (v != nullptr) {
            try {
              v->number = std::stod(node->text);
            } catch (...) {
              v->kind = ValueKind::kString;
            }
          }
          break;
        case ScalarType::kString:
          v = arena.make(ValueKind::kString, node);
          if (v != nullptr && node->text.find(kUnknownMark) != std::string::npos) {
            v->partial = true;
            v->reason = "part of the string is not known before deployment";
          }
          break;
      }
      if (v != nullptr) v->text = node->text;
      return v;
    }
    case NodeKind::kExpression:
    case NodeKind::kUnknown: {
      Value* v = arena.make(ValueKind::kUnknown, node);
      if (v != nullptr) v->reason = "value is not known before deployment";
      return v;
    }
  }
  return nullptr;
}

}  // namespace genlens::core
