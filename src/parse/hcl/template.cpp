// Quoted strings, templates and heredocs.
//
// tree-sitter-hcl's external scanner skips whitespace before every literal
// chunk, so template_literal nodes do not cover leading or trailing spaces.
// Literal text is therefore read from the source between the non-literal
// parts (interpolations, directives) and the template's delimiters.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "genlens/core/source.h"
#include "genlens/parse/hcl.h"
#include "parse/hcl/converter.h"

namespace genlens::parse::hcl {

using core::Node;
using core::NodeKind;

namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
constexpr size_t kMaxLineBreakErrors = 100;

bool is_space(char c) { return is_hspace(c) || c == '\n'; }

bool is_part(Sym s) { return s == Sym::kTemplateInterpolation || s == Sym::kTemplateDirective; }

bool is_delimiter(Sym s) {
  return s == Sym::kTemplateIfIntro || s == Sym::kTemplateElseIntro || s == Sym::kTemplateIfEnd ||
         s == Sym::kTemplateForStart || s == Sym::kTemplateForEnd;
}

// Strip markers of a `${ }` or `%{ }`: {`~` after the opening, `~` before the closing}.
std::pair<bool, bool> delimiter_marks(Children& children, TSNode delim) {
  std::vector<TSNode> kids;
  children.of(delim, kids);
  const size_t n = kids.size();
  const bool left = n > 1 && sym(kids[1]) == Sym::kStripMarker;
  const bool right = n > 2 && n - 2 != 1 && sym(kids[n - 2]) == Sym::kStripMarker;
  return {left, right};
}

// Strip markers on the outside of a template part: an interpolation's own,
// or a directive's opening `%{if}`/`%{for}` and closing `%{endif}`/`%{endfor}`.
std::pair<bool, bool> part_marks(Children& children, TSNode part) {
  if (sym(part) == Sym::kTemplateInterpolation) return delimiter_marks(children, part);
  const TSNode d = first_named(part);  // template_if / template_for
  const uint32_t n = ts_node_named_child_count(d);
  if (n == 0) return {false, false};
  const bool left = delimiter_marks(children, ts_node_named_child(d, 0)).first;
  const bool right = delimiter_marks(children, ts_node_named_child(d, n - 1)).second;
  return {left, right};
}

const char* const kLineBreakMessage =
    "line break in a quoted string; a string must end on the line it starts (missing `\"`?)";

}  // namespace

std::string Converter::label_text(TSNode n) {
  if (sym(n) != Sym::kStringLit) return std::string(text_of(src_, n));
  std::vector<TSNode> kids;
  children_.of(n, kids);
  uint32_t b = start_of(n);
  uint32_t e = end_of(n);
  if (!kids.empty() && sym(kids.front()) == Sym::kQuotedTemplateStart) b = end_of(kids.front());
  if (!kids.empty() && sym(kids.back()) == Sym::kQuotedTemplateEnd) e = start_of(kids.back());
  std::string out;
  decode(b, e, false, false, nullptr, out);
  return out;
}

void Converter::string_lit(const Task& t, TSNode n) {
  std::vector<TSNode> kids;
  children_.of(n, kids);
  uint32_t b = start_of(n);
  uint32_t e = end_of(n);
  if (!kids.empty() && sym(kids.front()) == Sym::kQuotedTemplateStart) b = end_of(kids.front());
  if (!kids.empty() && sym(kids.back()) == Sym::kQuotedTemplateEnd) e = start_of(kids.back());
  Node* s = make(NodeKind::kScalar, n);
  s->style = core::ScalarStyle::kDoubleQuoted;
  const uint32_t line_break = decode(b, e, false, false, nullptr, s->text);
  set_range(s, n);
  attach(t, s);
  if (line_break != kNone) {
    if (line_breaks_++ < kMaxLineBreakErrors) error(line_break, kLineBreakMessage);
    mark(s);
  }
}

void Converter::template_expr(const Task& t, TSNode n, bool heredoc) {
  std::vector<TSNode> kids;
  children_.of(n, kids);
  size_t from = 0;
  size_t to = kids.size();
  uint32_t gap_begin = start_of(n);
  uint32_t gap_end = end_of(n);
  const TemplateCtx* ctx = nullptr;
  if (!heredoc) {
    if (to > 0 && sym(kids[0]) == Sym::kQuotedTemplateStart) gap_begin = end_of(kids[from++]);
    if (to > from && sym(kids[to - 1]) == Sym::kQuotedTemplateEnd) gap_end = start_of(kids[--to]);
  } else {
    // heredoc_start, heredoc_identifier, parts..., heredoc_identifier
    bool flush = false;
    if (to > 0 && sym(kids[0]) == Sym::kHeredocStart) flush = text_of(src_, kids[from++]) == "<<-";
    if (to > from && sym(kids[from]) == Sym::kHeredocIdentifier) gap_begin = end_of(kids[from++]);
    // The text starts on the line after the opening marker ...
    while (gap_begin < gap_end && src_[gap_begin] != '\n') ++gap_begin;
    if (gap_begin < gap_end) ++gap_begin;
    // ... and ends before the line of the closing marker.
    if (to > from && sym(kids[to - 1]) == Sym::kHeredocIdentifier) {
      uint32_t e = start_of(kids[--to]);
      while (e > gap_begin && src_[e - 1] != '\n') --e;
      gap_end = std::max(e, gap_begin);
    }
    ctx = heredoc_ctx(kids, from, to, flush, gap_begin, gap_end);
  }
  const bool has_parts = std::any_of(kids.begin() + static_cast<std::ptrdiff_t>(from),
                                     kids.begin() + static_cast<std::ptrdiff_t>(to),
                                     [](TSNode k) { return is_part(sym(k)); });
  const core::ScalarStyle style =
      heredoc ? core::ScalarStyle::kLiteral : core::ScalarStyle::kDoubleQuoted;
  if (!has_parts) {  // a string after all (a heredoc, or a quoted string the grammar split)
    Node* s = make(NodeKind::kScalar, n);
    s->style = style;
    const uint32_t line_break = decode(gap_begin, gap_end, false, false, ctx, s->text);
    set_range(s, n);
    attach(t, s);
    if (line_break != kNone) {
      if (line_breaks_++ < kMaxLineBreakErrors) error(line_break, kLineBreakMessage);
      mark(s);
    }
    return;
  }
  Node* tn = make_expr(hcl_tag::kTemplate, n);
  tn->style = style;
  set_range(tn, n);
  attach(t, tn);
  push_parts(kids, from, to, gap_begin, gap_end, false, false, ctx, tn, t.depth + 1);
}

void Converter::push_parts(const std::vector<TSNode>& kids, size_t from, size_t to,
                           uint32_t gap_begin, uint32_t gap_end, bool strip_first, bool strip_last,
                           const TemplateCtx* ctx, Node* into, uint32_t depth) {
  std::vector<Task> parts;
  uint32_t cursor = gap_begin;
  bool strip_left = strip_first;
  auto literal = [&](uint32_t end, bool strip_right) {
    uint32_t b = cursor;
    uint32_t e = std::max(end, cursor);
    Task lt = child_task(Job::kLiteral, TSNode{}, into, depth);
    const uint32_t line_break = decode(b, e, strip_left, strip_right, ctx, lt.text);
    if (line_break != kNone) {
      if (line_breaks_++ < kMaxLineBreakErrors) error(line_break, kLineBreakMessage);
      lt.flag = true;
    }
    if (lt.text.empty()) return;
    lt.from = b;
    lt.to = e;
    parts.push_back(std::move(lt));
  };
  for (size_t i = from; i < to; ++i) {
    const Sym s = sym(kids[i]);
    if (s == Sym::kError) mark(into);
    if (!is_part(s)) continue;
    const auto [left, right] = part_marks(children_, kids[i]);
    literal(start_of(kids[i]), left);
    Task pt = child_task(Job::kExpr, kids[i], into, depth);
    pt.tmpl = ctx;
    parts.push_back(std::move(pt));
    cursor = end_of(kids[i]);
    strip_left = right;
  }
  literal(gap_end, strip_last);
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) push(std::move(*it));
}

void Converter::template_if(const Task& t, TSNode n) {
  std::vector<TSNode> kids;
  children_.of(n, kids);
  Node* node = make_expr(hcl_tag::kTemplateIf, n);
  set_range(node, n);
  attach(t, node);
  size_t else_at = kids.size();
  size_t end_at = kids.size();
  for (size_t i = 1; i < kids.size(); ++i) {
    if (sym(kids[i]) == Sym::kTemplateElseIntro) else_at = i;
    if (sym(kids[i]) == Sym::kTemplateIfEnd) end_at = i;
  }
  const uint32_t d = t.depth + 1;
  std::vector<Task> ops;
  std::vector<TSNode> intro;
  if (!kids.empty()) children_.of(kids[0], intro);
  TSNode cond{};
  for (const TSNode& k : intro) {
    if (sym(k) == Sym::kExpression) cond = k;
  }
  ops.push_back(child_task(Job::kExpr, ts_node_is_null(cond) ? n : cond, node, d));
  Task then_branch = child_task(Job::kTemplateBranch, n, node, d);
  then_branch.from = 1;
  then_branch.to = static_cast<uint32_t>(std::min(else_at, end_at));
  then_branch.tmpl = t.tmpl;
  ops.push_back(std::move(then_branch));
  if (else_at < kids.size()) {
    Task else_branch = child_task(Job::kTemplateBranch, n, node, d);
    else_branch.from = static_cast<uint32_t>(else_at + 1);
    else_branch.to = static_cast<uint32_t>(std::max(end_at, else_at + 1));
    else_branch.tmpl = t.tmpl;
    ops.push_back(std::move(else_branch));
  }
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) push(std::move(*it));
}

void Converter::template_for(const Task& t, TSNode n) {
  std::vector<TSNode> kids;
  children_.of(n, kids);
  Node* node = make_expr(hcl_tag::kTemplateFor, n);
  set_range(node, n);
  attach(t, node);
  const uint32_t d = t.depth + 1;
  std::vector<TSNode> intro;
  if (!kids.empty()) children_.of(kids[0], intro);
  TSNode coll{};
  for (const TSNode& k : intro) {
    if (sym(k) == Sym::kIdentifier) {
      Node* decl = make_expr(hcl_tag::kDecl, k);
      decl->text = std::string(text_of(src_, k));
      set_range(decl, k);
      core::Document::append(node, decl);
    } else if (sym(k) == Sym::kExpression) {
      coll = k;
    }
  }
  Task body = child_task(Job::kTemplateBranch, n, node, d);
  body.from = 1;
  body.to = static_cast<uint32_t>(
      !kids.empty() && sym(kids.back()) == Sym::kTemplateForEnd ? kids.size() - 1 : kids.size());
  body.to = std::max(body.to, body.from);
  body.tmpl = t.tmpl;
  push(std::move(body));
  push(child_task(Job::kExpr, ts_node_is_null(coll) ? n : coll, node, d));
}

void Converter::template_branch(const Task& t) {
  std::vector<TSNode> kids;
  children_.of(t.ts, kids);
  const size_t from = std::min<size_t>(t.from, kids.size());
  const size_t to = std::min<size_t>(std::max(t.to, t.from), kids.size());
  const uint32_t gap_begin = from > 0 ? end_of(kids[from - 1]) : start_of(t.ts);
  const uint32_t gap_end = to < kids.size() ? start_of(kids[to]) : end_of(t.ts);
  const bool strip_first = from > 0 && delimiter_marks(children_, kids[from - 1]).second;
  const bool strip_last = to < kids.size() && delimiter_marks(children_, kids[to]).first;
  Node* node = make_expr(hcl_tag::kTemplate, TSNode{});
  node->style = t.tmpl != nullptr ? core::ScalarStyle::kLiteral : core::ScalarStyle::kDoubleQuoted;
  set_range(node, gap_begin, gap_end);
  attach(t, node);
  push_parts(kids, from, to, gap_begin, gap_end, strip_first, strip_last, t.tmpl, node,
             t.depth + 1);
}

// A heredoc's context; for `<<-`, the indentation to remove, as HCL does:
// the smallest number of leading space/tab characters over the lines that
// start with literal text and are not blank (a line that starts with `${` or
// `%{` counts as 0), removed from each of those lines.
const TemplateCtx* Converter::heredoc_ctx(const std::vector<TSNode>& kids, size_t from, size_t to,
                                          bool flush, uint32_t content_begin,
                                          uint32_t content_end) {
  TemplateCtx& ctx = contexts_.emplace_back();
  ctx.heredoc = true;
  if (!flush) return &ctx;
  // Spans of `${...}` and of directive delimiters, at any directive depth.
  std::vector<std::pair<uint32_t, uint32_t>> markers;
  std::vector<TSNode> todo;
  for (size_t i = from; i < to; ++i) {
    if (sym(kids[i]) == Sym::kTemplateInterpolation) {
      markers.emplace_back(start_of(kids[i]), end_of(kids[i]));
    } else if (sym(kids[i]) == Sym::kTemplateDirective) {
      todo.push_back(kids[i]);
    }
  }
  std::vector<TSNode> inner;
  while (!todo.empty()) {
    const TSNode d = todo.back();
    todo.pop_back();
    children_.of(d, inner);
    for (const TSNode& k : inner) {
      const Sym s = sym(k);
      if (s == Sym::kTemplateInterpolation || is_delimiter(s)) {
        markers.emplace_back(start_of(k), end_of(k));
      } else if (s == Sym::kTemplateDirective || s == Sym::kTemplateIf || s == Sym::kTemplateFor) {
        todo.push_back(k);
      }
    }
  }
  std::sort(markers.begin(), markers.end());
  std::vector<std::pair<uint32_t, uint32_t>> lines;  // (line start, leading spaces)
  uint32_t least = kNone;
  size_t m = 0;
  bool line_start = true;
  for (uint32_t j = content_begin; j < content_end;) {
    while (m < markers.size() && markers[m].second <= j) ++m;
    const uint32_t next_marker = m < markers.size() ? markers[m].first : content_end;
    if (j == next_marker && m < markers.size()) {
      if (line_start) least = 0;
      line_start = false;
      j = std::max(j + 1, markers[m].second);
      continue;
    }
    if (line_start) {
      line_start = false;
      uint32_t k = j;
      const uint32_t limit = std::min(next_marker, content_end);
      while (k < limit && is_hspace(src_[k])) ++k;
      const bool blank = k < limit && src_[k] == '\n';
      if (!blank) {
        lines.emplace_back(j, k - j);
        least = std::min(least, k - j);
      }
    }
    if (src_[j] == '\n') line_start = true;
    ++j;
  }
  if (least != kNone && least > 0) {
    for (const auto& line : lines) ctx.cuts.emplace_back(line.first, least);
  }
  return &ctx;
}

// Literal text: quoted (ctx == nullptr) with escapes, or heredoc text as
// written (CRLF stays CRLF, as in HCL); both unescape `$${` and `%%{`.
uint32_t Converter::decode(uint32_t& b, uint32_t& e, bool strip_left, bool strip_right,
                           const TemplateCtx* ctx, std::string& out) const {
  const std::string_view s = src_;
  e = std::min<uint32_t>(e, static_cast<uint32_t>(s.size()));
  b = std::min(b, e);
  if (strip_left) {
    while (b < e && is_space(s[b])) ++b;
  }
  if (strip_right) {
    while (e > b && is_space(s[e - 1])) --e;
  }
  const std::vector<std::pair<uint32_t, uint32_t>>* cuts = ctx != nullptr ? &ctx->cuts : nullptr;
  size_t ci = 0;
  if (cuts != nullptr) {
    ci = static_cast<size_t>(
        std::lower_bound(cuts->begin(), cuts->end(), std::make_pair(b, uint32_t{0})) -
        cuts->begin());
    if (ci < cuts->size() && (*cuts)[ci].first == b) b = std::min(e, b + (*cuts)[ci++].second);
  }
  uint32_t line_break = kNone;
  for (uint32_t j = b; j < e;) {
    if (cuts != nullptr && ci < cuts->size() && (*cuts)[ci].first <= j) {
      if ((*cuts)[ci].first == j) j = std::min(e, j + (*cuts)[ci].second);
      ++ci;
      continue;
    }
    const char c = s[j];
    if ((c == '$' || c == '%') && j + 2 < e && s[j + 1] == c && s[j + 2] == '{') {
      out += c;
      out += '{';
      j += 3;
      continue;
    }
    if (ctx == nullptr) {
      if (c == '\\' && j + 1 < e) {
        const char x = s[j + 1];
        const char* simple = nullptr;
        switch (x) {
          case 'n':
            simple = "\n";
            break;
          case 'r':
            simple = "\r";
            break;
          case 't':
            simple = "\t";
            break;
          case '"':
            simple = "\"";
            break;
          case '\\':
            simple = "\\";
            break;
          default:
            break;
        }
        if (simple != nullptr) {
          out += simple;
          j += 2;
          continue;
        }
        const size_t digits = x == 'u' ? 4 : x == 'U' ? 8 : 0;
        uint32_t cp = 0;
        if (digits > 0 && j + 2 + digits <= e && core::read_hex(s, j + 2, digits, cp) &&
            cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
          core::append_utf8(cp, out);
          j += static_cast<uint32_t>(2 + digits);
          continue;
        }
      } else if ((c == '\n' || c == '\r') && line_break == kNone) {
        line_break = j;
      }
    }
    out += c;
    ++j;
  }
  return line_break;
}

}  // namespace genlens::parse::hcl
