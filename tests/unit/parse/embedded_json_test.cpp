// parse_embedded_json: JSON inside a string scalar, with every position
// mapped back into the host file.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "genlens/core/document.h"
#include "genlens/core/source.h"
#include "genlens/parse/parse.h"

namespace {

using genlens::core::Document;
using genlens::core::Node;
using genlens::core::NodeKind;
using genlens::core::Position;
using genlens::core::ScalarStyle;
using genlens::core::SourceFile;
using genlens::core::SourceRange;
using genlens::parse::DocResult;
using genlens::parse::OffsetMap;
using genlens::parse::parse_embedded_json;
using genlens::parse::ParseOptions;

std::string str(Position p) { return fmt::format("{}:{}", p.line, p.column); }
std::string str(SourceRange r) { return str(r.begin) + "-" + str(r.end); }

std::string error_of(const DocResult& r) {
  if (r.ok()) return "no error";
  return str(r.error().pos) + ": " + r.error().message;
}

std::shared_ptr<Document> parse_host_json(std::string path, std::string text) {
  auto r = genlens::parse::parse_json(std::make_shared<const SourceFile>(path, std::move(text)));
  EXPECT_TRUE(r.ok()) << error_of(r);
  return r.value();
}

// A YAML-style document built by hand: one scalar, nested under `keys`.
struct HandHost {
  std::shared_ptr<Document> doc;
  Node* scalar = nullptr;
};
HandHost hand_host(std::string text, ScalarStyle style, Position begin, std::string decoded) {
  HandHost h;
  h.doc = std::make_shared<Document>(std::make_shared<const SourceFile>("t.yaml", std::move(text)));
  Node* parent = h.doc->make_node(NodeKind::kMap);
  h.doc->add_root(parent);
  h.scalar = h.doc->make_node(NodeKind::kScalar);
  Document::append(parent, h.scalar);
  h.scalar->key = "Policy";
  h.scalar->style = style;
  h.scalar->range.begin = begin;
  h.scalar->text = std::move(decoded);
  return h;
}

constexpr const char* kTemplate = R"({
  "Resources": {
    "Domain": {
      "Type": "AWS::OpenSearchService::Domain",
      "Properties": {
        "Policy": "[{\"AllowFromPublic\":true}]"
      }
    }
  }
})";

TEST(EmbeddedJson, InsideAnEscapedJsonString) {
  const auto host_doc = parse_host_json("template.json", kTemplate);
  const Node* policy =
      host_doc->roots()[0]->find("Resources")->find("Domain")->find("Properties")->find("Policy");
  ASSERT_NE(policy, nullptr);
  ASSERT_EQ(policy->text, R"([{"AllowFromPublic":true}])");
  const auto r = parse_embedded_json(*host_doc, *policy, policy->text, nullptr);
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(r.value()->source().path(), "template.json");
  EXPECT_EQ(r.value()->source().text(), policy->text);
  const Node* root = r.value()->roots()[0];
  EXPECT_TRUE(root->embedded_root);
  EXPECT_EQ(root->parent, policy);
  EXPECT_EQ(str(root->range), "6:20-6:48");
  const Node* statement = root->children[0];
  EXPECT_EQ(str(statement->range), "6:21-6:47");
  const Node* allow = statement->find("AllowFromPublic");
  ASSERT_NE(allow, nullptr);
  EXPECT_EQ(str(allow->key_range), "6:22-6:41");  // from the escaped quote to the ':'
  EXPECT_EQ(str(allow->range), "6:42-6:46");
  EXPECT_EQ(allow->text, "true");
  EXPECT_EQ(allow->path(), "Resources/Domain/Properties/Policy@json/0/AllowFromPublic");
}

TEST(EmbeddedJson, InsideAYamlLiteralBlock) {
  const auto h = hand_host(
      "Resources:\n"
      "  Domain:\n"
      "    Properties:\n"
      "      Policy: |\n"
      "        [\n"
      "          {\"AllowFromPublic\": true}\n"
      "        ]\n",
      ScalarStyle::kLiteral, {4, 15}, "[\n  {\"AllowFromPublic\": true}\n]\n");
  const auto r = parse_embedded_json(*h.doc, *h.scalar, h.scalar->text, nullptr);
  ASSERT_TRUE(r.ok()) << error_of(r);
  const Node* root = r.value()->roots()[0];
  EXPECT_EQ(str(root->range), "5:9-7:10");
  EXPECT_EQ(str(root->children[0]->range), "6:11-6:36");
  const Node* allow = root->children[0]->find("AllowFromPublic");
  EXPECT_EQ(str(allow->key_range), "6:12-6:29");
  EXPECT_EQ(str(allow->range), "6:31-6:35");
  EXPECT_EQ(allow->path(), "Policy@json/0/AllowFromPublic");
}

TEST(EmbeddedJson, ErrorInsideAYamlLiteralBlock) {
  const auto h = hand_host("Policy: |\n  [\n    {\"a\": }\n  ]\n", ScalarStyle::kLiteral, {1, 9},
                           "[\n  {\"a\": }\n]\n");
  const auto r = parse_embedded_json(*h.doc, *h.scalar, h.scalar->text, nullptr);
  EXPECT_EQ(error_of(r), "3:11: expected a value, found '}'");
}

TEST(EmbeddedJson, InsideAPlainScalar) {
  const auto h = hand_host("Port: 8080 # the port\n", ScalarStyle::kPlain, {1, 7}, "8080");
  const auto r = parse_embedded_json(*h.doc, *h.scalar, h.scalar->text, nullptr);
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(str(r.value()->roots()[0]->range), "1:7-1:11");
  EXPECT_EQ(r.value()->roots()[0]->text, "8080");

  const auto bad = hand_host("Flag: tru\n", ScalarStyle::kPlain, {1, 7}, "tru");
  EXPECT_EQ(error_of(parse_embedded_json(*bad.doc, *bad.scalar, bad.scalar->text, nullptr)),
            "1:7: invalid literal 'tru'; expected true, false or null");
}

TEST(EmbeddedJson, ErrorsAreReportedInTheHostFile) {
  const auto host_doc = parse_host_json("t.json", "{\"P\": \"[{\\\"a\\\":}]\"}");
  const Node* p = host_doc->roots()[0]->find("P");
  ASSERT_EQ(p->text, "[{\"a\":}]");
  EXPECT_EQ(error_of(parse_embedded_json(*host_doc, *p, p->text, nullptr)),
            "1:16: expected a value, found '}'");

  const auto empty_doc = parse_host_json("t.json", "{\"P\": \"\"}");
  const Node* e = empty_doc->roots()[0]->find("P");
  EXPECT_EQ(error_of(parse_embedded_json(*empty_doc, *e, e->text, nullptr)),
            "1:8: empty JSON document");

  const auto utf_doc = parse_host_json("t.json", "{\"P\": \"[\\\"\\u00e9\"}");
  const Node* u = utf_doc->roots()[0]->find("P");
  EXPECT_EQ(error_of(parse_embedded_json(*utf_doc, *u, u->text, nullptr)),
            "1:9: unterminated string");
  // Offsets past the host scalar's text land on the scalar's start.
  EXPECT_EQ(error_of(parse_embedded_json(*utf_doc, *u, "[1    ,]", nullptr)),
            "1:7: trailing comma before ']'");
}

TEST(EmbeddedJson, ByteOrderMarkInsideTheString) {
  const auto host_doc = parse_host_json("t.json", "{\"P\": \"\\uFEFF[1]\"}");
  const Node* p = host_doc->roots()[0]->find("P");
  const auto r = parse_embedded_json(*host_doc, *p, p->text, nullptr);
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(str(r.value()->roots()[0]->range), "1:14-1:17");
  EXPECT_EQ(str(r.value()->roots()[0]->children[0]->range), "1:15-1:16");
}

// "[${P}, 22]" resolved to "[\x01, 22]": offset 1 has no origin, the rest
// is shifted by the three bytes the splice removed.
struct SpliceMap : OffsetMap {
  [[nodiscard]] size_t to_host(size_t offset) const override {
    if (offset == 0) return 0;
    if (offset == 1) return std::string_view::npos;
    return offset + 3;
  }
};

TEST(EmbeddedJson, OffsetMapForSplicedStrings) {
  const auto host_doc = parse_host_json("t.json", "{\"S\": \"[${P}, 22]\"}");
  const Node* s = host_doc->roots()[0]->find("S");
  ParseOptions options;
  options.allow_unknown_marker = true;
  const SpliceMap map;
  const auto r = parse_embedded_json(*host_doc, *s, "[\x01, 22]", &map, options);
  ASSERT_TRUE(r.ok()) << error_of(r);
  const Node* root = r.value()->roots()[0];
  EXPECT_EQ(str(root->range), "1:8-1:18");
  EXPECT_EQ(root->children[0]->kind, NodeKind::kUnknown);
  EXPECT_EQ(str(root->children[0]->range), "1:7-1:7");  // no origin: the host's start
  EXPECT_EQ(str(root->children[1]->range), "1:15-1:17");
  EXPECT_EQ(root->children[1]->text, "22");
  EXPECT_EQ(root->children[1]->path(), "S@json/1");

  ParseOptions strict;
  EXPECT_EQ(error_of(parse_embedded_json(*host_doc, *s, "[\x01, 22]", &map, strict)),
            "1:7: expected a value, found control character U+0001");
}

TEST(EmbeddedJson, EndsAreMappedThroughTheirLastCharacter) {
  // The host holds "[1   ,2]"; the resolved text "[1,2]" skips the blanks.
  // The `1` must end just after itself, not where the next character (',')
  // comes from.
  struct Skip : OffsetMap {
    [[nodiscard]] size_t to_host(size_t offset) const override {
      return offset <= 1 ? offset : offset + 3;
    }
  };
  const auto host_doc = parse_host_json("t.json", "{\"S\": \"[1   ,2]\"}");
  const Node* s = host_doc->roots()[0]->find("S");
  const Skip map;
  const auto r = parse_embedded_json(*host_doc, *s, "[1,2]", &map);
  ASSERT_TRUE(r.ok()) << error_of(r);
  const Node* root = r.value()->roots()[0];
  EXPECT_EQ(str(root->range), "1:8-1:16");
  EXPECT_EQ(str(root->children[0]->range), "1:9-1:10");
  EXPECT_EQ(str(root->children[1]->range), "1:14-1:15");
}

TEST(EmbeddedJson, LargeEmbeddedDocumentIsLinear) {
  std::string policy = "[";
  for (int i = 0; i < 50'000; ++i) policy += "{\\\"a\\\":1},";
  policy += "0]";
  const auto host_doc = parse_host_json("t.json", "{\"P\": \"" + policy + "\"}");
  const Node* p = host_doc->roots()[0]->find("P");
  const auto r = parse_embedded_json(*host_doc, *p, p->text, nullptr);
  ASSERT_TRUE(r.ok()) << error_of(r);
  const Node* root = r.value()->roots()[0];
  ASSERT_EQ(root->children.size(), 50'001u);
  // Each element is `{\"a\":1},`: 10 columns; the first starts at column 9.
  EXPECT_EQ(str(root->children[49'999]->children[0]->range),
            fmt::format("1:{}-1:{}", 9 + 49'999 * 10 + 7, 9 + 49'999 * 10 + 8));
}

}  // namespace
