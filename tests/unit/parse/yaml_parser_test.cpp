// parse_yaml: CloudFormation short-form tags, exact node and key ranges,
// scalar types and styles, the yaml-cpp 0.7 block-scalar workaround,
// comments, errors with positions, and hostile input.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "../test_support.h"
#include "genlens/core/document.h"
#include "genlens/parse/parse.h"

namespace {

using genlens::core::Node;
using genlens::core::ScalarStyle;
using genlens::core::ScalarType;
using genlens::parse::ParseOptions;
using genlens::testutil::node_at;
using genlens::testutil::parse_yaml_ok;
using genlens::testutil::pos_str;
using genlens::testutil::range_str;
using genlens::testutil::tree;
using genlens::testutil::yaml_error;

// The first root of `text`, which must parse.
const Node* root_of(std::string text) {
  static std::vector<std::shared_ptr<genlens::core::Document>> keep;
  auto doc = parse_yaml_ok(std::move(text));
  if (doc == nullptr || doc->roots().empty()) return nullptr;
  keep.push_back(doc);
  return doc->roots().front();
}

TEST(YamlParser, EveryShortFormTagBecomesItsLongForm) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"X: !Ref Param", "{X: {Ref: Param}}"},
      {"X: !GetAtt Role.Arn", "{X: {Fn::GetAtt: [Role, Arn]}}"},
      {"X: !GetAtt [Role, Arn]", "{X: {Fn::GetAtt: [Role, Arn]}}"},
      {"X: !GetAtt Db.Endpoint.Address", "{X: {Fn::GetAtt: [Db, Endpoint.Address]}}"},
      {"X: !Sub 'arn:${AWS::Region}'", "{X: {Fn::Sub: arn:${AWS::Region}}}"},
      {"X: !Sub ['${A}-x', {A: b}]", "{X: {Fn::Sub: [${A}-x, {A: b}]}}"},
      {"X: !Join ['-', [a, b]]", "{X: {Fn::Join: [-, [a, b]]}}"},
      {"X: !Select [0, [a, b]]", "{X: {Fn::Select: [0, [a, b]]}}"},
      {"X: !Split [',', 'a,b']", "{X: {Fn::Split: [,, a,b]}}"},
      {"X: !If [IsProd, a, b]", "{X: {Fn::If: [IsProd, a, b]}}"},
      {"X: !Equals [a, b]", "{X: {Fn::Equals: [a, b]}}"},
      {"X: !Not [!Condition C]", "{X: {Fn::Not: [{Condition: C}]}}"},
      {"X: !And [!Condition A, !Condition B]", "{X: {Fn::And: [{Condition: A}, {Condition: B}]}}"},
      {"X: !Or [!Condition A, !Equals [a, b]]",
       "{X: {Fn::Or: [{Condition: A}, {Fn::Equals: [a, b]}]}}"},
      {"X: !Condition IsProd", "{X: {Condition: IsProd}}"},
      {"X: !FindInMap [Map, !Ref Env, Size]", "{X: {Fn::FindInMap: [Map, {Ref: Env}, Size]}}"},
      {"X: !ImportValue shared-vpc", "{X: {Fn::ImportValue: shared-vpc}}"},
      {"X: !Base64 text", "{X: {Fn::Base64: text}}"},
      {"X: !GetAZs ''", "{X: {Fn::GetAZs: ''}}"},
      {"X: !Cidr [10.0.0.0/16, 6, 5]", "{X: {Fn::Cidr: [10.0.0.0/16, 6, 5]}}"},
      {"X: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}",
       "{X: {Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k}}}}"},
      {"X: !Length [a, b]", "{X: {Fn::Length: [a, b]}}"},
      {"X: !ToJsonString {a: b}", "{X: {Fn::ToJsonString: {a: b}}}"},
  };
  for (const auto& [yaml, expected] : cases) {
    SCOPED_TRACE(yaml);
    const Node* root = root_of(yaml + "\n");
    ASSERT_NE(root, nullptr);
    EXPECT_EQ(tree(root), expected);
    const Node* wrapper = root->find("X");
    ASSERT_NE(wrapper, nullptr);
    EXPECT_EQ(wrapper->tag, yaml.substr(3, yaml.find_first_of(" [{", 3) - 3));
  }
}

TEST(YamlParser, UnknownTagIsKeptOnTheNodeAndNotRewritten) {
  const Node* root = root_of("a: !Foo bar\n");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(tree(root), "{a: bar}");
  EXPECT_EQ(root->find("a")->tag, "!Foo");
  EXPECT_EQ(range_str(root->find("a")->range), "1:9-1:12");
}

TEST(YamlParser, WrapperKeyRangeIsTheTagAndArgumentsKeepTheirColumns) {
  const Node* root = root_of(
      "Resources:\n"
      "  A:\n"
      "    Properties:\n"
      "      Name: !Ref Param\n"
      "      Arn: !GetAtt Role.Arn\n"
      "      List: !GetAtt [Role, Arn]\n");
  ASSERT_NE(root, nullptr);
  const Node* name = node_at(root, "Resources/A/Properties/Name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(range_str(name->key_range), "4:7-4:11");
  EXPECT_EQ(range_str(name->range), "4:13-4:23");
  const Node* ref = name->find("Ref");
  EXPECT_EQ(range_str(ref->key_range), "4:13-4:17");
  EXPECT_EQ(range_str(ref->range), "4:18-4:23");
  EXPECT_EQ(ref->path(), "Resources/A/Properties/Name/Ref");

  const Node* arn = node_at(root, "Resources/A/Properties/Arn");
  EXPECT_EQ(range_str(arn->range), "5:12-5:28");
  const Node* getatt = arn->find("Fn::GetAtt");
  EXPECT_EQ(range_str(getatt->key_range), "5:12-5:19");
  EXPECT_EQ(range_str(getatt->range), "5:20-5:28");
  ASSERT_EQ(getatt->children.size(), 2u);
  EXPECT_EQ(range_str(getatt->children[0]->range), "5:20-5:24");
  EXPECT_EQ(range_str(getatt->children[1]->range), "5:25-5:28");
  EXPECT_EQ(getatt->children[1]->path(), "Resources/A/Properties/Arn/Fn::GetAtt/1");

  const Node* list = node_at(root, "Resources/A/Properties/List/Fn::GetAtt");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(range_str(list->key_range), "6:13-6:20");
  EXPECT_EQ(pos_str(list->range.begin), "6:21");
  EXPECT_EQ(range_str(list->children[0]->range), "6:22-6:26");
  EXPECT_EQ(range_str(list->children[1]->range), "6:28-6:31");
}

TEST(YamlParser, GetAttOnQuotedScalarSplitsInsideTheQuotes) {
  const Node* getatt = node_at(root_of("X: !GetAtt \"Role.Arn\"\n"), "X/Fn::GetAtt");
  ASSERT_NE(getatt, nullptr);
  EXPECT_EQ(range_str(getatt->children[0]->range), "1:13-1:17");
  EXPECT_EQ(range_str(getatt->children[1]->range), "1:18-1:21");
}

TEST(YamlParser, ScalarAndKeyRangesCoverPlainAndQuotedText) {
  const Node* root = root_of(
      "plain: hello world\n"
      "sq: 'it''s'\n"
      "dq: \"a\\\"b\"\n"
      "\"quoted key\": 1\n"
      "'single.key': 2\n"
      "n: é€x\n");
  ASSERT_NE(root, nullptr);
  struct Want {
    const char* key;
    const char* key_range;
    const char* range;
    const char* text;
    ScalarStyle style;
  };
  const std::vector<Want> wants = {
      {"plain", "1:1-1:6", "1:8-1:19", "hello world", ScalarStyle::kPlain},
      {"sq", "2:1-2:3", "2:5-2:12", "it's", ScalarStyle::kSingleQuoted},
      {"dq", "3:1-3:3", "3:5-3:11", "a\"b", ScalarStyle::kDoubleQuoted},
      {"quoted key", "4:1-4:13", "4:15-4:16", "1", ScalarStyle::kPlain},
      {"single.key", "5:1-5:13", "5:15-5:16", "2", ScalarStyle::kPlain},
      {"n", "6:1-6:2", "6:4-6:7", "é€x", ScalarStyle::kPlain},
  };
  ASSERT_EQ(root->children.size(), wants.size());
  for (const Want& w : wants) {
    SCOPED_TRACE(w.key);
    const Node* n = root->find(w.key);
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(range_str(n->key_range), w.key_range);
    EXPECT_EQ(range_str(n->range), w.range);
    EXPECT_EQ(n->text, w.text);
    EXPECT_EQ(n->style, w.style);
  }
}

TEST(YamlParser, BlockCollectionRangesAndLogicalPaths) {
  const Node* root = root_of(
      "Resources:\n"
      "  A:\n"
      "    Properties:\n"
      "      Tags:\n"
      "        - Key: k\n"
      "          Value: v\n");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(range_str(root->range), "1:1-6:19");
  EXPECT_EQ(range_str(root->find("Resources")->range), "2:3-6:19");
  const Node* tags = node_at(root, "Resources/A/Properties/Tags");
  EXPECT_EQ(range_str(tags->key_range), "4:7-4:11");
  EXPECT_EQ(range_str(tags->range), "5:9-6:19");
  const Node* item = tags->children.at(0);
  EXPECT_EQ(range_str(item->range), "5:11-6:19");
  EXPECT_EQ(range_str(item->key_range), "0:0-0:0");
  const Node* key = item->find("Key");
  EXPECT_EQ(range_str(key->key_range), "5:11-5:14");
  EXPECT_EQ(range_str(key->range), "5:16-5:17");
  EXPECT_EQ(key->path(), "Resources/A/Properties/Tags/0/Key");
  EXPECT_EQ(item->find("Value")->path(), "Resources/A/Properties/Tags/0/Value");
  EXPECT_EQ(range_str(key->anchor()), "5:11-5:17");
  EXPECT_EQ(item->path(), "Resources/A/Properties/Tags/0");
  EXPECT_EQ(root->path(), "");
}

TEST(YamlParser, FlowCollectionRangesIncludeTheirBrackets) {
  const Node* root = root_of("k: {a: [b, c]}\n");
  ASSERT_NE(root, nullptr);
  const Node* k = root->find("k");
  const Node* a = k->find("a");
  EXPECT_EQ(range_str(a->key_range), "1:5-1:6");
  EXPECT_EQ(range_str(a->children[1]->range), "1:12-1:13");
  EXPECT_EQ(range_str(k->range), "1:4-1:15");
  EXPECT_EQ(range_str(a->range), "1:8-1:14");
  const Node* multi = root_of("k: [\n  a,\n  b,   # c\n]\nz: 1\n")->find("k");
  EXPECT_EQ(range_str(multi->range), "1:4-4:2");
  const Node* empty = root_of("e: []\nf: {}\n");
  EXPECT_EQ(range_str(empty->find("e")->range), "1:4-1:6");
  EXPECT_EQ(range_str(empty->find("f")->range), "2:4-2:6");
  EXPECT_TRUE(empty->find("f")->is_map());
}

TEST(YamlParser, BlockScalarsHaveStyleTextAndFullRange) {
  const Node* root = root_of(
      "a: |\n"
      "  line1\n"
      "  line2\n"
      "b: >-\n"
      "  folded\n"
      "  text\n"
      "c: x\n");
  ASSERT_NE(root, nullptr);
  const Node* a = root->find("a");
  EXPECT_EQ(a->style, ScalarStyle::kLiteral);
  EXPECT_EQ(a->scalar_type, ScalarType::kString);
  EXPECT_EQ(a->text, "line1\nline2\n");
  EXPECT_EQ(range_str(a->range), "1:4-3:8");
  const Node* b = root->find("b");
  EXPECT_EQ(b->style, ScalarStyle::kFolded);
  EXPECT_EQ(b->text, "folded text");
  EXPECT_EQ(range_str(b->range), "4:4-6:7");
  EXPECT_EQ(range_str(root->find("c")->range), "7:4-7:5");
}

TEST(YamlParser, BlockScalarEndsAtItsLastContentLine) {
  const Node* root = root_of("K:\n- |\n  a # x\n- b\n");
  EXPECT_EQ(range_str(node_at(root, "K/0")->range), "2:3-3:8");
  auto own_line = parse_yaml_ok("K: !Sub\n  |\n  echo # not a comment\n  more\nL: 1\n");
  ASSERT_NE(own_line, nullptr);
  EXPECT_EQ(node_at(own_line->roots()[0], "K/Fn::Sub")->text, "echo # not a comment\nmore\n");
  auto indicator = parse_yaml_ok("K: |2\n    indented # x\n  base # y\nL: 1\n");
  ASSERT_NE(indicator, nullptr);
  EXPECT_EQ(node_at(indicator->roots()[0], "K")->text, "  indented # x\nbase # y\n");
  EXPECT_EQ(range_str(node_at(own_line->roots()[0], "K/Fn::Sub")->range), "2:3-4:7");
  EXPECT_TRUE(own_line->comments().empty());
  EXPECT_EQ(range_str(node_at(indicator->roots()[0], "K")->range), "1:4-3:11");
  EXPECT_TRUE(indicator->comments().empty());
}

TEST(YamlParser, MultiDocumentStreamGivesOneRootPerDocument) {
  auto doc = parse_yaml_ok("a: 1\n---\nb: 2\n---\n- x\n");
  ASSERT_NE(doc, nullptr);
  ASSERT_EQ(doc->roots().size(), 3u);
  EXPECT_EQ(tree(doc->roots()[0]), "{a: 1}");
  EXPECT_EQ(tree(doc->roots()[1]), "{b: 2}");
  EXPECT_EQ(tree(doc->roots()[2]), "[x]");
  EXPECT_EQ(range_str(doc->roots()[1]->range), "3:1-3:5");
  EXPECT_EQ(range_str(doc->roots()[2]->children[0]->range), "5:3-5:4");
  EXPECT_EQ(doc->roots()[1]->find("b")->path(), "b");
}

TEST(YamlParser, PlainScalarsFollowTheCoreSchemaAndQuotedOnesStayStrings) {
  const Node* root = root_of(
      "v: [true, false, True, FALSE, null, Null, ~, 12, -3, +4, 0x1F, 0o17, 1.5, .5, 1e3,\n"
      "    -.inf, .nan, \"12\", '3.5', \"true\", '', yes, no, on, 1_000, 12abc]\n"
      "empty:\n");
  ASSERT_NE(root, nullptr);
  using T = ScalarType;
  const std::vector<T> want = {
      T::kBool,   T::kBool,   T::kBool,   T::kBool,   T::kNull,   T::kNull,   T::kNull,
      T::kInt,    T::kInt,    T::kInt,    T::kInt,    T::kInt,    T::kFloat,  T::kFloat,
      T::kFloat,  T::kFloat,  T::kFloat,  T::kString, T::kString, T::kString, T::kString,
      T::kString, T::kString, T::kString, T::kString, T::kString};
  const Node* v = root->find("v");
  ASSERT_EQ(v->children.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(v->children[i]->text + " at " + pos_str(v->children[i]->range.begin));
    EXPECT_EQ(v->children[i]->scalar_type, want[i]);
  }
  EXPECT_EQ(v->children[4]->text, "");  // null's text is empty
  EXPECT_EQ(v->children[17]->style, ScalarStyle::kDoubleQuoted);
  EXPECT_EQ(v->children[18]->style, ScalarStyle::kSingleQuoted);
  const Node* empty = root->find("empty");
  EXPECT_EQ(empty->scalar_type, ScalarType::kNull);
  EXPECT_EQ(range_str(empty->key_range), "3:1-3:6");
}

TEST(YamlParser, NullLikeKeyKeepsItsText) {
  // IAM's `Null` condition operator is a common key in CloudFormation policies.
  const Node* root = root_of(
      "Condition:\n"
      "  Null:\n"
      "    aws:TokenIssueTime: 'true'\n");
  ASSERT_NE(root, nullptr);
  const Node* cond = root->find("Condition");
  ASSERT_EQ(cond->children.size(), 1u);
  EXPECT_EQ(cond->children[0]->key, "Null");
  EXPECT_EQ(range_str(cond->children[0]->key_range), "2:3-2:7");
  const Node* leaf = node_at(root, "Condition/Null/aws:TokenIssueTime");
  ASSERT_NE(leaf, nullptr);
  EXPECT_EQ(leaf->text, "true");
}

TEST(YamlParser, NullValueRangeCoversItsTextAndStaysOnItsLine) {
  const Node* root = root_of("a: ~\nb: null\nc:\nd: 1\n");
  ASSERT_NE(root, nullptr);
  for (const char* k : {"a", "b", "c"}) {
    EXPECT_EQ(root->find(k)->scalar_type, ScalarType::kNull) << k;
  }
  EXPECT_EQ(pos_str(root->find("a")->range.begin), "1:4");
  EXPECT_EQ(pos_str(root->find("b")->range.begin), "2:4");
  EXPECT_EQ(range_str(root->find("a")->range), "1:4-1:5");
  EXPECT_EQ(range_str(root->find("b")->range), "2:4-2:8");
  EXPECT_EQ(root->find("c")->range.begin.line, 3u);
}

TEST(YamlParser, ExplicitStrTagKeepsANumberAString) {
  const Node* n = root_of("c: !!str 12\n")->find("c");
  EXPECT_EQ(n->text, "12");
  EXPECT_EQ(n->scalar_type, ScalarType::kString);
}

// yaml-cpp 0.7 throws on a tag in front of a block scalar in a sequence; the
// reader blanks such tags, re-parses and restores them.
TEST(YamlParser, TagBeforeBlockScalarInSequenceKeepsTag) {
  const Node* root = root_of(
      "Items:\n"
      "  - !Sub >-\n"
      "    folded ${X}\n"
      "    text\n"
      "  - !Sub |\n"
      "    lit\n"
      "  - plain\n");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(tree(root), "{Items: [{Fn::Sub: folded ${X} text}, {Fn::Sub: lit\n}, plain]}");
  const Node* items = root->find("Items");
  EXPECT_EQ(items->children[0]->tag, "!Sub");
  EXPECT_EQ(items->children[1]->tag, "!Sub");
  const Node* sub = items->children[0]->find("Fn::Sub");
  EXPECT_EQ(sub->style, ScalarStyle::kFolded);
  EXPECT_EQ(range_str(sub->range), "2:10-4:9");
  EXPECT_EQ(items->children[1]->find("Fn::Sub")->style, ScalarStyle::kLiteral);
  EXPECT_EQ(range_str(items->children[2]->range), "7:5-7:10");
}

TEST(YamlParser, TagOnItsOwnLineBeforeBlockScalarKeepsTag) {
  const Node* root = root_of(
      "Key:\n"
      "  !Sub |\n"
      "    text ${AWS::Region}\n"
      "Other: 1\n");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(tree(root), "{Key: {Fn::Sub: text ${AWS::Region}\n}, Other: 1}");
  const Node* key = root->find("Key");
  EXPECT_EQ(key->tag, "!Sub");
  EXPECT_EQ(range_str(key->range), "2:3-3:24");
  EXPECT_EQ(range_str(key->find("Fn::Sub")->key_range), "2:3-2:7");
  EXPECT_EQ(range_str(key->find("Fn::Sub")->range), "2:8-3:24");
}

TEST(YamlParser, AllThreeBlockScalarTagShapesInOneFileKeepTags) {
  const Node* root = root_of(
      "A: !Sub |\n"
      "  one\n"
      "B:\n"
      "  !Sub |\n"
      "    two\n"
      "C:\n"
      "  - !Sub >-\n"
      "    three\n");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(tree(root), "{A: {Fn::Sub: one\n}, B: {Fn::Sub: two\n}, C: [{Fn::Sub: three}]}");
  for (const char* path : {"A", "B", "C/0"}) {
    SCOPED_TRACE(path);
    EXPECT_EQ(node_at(root, path)->tag, "!Sub");
  }
  EXPECT_EQ(node_at(root, "A/Fn::Sub")->style, ScalarStyle::kLiteral);
  EXPECT_EQ(node_at(root, "C/0/Fn::Sub")->style, ScalarStyle::kFolded);
}

TEST(YamlParser, RestoredBlockScalarTagKeepsTheTagPosition) {
  const Node* root = root_of(
      "A: !Sub |\n"
      "  one\n"
      "C:\n"
      "  - !Sub >-\n"
      "    three\n");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(range_str(node_at(root, "A/Fn::Sub")->range), "1:9-2:6");
  EXPECT_EQ(range_str(node_at(root, "A/Fn::Sub")->key_range), "1:4-1:8");
  EXPECT_EQ(range_str(node_at(root, "A")->range), "1:4-2:6");
  EXPECT_EQ(range_str(node_at(root, "C/0/Fn::Sub")->key_range), "4:5-4:9");
  EXPECT_EQ(range_str(node_at(root, "C/0")->range), "4:5-5:10");
}

TEST(YamlParser, CommentsAreCollectedOutsideQuotesAndBlockScalars) {
  auto doc = parse_yaml_ok(
      "# top\n"
      "a: \"x # not\" # real\n"
      "b: |\n"
      "  # inside block\n"
      "  text\n"
      "c: e#f   # after\n"
      "d: 'q # no'\n");
  ASSERT_NE(doc, nullptr);
  std::vector<std::string> got;
  for (const auto& c : doc->comments()) got.push_back(pos_str(c.pos) + " '" + c.text + "'");
  EXPECT_EQ(got, (std::vector<std::string>{"1:1 ' top'", "2:14 ' real'", "6:10 ' after'"}));
  EXPECT_EQ(node_at(doc->roots()[0], "b")->text, "# inside block\ntext\n");
  EXPECT_EQ(node_at(doc->roots()[0], "c")->text, "e#f");
}

TEST(YamlParser, CommentAfterSingleQuotedStringWithEscapedQuote) {
  auto doc = parse_yaml_ok("b: 'it''s # no'   #second\n");
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(doc->roots()[0]->find("b")->text, "it's # no");
  ASSERT_EQ(doc->comments().size(), 1u);
  EXPECT_EQ(pos_str(doc->comments()[0].pos), "1:19");
  EXPECT_EQ(doc->comments()[0].text, "second");
}

// Continuation lines of a multi-line quoted scalar are text, up to its
// closing quote; a comment may follow that quote.
TEST(YamlParser, CommentsSkipMultiLineQuotedScalars) {
  auto doc = parse_yaml_ok(
      "a: \"one\n"
      "  # two\n"
      "  # three\" # real\n"
      "b: 'x\n"
      "  # y'\n"
      "c: 1 # last\n");
  ASSERT_NE(doc, nullptr);
  std::vector<std::string> got;
  for (const auto& c : doc->comments()) got.push_back(pos_str(c.pos) + " '" + c.text + "'");
  EXPECT_EQ(got, (std::vector<std::string>{"3:12 ' real'", "6:6 ' last'"}));
  EXPECT_EQ(node_at(doc->roots()[0], "a")->text, "one # two # three");
  EXPECT_EQ(node_at(doc->roots()[0], "b")->text, "x # y");
}

TEST(YamlParser, ErrorsCarryLineAndColumn) {
  EXPECT_EQ(yaml_error("a:\n  b: 1\n c: 2\n"), "3:2: invalid YAML: end of map not found");
  EXPECT_EQ(yaml_error("a: \"open\n"), "1:4: invalid YAML: unterminated quoted string");
  EXPECT_EQ(yaml_error("a: 'open\n"), "1:4: invalid YAML: unterminated quoted string");
  EXPECT_EQ(yaml_error("a: [1, 2\n"), "2:1: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(yaml_error("a: b: c\n"), "1:5: invalid YAML: illegal map value");
  EXPECT_EQ(yaml_error("a: &x 1\nb: *y\n"),
            "2:4: invalid YAML: the referenced anchor is not defined");
  EXPECT_EQ(yaml_error("a: 1\nb: \xff\n"), "2:4: invalid UTF-8 byte 0xFF");
  EXPECT_EQ(yaml_error("é: x\nb: ü\xe2\x82\n"), "2:5: invalid UTF-8 byte 0xE2");
  EXPECT_EQ(yaml_error(std::string("a: 1\nb: x\0y\n", 12)),
            "2:5: file contains NUL bytes (binary file?)");
}

TEST(YamlParser, BomCrlfAndMultiByteColumnsAreExact) {
  auto bom = parse_yaml_ok(
      "\xEF\xBB\xBF"
      "a: 1\n");
  ASSERT_NE(bom, nullptr);
  EXPECT_EQ(range_str(bom->roots()[0]->find("a")->key_range), "1:1-1:2");
  const Node* crlf = root_of("a: 1\r\nb: \"x\"\r\n");
  EXPECT_EQ(range_str(crlf->find("b")->key_range), "2:1-2:2");
  EXPECT_EQ(range_str(crlf->find("b")->range), "2:4-2:7");
  const Node* mb = root_of("k: [ü, 𝄞, x]\n");
  EXPECT_EQ(range_str(mb->find("k")->children[1]->range), "1:8-1:9");
  EXPECT_EQ(range_str(mb->find("k")->children[2]->range), "1:11-1:12");
}

TEST(YamlParser, ContentAfterTheRootWithoutDocumentMarkerIsAnError) {
  EXPECT_EQ(yaml_error("- a\nb: 1\n"),
            "2:1: invalid YAML: content after the end of the document (missing '---'?)");
  EXPECT_EQ(yaml_error("- a\n---\nb: 1\n"), "no error");
  EXPECT_EQ(yaml_error("a: 1\n---\n---\nb: 1\n...\n"), "no error");
}

std::string billion_laughs() {
  std::string s = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 9; ++i) {
    s += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) s += (k > 0 ? ", *a" : "*a") + std::to_string(i - 1);
    s += "]\n";
  }
  return s;
}

TEST(YamlParser, AliasBombIsAnErrorWithinBoundedTime) {
  const auto start = std::chrono::steady_clock::now();
  const std::string err = yaml_error(billion_laughs());
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_NE(err.find("document expands to more than 2000000 nodes (alias bomb?)"),
            std::string::npos)
      << err;
  EXPECT_LT(seconds, genlens::testutil::time_budget(10.0));
}

TEST(YamlParser, NodeBudgetCountsAliasExpansion) {
  ParseOptions small;
  small.max_nodes = 5;
  // Seven nodes once *x is expanded: root, a, 1, 2, b, 1, 2.
  const std::string err = yaml_error("a: &x [1, 2]\nb: *x\n", small);
  EXPECT_NE(err.find(": document expands to more than 5 nodes (alias bomb?)"), std::string::npos)
      << err;
  small.max_nodes = 7;
  EXPECT_EQ(yaml_error("a: &x [1, 2]\nb: *x\n", small), "no error");
}

TEST(YamlParser, HundredThousandDeepFlowNestingIsAnErrorNotACrash) {
  const std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  EXPECT_NE(yaml_error(deep), "no error");
}

TEST(YamlParser, NestingBeyondMaxDepthIsAnError) {
  EXPECT_EQ(yaml_error("a: " + std::string(450, '[') + std::string(450, ']') + "\n"),
            "1:404: nesting deeper than 400 levels");
  std::string block;
  for (int i = 0; i < 450; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  block += std::string(450, ' ') + "v: 1\n";
  EXPECT_EQ(yaml_error(block), "402:402: nesting deeper than 400 levels");
  std::string very_deep;
  for (int i = 0; i < 5000; ++i) very_deep += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  EXPECT_NE(yaml_error(very_deep), "no error");
  ParseOptions shallow;
  shallow.max_depth = 2;
  EXPECT_EQ(yaml_error("a: {b: {c: 1}}\n", shallow), "1:12: nesting deeper than 2 levels");
}

}  // namespace
