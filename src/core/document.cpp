#include "genlens/core/document.h"

#include <algorithm>

namespace genlens::core {

const Node* Node::find(std::string_view k) const {
  if (kind != NodeKind::kMap) return nullptr;
  for (const Node* c : children) {
    if (c->key == k) return c;
  }
  return nullptr;
}

std::string Node::path() const {
  std::vector<const Node*> chain;
  for (const Node* n = this; n != nullptr; n = n->parent) chain.push_back(n);
  std::reverse(chain.begin(), chain.end());
  std::string out;
  for (const Node* n : chain) {
    if (n->parent == nullptr) continue;
    if (n->embedded_root) {
      out += "@json";
      continue;
    }
    if (!out.empty()) out += '/';
    if (n->parent->kind == NodeKind::kSequence || n->parent->kind == NodeKind::kExpression) {
      out += std::to_string(n->index);
    } else {
      out += n->key;
    }
  }
  return out;
}

SourceRange Node::anchor() const {
  if (parent != nullptr && parent->kind == NodeKind::kMap && key_range.begin.known()) {
    return SourceRange{key_range.begin, range.end.known() ? range.end : key_range.end};
  }
  return range;
}

void Document::append(Node* parent, Node* child) {
  child->parent = parent;
  child->index = static_cast<uint32_t>(parent->children.size());
  parent->children.push_back(child);
}

}  // namespace genlens::core
