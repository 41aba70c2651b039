// Collection functions: length, element, keys/values, lookup, merge,
// concat, flatten, distinct, sets, conversions, slicing and sorting.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "formats/terraform/eval_support.h"

namespace genlens::formats::terraform::detail {
namespace {

Value* copy_list(const Ctx& c, const std::vector<const Value*>& items) {
  Value* out = c.list();
  if (out != nullptr) out->items = items;
  return out;
}

// Dedupes known values (first occurrence kept); a set of strings is sorted
// lexically, as Terraform orders it. Unknown elements make the set Unknown
// (they might equal another element).
const Value* make_set(const Ctx& c, const std::vector<const Value*>& in) {
  std::vector<const Value*> out;
  bool all_strings = true;
  for (const Value* v : in) {
    if (const Value* u = first_unknown(v)) return c.propagate(u);
    if (std::none_of(out.begin(), out.end(), [&](const Value* o) { return equal_values(o, v); })) {
      out.push_back(v);
    }
    all_strings = all_strings && v->is_string();
  }
  if (all_strings) {
    std::stable_sort(out.begin(), out.end(),
                     [](const Value* x, const Value* y) { return x->text < y->text; });
  }
  return copy_list(c, out);
}

const Value* fn_length(const Ctx& c, const Args& a) {
  const Value* v = a[0];
  if (v->is_list()) return c.num(static_cast<double>(v->items.size()));
  if (v->is_map()) return c.num(static_cast<double>(sorted_entries(v).size()));
  std::string s;
  if (v->is_string() && v->partial) return c.propagate(v);
  if (v->kind != ValueKind::kString) {
    return c.error(fmt::format("cannot take the length of a {}", type_name(v)));
  }
  if (const Value* e = arg_string(c, v, s)) return e;
  return c.num(static_cast<double>(utf8_chars(s).size()));
}

const Value* fn_element(const Ctx& c, const Args& a) {
  long long i = 0;
  if (const Value* e = arg_list(c, a[0])) return e;
  if (const Value* e = arg_integer(c, a[1], i)) return e;
  if (a[0]->items.empty()) return c.error("cannot use element function with an empty list");
  if (i < 0) return c.error("index must not be negative");
  return a[0]->items[static_cast<size_t>(i) % a[0]->items.size()];
}

const Value* need_map(const Ctx& c, const Value* v) {
  if (v->kind == ValueKind::kNull) return c.error("argument must not be null");
  if (!v->is_map())
    return c.error(fmt::format("a map or object is required, not a {}", type_name(v)));
  return nullptr;
}

const Value* fn_keys(const Ctx& c, const Args& a) {
  if (const Value* e = need_map(c, a[0])) return e;
  Value* out = c.list();
  if (out == nullptr) return nullptr;
  for (const auto& [k, v] : sorted_entries(a[0])) {
    Value* s = c.str(k);
    if (s == nullptr) return nullptr;
    out->items.push_back(s);
  }
  return out;
}

const Value* fn_values(const Ctx& c, const Args& a) {
  if (const Value* e = need_map(c, a[0])) return e;
  Value* out = c.list();
  if (out == nullptr) return nullptr;
  for (const auto& [k, v] : sorted_entries(a[0])) out->items.push_back(v);
  return out;
}

const Value* fn_lookup(const Ctx& c, const Args& a) {
  if (const Value* e = need_map(c, a[0])) return e;
  std::string key;
  if (const Value* e = arg_string(c, a[1], key)) return e;
  for (const auto& [k, v] : sorted_entries(a[0])) {
    if (k == key) return v;
  }
  if (a.size() > 2) return a[2];
  return c.error(fmt::format("the map has no key \"{}\" and no default was given", key));
}

const Value* fn_merge(const Ctx& c, const Args& a) {
  Value* out = c.map();
  if (out == nullptr) return nullptr;
  for (const Value* m : a) {
    if (m->kind == ValueKind::kNull) continue;
    if (!m->is_map())
      return c.error(fmt::format("arguments must be maps or objects, not a {}", type_name(m)));
    for (const auto& entry : m->entries) {
      // (not a structured binding: clang 14 cannot capture one in a lambda)
      const std::string& k = entry.first;
      const Value* v = entry.second;
      auto it = std::find_if(out->entries.begin(), out->entries.end(),
                             [&](const auto& e) { return e.first == k; });
      if (it != out->entries.end()) {
        it->second = v;
      } else {
        out->entries.emplace_back(k, v);
      }
    }
    if (out->entries.size() > kMaxElements) return c.too_large();
  }
  return out;
}

const Value* fn_concat(const Ctx& c, const Args& a) {
  Value* out = c.list();
  if (out == nullptr) return nullptr;
  for (const Value* l : a) {
    if (const Value* e = arg_list(c, l)) return e;
    if (out->items.size() + l->items.size() > kMaxElements) return c.too_large();
    out->items.insert(out->items.end(), l->items.begin(), l->items.end());
  }
  return out;
}

// coalesce: the first argument that is not null or "". An Unknown before it
// makes the result Unknown (it might be null).
const Value* fn_coalesce(const Ctx& c, const Args& a) {
  for (const Value* v : a) {
    if (!v->known() || v->partial) return c.propagate(v);
    if (v->kind == ValueKind::kNull || (v->is_string() && v->text.empty())) continue;
    return v;
  }
  return c.error("no non-null, non-empty-string arguments");
}

const Value* fn_coalescelist(const Ctx& c, const Args& a) {
  for (const Value* v : a) {
    if (!v->known()) return c.propagate(v);
    if (v->kind == ValueKind::kNull) continue;
    if (!v->is_list())
      return c.error(fmt::format("arguments must be lists, not a {}", type_name(v)));
    if (!v->items.empty()) return v;
  }
  return c.error("no non-empty list arguments");
}

const Value* fn_tolist(const Ctx& c, const Args& a) {
  if (a[0]->kind == ValueKind::kNull) return c.null();
  if (const Value* e = arg_list(c, a[0])) return e;
  return copy_list(c, a[0]->items);
}

const Value* fn_toset(const Ctx& c, const Args& a) {
  if (a[0]->kind == ValueKind::kNull) return c.null();
  if (const Value* e = arg_list(c, a[0])) return e;
  return make_set(c, a[0]->items);
}

const Value* fn_tomap(const Ctx& c, const Args& a) {
  if (a[0]->kind == ValueKind::kNull) return c.null();
  if (const Value* e = need_map(c, a[0])) return e;
  Value* out = c.map();
  if (out != nullptr) out->entries = sorted_entries(a[0]);
  return out;
}

const Value* fn_contains(const Ctx& c, const Args& a) {
  if (const Value* e = arg_list(c, a[0])) return e;
  if (const Value* u = first_unknown(a[1])) return c.propagate(u);
  const Value* unknown = nullptr;
  for (const Value* v : a[0]->items) {
    if (const Value* u = first_unknown(v)) {
      if (unknown == nullptr) unknown = u;
    } else if (equal_values(v, a[1])) {
      return c.boolean(true);
    }
  }
  if (unknown != nullptr) return c.propagate(unknown);
  return c.boolean(false);
}

bool flatten_into(const Ctx& c, const Value* l, std::vector<const Value*>& out, int depth,
                  const Value*& stop) {
  for (const Value* v : l->items) {
    if (!v->known()) {
      stop = c.propagate(v);  // an unknown might be a list to flatten
      return false;
    }
    if (v->is_list()) {
      if (depth > kMaxDepth) {
        stop = c.unknown("flatten: list nested too deeply to evaluate");
        return false;
      }
      if (!flatten_into(c, v, out, depth + 1, stop)) return false;
    } else {
      out.push_back(v);
    }
    if (out.size() > kMaxElements) {
      stop = c.too_large();
      return false;
    }
  }
  return true;
}

const Value* fn_flatten(const Ctx& c, const Args& a) {
  if (const Value* e = arg_list(c, a[0])) return e;
  std::vector<const Value*> out;
  const Value* stop = nullptr;
  if (!flatten_into(c, a[0], out, 0, stop)) return stop;
  return copy_list(c, out);
}

const Value* fn_distinct(const Ctx& c, const Args& a) {
  if (const Value* e = arg_list(c, a[0])) return e;
  std::vector<const Value*> out;
  for (const Value* v : a[0]->items) {
    if (const Value* u = first_unknown(v)) return c.propagate(u);
    if (std::none_of(out.begin(), out.end(), [&](const Value* o) { return equal_values(o, v); })) {
      out.push_back(v);
    }
  }
  return copy_list(c, out);
}

const Value* fn_zipmap(const Ctx& c, const Args& a) {
  if (const Value* e = arg_list(c, a[0])) return e;
  if (const Value* e = arg_list(c, a[1])) return e;
  if (a[0]->items.size() != a[1]->items.size()) {
    return c.error("the keys and values lists must have the same length");
  }
  Value* out = c.map();
  if (out == nullptr) return nullptr;
  for (size_t i = 0; i < a[0]->items.size(); ++i) {
    std::string k;
    if (const Value* e = arg_string(c, a[0]->items[i], k)) return e;
    out->entries.emplace_back(k, a[1]->items[i]);
  }
  out->entries = sorted_entries(out);
  return out;
}

const Value* fn_compact(const Ctx& c, const Args& a) {
  if (const Value* e = arg_list(c, a[0])) return e;
  Value* out = c.list();
  if (out == nullptr) return nullptr;
  for (const Value* v : a[0]->items) {
    if (!v->known() || v->partial) return c.propagate(v);
    if (v->kind == ValueKind::kNull || (v->is_string() && v->text.empty())) continue;
    out->items.push_back(v);
  }
  return out;
}

const Value* fn_slice(const Ctx& c, const Args& a) {
  long long from = 0;
  long long to = 0;
  if (const Value* e = arg_list(c, a[0])) return e;
  if (const Value* e = arg_integer(c, a[1], from)) return e;
  if (const Value* e = arg_integer(c, a[2], to)) return e;
  const auto n = static_cast<long long>(a[0]->items.size());
  if (from < 0 || to > n || from > to) {
    return c.error(fmt::format("indexes {}..{} out of range for a list of {}", from, to, n));
  }
  return copy_list(c,
                   std::vector<const Value*>(a[0]->items.begin() + from, a[0]->items.begin() + to));
}

const Value* fn_reverse(const Ctx& c, const Args& a) {
  if (const Value* e = arg_list(c, a[0])) return e;
  return copy_list(c, std::vector<const Value*>(a[0]->items.rbegin(), a[0]->items.rend()));
}

const Value* fn_sort(const Ctx& c, const Args& a) {
  if (const Value* e = arg_list(c, a[0])) return e;
  std::vector<std::pair<std::string, const Value*>> keyed;
  for (const Value* v : a[0]->items) {
    std::string s;
    if (const Value* e = arg_string(c, v, s)) return e;
    keyed.emplace_back(s, v->is_string() ? v : nullptr);
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  Value* out = c.list();
  if (out == nullptr) return nullptr;
  for (auto& [s, v] : keyed) {
    const Value* item = v != nullptr ? v : c.str(s);
    if (item == nullptr) return nullptr;
    out->items.push_back(item);
  }
  return out;
}

const Value* fn_one(const Ctx& c, const Args& a) {
  if (const Value* e = arg_list(c, a[0])) return e;
  if (a[0]->items.empty()) return c.null();
  if (a[0]->items.size() > 1) return c.error("must be a list of no more than one element");
  return a[0]->items[0];
}

const Value* set_op(const Ctx& c, const Args& a, int op) {  // 0 union, 1 intersection, 2 subtract
  for (const Value* l : a) {
    if (const Value* e = arg_list(c, l)) return e;
    if (const Value* u = first_unknown(l)) return c.propagate(u);
  }
  auto has = [](const Value* l, const Value* v) {
    return std::any_of(l->items.begin(), l->items.end(),
                       [&](const Value* x) { return equal_values(x, v); });
  };
  std::vector<const Value*> out;
  for (size_t i = 0; i < a.size(); ++i) {
    if (op != 0 && i > 0) break;
    for (const Value* v : a[i]->items) {
      bool keep = true;
      for (size_t j = 1; j < a.size() && op != 0; ++j) keep = keep && (op == 1) == has(a[j], v);
      if (keep) out.push_back(v);
    }
  }
  return make_set(c, out);
}
const Value* fn_setunion(const Ctx& c, const Args& a) { return set_op(c, a, 0); }
const Value* fn_setintersection(const Ctx& c, const Args& a) { return set_op(c, a, 1); }
const Value* fn_setsubtract(const Ctx& c, const Args& a) { return set_op(c, a, 2); }

const Value* fn_index(const Ctx& c, const Args& a) {
  if (const Value* e = arg_list(c, a[0])) return e;
  if (const Value* u = first_unknown(a[1])) return c.propagate(u);
  for (size_t i = 0; i < a[0]->items.size(); ++i) {
    if (const Value* u = first_unknown(a[0]->items[i])) return c.propagate(u);
    if (equal_values(a[0]->items[i], a[1])) return c.num(static_cast<double>(i));
  }
  return c.error("item not found");
}

}  // namespace

void add_collection_functions(Registry& r) {
  r["length"] = {fn_length, 1, 1, false};
  r["element"] = {fn_element, 2, 2, false};
  r["keys"] = {fn_keys, 1, 1, false};
  r["values"] = {fn_values, 1, 1, false};
  r["lookup"] = {fn_lookup, 2, 3, false};
  r["merge"] = {fn_merge, 0, -1, false};
  r["concat"] = {fn_concat, 0, -1, false};
  r["coalesce"] = {fn_coalesce, 1, -1, true};
  r["coalescelist"] = {fn_coalescelist, 1, -1, true};
  r["tolist"] = {fn_tolist, 1, 1, false};
  r["toset"] = {fn_toset, 1, 1, false};
  r["tomap"] = {fn_tomap, 1, 1, false};
  r["contains"] = {fn_contains, 2, 2, true};
  r["flatten"] = {fn_flatten, 1, 1, false};
  r["distinct"] = {fn_distinct, 1, 1, false};
  r["zipmap"] = {fn_zipmap, 2, 2, false};
  r["compact"] = {fn_compact, 1, 1, false};
  r["slice"] = {fn_slice, 3, 3, false};
  r["reverse"] = {fn_reverse, 1, 1, false};
  r["sort"] = {fn_sort, 1, 1, false};
  r["one"] = {fn_one, 1, 1, false};
  r["setunion"] = {fn_setunion, 1, -1, false};
  r["setintersection"] = {fn_setintersection, 1, -1, false};
  r["setsubtract"] = {fn_setsubtract, 2, 2, false};
  r["index"] = {fn_index, 2, 2, false};
}

}  // namespace genlens::formats::terraform::detail
