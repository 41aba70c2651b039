// Plan JSON: where a planned value is written in the resource's .tf block.
#include "formats/terraform/plan.h"

namespace genlens::formats::terraform::plan {
namespace {

using core::Node;

constexpr size_t kMaxSearched = 256;

bool same_scalar(const Node* tf, const Node* planned) {
  if (planned == nullptr || !planned->is_scalar()) return false;
  const bool tf_null = tf->scalar_type == core::ScalarType::kNull;
  const bool plan_null = planned->scalar_type == core::ScalarType::kNull;
  return tf_null == plan_null && (tf_null || tf->text == planned->text);
}

// The .tf item's literal scalars (its own, or its direct attributes for a
// block or object) all equal the planned item's; `literal` tells whether
// there was any to compare.
bool agrees(const Node* tf, const Node* planned, bool& literal) {
  literal = false;
  if (tf->is_scalar()) {
    literal = true;
    return same_scalar(tf, planned);
  }
  if (tf->is_map()) {
    if (planned == nullptr || !planned->is_map()) return false;
    for (const Node* c : tf->children) {
      if (!c->is_scalar()) continue;
      literal = true;
      if (!same_scalar(c, planned->find(c->key))) return false;
    }
    return true;
  }
  if (tf->is_sequence()) return planned != nullptr && planned->is_sequence();
  return true;  // an expression: nothing to compare
}

}  // namespace

TfSpot tf_member(TfSpot parent, std::string_view key) {
  if (parent.node == nullptr || !parent.exact || !parent.node->is_map()) {
    return TfSpot{parent.node, false};
  }
  const Node* c = parent.node->find(key);
  return c != nullptr ? TfSpot{c, true} : TfSpot{parent.node, false};
}

TfSpot tf_item(TfSpot parent, size_t index, const std::vector<const Node*>& plan_items) {
  if (parent.node == nullptr || !parent.exact || !parent.node->is_sequence() ||
      index >= plan_items.size()) {
    return TfSpot{parent.node, false};
  }
  const std::vector<Node*>& items = parent.node->children;
  // Without literals to compare, only a lone item is known to be the one.
  const bool lone = items.size() == 1 && plan_items.size() == 1;
  const Node* only = nullptr;
  size_t candidates = 0;
  // Long lists are only compared item by item: matching every item against
  // every other would be quadratic.
  const bool search = items.size() <= kMaxSearched;
  for (size_t j = search ? 0 : index; j < items.size() && (search || j == index); ++j) {
    bool literal = false;
    if (!agrees(items[j], plan_items[index], literal) || (!literal && !lone)) continue;
    if (j == index) return TfSpot{items[j], true};
    only = items[j];
    ++candidates;
  }
  return candidates == 1 ? TfSpot{only, true} : TfSpot{parent.node, false};
}

}  // namespace genlens::formats::terraform::plan
