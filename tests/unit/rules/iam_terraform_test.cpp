// The IAM predicates on Terraform policies, adapted for real: the three ways
// a policy argument is written (jsonencode(...), a heredoc JSON string,
// data.aws_iam_policy_document.x.json) give the same answers, and a
// predicate that holds points at the line inside the configuration where the
// offending action or resource is written, not at the `policy =` line.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../test_support.h"
#include "genlens/formats/embedded_json.h"
#include "genlens/formats/terraform.h"
#include "genlens/parse/hcl.h"
#include "rules/predicates/registry.h"

namespace {

using genlens::core::Value;
using genlens::formats::Resource;
using genlens::formats::Unit;
namespace tf = genlens::formats::terraform;
namespace predicates = genlens::rules::predicates;
using genlens::rules::Verdict;

constexpr const char* kPolicies = R"(variable "any" {
  default = "*"
}

variable "open" {
  type = string
}

resource "aws_iam_policy" "encoded" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "bedrock:*"]
      Resource = var.any
    }]
  })
}

resource "aws_iam_role_policy" "heredoc" {
  role   = "app"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "bedrock:*",
      "Resource": "*"
    }
  ]
}
EOT
}

data "aws_iam_policy_document" "doc" {
  statement {
    actions   = ["bedrock:*"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "document" {
  user   = "dev"
  policy = data.aws_iam_policy_document.doc.json
}

resource "aws_iam_group_policy" "narrow" {
  group = "dev"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2"
    }]
  })
}

resource "aws_iam_policy" "unknown" {
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = var.open
    }]
  })
}
)";

class IamTerraform : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = genlens::parse::parse_hcl(
        std::make_shared<genlens::core::SourceFile>("infra/main.tf", kPolicies));
    ASSERT_TRUE(r.errors.empty()) << r.errors.front().message;
    tf::Directory d;
    d.path = "infra";
    d.configuration.push_back(r.doc);
    units_ = tf::adapt({d}, {}, diags_);
    ASSERT_TRUE(diags_.empty()) << diags_.all().front().to_string();
    ASSERT_EQ(units_.size(), 1u);
    json_.set_document(units_.front().document.get());
  }

  const Value* policy(const std::string& address) {
    for (const Resource& r : units_.front().resources) {
      if (r.name == address) return r.value->find("policy");
    }
    ADD_FAILURE() << "no resource " << address;
    return nullptr;
  }

  // "pass@L:C,..." (the lines of the witnesses), "fail" or "unknown: reason".
  std::string ask(const std::string& predicate, const std::string& address,
                  const predicates::Args& args) {
    const predicates::Predicate* p = predicates::find(predicate);
    if (p == nullptr) return "no predicate " + predicate;
    predicates::Context ctx;
    ctx.json = &json_;
    const auto o = p->fn(ctx, policy(address), args);
    if (o.verdict == Verdict::kFail) return "fail";
    if (o.verdict == Verdict::kUnknown) return "unknown: " + o.reason;
    std::string out = "pass@";
    for (size_t i = 0; i < o.witnesses.size(); ++i) {
      const Value* w = o.witnesses[i].value;
      out += (i > 0 ? "," : "") + (w != nullptr && w->origin != nullptr
                                       ? genlens::testutil::pos_str(w->origin->range.begin)
                                       : std::string("?"));
    }
    return out;
  }

  std::string wildcard(const std::string& address) {
    predicates::Args args;
    args.lists["services"] = {"bedrock"};
    return ask("iam_allows_service_wildcard", address, args);
  }

  std::string any_resource(const std::string& address) {
    predicates::Args args;
    args.lists["actions"] = {"bedrock:InvokeModel*"};
    return ask("iam_allows_on_any_resource", address, args);
  }

  genlens::core::Diagnostics diags_;
  std::vector<Unit> units_;
  genlens::formats::JsonCache json_{&diags_};
};

TEST_F(IamTerraform, JsonencodeIsReadAsTheValueItEncoded) {
  const Value* v = policy("aws_iam_policy.encoded");
  ASSERT_NE(v, nullptr);
  ASSERT_TRUE(v->is_string());
  ASSERT_NE(v->encoded, nullptr);
  EXPECT_TRUE(v->encoded->is_map());
  // The "bedrock:*" item, not the `policy = jsonencode(` line.
  EXPECT_EQ(wildcard("aws_iam_policy.encoded"), "pass@14:35");
  // Resource = var.any: the default "*", reported where it is used.
  EXPECT_EQ(any_resource("aws_iam_policy.encoded"), "pass@15:18");
}

TEST_F(IamTerraform, HeredocJsonIsParsedWithPositionsInTheHeredoc) {
  EXPECT_EQ(wildcard("aws_iam_role_policy.heredoc"), "pass@28:17");
  EXPECT_EQ(any_resource("aws_iam_role_policy.heredoc"), "pass@29:19");
}

TEST_F(IamTerraform, PolicyDocumentDataSourceIsADocument) {
  const Value* v = policy("aws_iam_user_policy.document");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->is_map());
  EXPECT_EQ(wildcard("aws_iam_user_policy.document"), "pass@38:18");
  EXPECT_EQ(any_resource("aws_iam_user_policy.document"), "pass@39:18");
}

TEST_F(IamTerraform, NarrowPolicyDoesNotHold) {
  EXPECT_EQ(wildcard("aws_iam_group_policy.narrow"), "fail");
  EXPECT_EQ(any_resource("aws_iam_group_policy.narrow"), "fail");
}

// A variable without a value inside jsonencode: the encoded value holds an
// Unknown (not a partial JSON string), so the answer is Unknown with the
// variable's reason.
TEST_F(IamTerraform, UnknownInsideJsonencodeIsUnknown) {
  const Value* v = policy("aws_iam_policy.unknown");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->partial);
  EXPECT_EQ(wildcard("aws_iam_policy.unknown"), "fail");
  const std::string r = any_resource("aws_iam_policy.unknown");
  EXPECT_EQ(r.rfind("unknown: ", 0), 0u) << r;
  EXPECT_NE(r.find("variable open has no value"), std::string::npos) << r;
}

}  // namespace
