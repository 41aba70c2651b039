// core::SourceFile (BOM, line breaks, code-point columns, offsets) and
// core::find_invalid_utf8.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "../test_support.h"
#include "genlens/core/source.h"

namespace {

using genlens::core::find_invalid_utf8;
using genlens::core::Position;
using genlens::core::SourceFile;
using genlens::testutil::pos_str;
constexpr size_t npos = std::string_view::npos;

TEST(SourceFile, LeadingBomIsRemovedSoOffsetsMatchTheEditor) {
  const SourceFile f("t.yaml",
                     "\xEF\xBB\xBF"
                     "a: 1\nb: 2\n");
  EXPECT_TRUE(f.had_bom());
  EXPECT_EQ(f.text(), "a: 1\nb: 2\n");
  EXPECT_EQ(pos_str(f.position_at(0)), "1:1");
  EXPECT_EQ(pos_str(f.position_at(5)), "2:1");
  EXPECT_EQ(f.line_text(1), "a: 1");
  EXPECT_EQ(f.path(), "t.yaml");
}

TEST(SourceFile, WithoutBomTextIsUnchanged) {
  const SourceFile f("t.yaml", "a\xEF\xBB\xBF");
  EXPECT_FALSE(f.had_bom());
  EXPECT_EQ(f.text(), "a\xEF\xBB\xBF");
  const SourceFile empty("e.yaml", "");
  EXPECT_FALSE(empty.had_bom());
  EXPECT_EQ(empty.line_count(), 1u);
  EXPECT_EQ(pos_str(empty.position_at(0)), "1:1");
}

TEST(SourceFile, LfLinesAndTrailingEmptyLine) {
  const SourceFile f("t", "ab\ncd\n");
  EXPECT_EQ(f.line_count(), 3u);
  EXPECT_EQ(f.line_text(1), "ab");
  EXPECT_EQ(f.line_text(2), "cd");
  EXPECT_EQ(f.line_text(3), "");
  EXPECT_EQ(pos_str(f.position_at(2)), "1:3");  // the '\n' itself
  EXPECT_EQ(pos_str(f.position_at(3)), "2:1");
  EXPECT_EQ(pos_str(f.position_at(6)), "3:1");
}

TEST(SourceFile, CrlfIsOneLineBreakAndNotPartOfLineText) {
  const SourceFile f("t", "a: 1\r\nbc: 2\r\n");
  EXPECT_EQ(f.line_count(), 3u);
  EXPECT_EQ(f.line_text(1), "a: 1");
  EXPECT_EQ(f.line_text(2), "bc: 2");
  EXPECT_EQ(f.line_start(2), 6u);
  EXPECT_EQ(pos_str(f.position_at(6)), "2:1");
  EXPECT_EQ(pos_str(f.position_at(10)), "2:5");
  EXPECT_EQ(pos_str(f.position_at(4)), "1:5");  // '\r'
}

TEST(SourceFile, LoneCarriageReturnEndsALine) {
  const SourceFile f("t", "a\rbb\rc");
  EXPECT_EQ(f.line_count(), 3u);
  EXPECT_EQ(f.line_text(1), "a");
  EXPECT_EQ(f.line_text(2), "bb");
  EXPECT_EQ(f.line_text(3), "c");
  EXPECT_EQ(pos_str(f.position_at(3)), "2:2");
  EXPECT_EQ(pos_str(f.position_at(5)), "3:1");
}

TEST(SourceFile, MixedLineEndings) {
  const SourceFile f("t", "a\r\n\rb\nc");
  EXPECT_EQ(f.line_count(), 4u);
  EXPECT_EQ(f.line_text(1), "a");
  EXPECT_EQ(f.line_text(2), "");
  EXPECT_EQ(f.line_text(3), "b");
  EXPECT_EQ(f.line_text(4), "c");
  EXPECT_EQ(pos_str(f.position_at(4)), "3:1");
}

TEST(SourceFile, ColumnsCountCodePointsNotBytes) {
  // k : ' ' é(2 bytes) €(3 bytes) 𝄞(4 bytes) x
  const SourceFile f("t", "k: é€𝄞x\nü\n");
  EXPECT_EQ(pos_str(f.position_at(3)), "1:4");   // é
  EXPECT_EQ(pos_str(f.position_at(5)), "1:5");   // €
  EXPECT_EQ(pos_str(f.position_at(8)), "1:6");   // 𝄞
  EXPECT_EQ(pos_str(f.position_at(12)), "1:7");  // x
  EXPECT_EQ(pos_str(f.position_at(13)), "1:8");  // '\n'
  EXPECT_EQ(pos_str(f.position_at(14)), "2:1");  // ü
  EXPECT_EQ(pos_str(f.position_at(16)), "2:2");
}

TEST(SourceFile, PositionAtClampsPastTheEnd) {
  const SourceFile f("t", "ab\ncd");
  EXPECT_EQ(pos_str(f.position_at(5)), "2:3");
  EXPECT_EQ(pos_str(f.position_at(1000)), "2:3");
}

TEST(SourceFile, PositionAtLineByteTakesZeroBasedLineAndByteColumn) {
  const SourceFile f("t", "a: 1\nk: é€x\n");
  EXPECT_EQ(pos_str(f.position_at_line_byte(0, 3)), "1:4");
  EXPECT_EQ(pos_str(f.position_at_line_byte(1, 3)), "2:4");
  EXPECT_EQ(pos_str(f.position_at_line_byte(1, 8)), "2:6");  // x after 5 bytes of é€
  EXPECT_EQ(pos_str(f.position_at_line_byte(7, 0)), "3:1");  // past the last line: the end
}

TEST(SourceFile, LineStartAndLineTextOutOfRange) {
  const SourceFile f("t", "ab\ncd\n");
  EXPECT_EQ(f.line_start(0), 0u);
  EXPECT_EQ(f.line_start(1), 0u);
  EXPECT_EQ(f.line_start(2), 3u);
  EXPECT_EQ(f.line_start(3), 6u);
  EXPECT_EQ(f.line_start(99), 6u);
  EXPECT_EQ(f.line_text(0), "");
  EXPECT_EQ(f.line_text(99), "");
}

TEST(SourceFile, OffsetOfIsTheInverseOfPositionAt) {
  const std::string text = "k: é€𝄞x\r\nsecond ü line\rthird\n\nlast";
  const SourceFile f("t", text);
  for (size_t off = 0; off <= text.size(); ++off) {
    const bool continuation =
        off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80;
    if (continuation) continue;
    // Line terminators map to the end of their line's text.
    if (off < text.size() && (text[off] == '\n' || (text[off] == '\r'))) continue;
    SCOPED_TRACE(off);
    EXPECT_EQ(f.offset_of(f.position_at(off)), off);
  }
}

TEST(SourceFile, OffsetOfClampsColumnToTheLineEnd) {
  const SourceFile f("t", "ab\r\ncd\n");
  EXPECT_EQ(f.offset_of(Position{1, 99}), 2u);  // before "\r\n"
  EXPECT_EQ(f.offset_of(Position{2, 1}), 4u);
  EXPECT_EQ(f.offset_of(Position{2, 3}), 6u);
  EXPECT_EQ(f.offset_of(Position{9, 1}), 7u);  // past the last line: the end
}

TEST(FindInvalidUtf8, ValidTextGivesNpos) {
  EXPECT_EQ(find_invalid_utf8(""), npos);
  EXPECT_EQ(find_invalid_utf8("plain ascii\n"), npos);
  EXPECT_EQ(find_invalid_utf8("é ü"), npos);               // 2-byte
  EXPECT_EQ(find_invalid_utf8("€ \xEF\xBF\xBF"), npos);    // 3-byte, U+FFFF
  EXPECT_EQ(find_invalid_utf8("𝄞 😀"), npos);               // 4-byte
  EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), npos);  // U+10FFFF, the last code point
  EXPECT_EQ(find_invalid_utf8("\xED\x9F\xBF"), npos);      // U+D7FF, just below surrogates
  EXPECT_EQ(find_invalid_utf8("\xEE\x80\x80"), npos);      // U+E000, just above
}

TEST(FindInvalidUtf8, OverlongEncodingsAreRejected) {
  EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);  // '/' in 2 bytes
  EXPECT_EQ(find_invalid_utf8("\xC1\xBF"), 0u);
  EXPECT_EQ(find_invalid_utf8("x\xE0\x80\xAF"), 1u);       // 3 bytes
  EXPECT_EQ(find_invalid_utf8("xy\xF0\x80\x80\xAF"), 2u);  // 4 bytes
  EXPECT_EQ(find_invalid_utf8("\xF0\x8F\xBF\xBF"), 0u);    // U+FFFF in 4 bytes
}

TEST(FindInvalidUtf8, SurrogatesAreRejected) {
  EXPECT_EQ(find_invalid_utf8("a\xED\xA0\x80"), 1u);  // U+D800
  EXPECT_EQ(find_invalid_utf8("\xED\xBF\xBF"), 0u);   // U+DFFF
}

TEST(FindInvalidUtf8, TruncatedSequencesAreRejected) {
  EXPECT_EQ(find_invalid_utf8("a\xE2\x82"), 1u);       // cut at the end
  EXPECT_EQ(find_invalid_utf8("\xF0\x9D\x84 x"), 0u);  // cut before a space
  EXPECT_EQ(find_invalid_utf8("ok\xC3"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xE2\x28\xA1"), 0u);  // bad continuation byte
}

TEST(FindInvalidUtf8, CodePointsAbove10FFFFAreRejected) {
  EXPECT_EQ(find_invalid_utf8("ab\xF4\x90\x80\x80"), 2u);  // U+110000
  EXPECT_EQ(find_invalid_utf8("\xF7\xBF\xBF\xBF"), 0u);
}

TEST(FindInvalidUtf8, StrayAndImpossibleBytesAreRejected) {
  EXPECT_EQ(find_invalid_utf8("a\x80"), 1u);  // lone continuation byte
  EXPECT_EQ(find_invalid_utf8("\xFF"), 0u);
  EXPECT_EQ(find_invalid_utf8("é\xFE"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xF8\x88\x80\x80\x80"), 0u);  // 5-byte form
}

}  // namespace
