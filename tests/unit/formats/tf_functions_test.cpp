// Terraform functions: normal cases, Unknown arguments, errors.
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"
#include "formats/terraform/evaluator.h"
#include "tf_eval_util.h"

namespace genlens {
namespace {

using formats::terraform::is_error;
using testutil::describe;

class TfFunc : public testutil::TfEvalTest {
 protected:
  void SetUp() override {
    bind("var.list", "[\"b\", \"a\", \"c\"]");
    bind("var.tags", "{ env = \"prod\", app = \"web\" }");
    scope_.names["var.u"] = unknown("variable u has no value");
    scope_.names["var.arn"] = unknown("aws_s3_bucket.docs.arn is known after apply");
    bind("var.partial", "\"arn:${var.arn}/x\"");
    scope_.files["policy.json"] = "{\"a\": [1, 2]}";
    scope_.files["user_data.sh"] = "#!/bin/sh\necho ${name} %{ for p in ports }${p},%{ endfor }\n";
    scope_.files["bare.tpl"] = "hello ${name}";
    scope_.files["bad.tpl"] = "hello ${";
    scope_.files["scope.tpl"] = "${var.list}";
    scope_.files["bin"] = std::string("\xff\xfe", 2);
  }
  bool err(const std::string& expr) {
    const core::Value* v = eval(expr);
    return v != nullptr && is_error(v);
  }
};

TEST_F(TfFunc, Format) {
  EXPECT_EQ(show("format(\"%s-%d-%v\", \"a\", 42, true)"), "\"a-42-true\"");
  EXPECT_EQ(show("format(\"%q %% %5s|%-4d|%03d\", \"x\\\"y\", \"ab\", 7, 5)"),
            "\"\"x\\\"y\" %    ab|7   |005\"");
  EXPECT_EQ(show("format(\"%.2f %x %t\", 3.14159, 255, false)"), "\"3.14 ff false\"");
  EXPECT_EQ(show("format(\"%v\", [1, \"a\"])"), "\"[1,\"a\"]\"");
  EXPECT_EQ(show("format(\"id-%s-%s\", var.u, \"z\")"), "\"id-<?>-z\"~");
  EXPECT_EQ(show("format(var.u, 1)"), "<unknown: variable u has no value>");
  EXPECT_TRUE(err("format(\"%d\", 1.5)"));
  EXPECT_TRUE(err("format(\"%d\", \"x\")"));
  EXPECT_TRUE(err("format(\"%s %s\", \"a\")"));
  EXPECT_TRUE(err("format(\"%s\", \"a\", \"b\")"));
  EXPECT_TRUE(err("format(\"%s\", [1])"));
  EXPECT_TRUE(err("format(\"%y\", 1)"));
}

TEST_F(TfFunc, Formatlist) {
  EXPECT_EQ(show("formatlist(\"%s=%s\", [\"a\", \"b\"], \"x\")"), "[\"a=x\", \"b=x\"]");
  EXPECT_EQ(show("formatlist(\"%s%s\", [\"a\"], [\"1\", \"2\"])"),
            "<unknown: error: formatlist: all lists must have the same length>");
  EXPECT_EQ(show("formatlist(\"%s\", var.u)"), "<unknown: variable u has no value>");
}

TEST_F(TfFunc, JoinAndSplit) {
  EXPECT_EQ(show("join(\",\", var.list)"), "\"b,a,c\"");
  EXPECT_EQ(show("join(\"-\", [\"a\"], [1, true])"), "\"a-1-true\"");
  EXPECT_EQ(show("join(\",\", [\"a\", var.u])"), "\"a,<?>\"~");
  EXPECT_EQ(show("join(\",\", var.u)"), "<unknown: variable u has no value>");
  EXPECT_TRUE(err("join(\",\", [[1]])"));
  EXPECT_TRUE(err("join(\",\", \"abc\")"));
  EXPECT_EQ(show("split(\",\", \"a,b,,c\")"), "[\"a\", \"b\", \"\", \"c\"]");
  EXPECT_EQ(show("split(\"\", \"hé\")"), "[\"h\", \"é\"]");
  EXPECT_EQ(show("split(\",\", var.partial)"),
            "<unknown: aws_s3_bucket.docs.arn is known after apply>");
}

TEST_F(TfFunc, CaseAndTrimming) {
  EXPECT_EQ(show("lower(\"AbC\")"), "\"abc\"");
  EXPECT_EQ(show("upper(\"abc\")"), "\"ABC\"");
  EXPECT_EQ(show("upper(var.partial)"), "\"ARN:<?>/X\"~");
  EXPECT_EQ(show("title(\"hello world-foo\")"), "\"Hello World-Foo\"");
  EXPECT_EQ(show("trimspace(\"  x y \\n\")"), "\"x y\"");
  EXPECT_EQ(show("trim(\"?!hello?!\", \"!?\")"), "\"hello\"");
  EXPECT_EQ(show("trimprefix(\"helloworld\", \"hello\")"), "\"world\"");
  EXPECT_EQ(show("trimprefix(\"helloworld\", \"x\")"), "\"helloworld\"");
  EXPECT_EQ(show("trimsuffix(\"helloworld\", \"world\")"), "\"hello\"");
  EXPECT_EQ(show("trimspace(var.u)"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("upper(1)"), "\"1\"");
  EXPECT_TRUE(err("upper([\"a\"])"));
  EXPECT_TRUE(err("lower(null)"));
}

TEST_F(TfFunc, StartsWithEndsWith) {
  EXPECT_EQ(show("startswith(\"hello\", \"he\")"), "true");
  EXPECT_EQ(show("endswith(\"hello\", \"he\")"), "false");
  EXPECT_EQ(show("startswith(var.partial, \"arn:\")"), "true");
  EXPECT_EQ(show("startswith(var.partial, \"s3:\")"), "false");
  EXPECT_EQ(show("startswith(var.partial, \"arn:aws\")"),
            "<unknown: aws_s3_bucket.docs.arn is known after apply>");
  EXPECT_EQ(show("endswith(var.partial, \"/x\")"), "true");
  EXPECT_EQ(show("startswith(var.u, \"a\")"), "<unknown: variable u has no value>");
}

TEST_F(TfFunc, SubstrAndStrrev) {
  EXPECT_EQ(show("substr(\"hello world\", 1, 4)"), "\"ello\"");
  EXPECT_EQ(show("substr(\"hello\", -3, -1)"), "\"llo\"");
  EXPECT_EQ(show("substr(\"héllo\", 1, 1)"), "\"é\"");
  EXPECT_TRUE(err("substr(\"abc\", 5, 1)"));
  EXPECT_EQ(show("strrev(\"abc\")"), "\"cba\"");
}

TEST_F(TfFunc, Replace) {
  EXPECT_EQ(show("replace(\"1 + 2 + 3\", \"+\", \"-\")"), "\"1 - 2 - 3\"");
  EXPECT_EQ(show("replace(\"hello world\", \"/w.*d/\", \"everybody\")"), "\"hello everybody\"");
  EXPECT_EQ(show("replace(\"a-1 b-2\", \"/([a-z])-(\\\\d)/\", \"$2$1\")"), "\"1a 2b\"");
  EXPECT_EQ(show("replace(\"abc\", \"/b/\", \"[$$]\")"), "\"a[$]c\"");
  EXPECT_TRUE(err("replace(\"abc\", \"/(/\", \"x\")"));
  EXPECT_EQ(show("replace(var.u, \"a\", \"b\")"), "<unknown: variable u has no value>");
}

TEST_F(TfFunc, RegexAndRegexall) {
  EXPECT_EQ(show("regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")"), "\"aaabbbccc\"");
  EXPECT_EQ(show("regex(\"(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)\", \"2019-02-01\")"),
            "[\"2019\", \"02\"]");
  EXPECT_EQ(show("regex(\"^(?P<user>[^@]+)@(?P<domain>.+)$\", \"me@example.com\")"),
            "{domain: \"example.com\", user: \"me\"}");
  EXPECT_EQ(show("regex(\"a(x)?b\", \"ab\")"), "[null]");
  EXPECT_TRUE(err("regex(\"z\", \"abc\")"));
  EXPECT_TRUE(err("regex(\"(\", \"abc\")"));
  EXPECT_EQ(show("regexall(\"[a-z]+\", \"1a2bb3\")"), "[\"a\", \"bb\"]");
  EXPECT_EQ(show("length(regexall(\"z\", \"abc\"))"), "0");
  EXPECT_EQ(show("length(regexall(\"\", \"abc\"))"), "4");
  EXPECT_EQ(show("regex(\"a\", var.u)"), "<unknown: variable u has no value>");
}

TEST_F(TfFunc, Conversions) {
  EXPECT_EQ(show("tostring(1.5)"), "\"1.5\"");
  EXPECT_EQ(show("tostring(true)"), "\"true\"");
  EXPECT_EQ(show("tostring(null)"), "null");
  EXPECT_TRUE(err("tostring([1])"));
  EXPECT_EQ(show("tonumber(\"42\")"), "42");
  EXPECT_EQ(show("tonumber(\"-1.5e2\")"), "-150");
  EXPECT_TRUE(err("tonumber(\"4x\")"));
  EXPECT_TRUE(err("tonumber(true)"));
  EXPECT_EQ(show("tobool(\"true\")"), "true");
  EXPECT_TRUE(err("tobool(\"yes\")"));
  EXPECT_EQ(show("tonumber(var.u)"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("tolist([\"a\", 1])"), "[\"a\", 1]");
  EXPECT_TRUE(err("tolist({ a = 1 })"));
  EXPECT_EQ(show("toset([\"c\", \"a\", \"c\", \"b\"])"), "[\"a\", \"b\", \"c\"]");
  EXPECT_EQ(show("toset([3, 1, 3])"), "[3, 1]");
  EXPECT_EQ(show("toset([\"a\", var.u])"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("tomap({ b = 1, a = 2 })"), "{a: 2, b: 1}");
  EXPECT_TRUE(err("tomap([1])"));
}

TEST_F(TfFunc, LengthElementKeysValues) {
  EXPECT_EQ(show("length(var.list)"), "3");
  EXPECT_EQ(show("length(var.tags)"), "2");
  EXPECT_EQ(show("length(\"héllo\")"), "5");
  EXPECT_EQ(show("length([var.u, var.u])"), "2");  // known length, unknown elements
  EXPECT_EQ(show("length(var.u)"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("length(var.partial)"), "<unknown: aws_s3_bucket.docs.arn is known after apply>");
  EXPECT_TRUE(err("length(1)"));
  EXPECT_EQ(show("element(var.list, 1)"), "\"a\"");
  EXPECT_EQ(show("element(var.list, 4)"), "\"a\"");  // wraps
  EXPECT_TRUE(err("element([], 0)"));
  EXPECT_EQ(show("keys(var.tags)"), "[\"app\", \"env\"]");
  EXPECT_EQ(show("values(var.tags)"), "[\"web\", \"prod\"]");
  EXPECT_TRUE(err("keys([1])"));
}

TEST_F(TfFunc, LookupMergeConcat) {
  EXPECT_EQ(show("lookup(var.tags, \"env\", \"d\")"), "\"prod\"");
  EXPECT_EQ(show("lookup(var.tags, \"x\", \"d\")"), "\"d\"");
  EXPECT_TRUE(err("lookup(var.tags, \"x\")"));
  EXPECT_EQ(show("lookup(var.tags, var.u, \"d\")"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("merge(var.tags, { env = \"dev\", x = 1 }, null)"),
            "{env: \"dev\", app: \"web\", x: 1}");
  EXPECT_EQ(show("merge(var.tags, var.u)"), "<unknown: variable u has no value>");
  EXPECT_TRUE(err("merge(var.tags, [1])"));
  EXPECT_EQ(show("concat([1], [], [2, 3])"), "[1, 2, 3]");
  EXPECT_TRUE(err("concat([1], 2)"));
}

TEST_F(TfFunc, Coalesce) {
  EXPECT_EQ(show("coalesce(null, \"\", \"x\", var.u)"), "\"x\"");
  EXPECT_EQ(show("coalesce(var.u, \"x\")"), "<unknown: variable u has no value>");
  EXPECT_TRUE(err("coalesce(null, \"\")"));
  EXPECT_EQ(show("coalescelist([], [1], var.u)"), "[1]");
  EXPECT_EQ(show("coalescelist(var.u, [1])"), "<unknown: variable u has no value>");
  EXPECT_TRUE(err("coalescelist([], [])"));
}

TEST_F(TfFunc, ContainsDistinctFlatten) {
  EXPECT_EQ(show("contains(var.list, \"a\")"), "true");
  EXPECT_EQ(show("contains(var.list, \"z\")"), "false");
  EXPECT_EQ(show("contains([var.u, \"a\"], \"a\")"), "true");
  EXPECT_EQ(show("contains([var.u, \"a\"], \"z\")"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("contains(var.list, var.u)"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("distinct([1, 2, 1, \"1\"])"), "[1, 2, \"1\"]");
  EXPECT_EQ(show("distinct([1, var.u])"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("flatten([[1, [2]], 3, []])"), "[1, 2, 3]");
  EXPECT_EQ(show("flatten([[1], var.u])"), "<unknown: variable u has no value>");
}

TEST_F(TfFunc, ZipmapCompactSliceReverseSortOne) {
  EXPECT_EQ(show("zipmap([\"b\", \"a\"], [1, 2])"), "{a: 2, b: 1}");
  EXPECT_TRUE(err("zipmap([\"a\"], [1, 2])"));
  EXPECT_EQ(show("compact([\"a\", \"\", null, \"b\"])"), "[\"a\", \"b\"]");
  EXPECT_EQ(show("compact([\"a\", var.u])"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("slice(var.list, 1, 3)"), "[\"a\", \"c\"]");
  EXPECT_TRUE(err("slice(var.list, 2, 5)"));
  EXPECT_EQ(show("reverse([1, 2, 3])"), "[3, 2, 1]");
  EXPECT_EQ(show("sort(var.list)"), "[\"a\", \"b\", \"c\"]");
  EXPECT_EQ(show("sort([10, 9])"), "[\"10\", \"9\"]");
  EXPECT_EQ(show("sort([\"a\", var.u])"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("one([])"), "null");
  EXPECT_EQ(show("one([\"x\"])"), "\"x\"");
  EXPECT_TRUE(err("one([1, 2])"));
}

TEST_F(TfFunc, Sets) {
  EXPECT_EQ(show("setunion([\"b\"], [\"a\", \"b\"])"), "[\"a\", \"b\"]");
  EXPECT_EQ(show("setintersection([\"a\", \"b\"], [\"b\", \"c\"], [\"b\"])"), "[\"b\"]");
  EXPECT_EQ(show("setsubtract([\"a\", \"b\"], [\"b\"])"), "[\"a\"]");
  EXPECT_EQ(show("setunion([var.u], [\"a\"])"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("index(var.list, \"c\")"), "2");
  EXPECT_TRUE(err("index(var.list, \"z\")"));
}

TEST_F(TfFunc, Numeric) {
  EXPECT_EQ(show("min(3, 1.5, 2)"), "1.5");
  EXPECT_EQ(show("max(3, \"7\")"), "7");
  EXPECT_TRUE(err("max()"));
  EXPECT_EQ(show("max(1, var.u)"), "<unknown: variable u has no value>");
  EXPECT_EQ(show("abs(-2.5)"), "2.5");
  EXPECT_EQ(show("ceil(1.2)"), "2");
  EXPECT_EQ(show("floor(-1.2)"), "-2");
  EXPECT_EQ(show("signum(-4)"), "-1");
  EXPECT_EQ(show("pow(2, 10)"), "1024");
  EXPECT_EQ(show("parseint(\"ff\", 16)"), "255");
  EXPECT_TRUE(err("parseint(\"12\", 2)"));
  EXPECT_TRUE(err("abs(\"x\")"));
  EXPECT_EQ(show("range(3)"), "[0, 1, 2]");
  EXPECT_EQ(show("range(1, 4)"), "[1, 2, 3]");
  EXPECT_EQ(show("range(10, 0, -4)"), "[10, 6, 2]");
  EXPECT_EQ(show("range(0, 1, 0.25)"), "[0, 0.25, 0.5, 0.75]");
  EXPECT_TRUE(err("range(0, 5, 0)"));
  EXPECT_TRUE(err("range(5, 0, 1)"));
}

TEST_F(TfFunc, Cidr) {
  EXPECT_EQ(show("cidrsubnet(\"10.0.0.0/16\", 8, 2)"), "\"10.0.2.0/24\"");
  EXPECT_EQ(show("cidrsubnet(\"172.16.0.0/12\", 4, 15)"), "\"172.31.0.0/16\"");
  EXPECT_TRUE(err("cidrsubnet(\"10.0.0.0/16\", 8, 256)"));
  EXPECT_TRUE(err("cidrsubnet(\"10.0.0/16\", 8, 1)"));
  EXPECT_EQ(show("cidrhost(\"10.0.1.0/24\", 5)"), "\"10.0.1.5\"");
  EXPECT_EQ(show("cidrsubnet(\"fd00::/8\", 8, 1)"), "<unknown: cidrsubnet: IPv6 is not evaluated>");
}

TEST_F(TfFunc, JsonEncode) {
  EXPECT_EQ(show("jsonencode({ b = [1, \"x\", null], a = true })"),
            "\"{\"a\":true,\"b\":[1,\"x\",null]}\"");
  EXPECT_EQ(show("jsonencode(\"<&>\")"), "\"\"\\u003c\\u0026\\u003e\"\"");
  // Unknowns become unknown runs: the JSON reader accepts them as values.
  const core::Value* v = eval("jsonencode({ Resource = var.arn, Id = var.partial })");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(describe(v), "\"{\"Id\":\"arn:<?>/x\",\"Resource\":<?>}\"~");
  EXPECT_EQ(v->reason, "aws_s3_bucket.docs.arn is known after apply");
  EXPECT_EQ(show("jsonencode(var.u)"), "\"<?>\"~");
}

TEST_F(TfFunc, JsonDecode) {
  EXPECT_EQ(show("jsondecode(\"{\\\"b\\\": [1, 2.5, \\\"x\\\"], \\\"a\\\": null}\")"),
            "{a: null, b: [1, 2.5, \"x\"]}");
  EXPECT_EQ(show("jsondecode(\"true\")"), "true");
  EXPECT_EQ(show("jsondecode(jsonencode({ k = [1] })).k[0]"), "1");
  EXPECT_TRUE(err("jsondecode(\"{\")"));
  EXPECT_EQ(show("jsondecode(var.partial)"),
            "<unknown: aws_s3_bucket.docs.arn is known after apply>");
  EXPECT_EQ(show("jsondecode(var.u)"), "<unknown: variable u has no value>");
  std::string deep(1000, '[');
  EXPECT_EQ(show("jsondecode(\"" + deep + "\")"),
            "<unknown: jsondecode: document nested too deeply to evaluate>");
}

TEST_F(TfFunc, Base64AndUrlencode) {
  EXPECT_EQ(show("base64encode(\"Hello World\")"), "\"SGVsbG8gV29ybGQ=\"");
  EXPECT_EQ(show("base64encode(\"ab\")"), "\"YWI=\"");
  EXPECT_EQ(show("base64decode(\"SGVsbG8gV29ybGQ=\")"), "\"Hello World\"");
  EXPECT_EQ(show("base64decode(base64encode(\"héllo\"))"), "\"héllo\"");
  EXPECT_TRUE(err("base64decode(\"###\")"));
  EXPECT_TRUE(err("base64decode(\"//4=\")"));  // not UTF-8
  EXPECT_EQ(show("urlencode(\"a b&c/é\")"), "\"a+b%26c%2F%C3%A9\"");
}

TEST_F(TfFunc, UnevaluatedFunctions) {
  EXPECT_EQ(show("uuid()"), "<unknown: function uuid is not evaluated (it changes on every run)>");
  EXPECT_EQ(show("sha256(\"x\")"), "<unknown: function sha256 is not evaluated>");
  EXPECT_EQ(show("md5(\"x\")"), "<unknown: function md5 is not evaluated>");
}

TEST_F(TfFunc, FileFunctions) {
  EXPECT_EQ(show("file(\"policy.json\")"), "\"{\"a\": [1, 2]}\"");
  EXPECT_EQ(show("jsondecode(file(\"policy.json\")).a[1]"), "2");
  EXPECT_EQ(show("file(\"missing.txt\")"),
            "<unknown: file: missing.txt is not readable: no such file in the scanned tree>");
  EXPECT_TRUE(err("file(\"bin\")"));
  EXPECT_EQ(show("filebase64(\"bin\")"), "\"//4=\"");
  EXPECT_EQ(show("fileexists(\"policy.json\")"), "true");
  EXPECT_EQ(show("dirname(\"a/b/c.txt\")"), "\"a/b\"");
  EXPECT_EQ(show("basename(\"a/b/c.txt\")"), "\"c.txt\"");
  EXPECT_EQ(show("dirname(\"c.txt\")"), "\".\"");
  EXPECT_EQ(show("file(var.u)"), "<unknown: variable u has no value>");
}

TEST_F(TfFunc, Templatefile) {
  EXPECT_EQ(show("templatefile(\"user_data.sh\", { name = \"web\", ports = [80, 443] })"),
            "\"#!/bin/sh\necho web 80,443,\n\"");
  EXPECT_EQ(show("templatefile(\"bare.tpl\", { name = \"x\" })"), "\"hello x\"");
  EXPECT_EQ(show("templatefile(\"bare.tpl\", { name = var.u })"), "\"hello <?>\"~");
  // Only the vars are visible inside the template.
  EXPECT_EQ(show("templatefile(\"bare.tpl\", {})"),
            "<unknown: error: templatefile: vars have no entry \"name\">");
  EXPECT_TRUE(err("templatefile(\"scope.tpl\", {})"));
  EXPECT_TRUE(err("templatefile(\"bad.tpl\", {})"));
  EXPECT_EQ(show("templatefile(\"nope.tpl\", {})"),
            "<unknown: templatefile: nope.tpl is not readable: no such file in the scanned tree>");
  // The result is reported at the call, not inside the template's own document.
  const core::Value* v = eval("templatefile(\"bare.tpl\", { name = \"x\" })");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->origin->tag, "call");
  for (const core::StringSegment& s : v->segments) EXPECT_NE(s.origin, nullptr);
}

TEST_F(TfFunc, TemplatefileNestingIsBounded) {
  scope_.files["self.tpl"] = "x${templatefile(\"self.tpl\", {})}";
  const core::Value* v = eval("templatefile(\"self.tpl\", {})");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(describe(v), "\"xxxxxxxx<?>\"~");
  EXPECT_LE(scope_.reads, 9);
}

}  // namespace
}  // namespace genlens
