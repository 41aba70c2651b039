// Plan JSON: References from the configuration's expressions, as the .tf
// adapter records them (target = the resource's address without key).
#include <set>
#include <tuple>
#include <utility>

#include "formats/terraform/plan.h"

namespace genlens::formats::terraform::plan {
namespace {

Reference reference(ReferenceKind kind, const std::string& target, const core::Node* at,
                    const std::string& scope, const std::string& attribute_path) {
  Reference r;
  r.kind = kind;
  r.target = target;
  r.at = at;
  r.from_path = at->path();
  r.scope = scope;
  r.attribute_path = attribute_path;
  return r;
}

using core::Node;
using core::NodeKind;
using core::Value;

const Value* value_at(const Value* v, const std::vector<PathStep>& path) {
  for (const PathStep& s : path) {
    if (v == nullptr) return nullptr;
    if (s.index.has_value()) {
      v = v->is_list() && *s.index < v->items.size() ? v->items[*s.index] : nullptr;
    } else {
      v = v->is_map() ? v->find(s.key) : nullptr;
    }
  }
  return v;
}

TfSpot tf_at(TfSpot tf, const std::vector<PathStep>& path) {
  for (const PathStep& s : path) {
    if (s.index.has_value()) {
      const bool seq = tf.node != nullptr && tf.exact && tf.node->is_sequence();
      tf = seq && *s.index < tf.node->children.size() ? TfSpot{tf.node->children[*s.index], true}
                                                      : TfSpot{tf.node, false};
    } else {
      tf = tf_member(tf, s.key);
    }
  }
  return tf;
}

class Collector {
 public:
  Collector(const ModuleInstance& m, const Value* value, TfSpot tf, Issues& issues)
      : m_(m), value_(value), tf_(tf), issues_(issues) {}

  std::vector<Reference> run(const Node* config) {
    block(issues_.member(config, "expressions", NodeKind::kMap, false));
    const Node* deps = issues_.member(config, "depends_on", NodeKind::kSequence, false);
    if (deps != nullptr) {
      for (const Node* d : deps->children) {
        if (!d->is_scalar()) continue;
        const std::optional<std::string> target = reference_target(d->text);
        if (!target.has_value()) continue;
        const std::vector<PathStep> path{{"depends_on", std::nullopt}, {"", d->index}};
        const TfSpot spot = tf_at(tf_, path);
        const Node* at = tf_.node == nullptr ? d : (spot.exact ? spot.node : tf_.node);
        out_.push_back(reference(ReferenceKind::kDependsOn, *target, at, "", path_text(path)));
      }
    }
    return std::move(out_);
  }

 private:
  // A block-expressions representation: attributes and nested blocks.
  void block(const Node* exprs) {
    if (exprs == nullptr || !exprs->is_map()) return;
    for (const Node* c : exprs->children) {
      path_.push_back(PathStep{c->key, std::nullopt});
      if (c->is_map() &&
          (c->find("references") != nullptr || c->find("constant_value") != nullptr)) {
        expression(c);
      } else if (c->is_sequence()) {
        for (const Node* item : c->children) {
          path_.push_back(PathStep{"", item->index});
          block(item);
          path_.pop_back();
        }
      } else if (c->is_map()) {
        // A single nested block (a list of one in the value) or a map of
        // labelled blocks.
        const Value* v = value_at(value_, path_);
        const bool listed = v != nullptr && v->is_list();
        if (listed) path_.push_back(PathStep{"", 0});
        if (listed) {
          block(c);
        } else {
          for (const Node* labelled : c->children) {
            path_.push_back(PathStep{labelled->key, std::nullopt});
            block(labelled);
            path_.pop_back();
          }
        }
        if (listed) path_.pop_back();
      }
      path_.pop_back();
    }
  }

  void expression(const Node* expr) {
    const Node* refs = issues_.member(expr, "references", NodeKind::kSequence, false);
    if (refs == nullptr) return;
    for (const Node* r : refs->children) {
      if (!r->is_scalar() || r->scalar_type != core::ScalarType::kString) {
        issues_.error(r, "a reference must be a string");
        continue;
      }
      add(m_, r->text, expr, 0);
    }
  }

  // `ref` written in module instance `m` (the resource's, or a caller's
  // argument that the resource's `var.` reference leads to).
  void add(const ModuleInstance& m, const std::string& ref, const Node* expr, size_t depth) {
    if (ref.rfind("var.", 0) == 0) {
      // A module argument: what the calling module wrote for it.
      const size_t end = ref.find_first_of(".[", 4);
      const std::string name = ref.substr(4, end == std::string::npos ? end : end - 4);
      if (m.parent == nullptr || m.call == nullptr || depth > 64) return;
      const Node* args = m.call->find("expressions");
      const Node* arg = args != nullptr && args->is_map() ? args->find(name) : nullptr;
      const Node* refs = arg != nullptr && arg->is_map() ? arg->find("references") : nullptr;
      if (refs == nullptr || !refs->is_sequence()) return;
      for (const Node* r : refs->children) {
        if (r->is_scalar()) add(*m.parent, r->text, expr, depth + 1);
      }
      return;
    }
    const std::optional<std::string> target = reference_target(ref);
    const std::string scope = &m == &m_ ? "" : m.scope;
    const std::string path = path_text(path_);
    if (!target.has_value() || !seen_.emplace(*target, scope, path).second) return;
    const Node* at = place(expr);
    out_.push_back(reference(ReferenceKind::kRef, *target, at, scope, path));
  }

  // Where the attribute is: its value's origin, else its .tf attribute,
  // else the expression in the plan (the resource header when mapped).
  const Node* place(const Node* expr) const {
    const Value* v = value_at(value_, path_);
    if (v != nullptr && v->origin != nullptr) return v->origin;
    if (tf_.node == nullptr) return expr;
    const TfSpot spot = tf_at(tf_, path_);
    return spot.exact ? spot.node : tf_.node;
  }

  const ModuleInstance& m_;
  const Value* value_;
  TfSpot tf_;
  Issues& issues_;
  std::vector<PathStep> path_;
  std::set<std::tuple<std::string, std::string, std::string>> seen_;
  std::vector<Reference> out_;
};

}  // namespace

std::vector<Reference> resource_references(const ModuleInstance& m, const Node* config,
                                           const Value* value, TfSpot tf, Issues& issues) {
  return Collector(m, value, tf, issues).run(config);
}

}  // namespace genlens::formats::terraform::plan
