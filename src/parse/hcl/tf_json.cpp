// parse_tf_json: Terraform's JSON syntax read into the shape parse_hcl
// gives for the native syntax. Which strings are templates, expressions or
// literal text depends on where they are (Terraform's "JSON Configuration
// Syntax"):
//
//   * block bodies (and the file's root) ignore properties named "//";
//   * resource/data: `provider` and the items of `depends_on` are
//     expressions (`"aws.east"`, `"aws_s3_bucket.docs"`), as are the items
//     of lifecycle `ignore_changes` / `replace_triggered_by` and a dynamic
//     block's `iterator`; connection `type` is literal; every other string
//     is a template. `lifecycle`, `connection` and dynamic `content` given
//     as one object become a sequence of one body, like native blocks;
//   * module: `source`, `version` and `providers` are literal, the
//     arguments templates; provider: `alias` and `version` literal;
//     output: `value` is a template, the rest literal; locals: every value
//     is a template; variable and terraform blocks are literal throughout.
//
// Nested objects inside resource and provider bodies may be nested blocks
// or object values; without the provider's schema both are read as blocks
// ("//" ignored). Object keys are literal, never templates.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "genlens/parse/hcl.h"
#include "parse/hcl/embedded.h"
#include "parse/scalar_offset.h"

namespace genlens::parse {
namespace {

using core::Node;
using core::NodeKind;
using hcl::EmbedMode;

bool is_string(const Node* n) {
  return n->is_scalar() && n->scalar_type == core::ScalarType::kString;
}

bool has_template(std::string_view s) {
  return s.find("${") != std::string_view::npos || s.find("%{") != std::string_view::npos;
}

class TfJson {
 public:
  TfJson(core::Document& doc, const ParseOptions& options, std::vector<core::Error>& errors)
      : doc_(doc), options_(options), errors_(errors), offsets_(doc.source()) {}

  void run(Node* root) {
    if (!root->is_map()) return;
    drop_comments(root);
    for (Node* top : root->children) {
      const std::string& k = top->key;
      if (k == "resource" || k == "data") {
        labelled(top, 2, &TfJson::resource_body);
      } else if (k == "module") {
        labelled(top, 1, &TfJson::module_body);
      } else if (k == "provider") {
        labelled(top, 1, &TfJson::provider_body);
      } else if (k == "output") {
        labelled(top, 1, &TfJson::output_body);
      } else if (k == "variable") {
        labelled(top, 1, &TfJson::literal_body);
      } else if (k == "locals") {
        bodies(top, &TfJson::locals_body);
      } else if (k == "terraform") {
        bodies(top, &TfJson::literal_body);
      }
    }
    mark_errors(root);
  }

 private:
  using Body = void (TfJson::*)(Node*);

  // One object level per label, then the body (an object, or an array of
  // objects for several blocks); any level may also be an array of objects.
  void labelled(Node* n, int levels, Body body) {
    if (levels == 0) {
      bodies(n, body);
    } else if (n->is_map()) {
      for (Node* c : n->children) labelled(c, levels - 1, body);
    } else if (n->is_sequence()) {
      for (Node* c : n->children) labelled(c, levels, body);
    }
  }

  void bodies(Node* n, Body body) {
    if (n->is_map()) {
      (this->*body)(n);
    } else if (n->is_sequence()) {
      for (Node* c : n->children) {
        if (c->is_map()) (this->*body)(c);
      }
    }
  }

  void resource_body(Node* b) {
    drop_comments(b);
    for (size_t i = 0; i < b->children.size(); ++i) {
      const std::string& k = b->children[i]->key;
      if (k == "provider") {
        embed(b, i, EmbedMode::kExpression);
      } else if (k == "depends_on") {
        references(b->children[i]);
      } else if (k == "lifecycle") {
        bodies(as_blocks(b, i), &TfJson::lifecycle_body);
      } else if (k == "connection") {
        bodies(as_blocks(b, i), &TfJson::connection_body);
      } else if (k == "provisioner") {
        labelled(b->children[i], 1, &TfJson::block_body);
      } else {
        nested(b, i);
      }
    }
  }

  // A block nested in a resource or provider, or an object value.
  void block_body(Node* b) {
    drop_comments(b);
    for (size_t i = 0; i < b->children.size(); ++i) {
      if (b->children[i]->key == "connection") {
        bodies(as_blocks(b, i), &TfJson::connection_body);
      } else {
        nested(b, i);
      }
    }
  }

  void nested(Node* parent, size_t i) {
    Node* n = parent->children[i];
    if (n->key == "dynamic" && parent->is_map()) {
      labelled(n, 1, &TfJson::dynamic_body);
    } else if (n->is_map()) {
      block_body(n);
    } else if (n->is_sequence()) {
      for (size_t j = 0; j < n->children.size(); ++j) nested(n, j);
    } else {
      embed(parent, i, EmbedMode::kTemplate);
    }
  }

  void dynamic_body(Node* b) {
    drop_comments(b);
    for (size_t i = 0; i < b->children.size(); ++i) {
      const std::string& k = b->children[i]->key;
      if (k == "iterator") {
        embed(b, i, EmbedMode::kExpression);
      } else if (k == "content") {
        bodies(as_blocks(b, i), &TfJson::block_body);
      } else {
        expression(b, i);
      }
    }
  }

  void lifecycle_body(Node* b) {
    drop_comments(b);
    for (Node* c : b->children) {
      if (c->key == "ignore_changes" || c->key == "replace_triggered_by") references(c);
    }
  }

  void connection_body(Node* b) {
    drop_comments(b);
    for (size_t i = 0; i < b->children.size(); ++i) {
      if (b->children[i]->key != "type") expression(b, i);
    }
  }

  void module_body(Node* b) {
    drop_comments(b);
    for (size_t i = 0; i < b->children.size(); ++i) {
      const std::string& k = b->children[i]->key;
      if (k == "depends_on") {
        references(b->children[i]);
      } else if (k != "source" && k != "version" && k != "providers") {
        expression(b, i);
      }
    }
  }

  void provider_body(Node* b) {
    drop_comments(b);
    for (size_t i = 0; i < b->children.size(); ++i) {
      const std::string& k = b->children[i]->key;
      if (k != "alias" && k != "version") nested(b, i);
    }
  }

  void output_body(Node* b) {
    drop_comments(b);
    for (size_t i = 0; i < b->children.size(); ++i) {
      const std::string& k = b->children[i]->key;
      if (k == "value") expression(b, i);
      if (k == "depends_on") references(b->children[i]);
    }
  }

  void locals_body(Node* b) {
    drop_comments(b);
    for (size_t i = 0; i < b->children.size(); ++i) expression(b, i);
  }

  void literal_body(Node* b) { drop_comments(b); }

  // A value where Terraform expects an expression: strings are templates,
  // arrays and objects hold expressions ("//" is an ordinary key there).
  void expression(Node* parent, size_t i) {
    Node* n = parent->children[i];
    if (n->is_map() || n->is_sequence()) {
      for (size_t j = 0; j < n->children.size(); ++j) expression(n, j);
    } else {
      embed(parent, i, EmbedMode::kTemplate);
    }
  }

  // An array of strings naming objects: `["aws_s3_bucket.docs"]`; "all" stays.
  void references(Node* n) {
    if (!n->is_sequence()) return;
    for (size_t j = 0; j < n->children.size(); ++j) embed(n, j, EmbedMode::kExpression);
  }

  // String child `i` of `parent` as the node it stands for.
  void embed(Node* parent, size_t i, EmbedMode mode) {
    Node* old = parent->children[i];
    if (!is_string(old) || (mode == EmbedMode::kTemplate && !has_template(old->text))) return;
    // Strings come in file order: the cursor makes finding them linear.
    const size_t start = offsets_.advance(old->range.begin);
    Node* n = hcl::parse_embedded(doc_, *old, start, mode, options_, errors_);
    n->key = old->key;
    n->key_range = old->key_range;
    n->index = old->index;
    n->parent = parent;
    parent->children[i] = n;
  }

  // A block given as one object becomes a sequence of one body, as native
  // blocks without labels are. Returns the child.
  Node* as_blocks(Node* parent, size_t i) {
    Node* m = parent->children[i];
    if (!m->is_map()) return m;
    Node* seq = doc_.make_node(NodeKind::kSequence);
    seq->key = m->key;
    seq->key_range = m->key_range;
    seq->range = m->range;
    seq->index = m->index;
    seq->parent = parent;
    parent->children[i] = seq;
    core::Document::append(seq, m);
    return seq;
  }

  static void drop_comments(Node* body) {
    std::vector<Node*> kept;
    for (Node* c : body->children) {
      if (c->key != "//") kept.push_back(c);
    }
    if (kept.size() == body->children.size()) return;
    body->children = std::move(kept);
    for (size_t i = 0; i < body->children.size(); ++i) {
      body->children[i]->index = static_cast<uint32_t>(i);
    }
  }

  // Ancestors of a node with a syntax error have has_error too (as in
  // parse_hcl). Depth is bounded by the JSON reader's max_depth.
  static bool mark_errors(Node* n) {
    for (Node* c : n->children) {
      if (mark_errors(c)) n->has_error = true;
    }
    return n->has_error;
  }

  core::Document& doc_;
  const ParseOptions& options_;
  std::vector<core::Error>& errors_;
  detail::OffsetCursor offsets_;
};

}  // namespace

HclResult parse_tf_json(core::SourcePtr source, const ParseOptions& options) {
  HclResult out;
  DocResult parsed = parse_json(std::move(source), options);
  if (!parsed.ok()) {
    out.errors.push_back(parsed.error());
    return out;
  }
  out.doc = parsed.value();
  for (Node* root : out.doc->roots()) TfJson(*out.doc, options, out.errors).run(root);
  std::stable_sort(out.errors.begin(), out.errors.end(), [](const auto& a, const auto& b) {
    return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
  });
  return out;
}

}  // namespace genlens::parse
