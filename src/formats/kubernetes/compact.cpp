// Manifests whose body nothing reads keep only their identity: a file whose
// CustomResourceDefinitions (most of the text of an operator's install
// manifest, all of it OpenAPI schema) would otherwise stay parsed until the
// rules run gets a trimmed copy of its manifests, and the full parse is freed
// with the last unit that holds it.
#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "formats/kubernetes/manifest.h"

namespace genlens::formats::kubernetes {
namespace {

using core::Document;
using core::Node;

// The keys a summary manifest keeps.
constexpr std::array<std::string_view, 3> kIdentityKeys = {"apiVersion", "kind", "metadata"};

bool is_identity_key(std::string_view key) {
  for (std::string_view k : kIdentityKeys) {
    if (k == key) return true;
  }
  return false;
}

// Some manifest in `n` (a List's items included) is of a summary kind.
bool holds_summary(const Node* n, int depth) {
  if (!is_manifest(n)) return false;
  if (is_list(n)) {
    if (depth >= kMaxListDepth) return false;
    for (const Node* item : n->find("items")->children) {
      if (holds_summary(item, depth + 1)) return true;
    }
    return false;
  }
  return is_summary_kind(n->find("apiVersion")->text, n->find("kind")->text);
}

class Copier {
 public:
  explicit Copier(Document& into) : into_(into) {}

  // `n` as a manifest (or List of manifests) of the trimmed document.
  Node* manifest(const Node* n, int depth) {
    if (!is_manifest(n)) return subtree(n);
    if (is_list(n)) {
      if (depth >= kMaxListDepth) return subtree(n);
      Node* list = shallow(n);
      for (const Node* c : n->children) {
        if (c->key != "items") {
          Document::append(list, subtree(c));
          continue;
        }
        Node* items = shallow(c);
        for (const Node* item : c->children) Document::append(items, manifest(item, depth + 1));
        Document::append(list, items);
      }
      return list;
    }
    if (!is_summary_kind(n->find("apiVersion")->text, n->find("kind")->text)) return subtree(n);
    Node* out = shallow(n);
    for (const Node* c : n->children) {
      if (is_identity_key(c->key)) Document::append(out, subtree(c));
    }
    return out;
  }

 private:
  Node* subtree(const Node* n) {
    Node* out = shallow(n);
    for (const Node* c : n->children) Document::append(out, subtree(c));
    return out;
  }

  // `n` without its children (parent and index are set by append).
  Node* shallow(const Node* n) {
    Node* out = into_.make_node(n->kind);
    out->scalar_type = n->scalar_type;
    out->style = n->style;
    out->range = n->range;
    out->key_range = n->key_range;
    out->key = n->key;
    out->index = n->index;
    out->embedded_root = n->embedded_root;
    out->has_error = n->has_error;
    out->text = n->text;
    out->tag = n->tag;
    return out;
  }

  Document& into_;
};

}  // namespace

bool is_summary_kind(std::string_view api_version, std::string_view kind) {
  return api_group(api_version) == "apiextensions.k8s.io" && kind == "CustomResourceDefinition";
}

std::shared_ptr<Document> summarize(const Document& doc, std::vector<const Node*>& roots) {
  bool any = false;
  for (const Node* r : roots) any = any || holds_summary(r, 0);
  if (!any) return nullptr;
  auto out = std::make_shared<Document>(doc.source_ptr());
  Copier copier(*out);
  for (const Node*& r : roots) {
    Node* copy = copier.manifest(r, 0);
    out->add_root(copy);
    r = copy;
  }
  for (const core::Comment& c : doc.comments()) out->add_comment(c);
  return out;
}

}  // namespace genlens::formats::kubernetes
