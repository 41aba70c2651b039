#pragma once
// Internal helpers shared by the JSON reader and map_scalar_offset: turning
// byte offsets into positions cheaply, and mapping every byte of a scalar's
// decoded text back to the file.
#include <cstddef>
#include <string_view>
#include <vector>

#include "genlens/core/document.h"
#include "genlens/core/source.h"

namespace genlens::parse::detail {

// Converts byte offsets to positions by scanning forward from the last one,
// with the same line rules as SourceFile::position_at ("\n", "\r\n" and a lone
// "\r" end a line; columns count code points). Linear overall when offsets
// are requested in nondecreasing order; an earlier offset rescans from `base`.
class PositionCursor {
 public:
  PositionCursor(std::string_view text, size_t base, core::Position base_pos)
      : text_(text), base_(base), base_pos_(base_pos), offset_(base), pos_(base_pos) {}

  core::Position advance(size_t offset) {
    if (offset > text_.size()) offset = text_.size();
    if (offset < offset_) {
      if (offset < base_) return base_pos_;
      offset_ = base_;
      pos_ = base_pos_;
    }
    for (; offset_ < offset; ++offset_) {
      const auto c = static_cast<unsigned char>(text_[offset_]);
      if (c == '\n' || (c == '\r' && (offset_ + 1 >= text_.size() || text_[offset_ + 1] != '\n'))) {
        ++pos_.line;
        pos_.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++pos_.column;
      }
    }
    return pos_;
  }

 private:
  std::string_view text_;
  size_t base_;
  core::Position base_pos_;
  size_t offset_;
  core::Position pos_;
};

// Converts positions to byte offsets (SourceFile::offset_of: columns count
// code points, a column past the line's end is its end) by scanning forward
// from the last one: linear overall when positions come in nondecreasing
// order on long lines; an earlier position rescans its line.
class OffsetCursor {
 public:
  explicit OffsetCursor(const core::SourceFile& file) : file_(file) {}

  size_t advance(core::Position p) {
    if (p.line != pos_.line || p.column < pos_.column) {
      pos_ = core::Position{p.line, 1};
      offset_ = file_.line_start(p.line);
      end_ = offset_ + file_.line_text(p.line).size();
    }
    const std::string_view text = file_.text();
    while (pos_.column < p.column && offset_ < end_) {
      ++offset_;
      while (offset_ < end_ && (static_cast<unsigned char>(text[offset_]) & 0xC0) == 0x80) {
        ++offset_;
      }
      ++pos_.column;
    }
    return offset_;
  }

 private:
  const core::SourceFile& file_;
  core::Position pos_{0, 0};
  size_t offset_ = 0;
  size_t end_ = 0;
};

// Where each byte of `scalar.text` is written in `file`: result[d] is the
// position of the source character that produced decoded byte d, and, when
// the whole text could be matched, result[scalar.text.size()] is the position
// just after the last one. The source is re-decoded from scalar.range.begin
// according to scalar.style and checked against scalar.text byte by byte;
// only the verified prefix is returned (empty when the style is not
// supported). Scanning stops once entry `limit` exists.
std::vector<core::Position> scalar_byte_positions(const core::SourceFile& file,
                                                  const core::Node& scalar,
                                                  size_t limit = std::string_view::npos);
// The same when the caller knows `start`, the offset of scalar.range.begin
// (converting the position costs its column: quadratic over the strings of
// a long line).
std::vector<core::Position> scalar_byte_positions_at(const core::SourceFile& file,
                                                     const core::Node& scalar, size_t start);

}  // namespace genlens::parse::detail
