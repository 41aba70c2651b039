// parse_tf_json: a .tf.json file gives the tree its native twin gives:
// strings are templates where Terraform reads templates, expressions where
// it reads references, literal text elsewhere; "//" comments are dropped;
// positions point into the JSON strings.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "../test_support.h"
#include "hcl_test_util.h"

namespace genlens {
namespace {

using testutil::hcl;
using testutil::hcl_errors;
using testutil::hcl_invariants;
using testutil::hcl_root;
using testutil::hcl_tree;
using testutil::node_at;
using testutil::range_of;

parse::HclResult tf_json(std::string text) {
  return parse::parse_tf_json(
      std::make_shared<const core::SourceFile>("main.tf.json", std::move(text)));
}

// The tree of a parse that must have no errors, with the shape invariants
// of parse_hcl checked.
std::string tree(const parse::HclResult& r) {
  const core::Node* root = hcl_root(r);
  if (root == nullptr) return "<no root>";
  EXPECT_EQ(hcl_invariants(*r.doc), "");
  return hcl_tree(root);
}

TEST(TfJson, GivesTheTreeOfItsNativeTwin) {
  const auto json = tf_json(R"({
  "//": "generated; do not edit",
  "variable": {"k": {"default": "${not.a.template}", "description": "plain"}},
  "locals": {"//": "a comment", "name": "${var.k}-x", "obj": {"//": "kept", "n": "${1 + 2}"}},
  "resource": {"aws_s3_bucket": {"b": {
    "//": "comment",
    "bucket": "${local.name}",
    "count": 2,
    "tags": {"Name": "n-%{if length(var.k) > 0}${var.k}%{endif}"},
    "provider": "aws.east",
    "depends_on": ["aws_kms_key.k", "module.kb"],
    "lifecycle": {"ignore_changes": ["tags"], "prevent_destroy": true},
    "dynamic": {"rule": {"for_each": "${var.rules}", "iterator": "r",
                         "content": {"id": "${r.key}"}}}
  }}},
  "module": {"kb": {"source": "./kb", "version": "${1}", "name": "${var.k}"}},
  "output": {"o": {"value": "${aws_s3_bucket.b[0].arn}", "description": "${x}"}}
})");
  const auto native = hcl(R"(
variable "k" {
  default     = "$${not.a.template}"
  description = "plain"
}
locals {
  name = "${var.k}-x"
  obj  = { "//" = "kept", n = "${1 + 2}" }
}
resource "aws_s3_bucket" "b" {
  bucket     = "${local.name}"
  count      = 2
  tags       = { Name = "n-%{if length(var.k) > 0}${var.k}%{endif}" }
  provider   = aws.east
  depends_on = [aws_kms_key.k, module.kb]
  lifecycle {
    ignore_changes  = [tags]
    prevent_destroy = true
  }
  dynamic "rule" {
    for_each = "${var.rules}"
    iterator = r
    content {
      id = "${r.key}"
    }
  }
}
module "kb" {
  source  = "./kb"
  version = "$${1}"
  name    = "${var.k}"
}
output "o" {
  value       = "${aws_s3_bucket.b[0].arn}"
  description = "$${x}"
}
)");
  // Native locals are a sequence of bodies; otherwise the trees are equal.
  std::string want = tree(native);
  const std::string seq_locals = "locals: [{name:";
  ASSERT_NE(want.find(seq_locals), std::string::npos) << want;
  want.replace(want.find(seq_locals), seq_locals.size(), "locals: {name:");
  const std::string end_locals = "}}], resource:";
  ASSERT_NE(want.find(end_locals), std::string::npos) << want;
  want.replace(want.find(end_locals), end_locals.size(), "}}, resource:");
  EXPECT_EQ(tree(json), want);
}

TEST(TfJson, TemplatePartsAreLocatedInsideTheString) {
  // The \u0041 escape is 6 characters in the file and 1 byte of the text.
  const auto r = tf_json(
      "{\"resource\": {\"aws_s3_bucket\": {\"b\": {\n"
      "  \"kms_key_arn\": \"\\u0041${var.k}-x\"\n"
      "}}}}\n");
  const core::Node* root = hcl_root(r);
  ASSERT_NE(root, nullptr);
  const core::Node* t = node_at(root, "resource/aws_s3_bucket/b/kms_key_arn");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(hcl_tree(t), R"(template("A", template_interp(getattr:k(var:var)), "-x"))");
  EXPECT_EQ(range_of(t), "2:18-2:36");               // the whole JSON string, quotes included
  EXPECT_EQ(range_of(t->children[0]), "2:19-2:25");  // the escape
  EXPECT_EQ(range_of(t->children[1]), "2:25-2:33");  // ${var.k}
  EXPECT_EQ(range_of(t->children[1]->children[0]), "2:27-2:32");  // var.k
  EXPECT_EQ(range_of(t->children[2]), "2:33-2:35");
  EXPECT_EQ(t->key, "kms_key_arn");
  EXPECT_EQ(t->children[1]->children[0]->path(), "resource/aws_s3_bucket/b/kms_key_arn/1/0");
}

TEST(TfJson, ManyTemplatesOnOneLineAreLocatedInLinearTime) {
  // Minified JSON: every string on line 1; each `${var.k}` must be found at
  // its own column, and the work must not grow with the square of the line.
  std::string text = "{\"locals\": {";
  std::vector<std::string> columns;
  constexpr int kCount = 20'000;
  for (int i = 0; i < kCount; ++i) {
    const std::string entry = "\"l" + std::to_string(i) + "\": \"\\u00e9${var.k}\"";
    if (i > 0) text += ", ";
    // Column of `var` (one-byte characters so far): after the key, `: "`,
    // the 6-character escape and `${`.
    columns.push_back(std::to_string(text.size() + 1 + entry.find("${") + 2));
    text += entry;
  }
  text += "}}\n";
  const auto start = std::chrono::steady_clock::now();
  const auto r = tf_json(text);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const core::Node* root = hcl_root(r);
  ASSERT_NE(root, nullptr);
  for (int i : {0, 1, kCount / 2, kCount - 1}) {
    const core::Node* t = node_at(root, "locals/l" + std::to_string(i));
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(hcl_tree(t), R"(template("é", template_interp(getattr:k(var:var))))");
    EXPECT_EQ(testutil::pos_str(t->children[1]->children[0]->range.begin),
              "1:" + columns[static_cast<size_t>(i)]);
  }
  // Linear: under a second here; quadratic (offset_of per string) took 32 s.
  EXPECT_LT(seconds, testutil::time_budget(8.0));
}

TEST(TfJson, EscapesAndPlainStrings) {
  const auto r = tf_json(R"({"locals": {
  "a": "$${var.k}", "b": "%%{if}", "c": "cost: $5 or 50%", "d": "${var.k}", "e": "x\n${var.k}\n",
  "f": "${var.k ~}  \n", "g": "EOT\nGENLENS_EOT_\n${1}"
}})");
  const core::Node* root = hcl_root(r);
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(hcl_tree(node_at(root, "locals/a")), R"("${var.k}")");
  EXPECT_EQ(hcl_tree(node_at(root, "locals/b")), R"("%{if}")");
  EXPECT_EQ(hcl_tree(node_at(root, "locals/c")), R"("cost: $5 or 50%")");
  // One interpolation alone: its value, unconverted, when evaluated.
  EXPECT_EQ(hcl_tree(node_at(root, "locals/d")), "template(template_interp(getattr:k(var:var)))");
  EXPECT_EQ(hcl_tree(node_at(root, "locals/e")),
            "template(\"x\n\", template_interp(getattr:k(var:var)), \"\n\")");
  EXPECT_EQ(hcl_tree(node_at(root, "locals/f")), "template(template_interp(getattr:k(var:var)))");
  EXPECT_EQ(hcl_tree(node_at(root, "locals/g")),
            "template(\"EOT\nGENLENS_EOT_\n\", template_interp(1))");
  EXPECT_EQ(hcl_invariants(*r.doc), "");
}

TEST(TfJson, BadTemplatesAndReferencesAreLocatedErrors) {
  const auto r = tf_json(R"({
  "resource": {"aws_s3_bucket": {
    "b": {"bucket": "ok-${var.k"},
    "c": {"depends_on": ["aws_kms_key.k", "not a reference"]},
    "d": {"bucket": "fine"}
  }}
})");
  ASSERT_NE(r.doc, nullptr);
  const std::string errors = hcl_errors(r);
  // The unclosed `${` is reported where its template starts.
  EXPECT_NE(errors.find("3:22: "), std::string::npos) << errors;
  EXPECT_NE(errors.find("4:48: "), std::string::npos) << errors;  // `a` of "not a reference"
  EXPECT_EQ(testutil::error_paths(*r.doc),
            R"("", "resource", "resource/aws_s3_bucket", "resource/aws_s3_bucket/b", )"
            R"("resource/aws_s3_bucket/b/bucket", "resource/aws_s3_bucket/c", )"
            R"("resource/aws_s3_bucket/c/depends_on", "resource/aws_s3_bucket/c/depends_on/1")");
  EXPECT_FALSE(node_at(r.doc->roots().front(), "resource/aws_s3_bucket/d")->has_error);
  EXPECT_EQ(hcl_invariants(*r.doc), "");
}

TEST(TfJson, JsonSyntaxErrorGivesNoDocument) {
  const auto r = tf_json("{\"resource\": [}\n");
  EXPECT_EQ(r.doc, nullptr);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(testutil::pos_str(r.errors[0].pos), "1:15");
}

}  // namespace
}  // namespace genlens
