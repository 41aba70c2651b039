#include "hcl_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../test_support.h"

namespace genlens::testutil {

parse::HclResult hcl(std::string text, const parse::ParseOptions& options) {
  return parse::parse_hcl(std::make_shared<const core::SourceFile>("main.tf", std::move(text)),
                          options);
}

const core::Node* hcl_root(const parse::HclResult& r) {
  EXPECT_EQ(hcl_errors(r), "");
  if (r.doc == nullptr || r.doc->roots().size() != 1) {
    ADD_FAILURE() << "no document root";
    return nullptr;
  }
  return r.doc->roots().front();
}

std::string hcl_tree(const core::Node* n, bool marks) {
  if (n == nullptr) return "<absent>";
  std::string s;
  auto list = [&](const char* open, const char* close, bool keys) {
    s += open;
    for (size_t i = 0; i < n->children.size(); ++i) {
      if (i > 0) s += ", ";
      if (keys) s += n->children[i]->key + ": ";
      s += hcl_tree(n->children[i], marks);
    }
    s += close;
  };
  switch (n->kind) {
    case core::NodeKind::kMap:
      list("{", "}", true);
      break;
    case core::NodeKind::kSequence:
      list("[", "]", false);
      break;
    case core::NodeKind::kExpression:
      s = n->tag;
      if (!n->text.empty()) s += ":" + n->text;
      if (!n->children.empty()) list("(", ")", false);
      break;
    case core::NodeKind::kUnknown:
      s = "<unknown>";
      break;
    case core::NodeKind::kScalar:
      switch (n->scalar_type) {
        case core::ScalarType::kString:
          s = "\"" + n->text + "\"";
          break;
        case core::ScalarType::kNull:
          s = "null";
          break;
        default:
          s = n->text;
      }
      break;
  }
  if (marks && n->has_error) s += "!";
  return s;
}

std::string hcl_errors(const parse::HclResult& r) {
  std::string out;
  for (const core::Error& e : r.errors) {
    if (!out.empty()) out += "\n";
    out += pos_str(e.pos) + ": " + e.message;
  }
  return out;
}

std::string error_paths(const core::Document& doc) {
  std::string out;
  std::vector<const core::Node*> todo(doc.roots().rbegin(), doc.roots().rend());
  while (!todo.empty()) {
    const core::Node* n = todo.back();
    todo.pop_back();
    if (n->has_error) {
      if (!out.empty()) out += ", ";
      out += "\"" + n->path() + "\"";
    }
    todo.insert(todo.end(), n->children.rbegin(), n->children.rend());
  }
  return out;
}

std::string hcl_invariants(const core::Document& doc) {
  static const std::vector<std::string_view> kTags = {
      parse::hcl_tag::kVar,        parse::hcl_tag::kGetAttr,        parse::hcl_tag::kIndex,
      parse::hcl_tag::kSplatAttr,  parse::hcl_tag::kSplatFull,      parse::hcl_tag::kCall,
      parse::hcl_tag::kExpand,     parse::hcl_tag::kParen,          parse::hcl_tag::kUnary,
      parse::hcl_tag::kBinary,     parse::hcl_tag::kCond,           parse::hcl_tag::kForTuple,
      parse::hcl_tag::kForObject,  parse::hcl_tag::kDecl,           parse::hcl_tag::kObject,
      parse::hcl_tag::kTemplate,   parse::hcl_tag::kTemplateInterp, parse::hcl_tag::kTemplateIf,
      parse::hcl_tag::kTemplateFor};
  const core::SourceFile& file = doc.source();
  const core::Position end = file.position_at(file.text().size());
  std::string out;
  size_t problems = 0;
  auto problem = [&](const core::Node* n, const std::string& what) {
    if (++problems > 5) return;
    out += "/" + n->path() + " " + range_str(n->range) + ": " + what + "\n";
  };
  std::vector<const core::Node*> todo(doc.roots().rbegin(), doc.roots().rend());
  while (!todo.empty()) {
    const core::Node* n = todo.back();
    todo.pop_back();
    todo.insert(todo.end(), n->children.rbegin(), n->children.rend());
    const core::SourceRange r = n->range;
    if (!r.begin.known() || !r.end.known() || r.end < r.begin || end < r.end) {
      problem(n, "bad range");
      continue;
    }
    const core::Node* p = n->parent;
    if (p != nullptr && (r.begin < p->range.begin || p->range.end < r.end)) {
      problem(n, "outside its parent " + range_str(p->range));
    }
    if (p != nullptr && p->is_map() && !n->key_range.begin.known()) problem(n, "no key range");
    const std::string_view text = parse::source_text(file, r);
    if (n->is_scalar() && n->style == core::ScalarStyle::kDoubleQuoted &&
        (text.size() < 2 || text.front() != '"' || text.back() != '"')) {
      problem(n, "quoted string range is " + std::string(text));
    }
    if (n->is_scalar() && n->style == core::ScalarStyle::kLiteral && text.substr(0, 2) != "<<") {
      problem(n, "heredoc range is " + std::string(text));
    }
    if (n->kind == core::NodeKind::kExpression &&
        std::find(kTags.begin(), kTags.end(), n->tag) == kTags.end()) {
      problem(n, "unknown tag " + n->tag);
    }
    if (n->kind == core::NodeKind::kUnknown && !n->has_error) problem(n, "kUnknown without error");
    if (p != nullptr && n->has_error && !p->has_error) problem(n, "error not propagated");
  }
  if (problems > 5) out += std::to_string(problems - 5) + " more\n";
  return out;
}

std::string range_of(const core::Node* n) {
  return n == nullptr ? "<absent>" : range_str(n->range);
}

std::string key_range_of(const core::Node* n) {
  return n == nullptr ? "<absent>" : range_str(n->key_range);
}

}  // namespace genlens::testutil
