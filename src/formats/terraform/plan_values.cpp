// Plan JSON: a resource's value from `values` and `after_unknown`.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "formats/terraform/plan.h"

namespace genlens::formats::terraform::plan {
namespace {

using core::Node;
using core::Value;
using core::ValueKind;

bool is_true(const Node* u) {
  return u != nullptr && u->is_scalar() && u->scalar_type == core::ScalarType::kBool &&
         u->text == "true";
}

bool is_null(const Node* v) {
  return v == nullptr || (v->is_scalar() && v->scalar_type == core::ScalarType::kNull);
}

// What an attribute or block not set in the configuration is in `values`:
// null, or an empty list of blocks. Left out, as from a .tf file's value,
// so `exists` and `absent` read the same on both.
bool unset(const Node* v) { return is_null(v) || (v->is_sequence() && v->children.empty()); }

// An expression representation: what an attribute's configuration is.
bool is_expression(const Node* e) {
  return e->find("constant_value") != nullptr || e->find("references") != nullptr;
}

// The configuration shows `e` as one nested block (NestingSingle or
// NestingGroup): an object of expressions. An empty object is not taken
// for one (an expression Terraform could not represent looks the same).
bool single_block(const Node* e) {
  if (e == nullptr || !e->is_map() || e->children.empty() || is_expression(e)) return false;
  return std::any_of(e->children.begin(), e->children.end(),
                     [](const Node* c) { return c->is_map() && is_expression(c); });
}

class Builder {
 public:
  Builder(core::ValueArena& arena, Issues& issues) : arena_(arena), issues_(issues) {}

  // A resource's whole value: an object, empty when `values` is missing.
  const Value* resource(const Node* v, const Node* u, const Node* exprs, TfSpot tf,
                        const Node* at) {
    if (v != nullptr || is_true(u)) return build(v, u, exprs, tf);
    return map(nullptr, u, exprs, tf, tf.node != nullptr ? tf.node : at);
  }

  // `v`: the planned value (may be null); `u`: its after_unknown (may be
  // null); `exprs`: its configuration expressions (may be null).
  const Value* build(const Node* v, const Node* u, const Node* exprs, TfSpot tf) {
    const Node* origin = tf.node != nullptr ? tf.node : (v != nullptr ? v : u);
    if (is_true(u)) return unknown(origin, fmt::format("{} is known after apply", shown()));
    const bool u_known =
        u == nullptr || (u->is_scalar() && u->scalar_type == core::ScalarType::kBool);
    if (v != nullptr && v->is_map() && (u_known || u->is_map()))
      return map(v, u, exprs, tf, origin);
    if (v != nullptr && v->is_sequence() && (u_known || u->is_sequence())) {
      return list(v, u, exprs, tf, origin);
    }
    if (is_null(v) && u != nullptr && u->is_map()) return map(nullptr, u, exprs, tf, origin);
    if (is_null(v) && u != nullptr && u->is_sequence()) return list(nullptr, u, exprs, tf, origin);
    if (!u_known) {
      issues_.error(u, "after_unknown does not have the shape of the planned value");
      return unknown(origin, fmt::format("the plan does not say whether {} is known", shown()));
    }
    if (v == nullptr) return unknown(origin, fmt::format("the plan has no value for {}", shown()));
    const Value* lit = core::literal_value(arena_, v);
    if (lit == nullptr || tf.node == nullptr) return lit;
    Value* moved = arena_.make(lit->kind, origin);
    if (moved == nullptr) return nullptr;
    *moved = *lit;
    moved->origin = origin;
    return moved;
  }

 private:
  const Value* map(const Node* v, const Node* u, const Node* exprs, TfSpot tf, const Node* origin) {
    Value* out = arena_.make(ValueKind::kMap, origin);
    if (out == nullptr) return nullptr;
    const Node* uu = u != nullptr && u->is_map() ? u : nullptr;
    const Node* ee = exprs != nullptr && exprs->is_map() ? exprs : nullptr;
    auto entry = [&](const std::string& key, const Node* cv, const Node* cu) {
      const Node* ce = ee != nullptr ? ee->find(key) : nullptr;
      const TfSpot ctf = tf_member(tf, key);
      path_.push_back(PathStep{key, std::nullopt});
      const Value* cval = nullptr;
      if (cv != nullptr && cv->is_map() && single_block(ce)) {
        cval = wrapped(cv, cu, ce, ctf);
      } else {
        cval = build(cv, cu, ce, ctf);
      }
      path_.pop_back();
      if (cval == nullptr) return false;
      out->entries.emplace_back(key, cval);
      return true;
    };
    if (v != nullptr) {
      for (const Node* c : v->children) {
        const Node* cu = uu != nullptr ? uu->find(c->key) : nullptr;
        if (unset(c) && !any_true(cu)) continue;
        if (!entry(c->key, c, cu)) return nullptr;
      }
    }
    if (uu != nullptr) {
      for (const Node* c : uu->children) {
        if ((v != nullptr && v->find(c->key) != nullptr) || !any_true(c)) continue;
        if (!entry(c->key, nullptr, c)) return nullptr;
      }
    }
    return out;
  }

  // A single nested block, shaped as the HCL reader shapes blocks: a list
  // of one.
  const Value* wrapped(const Node* v, const Node* u, const Node* exprs, TfSpot tf) {
    Value* out = arena_.make(ValueKind::kList, tf.node != nullptr ? tf.node : v);
    if (out == nullptr) return nullptr;
    path_.push_back(PathStep{"", 0});
    const Value* item = build(v, u, exprs, tf_item(tf, 0, {v}));
    path_.pop_back();
    if (item == nullptr) return nullptr;
    out->items.push_back(item);
    return out;
  }

  const Value* list(const Node* v, const Node* u, const Node* exprs, TfSpot tf,
                    const Node* origin) {
    Value* out = arena_.make(ValueKind::kList, origin);
    if (out == nullptr) return nullptr;
    const Node* uu = u != nullptr && u->is_sequence() ? u : nullptr;
    const std::vector<Node*> none;
    const std::vector<Node*>& vs = v != nullptr ? v->children : none;
    const std::vector<Node*>& us = uu != nullptr ? uu->children : none;
    const std::vector<const Node*> planned(vs.begin(), vs.end());
    // Nested blocks: every item has the block's schema; the first
    // configured block tells which of its parts are single blocks.
    const Node* ce = exprs != nullptr && exprs->is_sequence() && !exprs->children.empty()
                         ? exprs->children.front()
                         : nullptr;
    for (size_t i = 0; i < std::max(vs.size(), us.size()); ++i) {
      const Node* cv = i < vs.size() ? vs[i] : nullptr;
      const Node* cu = i < us.size() ? us[i] : nullptr;
      if (cv == nullptr && !any_true(cu)) continue;
      path_.push_back(PathStep{"", i});
      const Value* item = build(cv, cu, ce, tf_item(tf, i, planned));
      path_.pop_back();
      if (item == nullptr) return nullptr;
      out->items.push_back(item);
    }
    return out;
  }

  const Value* unknown(const Node* origin, std::string reason) {
    Value* out = arena_.make(ValueKind::kUnknown, origin);
    if (out != nullptr) out->reason = std::move(reason);
    return out;
  }

  [[nodiscard]] std::string shown() const {
    return path_.empty() ? std::string("the resource") : path_text(path_);
  }

  // `u` marks something Unknown (memoised: asked again for each level).
  bool any_true(const Node* u) {
    if (u == nullptr) return false;
    if (is_true(u)) return true;
    if (u->children.empty()) return false;
    auto [it, fresh] = any_true_.try_emplace(u, false);
    if (!fresh) return it->second;
    bool found = false;
    for (const Node* c : u->children) {
      if (any_true(c)) {
        found = true;
        break;
      }
    }
    any_true_[u] = found;
    return found;
  }

  core::ValueArena& arena_;
  Issues& issues_;
  std::vector<PathStep> path_;
  std::unordered_map<const Node*, bool> any_true_;
};

}  // namespace

const Value* resource_value(core::ValueArena& arena, Issues& issues, const Node* values,
                            const Node* after_unknown, const Node* expressions, TfSpot tf,
                            const Node* resource) {
  return Builder(arena, issues).resource(values, after_unknown, expressions, tf, resource);
}

}  // namespace genlens::formats::terraform::plan
