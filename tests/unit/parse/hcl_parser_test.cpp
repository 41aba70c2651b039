// parse_hcl: the Terraform JSON shape (blocks, labels, merging), exact
// ranges of attributes, labels and blocks, comments, BOM/CRLF/UTF-8.
// Expressions: hcl_expr_test.cpp; errors and budgets: hcl_errors_test.cpp.
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"
#include "hcl_test_util.h"

namespace genlens {
namespace {

using testutil::hcl;
using testutil::hcl_root;
using testutil::hcl_tree;
using testutil::key_range_of;
using testutil::node_at;
using testutil::range_of;

constexpr const char* kBuckets = R"(resource "aws_s3_bucket" "docs" {
  bucket = "genai-docs"

  versioning {
    enabled = true
  }
}

resource "aws_kms_key" "k" {}

resource "aws_s3_bucket" "logs" {
  ingress { port = 1 }
  ingress { port = 2 }
}
)";

TEST(HclShape, BlocksNestByLabelAndMergeByType) {
  const auto r = hcl(kBuckets);
  const core::Node* root = hcl_root(r);
  EXPECT_EQ(hcl_tree(root),
            "{resource: {aws_s3_bucket: {docs: {bucket: \"genai-docs\", versioning: [{enabled: "
            "true}]}, logs: {ingress: [{port: 1}, {port: 2}]}}, aws_kms_key: {k: {}}}}");
  EXPECT_EQ(node_at(root, "resource/aws_s3_bucket/docs/versioning/0/enabled")->text, "true");
  EXPECT_EQ(node_at(root, "resource/aws_s3_bucket/logs/ingress/1/port")->path(),
            "resource/aws_s3_bucket/logs/ingress/1/port");
  EXPECT_EQ(testutil::hcl_invariants(*r.doc), "");
}

TEST(HclShape, RangesOfBlocksLabelsAndAttributes) {
  const auto r = hcl(kBuckets);
  const core::Node* root = hcl_root(r);
  EXPECT_EQ(range_of(root), "1:1-15:1");
  // The body map spans the block; its key is the last label, quotes included.
  const core::Node* docs = node_at(root, "resource/aws_s3_bucket/docs");
  EXPECT_EQ(range_of(docs), "1:1-7:2");
  EXPECT_EQ(key_range_of(docs), "1:26-1:32");
  EXPECT_EQ(testutil::range_str(docs->anchor()), "1:26-7:2");
  // Groups span from their first block to their last, keyed by the first.
  EXPECT_EQ(range_of(node_at(root, "resource")), "1:1-14:2");
  EXPECT_EQ(key_range_of(node_at(root, "resource")), "1:1-1:9");
  EXPECT_EQ(range_of(node_at(root, "resource/aws_s3_bucket")), "1:1-14:2");
  EXPECT_EQ(key_range_of(node_at(root, "resource/aws_s3_bucket")), "1:10-1:25");
  EXPECT_EQ(range_of(node_at(root, "resource/aws_kms_key/k")), "9:1-9:30");
  // Attributes: key = the name, range = the value.
  const core::Node* bucket = node_at(docs, "bucket");
  EXPECT_EQ(key_range_of(bucket), "2:3-2:9");
  EXPECT_EQ(range_of(bucket), "2:12-2:24");
  // A nested block: the sequence is keyed by the type, each item is a block.
  EXPECT_EQ(key_range_of(node_at(docs, "versioning")), "4:3-4:13");
  EXPECT_EQ(range_of(node_at(docs, "versioning/0")), "4:3-6:4");
  EXPECT_EQ(range_of(node_at(root, "resource/aws_s3_bucket/logs/ingress")), "12:3-13:23");
  EXPECT_EQ(range_of(node_at(root, "resource/aws_s3_bucket/logs/ingress/1")), "13:3-13:23");
  EXPECT_EQ(key_range_of(node_at(root, "resource/aws_s3_bucket/logs/ingress/1/port")),
            "13:13-13:17");
}

TEST(HclShape, UnlabelledTopLevelBlocksAreSequences) {
  const auto r =
      hcl("terraform {\n  required_version = \">= 1.5\"\n}\nlocals { a = 1 }\nlocals { b = 2 }\n");
  EXPECT_EQ(hcl_tree(hcl_root(r)),
            "{terraform: [{required_version: \">= 1.5\"}], locals: [{a: 1}, {b: 2}]}");
}

TEST(HclShape, DynamicBlocksKeepTheirLabel) {
  const auto r = hcl(R"(resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port = ingress.value
    }
  }
}
)");
  const core::Node* sg = node_at(hcl_root(r), "resource/aws_security_group/sg");
  EXPECT_EQ(hcl_tree(sg),
            "{dynamic: {ingress: {for_each: getattr:ports(var:var), content: [{from_port: "
            "getattr:value(var:ingress)}]}}}");
  EXPECT_EQ(key_range_of(node_at(sg, "dynamic/ingress")), "2:11-2:20");
  EXPECT_EQ(range_of(node_at(sg, "dynamic/ingress")), "2:3-7:4");
}

TEST(HclShape, BlocksWithTheSameLabelsAreTwoEntries) {
  // A second provider configuration (alias) is not merged into the first.
  const auto r = hcl(R"(provider "aws" { region = "us-east-1" }
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
variable "x" {}
x = 1
)");
  const core::Node* root = hcl_root(r);
  EXPECT_EQ(hcl_tree(root),
            "{provider: {aws: {region: \"us-east-1\"}, aws: {alias: \"west\", region: "
            "\"us-west-2\"}}, variable: {x: {}}, x: 1}");
  const core::Node* providers = node_at(root, "provider");
  EXPECT_EQ(key_range_of(providers->children[1]), "2:10-2:15");
  EXPECT_EQ(range_of(providers), "1:1-5:2");
}

TEST(HclShape, AttributeAndBlockOfOneNameAreTwoEntries) {
  const auto r = hcl("a = 1\na {\n  b = 2\n}\n");
  EXPECT_EQ(hcl_tree(hcl_root(r)), "{a: 1, a: [{b: 2}]}");
}

TEST(HclShape, BlockLabelsMayBeIdentifiersOrEscapedStrings) {
  const auto r = hcl("module m {}\nresource \"a\\\"b\" \"c\\u00e9\" {}\n");
  const core::Node* root = hcl_root(r);
  EXPECT_EQ(hcl_tree(root), "{module: {m: {}}, resource: {a\"b: {cé: {}}}}");
  EXPECT_EQ(key_range_of(node_at(root, "module/m")), "1:8-1:9");
  EXPECT_EQ(key_range_of(node_at(root, "resource/a\"b/cé")), "2:17-2:26");
}

TEST(HclShape, EmptyFilesAndCommentOnlyFilesHaveAnEmptyRoot) {
  for (const char* text : {"", "\n\n", "# nothing\n", "// x"}) {
    const auto r = hcl(text);
    EXPECT_EQ(hcl_tree(hcl_root(r)), "{}") << text;
  }
}

TEST(HclShape, TfvarsWrittenAsOneObject) {
  const auto r = hcl("{\n  \"region\": \"eu-west-1\",\n  \"count\": 3\n}\n");
  const core::Node* root = hcl_root(r);
  EXPECT_EQ(hcl_tree(root), "{region: \"eu-west-1\", count: 3}");
  EXPECT_EQ(range_of(root), "1:1-4:2");
  EXPECT_EQ(key_range_of(node_at(root, "region")), "2:3-2:11");
}

TEST(HclShape, TfvarsAttributes) {
  const auto r = hcl("region = \"eu-west-1\"\nazs = [\"a\", \"b\"]\ntags = { env = \"prod\" }\n");
  EXPECT_EQ(hcl_tree(hcl_root(r)),
            "{region: \"eu-west-1\", azs: [\"a\", \"b\"], tags: {env: \"prod\"}}");
}

TEST(HclComments, AllThreeStylesWithPositionAndText) {
  const auto r = hcl(R"(# genlens:ignore GAI-SEC-001 -- reason
resource "a" "b" { // trailing
  x = 1 /* inline */ # after
  /* two
     lines */
}
)");
  ASSERT_NE(r.doc, nullptr);
  std::string got;
  for (const core::Comment& c : r.doc->comments()) {
    got += testutil::pos_str(c.pos) + " [" + c.text + "]\n";
  }
  EXPECT_EQ(got,
            "1:1 [ genlens:ignore GAI-SEC-001 -- reason]\n"
            "2:20 [ trailing]\n"
            "3:9 [ inline ]\n"
            "3:22 [ after]\n"
            "4:3 [ two\n     lines ]\n");
  EXPECT_EQ(hcl_tree(hcl_root(r)), "{resource: {a: {b: {x: 1}}}}");
}

TEST(HclComments, HashesInsideStringsAndHeredocsAreText) {
  const auto r = hcl("a = \"# not a comment\"\nb = <<EOT\n// nor this\nEOT\n");
  EXPECT_EQ(hcl_tree(hcl_root(r)), "{a: \"# not a comment\", b: \"// nor this\n\"}");
  EXPECT_TRUE(r.doc->comments().empty());
}

TEST(HclEncoding, BomAndCrlf) {
  const auto r =
      hcl("\xEF\xBB\xBF# c\r\nresource \"a\" \"b\" {\r\n  x = <<EOT\r\n  y\r\nEOT\r\n}\r\n");
  const core::Node* root = hcl_root(r);
  EXPECT_TRUE(r.doc->source().had_bom());
  // As in HCL, a heredoc keeps the file's CRLF.
  EXPECT_EQ(hcl_tree(root), "{resource: {a: {b: {x: \"  y\r\n\"}}}}");
  const core::Node* b = node_at(root, "resource/a/b");
  EXPECT_EQ(key_range_of(b), "2:14-2:17");
  EXPECT_EQ(range_of(b), "2:1-6:2");
  EXPECT_EQ(range_of(node_at(b, "x")), "3:7-5:4");
  ASSERT_EQ(r.doc->comments().size(), 1u);
  EXPECT_EQ(r.doc->comments()[0].text, " c");
  EXPECT_EQ(testutil::pos_str(r.doc->comments()[0].pos), "1:1");
}

TEST(HclEncoding, LoneCarriageReturnsEndLines) {
  const auto r = hcl("a = 1\rb = <<EOT\rx\rEOT\r# c\r");
  EXPECT_EQ(hcl_tree(hcl_root(r)), "{a: 1, b: \"x\n\"}");
  EXPECT_EQ(range_of(node_at(hcl_root(r), "b")), "2:5-4:4");
}

TEST(HclEncoding, NoLineBreakAtTheEnd) {
  // The grammar closes a heredoc only at a line feed; the reader supplies one.
  const auto r = hcl("a = <<EOT\nx\nEOT");
  EXPECT_EQ(hcl_tree(hcl_root(r)), "{a: \"x\n\"}");
  EXPECT_EQ(range_of(node_at(hcl_root(r), "a")), "1:5-3:4");
}

TEST(HclEncoding, ColumnsCountCodePoints) {
  const auto r = hcl("tags = { \"é✓\" = \"日本\", b = 1 }\n");
  const core::Node* tags = node_at(hcl_root(r), "tags");
  EXPECT_EQ(key_range_of(node_at(tags, "é✓")), "1:10-1:14");
  EXPECT_EQ(range_of(node_at(tags, "é✓")), "1:17-1:21");
  EXPECT_EQ(key_range_of(node_at(tags, "b")), "1:23-1:24");
}

TEST(HclEncoding, InvalidUtf8AndNulBytesAreNotParsed) {
  auto r = hcl("a = \"ok\"\nb = \"\xC3\x28\"\n");
  EXPECT_EQ(r.doc, nullptr);
  EXPECT_EQ(testutil::hcl_errors(r), "2:6: invalid UTF-8 byte 0xC3");
  r = hcl(std::string("a = 1\n\0b = 2\n", 13));
  EXPECT_EQ(r.doc, nullptr);
  EXPECT_EQ(testutil::hcl_errors(r), "2:1: file contains NUL bytes (binary file?)");
}

}  // namespace
}  // namespace genlens
