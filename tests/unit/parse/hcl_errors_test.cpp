// parse_hcl on broken and hostile input: every syntax error is a diagnostic
// at its exact position, the document is still returned with has_error on
// what is broken, and nesting, node, work, memory and time budgets hold.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "../test_support.h"
#include "hcl_test_util.h"

namespace genlens {
namespace {

using testutil::error_paths;
using testutil::hcl;
using testutil::hcl_errors;
using testutil::hcl_tree;

TEST(HclErrors, MissingClosingBrace) {
  const auto r = hcl(R"(resource "aws_s3_bucket" "ok" {
  bucket = "fine"
}

resource "aws_s3_bucket" "broken" {
  bucket = "x"
)");
  EXPECT_EQ(hcl_errors(r), "7:1: missing `}` to close `{` at 5:35");
  ASSERT_NE(r.doc, nullptr);
  EXPECT_EQ(hcl_tree(r.doc->roots().front(), true),
            "{resource: {aws_s3_bucket: {ok: {bucket: \"fine\"}, broken: {bucket: \"x\"}!}!}!}!");
  EXPECT_EQ(error_paths(*r.doc),
            "\"\", \"resource\", \"resource/aws_s3_bucket\", \"resource/aws_s3_bucket/broken\"");
  EXPECT_EQ(testutil::hcl_invariants(*r.doc), "");
}

TEST(HclErrors, StrayToken) {
  const auto r = hcl("a = 1\n}\nresource \"x\" \"y\" {}\n");
  EXPECT_EQ(hcl_errors(r), "2:1: unexpected `}`");
  ASSERT_NE(r.doc, nullptr);
  EXPECT_TRUE(r.doc->roots().front()->has_error);
  EXPECT_EQ(hcl_tree(r.doc->roots().front()->find("a")), "1");
}

TEST(HclErrors, ALoneTokenIsAnErrorNodeWithoutChildren) {
  // Found by hcl_fuzz (testdata/parse/hcl/crash-leaf-error-node.tf).
  for (const char* text : {"8", "\"x\"", "="}) {
    const auto r = hcl(text);
    EXPECT_EQ(hcl_errors(r), std::string("1:1: unexpected `") + text + "`") << text;
    ASSERT_NE(r.doc, nullptr) << text;
    EXPECT_EQ(hcl_tree(r.doc->roots().front(), true), "{}!") << text;
  }
}

TEST(HclErrors, ErrorInsideOneBlockLeavesItsSiblingsClean) {
  const auto r = hcl(R"(resource "a" "good" {
  x = 1
}
resource "a" "bad" {
  y = [1,,2]
  nested {
    z = 3
  }
}
resource "b" "good" {}
)");
  EXPECT_EQ(hcl_errors(r), "5:9: unexpected `,`");
  ASSERT_NE(r.doc, nullptr);
  EXPECT_EQ(error_paths(*r.doc),
            "\"\", \"resource\", \"resource/a\", \"resource/a/bad\", \"resource/a/bad/y\"");
  EXPECT_EQ(hcl_tree(r.doc->roots().front()->find("resource"), true),
            "{a: {good: {x: 1}, bad: {y: [1, 2]!, nested: [{z: 3}]}!}!, b: {good: {}}}!");
}

TEST(HclErrors, DoubledEqualsSignInABody) {
  // tree-sitter reads `y == 1` as a heredoc missing its `<<`, which then runs
  // to the end of the file; only the first error is worth reading.
  const auto r = hcl("resource \"a\" \"b\" {\n  y == 1\n}\n");
  EXPECT_EQ(hcl_errors(r), "2:6: unexpected `=`\n4:1: missing `}` to close `{` at 1:18");
  ASSERT_NE(r.doc, nullptr);
  EXPECT_TRUE(r.doc->roots().front()->has_error);
}

TEST(HclErrors, ErrorsAreReportedWhereTheParserGotStuck) {
  // tree-sitter wraps the valid start of these into one ERROR node that
  // begins at `resource`; the diagnostic points inside it.
  auto r = hcl("resource \"a\" \"b\" {\n  x = 1,\n  y = 2\n}\n");
  EXPECT_EQ(hcl_errors(r), "2:8: unexpected `,`");
  ASSERT_NE(r.doc, nullptr);
  EXPECT_EQ(hcl_tree(r.doc->roots().front(), true), "{}!");  // no fragments at the top
  r = hcl("resource \"a\" \"b\" {\n  x 1\n}\n");
  EXPECT_EQ(hcl_errors(r), "2:5: unexpected `1`");
  r = hcl("resource \"a\" \"b\" {\n  y = foo(1 2)\n}\n");
  EXPECT_EQ(hcl_errors(r), "2:14: unexpected `)`");  // near enough: `2` is at 2:13
  r = hcl("a = \"x${b\"\nc = 1\n");
  EXPECT_EQ(hcl_errors(r), "1:9: unexpected `b`");
}

TEST(HclErrors, AttributeWithoutValue) {
  const auto r = hcl("resource \"a\" \"b\" {\n  x =\n}\ny = 2\n");
  EXPECT_EQ(hcl_errors(r), "2:3: expected an expression after `x =`");
  ASSERT_NE(r.doc, nullptr);
  EXPECT_EQ(hcl_tree(r.doc->roots().front(), true), "{resource: {a: {b: {}!}!}!, y: 2}!");
}

TEST(HclErrors, UnterminatedString) {
  const auto r = hcl("a = \"abc\nb = 2\n");
  EXPECT_EQ(hcl_errors(r),
            "1:9: line break in a quoted string; a string must end on the line it starts "
            "(missing `\"`?)\n"
            "3:1: missing `\"` to close `\"` at 1:5");
  ASSERT_NE(r.doc, nullptr);
  EXPECT_EQ(error_paths(*r.doc), "\"\", \"a\"");
}

TEST(HclErrors, UnclosedBracketsParenthesesAndHeredocs) {
  EXPECT_EQ(hcl_errors(hcl("a = [1, 2\nb = 3\n")), "2:1: missing `]` to close `[` at 1:5");
  EXPECT_EQ(hcl_errors(hcl("a = foo(1\n")), "2:1: missing `)` to close `(` at 1:8");
  EXPECT_EQ(hcl_errors(hcl("a = <<EOT\nabc\n")),
            "3:1: missing heredoc end marker to close `<<EOT` at 1:5");
  const auto r = hcl("a = [1, 2\nb = 3\n");
  EXPECT_EQ(hcl_tree(r.doc->roots().front(), true), "{a: [1, 2]!, b: 3}!");
}

TEST(HclErrors, ManyErrorsAreCapped) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "}\n";
  const auto r = hcl(text);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_LE(r.errors.size(), 101u);
}

// ---- budgets ----

TEST(HclBudgets, DeepNestingIsAnErrorNotAStackOverflow) {
  constexpr int kDeep = 100'000;
  const std::string tuples = "a = " + std::string(kDeep, '[') + std::string(kDeep, ']') + "\n";
  std::string objects = "a = ";
  for (int i = 0; i < kDeep; ++i) objects += "{a=";
  objects += "1" + std::string(kDeep, '}') + "\n";
  std::string blocks;
  for (int i = 0; i < kDeep; ++i) blocks += "b {";
  blocks += std::string(kDeep, '}') + "\n";
  const std::string parens =
      "a = " + std::string(kDeep, '(') + "1" + std::string(kDeep, ')') + "\n";
  std::string sums = "a = 1";
  for (int i = 0; i < kDeep; ++i) sums += "+1";
  sums += "\n";
  const struct {
    const char* name;
    const std::string& text;
    const char* error;
  } cases[] = {{"tuples", tuples, "1:405: nesting deeper than 400 levels"},
               {"objects", objects, "1:1205: nesting deeper than 400 levels"},
               {"blocks", blocks, "1:601: nesting deeper than 400 levels"},
               {"parens", parens, "1:405: nesting deeper than 400 levels"},
               {"sums", sums, "1:5: nesting deeper than 400 levels"}};
  for (const auto& c : cases) {
    const auto start = std::chrono::steady_clock::now();
    const auto r = hcl(c.text);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(hcl_errors(r), c.error) << c.name;
    ASSERT_NE(r.doc, nullptr) << c.name;
    EXPECT_TRUE(r.doc->roots().front()->has_error) << c.name;
    EXPECT_LT(r.doc->node_count(), 1000u) << c.name;
    EXPECT_LT(seconds, testutil::time_budget(10.0))
        << c.name;  // about 0.5 s each in a release build
  }
}

TEST(HclBudgets, UnclosedDeepNestingIsASyntaxError) {
  const auto start = std::chrono::steady_clock::now();
  const auto r = hcl("a = " + std::string(100'000, '[') + "\n");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(testutil::pos_str(r.errors.front().pos), "1:1");
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            testutil::time_budget(10.0));
}

// Nodes with 100,000 children: nothing may cost O(children) per child
// (tree-sitter's ts_node_child(i) is O(i)).
TEST(HclBudgets, WideInputStaysLinear) {
  constexpr int kWide = 100'000;
  auto repeat = [](std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  const struct {
    const char* name;
    std::string text;
    size_t errors;
  } cases[] = {
      {"tuple", "a = [" + repeat("1,", kWide) + "]\n", 0},
      {"object", "a = {" + repeat("k = 1\n", kWide) + "}\n", 0},
      {"body", "locals {\n" + repeat("k = 1\n", kWide) + "}\n", 0},
      {"chain", "a = x" + repeat(".b", kWide) + "\n", 1},
      {"call", "a = f(" + repeat("x, ", kWide) + "y...)\n", 0},
      {"template", "a = \"" + repeat("${x}-", kWide) + "\"\n", 0},
      {"comments", "a = [for v in l : v if " + repeat("/* c */ ", kWide) + "v]\n", 0},
      {"stray commas", "resource \"a\" \"b\" {\n  x = 1" + repeat(",", kWide) + "\n}\n", 1},
  };
  for (const auto& c : cases) {
    const auto start = std::chrono::steady_clock::now();
    const auto r = hcl(c.text);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.errors.size(), c.errors) << c.name << ": " << hcl_errors(r);
    EXPECT_LT(seconds, testutil::time_budget(10.0))
        << c.name;  // well under 1 s each in a release build
  }
}

TEST(HclBudgets, MaxDepthOption) {
  parse::ParseOptions options;
  options.max_depth = 3;
  const auto r = hcl("ok = [1]\nresource \"a\" \"b\" { x = [[1]] }\n", options);
  EXPECT_EQ(hcl_errors(r), "2:24: nesting deeper than 3 levels");
  ASSERT_NE(r.doc, nullptr);
  EXPECT_EQ(hcl_tree(r.doc->roots().front(), true),
            "{ok: [1], resource: {a: {b: {x: <unknown>!}!}!}!}!");
}

TEST(HclBudgets, MaxNodesOption) {
  parse::ParseOptions options;
  options.max_nodes = 50;
  std::string text;
  for (int i = 0; i < 100; ++i) text += "a" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  const auto r = hcl(text, options);
  EXPECT_EQ(hcl_errors(r), "50:7: document has more than 50 nodes");
  ASSERT_NE(r.doc, nullptr);
  EXPECT_TRUE(r.doc->roots().front()->has_error);
  EXPECT_LE(r.doc->node_count(), 52u);
}

TEST(HclBudgets, ParserMemoryIsBoundedOnPathologicalInput) {
  // Deeply nested templates make tree-sitter keep ~570 bytes per input byte.
  std::string text = "a = \"";
  for (int i = 0; i < 100'000; ++i) text += "${\"";
  text += "\n";
  const auto r = hcl(text);
  EXPECT_EQ(r.doc, nullptr);
  EXPECT_EQ(hcl_errors(r),
            "1:1: HCL parsing stopped: the parser needed more than 137 MiB for this 300006-byte "
            "file (pathological input?)");
}

TEST(HclBudgets, TimeLimit) {
  parse::ParseOptions options;
  options.max_seconds = 1e-9;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "a = [1, 2, 3]\n";
  const auto r = hcl(text, options);
  EXPECT_EQ(r.doc, nullptr);
  EXPECT_EQ(hcl_errors(r), "1:1: HCL parsing stopped after 1e-09 s (time limit)");
}

}  // namespace
}  // namespace genlens
