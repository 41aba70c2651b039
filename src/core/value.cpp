#include "genlens/core/value.h"

#include <cmath>
#include <cstdlib>

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

std::optional<double> yaml_number(std::string_view text) {
  std::string t(text);
  if (t.empty()) return std::nullopt;
  const bool neg = t[0] == '-';
  if (t[0] == '-' || t[0] == '+') t.erase(0, 1);
  const double sign = neg ? -1.0 : 1.0;
  if (t == ".inf" || t == ".Inf" || t == ".INF") return sign * HUGE_VAL;
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return std::nan("");
  int base = 10;
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'o')) {
    base = t[1] == 'x' ? 16 : 8;
    t.erase(0, 2);
  }
  char* end = nullptr;
  const double d = base == 10 ? std::strtod(t.c_str(), &end)
                              : static_cast<double>(std::strtoull(t.c_str(), &end, base));
  if (end == t.c_str() || *end != '\0') return std::nullopt;
  return sign * d;
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
            if (const std::optional<double> d = yaml_number(node->text)) {
              v->number = *d;
            } else {
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

const Value* at_use_site(ValueArena& arena, const Value* v, const Node* at) {
  if (v == nullptr || at == nullptr || v->origin == at) return v;
  Value* copy = arena.make(v->kind, at);
  if (copy == nullptr) return nullptr;
  *copy = *v;
  copy->origin = at;
  std::vector<const Node*> prov;
  if (v->origin != nullptr) prov.push_back(v->origin);
  prov.insert(prov.end(), v->provenance.begin(), v->provenance.end());
  copy->provenance = std::move(prov);
  return copy;
}

std::optional<double> number_value(const Value* v) {
  if (v->kind == ValueKind::kNumber) return v->number;
  if (v->kind != ValueKind::kString || v->text.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(v->text.c_str(), &end);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return d;
}

}  // namespace genlens::core
