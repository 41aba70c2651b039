// parse_json: node kinds, decoded scalars, exact ranges, and every error with
// its position.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>

#include "genlens/core/document.h"
#include "genlens/core/source.h"
#include "genlens/parse/parse.h"

namespace {

using genlens::core::Node;
using genlens::core::NodeKind;
using genlens::core::Position;
using genlens::core::ScalarStyle;
using genlens::core::ScalarType;
using genlens::core::SourceFile;
using genlens::core::SourceRange;
using genlens::parse::DocResult;
using genlens::parse::ParseOptions;

DocResult parse(std::string text, const ParseOptions& options = {}) {
  return genlens::parse::parse_json(
      std::make_shared<const SourceFile>("test.json", std::move(text)), options);
}

std::string str(Position p) { return fmt::format("{}:{}", p.line, p.column); }
std::string str(SourceRange r) { return str(r.begin) + "-" + str(r.end); }

const Node& root(const DocResult& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : str(r.error().pos) + ": " + r.error().message);
  EXPECT_EQ(r.value()->roots().size(), 1u);
  return *r.value()->roots().front();
}

// "line:col: message" of a failed parse.
std::string error_of(std::string text, const ParseOptions& options = {}) {
  const DocResult r = parse(std::move(text), options);
  if (r.ok()) return "no error";
  return str(r.error().pos) + ": " + r.error().message;
}

TEST(JsonParser, ScalarTypesAndText) {
  const auto r = parse(R"({"s": "abc", "i": -12, "f": 1.5e3, "t": true, "b": false,
                          "n": null, "z": 0, "e": 2E-2, "g": -0.25})");
  const Node& m = root(r);
  ASSERT_TRUE(m.is_map());
  ASSERT_EQ(m.children.size(), 9u);
  struct Want {
    const char* key;
    ScalarType type;
    const char* text;
  };
  const Want want[] = {{"s", ScalarType::kString, "abc"},  {"i", ScalarType::kInt, "-12"},
                       {"f", ScalarType::kFloat, "1.5e3"}, {"t", ScalarType::kBool, "true"},
                       {"b", ScalarType::kBool, "false"},  {"n", ScalarType::kNull, "null"},
                       {"z", ScalarType::kInt, "0"},       {"e", ScalarType::kFloat, "2E-2"},
                       {"g", ScalarType::kFloat, "-0.25"}};
  for (const Want& w : want) {
    const Node* n = m.find(w.key);
    ASSERT_NE(n, nullptr) << w.key;
    EXPECT_EQ(n->kind, NodeKind::kScalar) << w.key;
    EXPECT_EQ(n->scalar_type, w.type) << w.key;
    EXPECT_EQ(n->text, w.text) << w.key;
    EXPECT_EQ(n->style,
              w.type == ScalarType::kString ? ScalarStyle::kDoubleQuoted : ScalarStyle::kPlain)
        << w.key;
  }
}

TEST(JsonParser, ScalarRoots) {
  EXPECT_EQ(root(parse("  42 ")).text, "42");
  EXPECT_EQ(str(root(parse("  42 ")).range), "1:3-1:5");
  EXPECT_EQ(str(root(parse("\n\"abc\"\n")).range), "2:1-2:6");
  EXPECT_EQ(root(parse("null")).scalar_type, ScalarType::kNull);
}

TEST(JsonParser, NestedRanges) {
  const auto r = parse(
      "{\n"
      "  \"a\": {\"b\": [1, \"xy\", {}]},\n"
      "  \"c\": []\n"
      "}");
  const Node& m = root(r);
  EXPECT_EQ(str(m.range), "1:1-4:2");
  EXPECT_EQ(m.key_range, SourceRange{});
  const Node& a = *m.children[0];
  EXPECT_EQ(a.key, "a");
  EXPECT_EQ(str(a.key_range), "2:3-2:6");
  EXPECT_EQ(str(a.range), "2:8-2:28");
  const Node& b = *a.children[0];
  EXPECT_EQ(str(b.key_range), "2:9-2:12");
  EXPECT_EQ(str(b.range), "2:14-2:27");
  ASSERT_EQ(b.children.size(), 3u);
  EXPECT_EQ(str(b.children[0]->range), "2:15-2:16");
  EXPECT_EQ(str(b.children[1]->range), "2:18-2:22");
  EXPECT_EQ(b.children[1]->text, "xy");
  EXPECT_EQ(str(b.children[2]->range), "2:24-2:26");
  EXPECT_TRUE(b.children[2]->is_map());
  EXPECT_EQ(b.children[2]->index, 2u);
  EXPECT_EQ(b.children[2]->path(), "a/b/2");
  const Node& c = *m.children[1];
  EXPECT_EQ(str(c.key_range), "3:3-3:6");
  EXPECT_EQ(str(c.range), "3:8-3:10");
  EXPECT_TRUE(c.is_sequence());
  EXPECT_TRUE(c.children.empty());
}

TEST(JsonParser, EscapesAndMultiByteColumns) {
  const auto r = parse(R"(["héllo\t\"q\"", "日本", "\u00e9\ud83d\ude00\/\\\b\f\n\r", "\u0000"])");
  const Node& s = root(r);
  ASSERT_EQ(s.children.size(), 4u);
  EXPECT_EQ(s.children[0]->text, "héllo\t\"q\"");
  EXPECT_EQ(str(s.children[0]->range), "1:2-1:16");
  EXPECT_EQ(s.children[1]->text, "日本");
  EXPECT_EQ(str(s.children[1]->range), "1:18-1:22");
  EXPECT_EQ(s.children[2]->text, "\xC3\xA9\xF0\x9F\x98\x80/\\\b\f\n\r");
  EXPECT_EQ(str(s.children[2]->range), "1:24-1:56");
  EXPECT_EQ(s.children[3]->text, std::string(1, '\0'));
  EXPECT_EQ(str(s.range), "1:1-1:67");
}

TEST(JsonParser, MultiByteKeys) {
  const auto r = parse("{\"ключ\": 1, \"😀\": [true]}");
  const Node& m = root(r);
  EXPECT_EQ(m.children[0]->key, "ключ");
  EXPECT_EQ(str(m.children[0]->key_range), "1:2-1:8");
  EXPECT_EQ(str(m.children[0]->range), "1:10-1:11");
  EXPECT_EQ(m.children[1]->key, "😀");
  EXPECT_EQ(str(m.children[1]->key_range), "1:13-1:16");
  EXPECT_EQ(str(m.children[1]->range), "1:18-1:24");
  EXPECT_EQ(str(m.children[1]->children[0]->range), "1:19-1:23");
}

TEST(JsonParser, BomAndCrlf) {
  const auto r = parse("\xEF\xBB\xBF{\r\n  \"a\": [1,\r\n 2]\r\n}\r\n");
  const Node& m = root(r);
  EXPECT_TRUE(r.value()->source().had_bom());
  EXPECT_EQ(str(m.range), "1:1-4:2");
  const Node& a = *m.children[0];
  EXPECT_EQ(str(a.key_range), "2:3-2:6");
  EXPECT_EQ(str(a.range), "2:8-3:4");
  EXPECT_EQ(str(a.children[0]->range), "2:9-2:10");
  EXPECT_EQ(str(a.children[1]->range), "3:2-3:3");
  EXPECT_EQ(error_of("\xEF\xBB\xBF{\r\n\"a\": @}"), "2:6: expected a value, found '@'");
}

TEST(JsonParser, LoneCarriageReturnEndsLine) {
  const auto r = parse("[1,\r2,\r\r3]");
  const Node& s = root(r);
  EXPECT_EQ(str(s.children[1]->range), "2:1-2:2");
  EXPECT_EQ(str(s.children[2]->range), "4:1-4:2");
}

TEST(JsonParser, DuplicateKeysAreKept) {
  const auto r = parse(R"({"Type": "a", "Type": "b"})");
  const Node& m = root(r);
  ASSERT_EQ(m.children.size(), 2u);
  EXPECT_EQ(m.children[0]->key, "Type");
  EXPECT_EQ(m.children[1]->key, "Type");
  EXPECT_EQ(m.find("Type")->text, "a");
  EXPECT_EQ(m.children[1]->index, 1u);
}

TEST(JsonParser, EmptyInput) {
  EXPECT_EQ(error_of(""), "1:1: empty file");
  EXPECT_EQ(error_of(" \r\n\t\n"), "1:1: empty file");
  EXPECT_EQ(error_of("\xEF\xBB\xBF"), "1:1: empty file");
}

TEST(JsonParser, InvalidUtf8) {
  EXPECT_EQ(error_of("{\"a\": \"\xFF\"}"), "1:8: invalid UTF-8 byte 0xFF");
  EXPECT_EQ(error_of("[\"é\",\n \"\xC3\x28\"]"), "2:3: invalid UTF-8 byte 0xC3");
  EXPECT_EQ(error_of("\"\xED\xA0\x80\""), "1:2: invalid UTF-8 byte 0xED");  // a surrogate
}

TEST(JsonParser, UnexpectedCharacters) {
  EXPECT_EQ(error_of("[1, @]"), "1:5: expected a value, found '@'");
  EXPECT_EQ(error_of("[\"日本\" x]"), "1:7: expected ',' or ']' after array element, found 'x'");
  EXPECT_EQ(error_of("[é]"), "1:2: expected a value, found 'é' (U+00E9)");
  EXPECT_EQ(error_of("[\x01]"), "1:2: expected a value, found control character U+0001");
  EXPECT_EQ(error_of("{\"a\" 1}"), "1:6: expected ':' after object key, found '1'");
  EXPECT_EQ(error_of("{\"a\": 1 \"b\": 2}"),
            "1:9: expected ',' or '}' after object member, found '\"'");
  EXPECT_EQ(error_of("[1 2]"), "1:4: expected ',' or ']' after array element, found '2'");
  EXPECT_EQ(error_of("{1: 2}"), "1:2: expected string key or '}', found '1'");
  EXPECT_EQ(error_of("{\"a\": 1, 2}"), "1:10: expected string key after ',', found '2'");
  EXPECT_EQ(error_of("[1,]"), "1:3: trailing comma before ']'");
  EXPECT_EQ(error_of("{\"a\":1 ,\n}"), "1:8: trailing comma before '}'");
  EXPECT_EQ(error_of("[1,"), "1:4: expected a value, found end of input");
  EXPECT_EQ(error_of("{\"a\":1"),
            "1:7: expected ',' or '}' after object member, found end of input");
  EXPECT_EQ(error_of("{\"a\":\n"), "2:1: expected a value, found end of input");
  EXPECT_EQ(error_of("// c\n{}"), "1:1: expected a value, found '/'; JSON has no comments");
  EXPECT_EQ(error_of("{'a': 1}"),
            "1:2: expected string key or '}', found '''; JSON strings use double quotes");
  EXPECT_EQ(error_of("[_a]"), "1:2: expected a value, found '_'");
}

TEST(JsonParser, TrailingGarbage) {
  EXPECT_EQ(error_of("{} x"), "1:4: expected end of input after the JSON value, found 'x'");
  EXPECT_EQ(error_of("{}}"), "1:3: expected end of input after the JSON value, found '}'");
  EXPECT_EQ(error_of("{}\n\n  ]"), "3:3: expected end of input after the JSON value, found ']'");
  EXPECT_EQ(error_of("1 2"), "1:3: expected end of input after the JSON value, found '2'");
}

TEST(JsonParser, Strings) {
  EXPECT_EQ(error_of("[\"abc"), "1:2: unterminated string");
  EXPECT_EQ(error_of("\"abc\\"), "1:1: unterminated string");
  EXPECT_EQ(error_of("{\"ke"), "1:2: unterminated string");
  EXPECT_EQ(error_of("[\"ab\ncd\"]"), "1:5: line break in string (missing closing '\"'?)");
  EXPECT_EQ(error_of("[\"a\tb\"]"), "1:4: unescaped control character U+0009 in string");
  EXPECT_EQ(error_of("[\"a\x01\"]"), "1:4: unescaped control character U+0001 in string");
  EXPECT_EQ(error_of(R"(["\q"])"), "1:3: invalid escape '\\q' in string");
  EXPECT_EQ(error_of("[\"\\\t\"]"),
            "1:3: invalid escape in string: '\\' followed by control character U+0009");
  EXPECT_EQ(error_of(R"(  "\u12G4")"), "1:4: invalid \\u escape; expected 4 hex digits");
  EXPECT_EQ(error_of(R"("\u12")"), "1:2: invalid \\u escape; expected 4 hex digits");
  EXPECT_EQ(error_of(R"("x\ud83d")"), "1:3: unpaired UTF-16 surrogate '\\ud83d' in string");
  EXPECT_EQ(error_of(R"("\ud83d\u0041")"), "1:2: unpaired UTF-16 surrogate '\\ud83d' in string");
  EXPECT_EQ(error_of(R"("\uDE00")"), "1:2: unpaired UTF-16 surrogate '\\uDE00' in string");
}

TEST(JsonParser, BadNumbers) {
  for (const char* bad :
       {"01", "1.", ".5", "-", "1e", "+1", "1.2.3", "0x10", "-01", "1e+", "1.e5", "--1", "1-2"}) {
    EXPECT_EQ(error_of(fmt::format("[1, {}]", bad)), fmt::format("1:5: invalid number '{}'", bad));
  }
  EXPECT_EQ(error_of("[1, " + std::string(60, '9') + "x]"),
            "1:5: invalid number '" + std::string(40, '9') + "...'");
  for (const char* good :
       {"0", "-0", "10", "0.5", "1e5", "1E+5", "-1.5e-5", "123456789012345678901234567890"}) {
    EXPECT_EQ(root(parse(good)).text, good);
  }
}

TEST(JsonParser, BadLiterals) {
  EXPECT_EQ(error_of("[True]"), "1:2: invalid literal 'True'; expected true, false or null");
  EXPECT_EQ(error_of("[nul]"), "1:2: invalid literal 'nul'; expected true, false or null");
  EXPECT_EQ(error_of("NaN"), "1:1: invalid literal 'NaN'; expected true, false or null");
  EXPECT_EQ(error_of("[truex]"), "1:2: invalid literal 'truex'; expected true, false or null");
}

TEST(JsonParser, DepthLimit) {
  ParseOptions options;
  options.max_depth = 3;
  EXPECT_TRUE(parse("[[[1]]]", options).ok());
  EXPECT_TRUE(parse(R"({"a": {"b": [1]}})", options).ok());
  EXPECT_EQ(error_of("[[[[1]]]]", options), "1:4: nesting deeper than 3 levels");
  EXPECT_EQ(error_of("{\"a\": [\n {\"b\": {}}]}", options), "2:8: nesting deeper than 3 levels");
}

TEST(JsonParser, HundredThousandDeepIsAnErrorNotACrash) {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  EXPECT_EQ(error_of(deep), "1:401: nesting deeper than 400 levels");
  EXPECT_EQ(error_of(std::string(100'000, '[')), "1:401: nesting deeper than 400 levels");
  EXPECT_EQ(error_of(std::string(100'000, '{')), "1:2: expected string key or '}', found '{'");
}

TEST(JsonParser, DeepNestingWithinALargeLimitIsIterative) {
  ParseOptions options;
  options.max_depth = 200'000;
  const std::string deep = std::string(100'000, '[') + "7" + std::string(100'000, ']');
  const auto r = parse(deep, options);
  const Node* n = &root(r);
  size_t depth = 0;
  while (n->is_sequence()) {
    ASSERT_EQ(n->children.size(), 1u);
    n = n->children[0];
    ++depth;
  }
  EXPECT_EQ(depth, 100'000u);
  EXPECT_EQ(n->text, "7");
  EXPECT_EQ(str(n->range), "1:100001-1:100002");
  EXPECT_EQ(str(r.value()->roots()[0]->range), "1:1-1:200002");
}

TEST(JsonParser, NodeLimit) {
  ParseOptions options;
  options.max_nodes = 3;
  EXPECT_TRUE(parse("[1,2]", options).ok());
  EXPECT_EQ(error_of("[1,2,3]", options), "1:6: document has more than 3 nodes");
  EXPECT_EQ(error_of("{\"a\":{},\"b\":{\"c\":1}}", options),
            "1:18: document has more than 3 nodes");
}

TEST(JsonParser, UnknownMarkerMode) {
  ParseOptions options;
  options.allow_unknown_marker = true;
  const auto r = parse(
      "{\"a\": \x01, \"b\": [\x01\x01, 1], \"c\": \"x\x01y\", \"d\": \x01"
      "0, \"\x01\": 2}",
      options);
  const Node& m = root(r);
  const Node* a = m.find("a");
  EXPECT_EQ(a->kind, NodeKind::kUnknown);
  EXPECT_TRUE(a->text.empty());
  EXPECT_EQ(str(a->range), "1:7-1:8");
  const Node* b = m.find("b");
  ASSERT_EQ(b->children.size(), 2u);
  EXPECT_EQ(b->children[0]->kind, NodeKind::kUnknown);
  EXPECT_EQ(str(b->children[0]->range), "1:16-1:18");
  EXPECT_EQ(b->children[1]->text, "1");
  const Node* c = m.find("c");
  EXPECT_EQ(c->kind, NodeKind::kScalar);
  EXPECT_EQ(c->text, "x\x01y");
  EXPECT_EQ(str(c->range), "1:29-1:34");
  const Node* d = m.find("d");
  EXPECT_EQ(d->kind, NodeKind::kUnknown);
  EXPECT_EQ(str(d->range), "1:41-1:43");
  EXPECT_EQ(m.children[4]->key, "\x01");
  EXPECT_EQ(root(parse("\x01", options)).kind, NodeKind::kUnknown);
  // Marks do not make broken JSON acceptable.
  EXPECT_EQ(error_of("{\x01: 1}", options),
            "1:2: expected string key or '}', found control character U+0001");
  EXPECT_EQ(error_of("[\x01 \x01]", options),
            "1:4: expected ',' or ']' after array element, found control character U+0001");
  // Without the option the mark is an ordinary control character.
  EXPECT_EQ(error_of("{\"a\": \x01}"), "1:7: expected a value, found control character U+0001");
}

// Malformed and edge-case files under testdata/parse/json.
#ifdef GENLENS_SOURCE_DIR
std::string read_testdata(const std::string& name) {
  std::ifstream in(std::string(GENLENS_SOURCE_DIR) + "/testdata/parse/json/" + name,
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(JsonParser, TestdataFiles) {
  const std::pair<const char*, const char*> cases[] = {
      {"bom_crlf.json", "no error"},
      {"duplicate_keys.json", "no error"},
      {"trailing_comma.json", "4:6: trailing comma before ']'"},
      {"unterminated_string.json", "2:31: line break in string (missing closing '\"'?)"},
      {"invalid_utf8.json", "2:15: invalid UTF-8 byte 0xE9"},
      {"control_char.json", "2:12: unescaped control character U+0009 in string"},
      {"comment.json", "2:3: expected string key or '}', found '/'; JSON has no comments"},
      {"trailing_garbage.json", "2:1: expected end of input after the JSON value, found '{'"},
      {"bad_number.json", "2:11: invalid number '080'"},
      {"missing_comma.json", "3:3: expected ',' or '}' after object member, found '\"'"},
  };
  for (const auto& [file, want] : cases) {
    const std::string text = read_testdata(file);
    ASSERT_FALSE(text.empty()) << file;
    EXPECT_EQ(error_of(text), want) << file;
  }
  const auto r = parse(read_testdata("bom_crlf.json"));
  const Node* type = root(r).find("Resources")->find("Bucket")->find("Type");
  EXPECT_EQ(str(type->key_range), "3:16-3:22");
  EXPECT_EQ(str(type->range), "3:24-3:41");
  EXPECT_EQ(type->path(), "Resources/Bucket/Type");
}
#endif

}  // namespace
