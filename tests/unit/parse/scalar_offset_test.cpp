// map_scalar_offset for every scalar style, and the position cursor it and
// the JSON reader share.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "genlens/core/document.h"
#include "genlens/core/source.h"
#include "genlens/parse/parse.h"
#include "parse/scalar_offset.h"

namespace {

using genlens::core::Node;
using genlens::core::NodeKind;
using genlens::core::Position;
using genlens::core::ScalarStyle;
using genlens::core::SourceFile;
using genlens::parse::map_scalar_offset;

std::string str(Position p) { return fmt::format("{}:{}", p.line, p.column); }

Node scalar(ScalarStyle style, Position begin, std::string text) {
  Node n;
  n.kind = NodeKind::kScalar;
  n.style = style;
  n.range.begin = begin;
  n.text = std::move(text);
  return n;
}

// Position of decoded byte `d` of `node` in `file`, as "line:col".
std::string at(const SourceFile& file, const Node& node, size_t d) {
  return str(map_scalar_offset(file, node, d));
}

TEST(PositionCursor, AgreesWithSourceFile) {
  const SourceFile file("x", "a\r\nbé\r\rc\n\n日本😀\rz\r\n\r");
  const std::string_view text = file.text();
  genlens::parse::detail::PositionCursor cursor(text, 0, Position{1, 1});
  for (size_t o = 0; o <= text.size() + 2; ++o) {
    EXPECT_EQ(cursor.advance(o), file.position_at(o)) << "offset " << o;
  }
  for (size_t o = text.size(); o-- > 0;) {  // backwards rescans from the base
    EXPECT_EQ(cursor.advance(o), file.position_at(o)) << "offset " << o;
  }
  genlens::parse::detail::PositionCursor mid(text, 3, file.position_at(3));
  EXPECT_EQ(mid.advance(12), file.position_at(12));
  EXPECT_EQ(mid.advance(1), file.position_at(3));  // before the base: the base
}

TEST(ScalarOffset, JsonDoubleQuotedWithEscapes) {
  const auto r = genlens::parse::parse_json(
      std::make_shared<const SourceFile>("t.json", R"({"v": "a\"b\u00e9\ud83d\ude00c日d"})"));
  ASSERT_TRUE(r.ok());
  const SourceFile& file = r.value()->source();
  const Node& v = *r.value()->roots()[0]->children[0];
  ASSERT_EQ(v.text,
            "a\"b\xC3\xA9\xF0\x9F\x98\x80"
            "c日d");
  EXPECT_EQ(at(file, v, 0), "1:8");   // a
  EXPECT_EQ(at(file, v, 1), "1:9");   // \"
  EXPECT_EQ(at(file, v, 2), "1:11");  // b
  EXPECT_EQ(at(file, v, 3), "1:12");  // \u00e9, both bytes
  EXPECT_EQ(at(file, v, 4), "1:12");
  EXPECT_EQ(at(file, v, 5), "1:18");  // the surrogate pair, all four bytes
  EXPECT_EQ(at(file, v, 8), "1:18");
  EXPECT_EQ(at(file, v, 9), "1:30");   // c
  EXPECT_EQ(at(file, v, 10), "1:31");  // 日, all three bytes
  EXPECT_EQ(at(file, v, 12), "1:31");
  EXPECT_EQ(at(file, v, 13), "1:32");  // d
  EXPECT_EQ(at(file, v, 14), "1:33");  // the end: the closing quote
  EXPECT_EQ(at(file, v, 15), "1:7");   // past the end: the start
}

TEST(ScalarOffset, EmptyQuotedString) {
  const SourceFile file("x", "k: \"\"\n");
  EXPECT_EQ(at(file, scalar(ScalarStyle::kDoubleQuoted, {1, 4}, ""), 0), "1:5");
  EXPECT_EQ(at(file, scalar(ScalarStyle::kDoubleQuoted, {1, 4}, ""), 1), "1:4");
}

TEST(ScalarOffset, YamlDoubleQuotedEscapesAndEscapedLineBreak) {
  const SourceFile file("x", "k: \"A\\x42\\\n    C\\_D\\U0001F600\"\n");
  const Node n = scalar(ScalarStyle::kDoubleQuoted, {1, 4},
                        "ABC\xC2\xA0"
                        "D\xF0\x9F\x98\x80");
  EXPECT_EQ(at(file, n, 0), "1:5");
  EXPECT_EQ(at(file, n, 1), "1:6");  // \x42
  EXPECT_EQ(at(file, n, 2), "2:5");  // after the escaped line break and the indentation
  EXPECT_EQ(at(file, n, 3), "2:6");  // \_ (two bytes)
  EXPECT_EQ(at(file, n, 4), "2:6");
  EXPECT_EQ(at(file, n, 5), "2:8");
  EXPECT_EQ(at(file, n, 6), "2:9");  // \U0001F600
  EXPECT_EQ(at(file, n, 10), "2:19");
}

TEST(ScalarOffset, YamlDoubleQuotedRawLineBreakFallsBack) {
  const SourceFile file("x", "k: \"ab\r\n  cd\"\n");
  const Node n = scalar(ScalarStyle::kDoubleQuoted, {1, 4}, "ab cd");
  EXPECT_EQ(at(file, n, 0), "1:5");
  EXPECT_EQ(at(file, n, 1), "1:6");
  EXPECT_EQ(at(file, n, 2), "1:4");
  EXPECT_EQ(at(file, n, 4), "1:4");
  EXPECT_EQ(at(file, n, 5), "1:4");
}

TEST(ScalarOffset, SingleQuoted) {
  const SourceFile file("x", "k: 'it''s [1]'\n");
  const Node n = scalar(ScalarStyle::kSingleQuoted, {1, 4}, "it's [1]");
  EXPECT_EQ(at(file, n, 0), "1:5");
  EXPECT_EQ(at(file, n, 1), "1:6");
  EXPECT_EQ(at(file, n, 2), "1:7");  // '' is one quote
  EXPECT_EQ(at(file, n, 3), "1:9");
  EXPECT_EQ(at(file, n, 5), "1:11");
  EXPECT_EQ(at(file, n, 8), "1:14");  // the closing quote
}

TEST(ScalarOffset, PlainOneLine) {
  const SourceFile file("x", "a: 1\nkey: héllo wörld # c\n");
  const Node n = scalar(ScalarStyle::kPlain, {2, 6}, "héllo wörld");
  EXPECT_EQ(at(file, n, 0), "2:6");
  EXPECT_EQ(at(file, n, 1), "2:7");
  EXPECT_EQ(at(file, n, 2), "2:7");  // inside é
  EXPECT_EQ(at(file, n, 3), "2:8");
  EXPECT_EQ(at(file, n, 12), "2:16");
  EXPECT_EQ(at(file, n, 13), "2:17");  // the end
  EXPECT_EQ(at(file, n, 14), "2:6");
}

TEST(ScalarOffset, PlainMultiLineMapsTheFirstLineOnly) {
  const SourceFile file("x", "k: one\n  two\n");
  const Node n = scalar(ScalarStyle::kPlain, {1, 4}, "one two");
  EXPECT_EQ(at(file, n, 2), "1:6");
  EXPECT_EQ(at(file, n, 3), "1:4");
  EXPECT_EQ(at(file, n, 5), "1:4");
}

TEST(ScalarOffset, LiteralBlock) {
  const SourceFile file("x",
                        "Resources:\n"
                        "  Fn:\n"
                        "    Code: |  # keep\n"
                        "      line one\n"
                        "\n"
                        "        indented\n"
                        "      last\n"
                        "    Next: 1\n");
  const Node n = scalar(ScalarStyle::kLiteral, {3, 11}, "line one\n\n  indented\nlast\n");
  EXPECT_EQ(at(file, n, 0), "4:7");
  EXPECT_EQ(at(file, n, 7), "4:14");
  EXPECT_EQ(at(file, n, 8), "4:15");  // the line break: just after the line
  EXPECT_EQ(at(file, n, 9), "5:1");   // the empty line
  EXPECT_EQ(at(file, n, 10), "6:7");  // extra indentation is content
  EXPECT_EQ(at(file, n, 12), "6:9");
  EXPECT_EQ(at(file, n, 20), "6:17");
  EXPECT_EQ(at(file, n, 21), "7:7");
  EXPECT_EQ(at(file, n, 25), "7:11");
  EXPECT_EQ(at(file, n, 26), "8:1");   // the end
  EXPECT_EQ(at(file, n, 27), "3:11");  // past the end
}

TEST(ScalarOffset, LiteralBlockStripCrlfAndMultiByte) {
  const SourceFile file("x", "k: |-\r\n  日b\r\n  cd\r\nx: 1\r\n");
  const Node n = scalar(ScalarStyle::kLiteral, {1, 4}, "日b\ncd");
  EXPECT_EQ(at(file, n, 0), "2:3");
  EXPECT_EQ(at(file, n, 2), "2:3");
  EXPECT_EQ(at(file, n, 3), "2:4");
  EXPECT_EQ(at(file, n, 4), "2:5");  // the line break
  EXPECT_EQ(at(file, n, 5), "3:3");
  EXPECT_EQ(at(file, n, 7), "3:5");  // the end: just after "cd"
}

TEST(ScalarOffset, LiteralBlockWithTrailingEmptyLines) {
  const SourceFile file("x", "k: |\n  a\n\n\n");  // clip: one final line break
  const Node n = scalar(ScalarStyle::kLiteral, {1, 4}, "a\n");
  EXPECT_EQ(at(file, n, 1), "2:4");
  EXPECT_EQ(at(file, n, 2), "3:1");
  const Node keep = scalar(ScalarStyle::kLiteral, {1, 4}, "a\n\n\n");
  EXPECT_EQ(at(file, keep, 3), "4:1");
  EXPECT_EQ(at(file, keep, 4), "5:1");
}

TEST(ScalarOffset, LiteralBlockAtTheEndOfTheFile) {
  const SourceFile file("x", "k: |\n  ab");  // no final line break
  const Node clip = scalar(ScalarStyle::kLiteral, {1, 4}, "ab\n");
  EXPECT_EQ(at(file, clip, 0), "2:3");
  EXPECT_EQ(at(file, clip, 2), "2:5");
  EXPECT_EQ(at(file, clip, 3), "2:5");  // never past the end of the file
  const Node strip = scalar(ScalarStyle::kLiteral, {1, 4}, "ab");
  EXPECT_EQ(at(file, strip, 2), "2:5");
  const SourceFile blank("x", "k: |\n");
  EXPECT_EQ(at(blank, scalar(ScalarStyle::kLiteral, {1, 4}, "\n"), 1), "2:1");
}

TEST(ScalarOffset, LiteralBlockMismatchFallsBackAfterTheCommonPrefix) {
  const SourceFile file("x", "k: |\n  abc\n  def\n");
  const Node n = scalar(ScalarStyle::kLiteral, {1, 4}, "abc\ndXf\n");
  EXPECT_EQ(at(file, n, 4), "3:3");
  EXPECT_EQ(at(file, n, 5), "1:4");
  EXPECT_EQ(at(file, n, 6), "1:4");
}

TEST(ScalarOffset, FoldedFallsBack) {
  const SourceFile file("x", "k: >\n  abc\n  def\n");
  const Node n = scalar(ScalarStyle::kFolded, {1, 4}, "abc def\n");
  EXPECT_EQ(at(file, n, 0), "1:4");
  EXPECT_EQ(at(file, n, 5), "1:4");
}

TEST(ScalarOffset, NeverReadsOutsideTheFile) {
  const SourceFile file("x", "k: \"abc");
  // Unterminated: the bytes that exist still map; the end is the end of file.
  const Node open = scalar(ScalarStyle::kDoubleQuoted, {1, 4}, "abc");
  EXPECT_EQ(at(file, open, 2), "1:7");
  EXPECT_EQ(at(file, open, 3), "1:8");
  // Text longer than the file holds.
  const Node longer = scalar(ScalarStyle::kDoubleQuoted, {1, 4}, "abcdef");
  EXPECT_EQ(at(file, longer, 3), "1:4");
  // A begin past the end of the file, or not at a quote.
  EXPECT_EQ(at(file, scalar(ScalarStyle::kDoubleQuoted, {9, 1}, "a"), 0), "9:1");
  EXPECT_EQ(at(file, scalar(ScalarStyle::kDoubleQuoted, {1, 40}, "a"), 0), "1:40");
  EXPECT_EQ(at(file, scalar(ScalarStyle::kDoubleQuoted, {1, 1}, "a"), 0), "1:1");
  EXPECT_EQ(at(file, scalar(ScalarStyle::kLiteral, {1, 1}, "a"), 0), "1:1");
  EXPECT_EQ(at(file, scalar(ScalarStyle::kPlain, {1, 8}, "x"), 0), "1:8");
  // An escape cut off by the end of the file.
  const SourceFile cut("x", "k: \"a\\u00");
  EXPECT_EQ(at(cut, scalar(ScalarStyle::kDoubleQuoted, {1, 4}, "a\xC3\xA9"), 1), "1:4");
  const SourceFile backslash("x", "k: \"a\\");
  EXPECT_EQ(at(backslash, scalar(ScalarStyle::kDoubleQuoted, {1, 4}, "a\\"), 1), "1:4");
  // Unknown position and non-scalar nodes.
  EXPECT_EQ(at(file, scalar(ScalarStyle::kPlain, {}, "k"), 0), "0:0");
  Node map = scalar(ScalarStyle::kPlain, {1, 1}, "k");
  map.kind = NodeKind::kMap;
  EXPECT_EQ(at(file, map, 0), "1:1");
  // An empty file.
  const SourceFile empty("x", "");
  EXPECT_EQ(at(empty, scalar(ScalarStyle::kLiteral, {1, 1}, "a"), 0), "1:1");
  EXPECT_EQ(at(empty, scalar(ScalarStyle::kPlain, {1, 1}, "a"), 0), "1:1");
}

}  // namespace
