#include "parse/yaml/yaml_text.h"

#include <algorithm>
#include <cctype>

namespace genlens::parse::detail {
namespace {
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_tag_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == ':' || c == '_' || c == '-' ||
         c == '!' || c == '.';
}
bool all_digits(std::string_view s, bool hex = false) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 ||
           (hex && std::isxdigit(static_cast<unsigned char>(c)) != 0);
  });
}
bool looks_int(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x') return all_digits(s.substr(2), true);
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o') return all_digits(s.substr(2));
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return all_digits(s);
}
bool looks_float(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == ".nan" || s == ".NaN" || s == ".NAN") {
    return true;
  }
  const size_t e = s.find_first_of("eE");
  std::string_view mant = s.substr(0, e);
  if (e != std::string_view::npos) {
    std::string_view ex = s.substr(e + 1);
    if (!ex.empty() && (ex[0] == '-' || ex[0] == '+')) ex.remove_prefix(1);
    if (!all_digits(ex)) return false;
  }
  const size_t dot = mant.find('.');
  if (dot == std::string_view::npos) return all_digits(mant);
  const std::string_view a = mant.substr(0, dot);
  const std::string_view b = mant.substr(dot + 1);
  if (a.empty() && b.empty()) return false;
  return (a.empty() || all_digits(a)) && (b.empty() || all_digits(b));
}
size_t indent_of(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}
}  // namespace

size_t skip_tag(std::string_view text, size_t off) {
  size_t i = off;
  if (i < text.size() && text[i] == '!') ++i;
  while (i < text.size() && is_tag_char(text[i])) ++i;
  while (i < text.size() && (is_blank(text[i]) || text[i] == '\n' || text[i] == '\r')) ++i;
  return i;
}

core::ScalarType resolve_plain_type(std::string_view s) {
  using core::ScalarType;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return ScalarType::kNull;
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
    return ScalarType::kBool;
  }
  if (looks_int(s)) return ScalarType::kInt;
  if (looks_float(s)) return ScalarType::kFloat;
  return ScalarType::kString;
}

std::string_view null_word_at(std::string_view text, size_t offset) {
  for (std::string_view w : {"null", "Null", "NULL", "~"}) {
    if (text.substr(offset, w.size()) != w) continue;
    const size_t after = offset + w.size();
    if (after >= text.size() ||
        std::string_view(" \t\r\n,:]}#").find(text[after]) != std::string_view::npos) {
      return text.substr(offset, w.size());
    }
  }
  return {};
}

core::ScalarStyle style_at(std::string_view text, size_t offset) {
  if (offset >= text.size()) return core::ScalarStyle::kPlain;
  switch (text[offset]) {
    case '"':
      return core::ScalarStyle::kDoubleQuoted;
    case '\'':
      return core::ScalarStyle::kSingleQuoted;
    default:
      return core::ScalarStyle::kPlain;
  }
}

size_t scalar_end(std::string_view text, size_t off, core::ScalarStyle style,
                  std::string_view decoded) {
  const size_t n = text.size();
  if (off >= n) return n;
  if (style == core::ScalarStyle::kDoubleQuoted) {
    for (size_t i = off + 1; i < n; ++i) {
      if (text[i] == '\\') {
        ++i;
      } else if (text[i] == '"') {
        return i + 1;
      }
    }
    return n;
  }
  if (style == core::ScalarStyle::kSingleQuoted) {
    for (size_t i = off + 1; i < n; ++i) {
      if (text[i] == '\'') {
        if (i + 1 < n && text[i + 1] == '\'') {
          ++i;
        } else {
          return i + 1;
        }
      }
    }
    return n;
  }
  if (!decoded.empty() && text.substr(off, decoded.size()) == decoded) return off + decoded.size();
  // Plain scalar that does not match byte for byte (folded lines): end of line.
  size_t e = off;
  while (e < n && text[e] != '\n' && text[e] != '\r') ++e;
  while (e > off && is_blank(text[e - 1])) --e;
  return e;
}

size_t flow_close(std::string_view text, size_t from, char closer) {
  size_t i = from;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else {
      break;
    }
  }
  return i < text.size() && text[i] == closer ? i + 1 : from;
}

size_t flow_end(std::string_view text, size_t off) {
  if (off + 1 < text.size() &&
      ((text[off] == '[' && text[off + 1] == ']') || (text[off] == '{' && text[off + 1] == '}'))) {
    return off + 2;
  }
  return off;
}

uint32_t block_scalar_end_line(const core::SourceFile& src, size_t indicator_offset) {
  const uint32_t first = src.position_at(indicator_offset).line;
  const std::string_view header = src.line_text(first);
  const size_t col = indicator_offset - src.line_start(first);
  // The block belongs to the key or "- " on the header line; when the
  // indicator starts its own line (`!Sub` on the line above), to the line above.
  size_t parent_indent = indent_of(header);
  if (col <= header.size() &&
      header.substr(0, col).find_first_not_of(' ') == std::string_view::npos) {
    parent_indent = 0;
    for (uint32_t l = first; l > 1; --l) {
      const std::string_view prev = src.line_text(l - 1);
      if (prev.find_first_not_of(" \t") != std::string_view::npos) {
        parent_indent = indent_of(prev);
        break;
      }
    }
  }
  // An explicit indentation indicator (|2, >-4) fixes the content indent.
  size_t content_indent = 0;
  for (size_t k = col + 1; k < header.size() && k < col + 4; ++k) {
    if (header[k] >= '1' && header[k] <= '9') {
      content_indent = parent_indent + static_cast<size_t>(header[k] - '0');
      break;
    }
  }
  uint32_t last = first;
  for (uint32_t l = first + 1; l <= src.line_count(); ++l) {
    const std::string_view line = src.line_text(l);
    if (std::all_of(line.begin(), line.end(), is_blank)) continue;
    const size_t ind = indent_of(line);
    if (content_indent == 0) {
      if (ind <= parent_indent) break;
      content_indent = ind;
    }
    if (ind < content_indent) break;
    last = l;
  }
  return last;
}

std::unordered_map<size_t, BlankedTag> blank_block_scalar_tags(std::string& text) {
  std::unordered_map<size_t, BlankedTag> tags;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    if (text[i] != '!') continue;
    // A tag starts a token: after line start/indent, "- ", ": ", "[" or ",".
    if (i > 0 && !is_blank(text[i - 1]) && text[i - 1] != '\n' && text[i - 1] != '[' &&
        text[i - 1] != ',') {
      continue;
    }
    size_t j = i + 1;
    while (j < n && is_tag_char(text[j])) ++j;
    if (j == i + 1) continue;
    size_t k = j;
    while (k < n && (is_blank(text[k]) || text[k] == '\n' || text[k] == '\r')) ++k;
    if (k >= n || (text[k] != '|' && text[k] != '>')) continue;
    size_t m = k + 1;
    while (m < n && (text[m] == '-' || text[m] == '+' ||
                     std::isdigit(static_cast<unsigned char>(text[m])) != 0))
      ++m;
    while (m < n && is_blank(text[m])) ++m;
    if (m < n && text[m] != '\n' && text[m] != '\r' && text[m] != '#') continue;
    tags.emplace(k, BlankedTag{text.substr(i, j - i), i});
    std::fill(text.begin() + static_cast<std::ptrdiff_t>(i),
              text.begin() + static_cast<std::ptrdiff_t>(j), ' ');
    i = j;
  }
  return tags;
}

void collect_comments(core::Document& doc, const std::vector<std::pair<uint32_t, uint32_t>>& skip,
                      const std::map<uint32_t, size_t>& resume_at) {
  const core::SourceFile& src = doc.source();
  for (uint32_t l = 1; l <= src.line_count(); ++l) {
    const bool in_block = std::any_of(skip.begin(), skip.end(),
                                      [&](const auto& s) { return l >= s.first && l <= s.second; });
    if (in_block) continue;
    const std::string_view line = src.line_text(l);
    char quote = 0;
    const auto resume = resume_at.find(l);
    for (size_t i = resume == resume_at.end() ? 0 : resume->second; i < line.size(); ++i) {
      const char c = line[i];
      if (quote != 0) {
        if (quote == '"' && c == '\\') {
          ++i;
        } else if (quote == '\'' && c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;  // '' is an escaped quote inside a single-quoted string
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if ((c == '"' || c == '\'') &&
          (i == 0 || is_blank(line[i - 1]) || line[i - 1] == ':' || line[i - 1] == '[' ||
           line[i - 1] == '{' || line[i - 1] == ',' || line[i - 1] == '-')) {
        quote = c;
        continue;
      }
      if (c == '#' && (i == 0 || is_blank(line[i - 1]))) {
        const size_t off = src.line_start(l) + i;
        doc.add_comment({src.position_at(off), std::string(line.substr(i + 1))});
        break;
      }
    }
  }
}

}  // namespace genlens::parse::detail
