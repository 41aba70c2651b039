#include "formats/terraform/eval_support.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace genlens::formats::terraform {

bool is_error(const core::Value* v) {
  return v != nullptr && v->kind == core::ValueKind::kUnknown &&
         v->reason.compare(0, kErrorPrefix.size(), kErrorPrefix) == 0;
}

std::string number_text(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == std::floor(d) && std::fabs(d) < 1e21) {
    if (d == 0) return "0";
    return fmt::format("{:.0f}", d);
  }
  return fmt::format("{}", d);
}

bool equal_values(const core::Value* a, const core::Value* b) {
  using core::ValueKind;
  if (a == nullptr || b == nullptr) return a == b;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case ValueKind::kNull:
      return true;
    case ValueKind::kBool:
      return a->boolean == b->boolean;
    case ValueKind::kNumber:
      return a->number == b->number;
    case ValueKind::kString:
      return !a->partial && !b->partial && a->text == b->text;
    case ValueKind::kList:
      if (a->items.size() != b->items.size()) return false;
      for (size_t i = 0; i < a->items.size(); ++i) {
        if (!equal_values(a->items[i], b->items[i])) return false;
      }
      return true;
    case ValueKind::kMap: {
      const auto ea = detail::sorted_entries(a);
      const auto eb = detail::sorted_entries(b);
      if (ea.size() != eb.size()) return false;
      for (size_t i = 0; i < ea.size(); ++i) {
        if (ea[i].first != eb[i].first || !equal_values(ea[i].second, eb[i].second)) return false;
      }
      return true;
    }
    case ValueKind::kUnknown:
      return false;
  }
  return false;
}

namespace detail {

const Value* Ctx::unknown(std::string reason) const {
  Value* v = arena.make(ValueKind::kUnknown, at);
  if (v != nullptr) v->reason = std::move(reason);
  return v;
}

const Value* Ctx::error(const std::string& reason) const {
  if (name.empty()) return unknown(fmt::format("{}{}", kErrorPrefix, reason));
  return unknown(fmt::format("{}{}: {}", kErrorPrefix, name, reason));
}

const Value* Ctx::propagate(const Value* v) const {
  if (v == nullptr) return nullptr;
  if (v->kind == ValueKind::kUnknown && v->origin == at) return v;
  std::string reason = v->reason;
  if (reason.empty()) reason = "value is not known before apply";
  return unknown(std::move(reason));
}

Value* Ctx::str(std::string text) const {
  Value* v = arena.make(ValueKind::kString, at);
  if (v != nullptr) v->text = std::move(text);
  return v;
}

Value* Ctx::num(double d) const {
  Value* v = arena.make(ValueKind::kNumber, at);
  if (v != nullptr) {
    v->number = d;
    v->text = number_text(d);
  }
  return v;
}

Value* Ctx::boolean(bool b) const {
  Value* v = arena.make(ValueKind::kBool, at);
  if (v != nullptr) {
    v->boolean = b;
    v->text = b ? "true" : "false";
  }
  return v;
}

Value* Ctx::null() const { return arena.make(ValueKind::kNull, at); }
Value* Ctx::list() const { return arena.make(ValueKind::kList, at); }
Value* Ctx::map() const { return arena.make(ValueKind::kMap, at); }

const char* type_name(const Value* v) {
  if (v == nullptr) return "null";
  switch (v->kind) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBool:
      return "bool";
    case ValueKind::kNumber:
      return "number";
    case ValueKind::kString:
      return "string";
    case ValueKind::kList:
      return "list";
    case ValueKind::kMap:
      return "object";
    case ValueKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

namespace {
const Value* first_unknown_depth(const Value* v, int depth) {
  if (v == nullptr) return nullptr;
  if (depth > kMaxDepth) return v;
  if (!v->known() || v->partial) return v;
  for (const Value* i : v->items) {
    if (const Value* u = first_unknown_depth(i, depth + 1)) return u;
  }
  for (const auto& e : v->entries) {
    if (const Value* u = first_unknown_depth(e.second, depth + 1)) return u;
  }
  return nullptr;
}
}  // namespace

const Value* first_unknown(const Value* v) { return first_unknown_depth(v, 0); }
bool wholly_known(const Value* v) { return first_unknown(v) == nullptr; }

std::optional<double> to_number(const Value* v) {
  if (v == nullptr) return std::nullopt;
  if (v->kind == ValueKind::kNumber) return v->number;
  if (v->kind != ValueKind::kString || v->partial || v->text.empty()) return std::nullopt;
  const std::string& t = v->text;
  // HCL accepts decimal numbers with optional sign, fraction and exponent.
  size_t i = (t[0] == '-' || t[0] == '+') ? 1 : 0;
  if (i >= t.size() || !(std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.')) {
    return std::nullopt;
  }
  char* end = nullptr;
  const double d = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size()) return std::nullopt;
  return d;
}

std::optional<std::string> to_text(const Value* v) {
  if (v == nullptr) return std::nullopt;
  switch (v->kind) {
    case ValueKind::kString:
      if (v->partial) return std::nullopt;
      return v->text;
    case ValueKind::kNumber:
      return number_text(v->number);
    case ValueKind::kBool:
      return v->boolean ? "true" : "false";
    default:
      return std::nullopt;
  }
}

std::optional<bool> to_bool(const Value* v) {
  if (v == nullptr) return std::nullopt;
  if (v->kind == ValueKind::kBool) return v->boolean;
  if (v->kind == ValueKind::kString && !v->partial) {
    if (v->text == "true") return true;
    if (v->text == "false") return false;
  }
  return std::nullopt;
}

std::optional<long long> to_integer(const Value* v) {
  const std::optional<double> d = to_number(v);
  if (!d || *d != std::floor(*d) || std::fabs(*d) > 9007199254740992.0) return std::nullopt;
  return static_cast<long long>(*d);
}

bool is_collection(const Value* v) { return v != nullptr && (v->is_list() || v->is_map()); }

std::vector<std::pair<std::string, const Value*>> sorted_entries(const Value* map) {
  std::vector<std::pair<std::string, const Value*>> out;
  if (map == nullptr) return out;
  out.reserve(map->entries.size());
  for (auto it = map->entries.rbegin(); it != map->entries.rend(); ++it) out.push_back(*it);
  // Reverse + stable sort + unique keeps the last of duplicate keys.
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& a, const auto& b) { return a.first == b.first; }),
            out.end());
  return out;
}

void StringBuilder::literal(std::string_view text, const Node* origin, size_t origin_offset) {
  if (text.empty() || too_large_) return;
  if (text_.size() + text.size() > kMaxStringBytes) {
    too_large_ = true;
    return;
  }
  if (origin != nullptr) segments_.push_back({text_.size(), origin_offset, origin});
  text_.append(text);
}

void StringBuilder::mark(const std::string& reason) {
  if (!text_.empty() && text_.back() == core::kUnknownMark) {
    // Adjacent unknown runs merge into one.
  } else {
    text_.push_back(core::kUnknownMark);
  }
  partial_ = true;
  if (reason_.empty()) reason_ = reason.empty() ? "value is not known before apply" : reason;
}

const Value* StringBuilder::value(const Value* v) {
  if (v == nullptr) return nullptr;
  switch (v->kind) {
    case ValueKind::kUnknown:
      mark(v->reason);
      return nullptr;
    case ValueKind::kString: {
      if (too_large_) return nullptr;
      if (text_.size() + v->text.size() > kMaxStringBytes) {
        too_large_ = true;
        return nullptr;
      }
      const size_t base = text_.size();
      if (!v->segments.empty()) {
        for (core::StringSegment s : v->segments) {
          s.out_offset += base;
          segments_.push_back(s);
        }
      } else if (!v->text.empty()) {
        // The scalar the text is written in: the value's origin, or where a
        // value from the scope came from.
        const Node* o = v->origin;
        if ((o == nullptr || !o->is_scalar()) && !v->provenance.empty()) o = v->provenance.front();
        if (o != nullptr && o->is_scalar() && o->text == v->text) segments_.push_back({base, 0, o});
      }
      text_.append(v->text);
      if (v->partial) {
        partial_ = true;
        if (reason_.empty()) reason_ = v->reason;
      }
      for (const Node* p : v->provenance) provenance_.push_back(p);
      return nullptr;
    }
    case ValueKind::kNumber:
    case ValueKind::kBool:
      literal(*to_text(v));
      for (const Node* p : v->provenance) provenance_.push_back(p);
      return nullptr;
    case ValueKind::kNull:
      return ctx_.error("cannot include a null value in a string template");
    default:
      return ctx_.error(fmt::format("cannot include a {} in a string template", type_name(v)));
  }
}

const Value* StringBuilder::finish() {
  if (too_large_) return ctx_.too_large();
  Value* v = ctx_.arena.make(ValueKind::kString, ctx_.at);
  if (v == nullptr) return nullptr;
  v->text = std::move(text_);
  v->partial = partial_;
  v->reason = std::move(reason_);
  v->segments = std::move(segments_);
  v->provenance = std::move(provenance_);
  return v;
}

}  // namespace detail
}  // namespace genlens::formats::terraform

namespace genlens::formats::terraform::detail {

const Value* arg_string(const Ctx& c, const Value* v, std::string& out) {
  if (v == nullptr) return nullptr;
  if (!v->known() || v->partial) return c.propagate(v);
  if (v->kind == ValueKind::kNull) return c.error("argument must not be null");
  const std::optional<std::string> t = to_text(v);
  if (!t) return c.error(fmt::format("a string is required, not a {}", type_name(v)));
  out = *t;
  return nullptr;
}

const Value* arg_number(const Ctx& c, const Value* v, double& out) {
  if (v == nullptr) return nullptr;
  if (!v->known() || v->partial) return c.propagate(v);
  if (v->kind == ValueKind::kNull) return c.error("argument must not be null");
  const std::optional<double> d = to_number(v);
  if (!d) return c.error(fmt::format("a number is required, not a {}", type_name(v)));
  out = *d;
  return nullptr;
}

const Value* arg_integer(const Ctx& c, const Value* v, long long& out) {
  double d = 0;
  if (const Value* e = arg_number(c, v, d)) return e;
  const std::optional<long long> i = to_integer(v);
  if (!i) return c.error(fmt::format("a whole number is required, not {}", number_text(d)));
  out = *i;
  return nullptr;
}

const Value* arg_list(const Ctx& c, const Value* v) {
  if (v == nullptr) return nullptr;
  if (!v->known()) return c.propagate(v);
  if (v->kind == ValueKind::kNull) return c.error("argument must not be null");
  if (!v->is_list()) return c.error(fmt::format("a list is required, not a {}", type_name(v)));
  return nullptr;
}

std::vector<std::string_view> utf8_chars(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (i + n > s.size()) n = 1;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace genlens::formats::terraform::detail
