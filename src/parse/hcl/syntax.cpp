#include "parse/hcl/syntax.h"

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace genlens::parse::hcl {
namespace {

constexpr size_t kMaxSyntaxErrors = 100;
constexpr size_t kMaxToken = 40;

bool is_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c >= 0x80;
}

// The token at `offset`, as a user would name it.
std::string token_at(std::string_view src, size_t file_size, uint32_t offset) {
  if (offset >= file_size) return "end of file";
  const auto c = static_cast<unsigned char>(src[offset]);
  size_t len = 1;
  if (is_word(c)) {
    while (offset + len < src.size() && is_word(static_cast<unsigned char>(src[offset + len]))) {
      ++len;
    }
  } else if (c == '"') {
    while (offset + len < src.size() && src[offset + len] != '"' && src[offset + len] != '\n') {
      len += src[offset + len] == '\\' ? 2u : 1u;
    }
    if (offset + len < src.size() && src[offset + len] == '"') ++len;
  } else {
    static constexpr std::string_view kOps[] = {"...", "<<-", "[*]", "==", "!=", "<=", ">=", "&&",
                                                "||",  "=>",  "<<",  ".*", "${", "%{", "//", "/*"};
    for (std::string_view op : kOps) {
      if (src.substr(offset, op.size()) == op) {
        len = op.size();
        break;
      }
    }
  }
  len = std::min(len, src.size() - offset);
  std::string_view tok = src.substr(offset, len);
  if (tok == "\n" || tok == "\r") return "line break";
  std::string out = "`";
  if (tok.size() > kMaxToken) {
    size_t cut = kMaxToken;
    while (cut > 0 && (static_cast<unsigned char>(tok[cut]) & 0xC0) == 0x80) --cut;
    out += tok.substr(0, cut);
    out += "...";
  } else {
    out += tok;
  }
  return out + "`";
}

// What a MISSING node stands for.
std::string missing_name(TSNode n) {
  const std::string_view type = ts_node_type(n);
  if (!ts_node_is_named(n)) return fmt::format("`{}`", type);
  switch (sym(n)) {
    case Sym::kQuotedTemplateEnd:
      return "`\"`";
    case Sym::kTemplateInterpolationEnd:
    case Sym::kTemplateDirectiveEnd:
      return "`}`";
    case Sym::kHeredocIdentifier:
      return "heredoc end marker";
    case Sym::kIdentifier:
      return "a name";
    case Sym::kExpression:
      return "an expression";
    default:
      return fmt::format("`{}`", type);
  }
}

// The opening token a missing closer would match, if any.
bool opener_for(Sym missing, std::string_view missing_type, Sym candidate) {
  if (missing == Sym::kQuotedTemplateEnd) return candidate == Sym::kQuotedTemplateStart;
  if (missing == Sym::kTemplateInterpolationEnd) {
    return candidate == Sym::kTemplateInterpolationStart;
  }
  if (missing == Sym::kTemplateDirectiveEnd) return candidate == Sym::kTemplateDirectiveStart;
  if (missing == Sym::kHeredocIdentifier) return candidate == Sym::kHeredocStart;
  if (missing_type == "}") {
    return candidate == Sym::kBlockStart || candidate == Sym::kObjectStart ||
           candidate == Sym::kTokLBrace;
  }
  if (missing_type == "]") return candidate == Sym::kTupleStart || candidate == Sym::kTokLBracket;
  if (missing_type == ")") return candidate == Sym::kTokLParen;
  return false;
}

class Walker {
 public:
  Walker(std::string_view src, const core::SourceFile& file, std::vector<PendingError>& errors,
         std::vector<PendingComment>& comments)
      : src_(src), file_(file), errors_(errors), comments_(comments) {}

  void run(TSNode root) {
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    std::vector<TSNode> path;    // ancestors of the current node
    size_t in_error = SIZE_MAX;  // depth of the ERROR node being walked, if any
    for (;;) {
      const TSNode n = ts_tree_cursor_current_node(&cursor);
      const Sym s = sym(n);
      if (s == Sym::kComment) {
        comment(n);
      } else if (s == Sym::kError && in_error == SIZE_MAX) {
        in_error = path.size();
        unexpected(n);
      } else if (ts_node_is_missing(n) && in_error == SIZE_MAX) {
        missing(n, path);
      }
      if (ts_tree_cursor_goto_first_child(&cursor)) {
        path.push_back(n);
        continue;
      }
      bool more = false;
      for (;;) {
        if (in_error == path.size()) in_error = SIZE_MAX;
        if (ts_tree_cursor_goto_next_sibling(&cursor)) {
          more = true;
          break;
        }
        if (!ts_tree_cursor_goto_parent(&cursor)) break;
        path.pop_back();
      }
      if (!more) break;
    }
    ts_tree_cursor_delete(&cursor);
    if (dropped_ > 0) {
      errors_.push_back(
          {dropped_at_,
           fmt::format("{} more syntax errors after this one are not shown", dropped_)});
    }
  }

 private:
  void add(uint32_t offset, std::string message) {
    if (count_++ < kMaxSyntaxErrors) {
      errors_.push_back({offset, std::move(message)});
    } else if (dropped_++ == 0) {
      dropped_at_ = offset;
    }
  }

  void comment(TSNode n) {
    std::string_view t = text_of(src_, n);
    size_t skip = 1;
    if (t.substr(0, 2) == "//" || t.substr(0, 2) == "/*") skip = 2;
    const bool block = t.substr(0, 2) == "/*";
    t.remove_prefix(std::min(skip, t.size()));
    if (block && t.size() >= 2 && t.substr(t.size() - 2) == "*/") t.remove_suffix(2);
    std::string text;
    text.reserve(t.size());
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] == '\n')) continue;
      text += t[i];
    }
    comments_.push_back({start_of(n), std::move(text)});
  }

  void unexpected(TSNode n) {
    // `name =` with nothing after it: the value is what is missing.
    if (ts_node_child_count(n) == 2 && sym(ts_node_child(n, 0)) == Sym::kIdentifier &&
        std::string_view(ts_node_type(ts_node_child(n, 1))) == "=") {
      add(start_of(n),
          fmt::format("expected an expression after `{} =`", text_of(src_, ts_node_child(n, 0))));
      return;
    }
    // tree-sitter often wraps the valid start of a construct (`resource "a"
    // "b" { y = foo(`) into the ERROR; a nested ERROR then marks where it
    // got stuck, which is what the user needs to see.
    // Otherwise the first child that cannot continue a valid start: a stray
    // closer or comma, or the bogus heredoc marker tree-sitter's recovery
    // makes of a token it skipped.
    uint32_t at = start_of(n);
    if (sym(ts_node_child(n, 0)) == Sym::kIdentifier) {
      uint32_t best = UINT32_MAX;
      const TSNode inner = first_nested_error(n);
      if (!ts_node_is_null(inner)) best = start_of(inner);
      TSTreeCursor c = ts_tree_cursor_new(n);
      for (bool ok = ts_tree_cursor_goto_first_child(&c) && ts_tree_cursor_goto_next_sibling(&c);
           ok; ok = ts_tree_cursor_goto_next_sibling(&c)) {
        const TSNode k = ts_tree_cursor_current_node(&c);
        if (start_of(k) >= best) break;
        const std::string_view type = ts_node_type(k);
        if (sym(k) == Sym::kHeredocIdentifier ||
            (!ts_node_is_named(k) && (type == "," || type == "}" || type == "]" || type == ")"))) {
          best = start_of(k);
          break;
        }
      }
      ts_tree_cursor_delete(&c);
      if (best != UINT32_MAX) at = best;
    }
    add(at, "unexpected " + token_at(src_, file_.text().size(), at));
  }

  // The first ERROR strictly inside `n`, in document order.
  static TSNode first_nested_error(TSNode n) {
    TSTreeCursor c = ts_tree_cursor_new(n);
    TSNode found{};
    uint32_t depth = 0;
    for (;;) {
      if (depth > 0 && sym(ts_tree_cursor_current_node(&c)) == Sym::kError) {
        found = ts_tree_cursor_current_node(&c);
        break;
      }
      if (ts_tree_cursor_goto_first_child(&c)) {
        ++depth;
        continue;
      }
      bool more = false;
      while (depth > 0 && !(more = ts_tree_cursor_goto_next_sibling(&c))) {
        ts_tree_cursor_goto_parent(&c);
        --depth;
      }
      if (!more) break;
    }
    ts_tree_cursor_delete(&c);
    return found;
  }

  void missing(TSNode n, const std::vector<TSNode>& path) {
    const Sym s = sym(n);
    const std::string_view type = ts_node_type(n);
    // tree-sitter's way out of `x == 1` is a heredoc whose `<<` is missing:
    // say what is unexpected, and nothing about that heredoc's end.
    if (type == "<<" || type == "<<-") {
      add(start_of(n), "unexpected " + token_at(src_, file_.text().size(), start_of(n)));
      return;
    }
    if (s == Sym::kHeredocIdentifier && !path.empty()) {
      const TSNode start = ts_node_child(path.back(), 0);
      if (sym(start) == Sym::kHeredocStart && ts_node_has_error(start)) return;
    }
    std::string message = "missing " + missing_name(n);
    // The construct it closes: its parent, or the grandparent for block_end & co.
    size_t up = path.size();
    if (up > 0) {
      const Sym p = sym(path[up - 1]);
      if ((p == Sym::kBlockEnd || p == Sym::kObjectEnd || p == Sym::kTupleEnd) && up > 1) --up;
      std::vector<TSNode> kids;
      Children children;
      children.of(path[up - 1], kids);
      for (const TSNode& k : kids) {
        if (start_of(k) >= start_of(n)) break;
        if (!opener_for(s, type, sym(k))) continue;
        std::string_view open = text_of(src_, k);
        if (sym(k) == Sym::kHeredocStart) {
          const TSNode id = ts_node_next_sibling(k);
          if (!ts_node_is_null(id)) open = src_.substr(start_of(k), end_of(id) - start_of(k));
        }
        open = open.substr(0, std::min(open.find('\n'), kMaxToken));
        const core::Position at = file_.position_at(start_of(k));
        message += fmt::format(" to close `{}` at {}:{}", open, at.line, at.column);
        break;
      }
    }
    add(start_of(n), std::move(message));
  }

  std::string_view src_;
  const core::SourceFile& file_;
  std::vector<PendingError>& errors_;
  std::vector<PendingComment>& comments_;
  size_t count_ = 0;
  size_t dropped_ = 0;
  uint32_t dropped_at_ = 0;
};

}  // namespace

void walk_syntax(TSNode root, std::string_view src, const core::SourceFile& file,
                 std::vector<PendingError>& errors, std::vector<PendingComment>& comments) {
  Walker(src, file, errors, comments).run(root);
}

}  // namespace genlens::parse::hcl
