#include "genlens/core/source.h"

#include <algorithm>

namespace genlens::core {

SourceFile::SourceFile(std::string path, std::string content)
    : path_(std::move(path)), text_(std::move(content)) {
  if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text_.erase(0, 3);
    had_bom_ = true;
  }
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n')) {
      line_starts_.push_back(i + 1);  // lone CR ends a line too
    }
  }
}

namespace {
uint32_t count_code_points(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}
}  // namespace

Position SourceFile::position_at(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_idx = static_cast<size_t>(it - line_starts_.begin()) - 1;
  const size_t start = line_starts_[line_idx];
  return Position{static_cast<uint32_t>(line_idx + 1),
                  count_code_points(std::string_view(text_).substr(start, offset - start)) + 1};
}

Position SourceFile::position_at_line_byte(size_t line0, size_t byte_col) const {
  if (line0 >= line_starts_.size()) return position_at(text_.size());
  return position_at(line_starts_[line0] + byte_col);
}

size_t SourceFile::line_start(uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return text_.size();
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const size_t start = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(start, end - start);
}

size_t SourceFile::offset_of(Position pos) const {
  const size_t start = line_start(pos.line);
  const std::string_view line = line_text(pos.line);
  uint32_t col = 1;
  size_t i = 0;
  while (i < line.size() && col < pos.column) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    ++col;
  }
  return start + i;
}

size_t find_invalid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

void append_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool read_hex(std::string_view text, size_t at, size_t count, uint32_t& value) {
  if (at > text.size() || text.size() - at < count) return false;
  value = 0;
  for (size_t k = 0; k < count; ++k) {
    const char c = text[at + k];
    uint32_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
    value = value * 16 + digit;
  }
  return true;
}

}  // namespace genlens::core
