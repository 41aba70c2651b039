// map_scalar_offset: where a byte of a scalar's decoded text is written in
// the file. The scalar's source is decoded again from its start according to
// its style, and each decoded byte remembers the position of the source
// character (or escape sequence) it came from. The re-decoded bytes are
// checked against the scalar's text, so a style we decode differently from
// the parser (YAML folding, chomping, indentation indicators) can never yield
// a wrong position: past the first difference we fall back to the start.
#include "parse/scalar_offset.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "genlens/parse/parse.h"

namespace genlens::parse {

namespace detail {
namespace {

using core::Position;

// Decodes the escape sequence at text[j] == '\\' (the union of the JSON, YAML
// and HCL escapes) into `out`. Returns its length in the source, 0 if invalid.
size_t decode_escape(std::string_view text, size_t j, std::string& out) {
  if (j + 1 >= text.size()) return 0;
  const char e = text[j + 1];
  uint32_t cp = 0;
  switch (e) {
    case '"':
    case '\\':
    case '/':
    case ' ':
    case '\t':
      out += e;
      return 2;
    case 'b':
      out += '\b';
      return 2;
    case 'f':
      out += '\f';
      return 2;
    case 'n':
      out += '\n';
      return 2;
    case 'r':
      out += '\r';
      return 2;
    case 't':
      out += '\t';
      return 2;
    case 'v':
      out += '\v';
      return 2;
    case 'a':
      out += '\a';
      return 2;
    case '0':
      out += '\0';
      return 2;
    case 'e':
      out += '\x1b';
      return 2;
    case 'N':
      core::append_utf8(0x85, out);
      return 2;
    case '_':
      core::append_utf8(0xA0, out);
      return 2;
    case 'L':
      core::append_utf8(0x2028, out);
      return 2;
    case 'P':
      core::append_utf8(0x2029, out);
      return 2;
    case 'x':
      if (!core::read_hex(text, j + 2, 2, cp)) return 0;
      core::append_utf8(cp, out);
      return 4;
    case 'U':
      if (!core::read_hex(text, j + 2, 8, cp) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
      }
      core::append_utf8(cp, out);
      return 10;
    case 'u': {
      if (!core::read_hex(text, j + 2, 4, cp)) return 0;
      if (cp >= 0xDC00 && cp <= 0xDFFF) return 0;
      if (cp < 0xD800 || cp > 0xDBFF) {
        core::append_utf8(cp, out);
        return 6;
      }
      uint32_t low = 0;
      if (j + 7 >= text.size() || text[j + 6] != '\\' || text[j + 7] != 'u' ||
          !core::read_hex(text, j + 8, 4, low) || low < 0xDC00 || low > 0xDFFF) {
        return 0;
      }
      core::append_utf8(0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00), out);
      return 12;
    }
    default:
      return 0;
  }
}

size_t code_point_length(std::string_view text, size_t j) {
  const auto c = static_cast<unsigned char>(text[j]);
  size_t len = 1;
  if (c >= 0xF0) {
    len = 4;
  } else if (c >= 0xE0) {
    len = 3;
  } else if (c >= 0xC0) {
    len = 2;
  }
  return std::min(len, text.size() - j);
}

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// Collects positions while checking the re-decoded bytes against the text.
class Table {
 public:
  Table(std::string_view want, size_t limit) : want_(want), limit_(limit) {}

  // Adds decoded `bytes` written at `at`; `after` is the position just past
  // their source. Returns false when scanning should stop.
  bool emit(std::string_view bytes, Position at, Position after) {
    for (const char b : bytes) {
      if (out_.size() >= want_.size() || want_[out_.size()] != b) return false;
      out_.push_back(at);
    }
    if (out_.size() == want_.size()) {
      out_.push_back(after);
      return false;
    }
    return out_.size() <= limit_;
  }
  // For an empty text: its only position is where it would start.
  bool done_if_empty(Position start) {
    if (!want_.empty()) return false;
    out_.push_back(start);
    return true;
  }
  std::vector<Position> take() { return std::move(out_); }

 private:
  std::string_view want_;
  size_t limit_;
  std::vector<Position> out_;
};

void scan_quoted(const core::SourceFile& file, size_t start, Position start_pos, char quote,
                 Table& table) {
  const std::string_view text = file.text();
  if (start >= text.size() || text[start] != quote) return;
  PositionCursor cursor(text, start, start_pos);
  size_t j = start + 1;
  if (table.done_if_empty(cursor.advance(j))) return;
  std::string bytes;
  while (j < text.size()) {
    const char c = text[j];
    const Position at = cursor.advance(j);
    if (c == quote) {
      if (quote == '"' || j + 1 >= text.size() || text[j + 1] != '\'') return;  // closing quote
      if (!table.emit("'", at, cursor.advance(j + 2))) return;
      j += 2;
      continue;
    }
    if (is_line_break(c)) return;  // a raw line break folds: not mapped
    if (quote == '"' && c == '\\') {
      if (j + 1 < text.size() && is_line_break(text[j + 1])) {  // YAML escaped line break
        const bool crlf = text[j + 1] == '\r' && j + 2 < text.size() && text[j + 2] == '\n';
        j += crlf ? 3u : 2u;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
        if (j < text.size() && is_line_break(text[j])) return;
        continue;
      }
      bytes.clear();
      const size_t len = decode_escape(text, j, bytes);
      if (len == 0 || !table.emit(bytes, at, cursor.advance(j + len))) return;
      j += len;
      continue;
    }
    const size_t len = code_point_length(text, j);
    if (!table.emit(text.substr(j, len), at, cursor.advance(j + len))) return;
    j += len;
  }
}

void scan_plain(const core::SourceFile& file, size_t start, Position start_pos, Table& table) {
  const std::string_view text = file.text();
  PositionCursor cursor(text, start, start_pos);
  if (table.done_if_empty(cursor.advance(start))) return;
  size_t j = start;
  while (j < text.size() && !is_line_break(text[j])) {
    const size_t len = code_point_length(text, j);
    if (!table.emit(text.substr(j, len), cursor.advance(j), cursor.advance(j + len))) return;
    j += len;
  }
}

// YAML literal block scalar whose header (`|`, `|-`, `|+`) is on `header_line`.
void scan_literal(const core::SourceFile& file, uint32_t header_line, Table& table) {
  const std::string_view text = file.text();
  const auto line_count = static_cast<uint32_t>(file.line_count());
  const uint32_t first = header_line + 1;
  if (first > line_count) return;
  if (table.done_if_empty(Position{first, 1})) return;
  auto leading_spaces = [](std::string_view line) {
    size_t k = 0;
    while (k < line.size() && line[k] == ' ') ++k;
    return k;
  };
  size_t indent = std::string_view::npos;  // unknown until a non-empty line
  for (uint32_t l = first; l <= line_count; ++l) {
    const std::string_view line = file.line_text(l);
    const size_t k = leading_spaces(line);
    if (k < line.size()) {
      indent = k;
      break;
    }
  }
  auto col = [](size_t c) { return static_cast<uint32_t>(c + 1); };
  for (uint32_t l = first; l <= line_count; ++l) {
    const std::string_view line = file.line_text(l);
    const size_t k = leading_spaces(line);
    // The last line may end the file without a line break.
    const Position next_line = l < line_count ? Position{l + 1, 1} : file.position_at(text.size());
    if (k < line.size() && k < indent) return;  // a less indented line ends the block
    if (k == line.size() && k <= indent) {      // an empty line
      if (!table.emit("\n", Position{l, col(k)}, next_line)) return;
      continue;
    }
    const size_t line_start = file.line_start(l);
    PositionCursor cursor(text, line_start + indent, Position{l, col(indent)});
    const size_t end = line_start + line.size();
    for (size_t j = line_start + indent; j < end;) {
      const size_t len = code_point_length(text, j);
      if (!table.emit(text.substr(j, len), cursor.advance(j), cursor.advance(j + len))) return;
      j += len;
    }
    if (!table.emit("\n", cursor.advance(end), next_line)) return;
  }
}

}  // namespace

namespace {

std::vector<core::Position> byte_positions(const core::SourceFile& file, const core::Node& scalar,
                                           size_t start, Position start_pos, size_t limit) {
  Table table(scalar.text, limit);
  switch (scalar.style) {
    case core::ScalarStyle::kDoubleQuoted:
      scan_quoted(file, start, start_pos, '"', table);
      break;
    case core::ScalarStyle::kSingleQuoted:
      scan_quoted(file, start, start_pos, '\'', table);
      break;
    case core::ScalarStyle::kPlain:
      scan_plain(file, start, start_pos, table);
      break;
    case core::ScalarStyle::kLiteral:
      scan_literal(file, scalar.range.begin.line, table);
      break;
    case core::ScalarStyle::kFolded:
      break;
  }
  return table.take();
}

bool mappable(const core::SourceFile& file, const core::Node& scalar) {
  return scalar.kind == core::NodeKind::kScalar && scalar.range.begin.known() &&
         scalar.range.begin.line <= file.line_count();
}

}  // namespace

std::vector<core::Position> scalar_byte_positions(const core::SourceFile& file,
                                                  const core::Node& scalar, size_t limit) {
  if (!mappable(file, scalar)) return {};
  const size_t start = file.offset_of(scalar.range.begin);
  return byte_positions(file, scalar, start, file.position_at(start), limit);
}

std::vector<core::Position> scalar_byte_positions_at(const core::SourceFile& file,
                                                     const core::Node& scalar, size_t start) {
  if (!mappable(file, scalar)) return {};
  return byte_positions(file, scalar, start, scalar.range.begin, std::string_view::npos);
}

}  // namespace detail

core::Position map_scalar_offset(const core::SourceFile& file, const core::Node& scalar,
                                 size_t decoded_offset) {
  const auto positions = detail::scalar_byte_positions(file, scalar, decoded_offset);
  return decoded_offset < positions.size() ? positions[decoded_offset] : scalar.range.begin;
}

}  // namespace genlens::parse
