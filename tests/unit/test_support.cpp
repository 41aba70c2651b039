#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <utility>

namespace genlens::testutil {

double time_budget(double seconds) {
#ifdef GENLENS_SANITIZED
  seconds *= 10;
#endif
  if (const char* scale = std::getenv("GENLENS_TEST_TIME_SCALE"); scale != nullptr) {
    const double f = std::strtod(scale, nullptr);
    if (f > 0) seconds *= f;
  }
  return seconds;
}

std::string pos_str(core::Position p) { return fmt::format("{}:{}", p.line, p.column); }

std::string range_str(core::SourceRange r) { return pos_str(r.begin) + "-" + pos_str(r.end); }

std::shared_ptr<core::Document> parse_yaml_ok(std::string text, std::string path,
                                              const parse::ParseOptions& options) {
  auto r = parse::parse_yaml(
      std::make_shared<const core::SourceFile>(std::move(path), std::move(text)), options);
  if (!r.ok()) {
    ADD_FAILURE() << "unexpected parse error at " << pos_str(r.error().pos) << ": "
                  << r.error().message;
    return nullptr;
  }
  return r.value();
}

std::string yaml_error(std::string text, const parse::ParseOptions& options) {
  auto r = parse::parse_yaml(std::make_shared<const core::SourceFile>("t.yaml", std::move(text)),
                             options);
  if (r.ok()) return "no error";
  return pos_str(r.error().pos) + ": " + r.error().message;
}

namespace {
bool parse_index(std::string_view s, size_t& out) {
  if (s.empty()) return false;
  size_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  out = n;
  return true;
}

template <typename Fn>
void for_each_segment(std::string_view path, Fn&& fn) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (!fn(path.substr(start, slash - start))) return;
    start = slash + 1;
  }
}
}  // namespace

const core::Node* node_at(const core::Node* root, std::string_view path) {
  const core::Node* n = root;
  if (path.empty()) return n;
  for_each_segment(path, [&](std::string_view seg) {
    if (n == nullptr) return false;
    size_t i = 0;
    if ((n->is_sequence() || n->kind == core::NodeKind::kExpression) && parse_index(seg, i)) {
      n = i < n->children.size() ? n->children[i] : nullptr;
    } else {
      n = n->find(seg);
    }
    return n != nullptr;
  });
  return n;
}

const core::Value* value_at(const core::Value* root, std::string_view path) {
  const core::Value* v = root;
  if (path.empty()) return v;
  for_each_segment(path, [&](std::string_view seg) {
    if (v == nullptr) return false;
    size_t i = 0;
    if (v->is_list() && parse_index(seg, i)) {
      v = i < v->items.size() ? v->items[i] : nullptr;
    } else {
      v = v->find(seg);
    }
    return v != nullptr;
  });
  return v;
}

std::string describe(const core::Value* v) {
  if (v == nullptr) return "<absent>";
  switch (v->kind) {
    case core::ValueKind::kNull:
      return "null";
    case core::ValueKind::kBool:
      return v->boolean ? "true" : "false";
    case core::ValueKind::kNumber:
      return v->scalar_text();
    case core::ValueKind::kString: {
      std::string s = "\"";
      for (char c : v->text) {
        if (c == core::kUnknownMark) {
          s += "<?>";
        } else {
          s += c;
        }
      }
      s += '"';
      if (v->partial) s += '~';
      return s;
    }
    case core::ValueKind::kList: {
      std::string s = "[";
      for (size_t i = 0; i < v->items.size(); ++i) {
        if (i > 0) s += ", ";
        s += describe(v->items[i]);
      }
      return s + "]";
    }
    case core::ValueKind::kMap: {
      std::string s = "{";
      for (size_t i = 0; i < v->entries.size(); ++i) {
        if (i > 0) s += ", ";
        s += v->entries[i].first + ": " + describe(v->entries[i].second);
      }
      return s + "}";
    }
    case core::ValueKind::kUnknown:
      return "<unknown>";
  }
  return "?";
}

std::string tree(const core::Node* n) {
  if (n == nullptr) return "<absent>";
  std::string s;
  switch (n->kind) {
    case core::NodeKind::kMap:
      s = "{";
      for (size_t i = 0; i < n->children.size(); ++i) {
        if (i > 0) s += ", ";
        s += n->children[i]->key + ": " + tree(n->children[i]);
      }
      return s + "}";
    case core::NodeKind::kSequence:
      s = "[";
      for (size_t i = 0; i < n->children.size(); ++i) {
        if (i > 0) s += ", ";
        s += tree(n->children[i]);
      }
      return s + "]";
    default:
      if (n->scalar_type == core::ScalarType::kNull) return "~";
      return n->text.empty() ? "''" : n->text;
  }
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "genlens-test-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed";
  }
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& rel, const std::string& content) const {
  const std::filesystem::path p = path_ / rel;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  return p;
}

}  // namespace genlens::testutil
