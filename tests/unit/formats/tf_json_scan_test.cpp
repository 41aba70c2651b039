// .tf.json through the Terraform scan: templates are evaluated like their
// native twins, references in them become graph edges, literal places stay
// literal, comments are not attributes, and a broken template is a located
// error that leaves its resource unchecked.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../test_support.h"
#include "tf_scan_util.h"

namespace genlens {
namespace {

using testutil::TempDir;
using Strings = std::vector<std::string>;

TEST(TfJsonScan, TemplatesAreEvaluated) {
  TempDir dir;
  dir.write("tf/main.tf.json", R"({
  "variable": {
    "k": {"default": "key"},
    "list": {"default": ["a", "b"]},
    "raw": {"default": "${var.k}"}
  },
  "locals": {"on": true},
  "resource": {"aws_s3_bucket": {"b": {
    "//": "the documents bucket",
    "bucket": "docs",
    "kms_key_arn": "${var.k}-x",
    "tags": {"all": "${var.list}", "cond": "%{if local.on}yes%{else}no%{endif}",
             "escaped": "$${var.k}", "raw": "${var.raw}", "percent": "100%"}
  }}}
})");
  const testutil::TfScan s = testutil::scan_terraform_dir(dir.path() / "tf");
  EXPECT_EQ(s.diagnostics, Strings{});
  EXPECT_EQ(s.value("aws_s3_bucket.b", "kms_key_arn"), "\"key-x\"");
  EXPECT_EQ(s.value("aws_s3_bucket.b", "tags"),
            "{all: [\"a\", \"b\"], cond: \"yes\", escaped: \"${var.k}\", raw: \"${var.k}\", "
            "percent: \"100%\"}");
  EXPECT_EQ(s.value("aws_s3_bucket.b", "//"), "<absent>");
  EXPECT_EQ(s.where("aws_s3_bucket.b"), "tf/main.tf.json:8");
}

TEST(TfJsonScan, ReferencesBecomeEdges) {
  TempDir dir;
  dir.write("tf/main.tf.json", R"({
  "resource": {
    "aws_kms_key": {"k": {}},
    "aws_sqs_queue": {"q": {}},
    "aws_s3_bucket": {"b": {
      "bucket": "docs",
      "kms_key_arn": "${aws_kms_key.k.arn}",
      "depends_on": ["aws_sqs_queue.q"],
      "count": "${1 + 1}"
    }}
  }
})");
  const testutil::TfScan s = testutil::scan_terraform_dir(dir.path() / "tf");
  EXPECT_EQ(s.diagnostics, Strings{});
  EXPECT_EQ(s.names(), (Strings{"aws_kms_key.k", "aws_sqs_queue.q", "aws_s3_bucket.b[0]",
                                "aws_s3_bucket.b[1]"}));
  EXPECT_TRUE(s.has_edge("aws_s3_bucket.b[0]", "aws_kms_key.k"));
  EXPECT_TRUE(s.has_edge("aws_s3_bucket.b[1]", "aws_sqs_queue.q"));
  EXPECT_EQ(s.value("aws_s3_bucket.b[0]", "kms_key_arn"),
            "<unknown: aws_kms_key.k.arn is known after apply>");
}

TEST(TfJsonScan, BrokenTemplateIsALocatedErrorAndItsResourceIsSkipped) {
  TempDir dir;
  dir.write("tf/main.tf.json", R"({"resource": {"aws_s3_bucket": {
  "bad": {"bucket": "${var.k"},
  "good": {"bucket": "docs"}
}}})");
  const testutil::TfScan s = testutil::scan_terraform_dir(dir.path() / "tf");
  ASSERT_EQ(s.diagnostics.size(), 1u);
  EXPECT_EQ(s.diagnostics[0].rfind("tf/main.tf.json:2:", 0), 0u) << s.diagnostics[0];
  EXPECT_EQ(s.names(), Strings{"aws_s3_bucket.good"});
}

}  // namespace
}  // namespace genlens
