// parse_hcl: literals, strings, heredocs, templates and every expression
// kind, with exact ranges.
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"
#include "hcl_test_util.h"

namespace genlens {
namespace {

using testutil::hcl;
using testutil::hcl_root;
using testutil::hcl_tree;
using testutil::node_at;
using testutil::range_of;

// The value of attribute `a` in `text`.
std::string value(const std::string& text) {
  const auto r = hcl(text);
  const core::Node* root = hcl_root(r);
  return root == nullptr ? "<no root>" : hcl_tree(root->find("a"));
}

TEST(HclLiterals, NumbersBoolsNullAndTheirTypes) {
  const auto r =
      hcl("i = 42\nf = 1.5\ne = 2.5e-3\nn = -7\nm = -0.5\nt = true\nz = null\nh = 0x1F\n");
  const core::Node* root = hcl_root(r);
  struct Want {
    const char* key;
    core::ScalarType type;
    const char* text;
    const char* range;
  };
  const Want want[] = {{"i", core::ScalarType::kInt, "42", "1:5-1:7"},
                       {"f", core::ScalarType::kFloat, "1.5", "2:5-2:8"},
                       {"e", core::ScalarType::kFloat, "2.5e-3", "3:5-3:11"},
                       {"n", core::ScalarType::kInt, "-7", "4:5-4:7"},
                       {"m", core::ScalarType::kFloat, "-0.5", "5:5-5:9"},
                       {"t", core::ScalarType::kBool, "true", "6:5-6:9"},
                       {"z", core::ScalarType::kNull, "null", "7:5-7:9"},
                       {"h", core::ScalarType::kInt, "0x1F", "8:5-8:9"}};
  for (const Want& w : want) {
    const core::Node* n = node_at(root, w.key);
    ASSERT_NE(n, nullptr) << w.key;
    EXPECT_TRUE(n->is_scalar()) << w.key;
    EXPECT_EQ(n->scalar_type, w.type) << w.key;
    EXPECT_EQ(n->text, w.text) << w.key;
    EXPECT_EQ(range_of(n), w.range) << w.key;
  }
}

TEST(HclLiterals, QuotedStringsAreDecoded) {
  const auto r = hcl(R"(a = "tab\there \"q\" back\\slash \u00e9 \U0001F600 $${x} %%{y} $ %"
b = ""
)");
  const core::Node* a = node_at(hcl_root(r), "a");
  EXPECT_EQ(a->text, "tab\there \"q\" back\\slash é 😀 ${x} %{y} $ %");
  EXPECT_EQ(a->style, core::ScalarStyle::kDoubleQuoted);
  EXPECT_EQ(a->scalar_type, core::ScalarType::kString);
  EXPECT_EQ(range_of(a), "1:5-1:68");
  // Leading and trailing spaces are kept (the grammar's literal chunks skip them).
  EXPECT_EQ(value("a = \"  two  spaces  \"\n"), "\"  two  spaces  \"");
  EXPECT_EQ(range_of(node_at(hcl_root(r), "b")), "2:5-2:7");
  EXPECT_EQ(node_at(hcl_root(r), "b")->text, "");
}

TEST(HclLiterals, HeredocsAreLiteralScalars) {
  const auto r =
      hcl("a = <<EOT\n  {\n    \"k\": \"$${v}\"\n  }\nEOT\nb = <<-EOT\n    x\n      y\n\n    z\n  "
          "EOT\nc = <<EOT\nEOT\n");
  const core::Node* root = hcl_root(r);
  const core::Node* a = node_at(root, "a");
  EXPECT_EQ(a->text, "  {\n    \"k\": \"${v}\"\n  }\n");
  EXPECT_EQ(a->style, core::ScalarStyle::kLiteral);
  EXPECT_EQ(range_of(a), "1:5-5:4");
  // <<- removes the smallest indentation of the non-blank lines.
  const core::Node* b = node_at(root, "b");
  EXPECT_EQ(b->text, "x\n  y\n\nz\n");
  EXPECT_EQ(range_of(b), "6:5-11:6");
  EXPECT_EQ(node_at(root, "c")->text, "");
}

TEST(HclLiterals, OffsetsInStringsAndHeredocsMapBackToTheFile) {
  // What `@json` paths use to place a finding inside a policy document.
  const auto r =
      hcl("policy = <<EOF\n{\n  \"Effect\": \"Allow\"\n}\nEOF\nflush = <<-EOT\n    {\"a\": 1}\n  "
          "EOT\nq = \"{\\\"b\\\": 2}\"\n");
  const core::Node* root = hcl_root(r);
  const core::SourceFile& file = r.doc->source();
  const core::Node* policy = node_at(root, "policy");
  EXPECT_EQ(testutil::pos_str(parse::map_scalar_offset(file, *policy, policy->text.find("Allow"))),
            "3:14");
  const core::Node* flush = node_at(root, "flush");
  EXPECT_EQ(testutil::pos_str(parse::map_scalar_offset(file, *flush, flush->text.find('1'))),
            "7:11");
  const core::Node* q = node_at(root, "q");
  EXPECT_EQ(testutil::pos_str(parse::map_scalar_offset(file, *q, q->text.find('2'))), "9:14");
}

TEST(HclLiterals, TuplesAndObjectsWithLiteralKeys) {
  const auto r =
      hcl("a = [1, \"two\", [true], {}]\nb = { x = 1, \"y z\" : 2, 3 = 3, true = 4, }\n");
  const core::Node* root = hcl_root(r);
  EXPECT_EQ(hcl_tree(node_at(root, "a")), "[1, \"two\", [true], {}]");
  EXPECT_EQ(hcl_tree(node_at(root, "b")), "{x: 1, y z: 2, 3: 3, true: 4}");
  EXPECT_EQ(range_of(node_at(root, "a/2")), "1:16-1:22");
  EXPECT_EQ(testutil::key_range_of(node_at(root, "b/y z")), "2:14-2:19");
  EXPECT_EQ(range_of(node_at(root, "b")), "2:5-2:43");
}

TEST(HclExpressions, TraversalsChainFromTheRootName) {
  EXPECT_EQ(value("a = aws_kms_key.k.arn\n"), "getattr:arn(getattr:k(var:aws_kms_key))");
  EXPECT_EQ(value("a = var.list[0][\"k\"]\n"), "index(index(getattr:list(var:var), 0), \"k\")");
  EXPECT_EQ(value("a = x.0.y\n"), "getattr:y(index(var:x, 0))");
  EXPECT_EQ(value("a = aws_instance.web[*].id\n"),
            "getattr:id(splat_full(getattr:web(var:aws_instance)))");
  EXPECT_EQ(value("a = x.*.tags[\"n\"]\n"), "index(getattr:tags(splat_attr(var:x)), \"n\")");
  EXPECT_EQ(value("a = (x[*].y)[0]\n"), "index(paren(getattr:y(splat_full(var:x))), 0)");
  const auto r = hcl("a = module.vpc.ids[count.index]\n");
  const core::Node* a = node_at(hcl_root(r), "a");
  EXPECT_EQ(range_of(a), "1:5-1:32");
  EXPECT_EQ(range_of(node_at(a, "0")), "1:5-1:19");
  EXPECT_EQ(range_of(node_at(a, "0/0")), "1:5-1:15");
  EXPECT_EQ(range_of(node_at(a, "0/0/0")), "1:5-1:11");
  EXPECT_EQ(range_of(node_at(a, "1")), "1:20-1:31");
  EXPECT_EQ(node_at(a, "1")->path(), "a/1");
  EXPECT_EQ(parse::source_text(r.doc->source(), a->range), "module.vpc.ids[count.index]");
}

TEST(HclExpressions, CallsWithExpansionAndProviderFunctions) {
  EXPECT_EQ(value("a = jsonencode({ Version = \"2012-10-17\" })\n"),
            "call:jsonencode({Version: \"2012-10-17\"})");
  EXPECT_EQ(value("a = merge(local.a, var.b...)\n"),
            "call:merge(getattr:a(var:local), expand(getattr:b(var:var)))");
  EXPECT_EQ(value("a = timestamp()\n"), "call:timestamp");
  EXPECT_EQ(value("a = provider::aws::arn_parse(x)\n"), "call:provider::aws::arn_parse(var:x)");
  const auto r = hcl("a = concat(x, y...)\n");
  const core::Node* a = node_at(hcl_root(r), "a");
  EXPECT_EQ(range_of(a), "1:5-1:20");
  EXPECT_EQ(range_of(node_at(a, "1")), "1:15-1:19");
}

TEST(HclExpressions, OperatorsConditionalsAndParentheses) {
  EXPECT_EQ(value("a = -x.y + b * 2 - 1\n"),
            "binary:-(binary:+(unary:-(getattr:y(var:x)), binary:*(var:b, 2)), 1)");
  EXPECT_EQ(value("a = !x || y && z != null\n"),
            "binary:||(unary:!(var:x), binary:&&(var:y, binary:!=(var:z, null)))");
  EXPECT_EQ(value("a = x >= 1 ? \"y\" : -1.5\n"), "cond(binary:>=(var:x, 1), \"y\", -1.5)");
  EXPECT_EQ(value("a = (1 + 2) % 3 <= 4\n"), "binary:<=(binary:%(paren(binary:+(1, 2)), 3), 4)");
  const auto r = hcl("a = x ? (y) : z\n");
  const core::Node* a = node_at(hcl_root(r), "a");
  EXPECT_EQ(range_of(a), "1:5-1:16");
  EXPECT_EQ(range_of(node_at(a, "1")), "1:9-1:12");
  EXPECT_EQ(range_of(node_at(a, "1/0")), "1:10-1:11");
}

TEST(HclExpressions, ForExpressions) {
  EXPECT_EQ(value("a = [for s in var.subnets : s.id if s.public]\n"),
            "for_tuple(decl:s, getattr:subnets(var:var), getattr:id(var:s), "
            "getattr:public(var:s))");
  EXPECT_EQ(value("a = {for k, v in m : v => k...}\n"),
            "for_object(decl:k, decl:v, var:m, var:v, expand(var:k))");
  const auto r = hcl("a = [for i, v in l : v]\n");
  const core::Node* a = node_at(hcl_root(r), "a");
  EXPECT_EQ(range_of(node_at(a, "0")), "1:10-1:11");
  EXPECT_EQ(range_of(node_at(a, "1")), "1:13-1:14");
}

TEST(HclExpressions, ObjectsWithComputedKeys) {
  // Bare identifier and literal keys stay strings; the others are expressions.
  EXPECT_EQ(
      value("a = { (var.k) = 1, \"${x}\" = 2, name = 3 }\n"),
      "object(paren(getattr:k(var:var)), 1, template(template_interp(var:x)), 2, \"name\", 3)");
}

TEST(HclExpressions, CommentsInsideExpressionsAreSkipped) {
  const auto r = hcl(R"(a = [ # c
  x[ /* i */ 0 ], // d
  { /* k */ k = 1 },
  [for v in l : v if /* c */ v],
  - /* n */ 1,
  foo( /* a */ 1 /* b */ ),
  y /* p */ .z,
]
)");
  EXPECT_EQ(hcl_tree(node_at(hcl_root(r), "a")),
            "[index(var:x, 0), {k: 1}, for_tuple(decl:v, var:l, var:v, var:v), -1, call:foo(1), "
            "getattr:z(var:y)]");
  EXPECT_EQ(r.doc->comments().size(), 9u);
}

TEST(HclTemplates, InterpolationsAndDirectives) {
  EXPECT_EQ(value("a = \"arn:aws:s3:::${var.bucket}/*\"\n"),
            "template(\"arn:aws:s3:::\", template_interp(getattr:bucket(var:var)), \"/*\")");
  EXPECT_EQ(value("a = \"${x}\"\n"), "template(template_interp(var:x))");
  EXPECT_EQ(value("a = \"x %{if c}yes%{else}no%{endif}!\"\n"),
            "template(\"x \", template_if(var:c, template(\"yes\"), template(\"no\")), \"!\")");
  EXPECT_EQ(value("a = \"%{for k, v in m}${k}=${v},%{endfor}\"\n"),
            "template(template_for(decl:k, decl:v, var:m, template(template_interp(var:k), "
            "\"=\", template_interp(var:v), \",\")))");
  // Strip markers remove the whitespace next to them.
  EXPECT_EQ(value("a = \"a ${~ x ~} b %{ if c ~}  y  %{~ endif } z\"\n"),
            "template(\"a\", template_interp(var:x), \"b \", template_if(var:c, template(\"y\")), "
            "\" z\")");
  const auto r = hcl("a = \"p-${x}-s\"\n");
  const core::Node* a = node_at(hcl_root(r), "a");
  EXPECT_EQ(a->style, core::ScalarStyle::kDoubleQuoted);
  EXPECT_EQ(range_of(a), "1:5-1:15");
  EXPECT_EQ(range_of(node_at(a, "0")), "1:6-1:8");
  EXPECT_EQ(node_at(a, "0")->style, core::ScalarStyle::kPlain);
  EXPECT_EQ(range_of(node_at(a, "1")), "1:8-1:12");
  EXPECT_EQ(range_of(node_at(a, "1/0")), "1:10-1:11");
  EXPECT_EQ(range_of(node_at(a, "2")), "1:12-1:14");
}

TEST(HclTemplates, HeredocTemplates) {
  const auto r = hcl(R"(a = <<-EOT
    {
      "Resource": "${aws_s3_bucket.b.arn}/*",
    %{~ if x }
      "Extra": true
    %{ endif ~}
    }
  EOT
)");
  const core::Node* a = node_at(hcl_root(r), "a");
  EXPECT_EQ(hcl_tree(a),
            "template(\"{\n  \"Resource\": \"\", "
            "template_interp(getattr:arn(getattr:b(var:aws_s3_bucket))), \"/*\",\", "
            "template_if(var:x, template(\"\n  \"Extra\": true\n\")), \"}\n\")");
  EXPECT_EQ(a->style, core::ScalarStyle::kLiteral);
  EXPECT_EQ(range_of(a), "1:5-8:6");
}

}  // namespace
}  // namespace genlens
