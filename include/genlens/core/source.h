#pragma once
// Source files, positions and ranges. Lines and columns are 1-based; columns
// count Unicode code points (SARIF columnKind "unicodeCodePoints"). 0 means
// "not known".
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace genlens::core {

struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
  [[nodiscard]] bool known() const { return line != 0; }
};

struct SourceRange {
  Position begin;
  Position end;
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// A file's text with a line index. A leading UTF-8 BOM is removed on
// construction, so offsets and columns match what an editor shows.
class SourceFile {
 public:
  SourceFile(std::string path, std::string content);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] bool had_bom() const { return had_bom_; }
  [[nodiscard]] size_t line_count() const { return line_starts_.size(); }

  // Byte offset -> 1-based line and code-point column.
  [[nodiscard]] Position position_at(size_t offset) const;
  // 1-based line and 0-based byte column (yaml-cpp marks) -> position.
  [[nodiscard]] Position position_at_line_byte(size_t line0, size_t byte_col) const;
  // Byte offset of the start of a 1-based line (clamped).
  [[nodiscard]] size_t line_start(uint32_t line) const;
  // Text of a 1-based line without its line terminator.
  [[nodiscard]] std::string_view line_text(uint32_t line) const;
  // Byte offset of a position (inverse of position_at, clamped to the line).
  [[nodiscard]] size_t offset_of(Position pos) const;

 private:
  std::string path_;
  std::string text_;
  bool had_bom_ = false;
  std::vector<size_t> line_starts_;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
[[nodiscard]] size_t find_invalid_utf8(std::string_view text);
// Appends code point `cp` (<= 0x10FFFF) to `out` as UTF-8.
void append_utf8(uint32_t cp, std::string& out);
// Reads `count` hex digits at `at`; false when they are not all there.
bool read_hex(std::string_view text, size_t at, size_t count, uint32_t& value);

}  // namespace genlens::core
