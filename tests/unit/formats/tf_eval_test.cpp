// terraform::Evaluator: every expression kind, templates with partial
// results, Unknown propagation, provenance, try/can and budgets.
#include <gtest/gtest.h>

#include <string>

#include "../parse/hcl_test_util.h"
#include "../test_support.h"
#include "formats/terraform/evaluator.h"
#include "tf_eval_util.h"

namespace genlens {
namespace {

using formats::terraform::is_error;
using testutil::describe;
using testutil::range_str;

class TfEval : public testutil::TfEvalTest {
 protected:
  void SetUp() override {
    bind("var.region", "\"eu-west-1\"");
    bind("var.tags", "{ env = \"prod\", team = \"web\" }");
    bind("var.list", "[\"a\", \"b\", \"c\"]");
    bind("var.n", "3");
    bind("var.items", "[{ id = 1, name = \"x\" }, { id = 2, name = \"y\" }]");
    bind("var.nothing", "null");
    scope_.names["var.secret"] = unknown("variable secret has no value");
    scope_.names["var.flag"] = unknown("variable flag has no value");
  }
};

TEST_F(TfEval, Literals) {
  EXPECT_EQ(show("1"), "1");
  EXPECT_EQ(show("1.5"), "1.5");
  EXPECT_EQ(show("true"), "true");
  EXPECT_EQ(show("null"), "null");
  EXPECT_EQ(show("\"s\""), "\"s\"");
  EXPECT_EQ(show("[1, \"two\", [3]]"), "[1, \"two\", [3]]");
  EXPECT_EQ(show("{ a = 1, \"b\" = [2] }"), "{a: 1, b: [2]}");
}

TEST_F(TfEval, Heredocs) {
  EXPECT_EQ(show("<<EOT\nhello\nEOT"), "\"hello\n\"");
  EXPECT_EQ(show("<<-EOT\n    x = ${var.n}\n    EOT"), "\"x = 3\n\"");
}

TEST_F(TfEval, TemplateInterpolationAndSegments) {
  const core::Value* v = eval("\"arn:${var.region}:x\"");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(describe(v), "\"arn:eu-west-1:x\"");
  EXPECT_FALSE(v->partial);
  // Segments: "arn:" from the literal part, the region from vars.tf, ":x".
  ASSERT_EQ(v->segments.size(), 3U);
  EXPECT_EQ(v->segments[0].out_offset, 0U);
  EXPECT_EQ(v->segments[0].origin->text, "arn:");
  EXPECT_EQ(v->segments[1].out_offset, 4U);
  EXPECT_EQ(v->segments[1].origin->text, "eu-west-1");
  EXPECT_EQ(v->segments[2].out_offset, 13U);
  EXPECT_EQ(v->segments[2].origin->text, ":x");
}

TEST_F(TfEval, TemplatePartialWhenAPartIsUnknown) {
  const core::Value* v = eval("\"arn:${var.secret}/${aws_s3_bucket.docs.arn}:end\"");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(describe(v), "\"arn:<?>/<?>:end\"~");
  EXPECT_TRUE(v->partial);
  EXPECT_EQ(v->reason, "variable secret has no value");
  ASSERT_EQ(v->segments.size(), 3U);
  EXPECT_EQ(v->segments[1].out_offset, 5U);  // "/" after "arn:" + mark
  EXPECT_EQ(v->segments[1].origin->text, "/");
  EXPECT_EQ(v->segments[2].out_offset, 7U);
  EXPECT_EQ(scope_.refs, std::vector<std::string>{"aws_s3_bucket.docs"});
}

TEST_F(TfEval, SingleInterpolationKeepsTheValue) {
  EXPECT_EQ(show("\"${var.list}\""), "[\"a\", \"b\", \"c\"]");
  EXPECT_EQ(show("\"${var.n}\""), "3");
  EXPECT_EQ(show("\"n=${var.n} ${true}\""), "\"n=3 true\"");
}

TEST_F(TfEval, TemplateErrors) {
  const core::Value* v = eval("\"x${var.list}\"");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(is_error(v)) << v->reason;
  EXPECT_TRUE(is_error(eval("\"x${var.nothing}\"")));
}

TEST_F(TfEval, TemplateDirectives) {
  EXPECT_EQ(show("\"%{if var.n > 2}big%{else}small%{endif}\""), "\"big\"");
  EXPECT_EQ(show("\"%{if false}x%{endif}y\""), "\"y\"");
  EXPECT_EQ(show("\"%{for i, s in var.list}${i}=${s};%{endfor}\""), "\"0=a;1=b;2=c;\"");
  EXPECT_EQ(show("\"%{for k, v in var.tags}${k}:${v} %{endfor}\""), "\"env:prod team:web \"");
  EXPECT_EQ(show("\"a%{if var.flag}x%{endif}b\""), "\"a<?>b\"~");
  EXPECT_EQ(show("\"<%{for s in var.secret}${s}%{endfor}>\""), "\"<<?>>\"~");
  EXPECT_EQ(show("<<EOT\n%{ for s in var.list ~}\n- ${s}\n%{ endfor ~}\nEOT"),
            "\"- a\n- b\n- c\n\"");
}

TEST_F(TfEval, Conditionals) {
  EXPECT_EQ(show("var.n > 2 ? \"yes\" : \"no\""), "\"yes\"");
  EXPECT_EQ(show("var.flag ? \"same\" : \"same\""), "\"same\"");
  EXPECT_EQ(show("var.flag ? 1 : 2"),
            "<unknown: depends on a condition that is not known: variable flag has no value>");
  // Only the chosen branch is evaluated.
  EXPECT_EQ(show("var.nothing != null ? var.nothing.x : \"default\""), "\"default\"");
  EXPECT_TRUE(is_error(eval("\"maybe\" ? 1 : 2")));
}

TEST_F(TfEval, Arithmetic) {
  EXPECT_EQ(show("1 + 2 * 3"), "7");
  EXPECT_EQ(show("(1 + 2) * 3"), "9");
  EXPECT_EQ(show("7 / 2"), "3.5");
  EXPECT_EQ(show("7 % 3"), "1");
  EXPECT_EQ(show("\"5\" + 1"), "6");
  EXPECT_EQ(show("-var.n"), "-3");
  EXPECT_TRUE(is_error(eval("\"x\" + 1")));
  EXPECT_TRUE(is_error(eval("1 / 0")));
  EXPECT_TRUE(is_error(eval("true * 2")));
  EXPECT_EQ(show("var.secret + 1"), "<unknown: variable secret has no value>");
}

TEST_F(TfEval, Comparisons) {
  EXPECT_EQ(show("2 >= 2"), "true");
  EXPECT_EQ(show("1 < \"2\""), "true");
  EXPECT_EQ(show("var.region == \"eu-west-1\""), "true");
  EXPECT_EQ(show("\"1\" == 1"), "false");
  EXPECT_EQ(show("[1, 2] == [1, 2]"), "true");
  EXPECT_EQ(show("{ a = 1 } != { a = 2 }"), "true");
  EXPECT_EQ(show("var.nothing == null"), "true");
  EXPECT_EQ(show("var.secret == null"), "<unknown: variable secret has no value>");
  EXPECT_EQ(show("[var.secret] == [1]"), "<unknown: variable secret has no value>");
}

TEST_F(TfEval, LogicWithUnknownShortCircuit) {
  EXPECT_EQ(show("true && false"), "false");
  EXPECT_EQ(show("!false || false"), "true");
  EXPECT_EQ(show("false && var.flag"), "false");
  EXPECT_EQ(show("var.flag && false"), "false");
  EXPECT_EQ(show("true || var.flag"), "true");
  EXPECT_EQ(show("true && var.flag"), "<unknown: variable flag has no value>");
  EXPECT_EQ(show("var.flag || false"), "<unknown: variable flag has no value>");
  EXPECT_EQ(show("!var.flag"), "<unknown: variable flag has no value>");
  EXPECT_TRUE(is_error(eval("1 && true")));
  EXPECT_TRUE(is_error(eval("!\"yes\"")));
}

TEST_F(TfEval, AttributesAndIndexes) {
  EXPECT_EQ(show("var.tags.env"), "\"prod\"");
  EXPECT_EQ(show("var.tags[\"team\"]"), "\"web\"");
  EXPECT_EQ(show("var.list[1]"), "\"b\"");
  EXPECT_EQ(show("var.list.2"), "\"c\"");
  EXPECT_EQ(show("var.list[\"0\"]"), "\"a\"");
  EXPECT_EQ(show("var.items[1].name"), "\"y\"");
  EXPECT_EQ(show("[10, 20][var.n - 2]"), "20");
  EXPECT_EQ(show("var.list[var.secret]"), "<unknown: variable secret has no value>");
  EXPECT_EQ(show("var.secret.x[0]"), "<unknown: variable secret has no value>");
  EXPECT_EQ(show("var.tags.missing"), "<unknown: error: no attribute \"missing\">");
  EXPECT_EQ(show("var.list[3]"), "<unknown: error: index 3 out of range for a list of 3 elements>");
  EXPECT_TRUE(is_error(eval("var.list[1.5]")));
  EXPECT_TRUE(is_error(eval("var.nothing.x")));
  EXPECT_TRUE(is_error(eval("var.nothing[0]")));
  EXPECT_TRUE(is_error(eval("var.region[0]")));
  EXPECT_TRUE(is_error(eval("var.list.x")));
  EXPECT_EQ(show("local.undeclared"), "<unknown: unknown name local>");
}

TEST_F(TfEval, Splats) {
  EXPECT_EQ(show("var.items[*].id"), "[1, 2]");
  EXPECT_EQ(show("var.items.*.name"), "[\"x\", \"y\"]");
  EXPECT_EQ(show("var.items[*]"), "[{id: 1, name: \"x\"}, {id: 2, name: \"y\"}]");
  EXPECT_EQ(show("var.tags[*].env"), "[\"prod\"]");  // a non-list is wrapped
  EXPECT_EQ(show("var.nothing[*]"), "[]");
  EXPECT_EQ(show("var.nothing[*].id"), "[]");
  EXPECT_EQ(show("length(var.items[*].id)"), "2");
  EXPECT_EQ(show("var.secret[*].id"), "<unknown: variable secret has no value>");
  EXPECT_TRUE(is_error(eval("var.items[*].missing")));
  EXPECT_EQ(show("[[1, 2], [3]][*][0]"), "[1, 3]");
}

TEST_F(TfEval, ForTuple) {
  EXPECT_EQ(show("[for s in var.list : upper(s)]"), "[\"A\", \"B\", \"C\"]");
  EXPECT_EQ(show("[for i, s in var.list : \"${i}${s}\" if i != 1]"), "[\"0a\", \"2c\"]");
  EXPECT_EQ(show("[for k, v in var.tags : \"${k}=${v}\"]"), "[\"env=prod\", \"team=web\"]");
  EXPECT_EQ(show("[for s in var.secret : s]"), "<unknown: variable secret has no value>");
  EXPECT_EQ(show("[for s in var.list : s if var.flag]"), "<unknown: variable flag has no value>");
  EXPECT_EQ(show("[for s in var.list : var.secret]"), "[<unknown>, <unknown>, <unknown>]");
  EXPECT_TRUE(is_error(eval("[for s in var.nothing : s]")));
  EXPECT_TRUE(is_error(eval("[for s in \"abc\" : s]")));
  EXPECT_TRUE(is_error(eval("[for s in var.list : s if 1]")));
}

TEST_F(TfEval, ForObjectAndGrouping) {
  EXPECT_EQ(show("{for s in var.list : s => upper(s)}"), "{a: \"A\", b: \"B\", c: \"C\"}");
  EXPECT_EQ(show("{for i in var.items : i.name => i.id if i.id > 1}"), "{y: 2}");
  EXPECT_EQ(show("{for s in [\"b\", \"a\", \"b\"] : s => s...}"),
            "{a: [\"a\"], b: [\"b\", \"b\"]}");
  EXPECT_EQ(show("{for s in var.list : var.secret => s}"),
            "<unknown: variable secret has no value>");
  EXPECT_EQ(show("{for s in [\"a\", \"a\"] : s => 1}"),
            "<unknown: error: duplicate key \"a\" in for expression (use ... to group)>");
  EXPECT_TRUE(is_error(eval("{for s in var.list : null => s}")));
}

TEST_F(TfEval, ComputedObjectKeys) {
  EXPECT_EQ(show("{ (var.region) = 1, \"k-${var.n}\" = 2 }"), "{eu-west-1: 1, k-3: 2}");
  EXPECT_EQ(show("{ (var.secret) = 1 }"), "<unknown: variable secret has no value>");
}

TEST_F(TfEval, FunctionCallsAndExpansion) {
  EXPECT_EQ(show("max(var.list...)"), "<unknown: error: max: a number is required, not a string>");
  EXPECT_EQ(show("max([3, 9, 4]...)"), "9");
  EXPECT_EQ(show("min(1, [5, 0]...)"), "0");
  EXPECT_EQ(show("timestamp()"),
            "<unknown: function timestamp is not evaluated (it changes on every run)>");
  EXPECT_EQ(show("nosuchfn(1)"), "<unknown: function nosuchfn is not evaluated>");
  EXPECT_EQ(show("provider::aws::arn_parse(\"x\")"),
            "<unknown: provider function provider::aws::arn_parse is not evaluated>");
  EXPECT_EQ(show("core::upper(\"x\")"), "\"X\"");
  EXPECT_EQ(show("upper(var.secret)"), "<unknown: variable secret has no value>");
  EXPECT_EQ(show("upper(\"a\", \"b\")"), "<unknown: error: upper: expects 1 argument, got 2>");
}

TEST_F(TfEval, TryAndCan) {
  EXPECT_EQ(show("try(var.tags.missing, \"fallback\")"), "\"fallback\"");
  EXPECT_EQ(show("try(var.tags.env, \"fallback\")"), "\"prod\"");
  EXPECT_EQ(show("try(var.list[5], var.list[0])"), "\"a\"");
  EXPECT_EQ(show("try([var.tags.missing], [])"), "[]");  // error inside a tuple
  EXPECT_EQ(show("try({ k = var.tags.missing }, {})"), "{}");
  EXPECT_EQ(show("try(var.secret, \"d\")"), "<unknown: variable secret has no value>");
  EXPECT_EQ(show("try([var.secret], [])"), "<unknown: variable secret has no value>");
  EXPECT_TRUE(is_error(eval("try(var.list[9], var.tags.x)")));
  EXPECT_EQ(show("can(var.tags.env)"), "true");
  EXPECT_EQ(show("can(var.tags.missing)"), "false");
  EXPECT_EQ(show("can(tonumber(\"x\"))"), "false");
  EXPECT_EQ(show("can(var.secret)"), "<unknown: variable secret has no value>");
  EXPECT_EQ(show("can(regex(\"a\", \"b\"))"), "false");
  EXPECT_EQ(show("can(regex(\"a\", \"cat\"))"), "true");
  // Outside try, a bad attribute does not hide its siblings.
  const core::Value* v = eval("{ ok = 1, bad = var.tags.missing }");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(describe(v->find("ok")), "1");
  EXPECT_TRUE(is_error(v->find("bad")));
}

TEST_F(TfEval, ProvenanceOfScopeValues) {
  const core::Value* v = eval("var.region");
  ASSERT_NE(v, nullptr);
  // Reported at the use site, coming from the value in vars.tf.
  EXPECT_EQ(range_str(v->origin->range), "1:5-1:15");
  ASSERT_EQ(v->provenance.size(), 1U);
  EXPECT_EQ(v->provenance[0]->text, "eu-west-1");
  const core::Value* e = eval("var.tags[\"env\"]");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(range_str(e->origin->range), "1:5-1:20");
  ASSERT_FALSE(e->provenance.empty());
  EXPECT_EQ(e->provenance[0]->text, "prod");
  // A template records where its interpolated parts came from.
  const core::Value* t = eval("\"x-${var.region}\"");
  ASSERT_NE(t, nullptr);
  ASSERT_FALSE(t->provenance.empty());
  EXPECT_EQ(t->provenance.back()->text, "eu-west-1");
  // A value written here has its own node as origin.
  const core::Value* lit = eval("[1, 2]");
  ASSERT_NE(lit, nullptr);
  EXPECT_EQ(range_str(lit->items[1]->origin->range), "1:9-1:10");
}

TEST_F(TfEval, EvalWithBindings) {
  docs_.push_back(testutil::hcl("a = \"${each.key}=${each.value}\"\n"));
  const core::Node* a = docs_.back().doc->roots()[0]->find("a");
  formats::terraform::Evaluator ev(arena_, scope_);
  core::Value key;
  key.kind = core::ValueKind::kString;
  key.text = "k";
  core::Value each;
  each.kind = core::ValueKind::kMap;
  each.entries = {{"key", &key}, {"value", &key}};
  const core::Value* v = ev.eval_with(a, {{"each", &each}});
  EXPECT_EQ(describe(v), "\"k=k\"");
}

// each.value (and count.index, for and dynamic iterators) is reported where
// it is used, like var.x, coming from the for_each entry.
TEST_F(TfEval, BindingsAreReportedAtTheUseSite) {
  const core::Value* models = bind("var.models", "{ chat = true, embed = false }");
  ASSERT_NE(models, nullptr);
  const core::Value* embed = models->find("embed");
  ASSERT_NE(embed, nullptr);
  core::Value each;
  each.kind = core::ValueKind::kMap;
  each.entries = {{"value", embed}};
  docs_.push_back(testutil::hcl("a = each.value\n"));
  const core::Node* a = docs_.back().doc->roots()[0]->find("a");
  formats::terraform::Evaluator ev(arena_, scope_);
  const core::Value* v = ev.eval_with(a, {{"each", &each}});
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(describe(v), "false");
  EXPECT_EQ(range_str(v->origin->range), "1:5-1:15");
  ASSERT_EQ(v->provenance.size(), 1U);
  EXPECT_EQ(v->provenance[0], embed->origin);
}

TEST_F(TfEval, BudgetHugeRange) {
  EXPECT_EQ(show("range(100000000)"), "<unknown: result too large to evaluate>");
  EXPECT_EQ(show("length(range(100000000))"), "<unknown: result too large to evaluate>");
  EXPECT_EQ(show("length(range(100000))"), "100000");
}

TEST_F(TfEval, BudgetNestedForExpressions) {
  const core::Value* v =
      eval("[for i in range(100000) : [for j in range(100000) : [for k in range(100000) : k]]]");
  EXPECT_EQ(testutil::show_value(v), "<unknown: expression too large to evaluate>");
}

TEST_F(TfEval, BudgetHugeStrings) {
  bind("var.big", "\"" + std::string(1000, 'x') + "\"");
  EXPECT_EQ(show("join(\"\", [for i in range(20000) : var.big])"),
            "<unknown: result too large to evaluate>");
  EXPECT_EQ(show("replace(var.big, \"x\", join(\"\", [for i in range(20000) : \"y\"]))"),
            "<unknown: result too large to evaluate>");
}

TEST_F(TfEval, DeepNesting) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "[";
  deep += "1";
  for (int i = 0; i < 300; ++i) deep += "]";
  const core::Value* v = eval(deep);
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->is_list());
}

TEST_F(TfEval, ArenaBudgetGivesNullptr) {
  core::ValueArena small(50);
  testutil::FakeScope scope(small);
  docs_.push_back(testutil::hcl("a = [for i in range(1000) : i]\n"));
  formats::terraform::Evaluator ev(small, scope);
  EXPECT_EQ(ev.eval(docs_.back().doc->roots()[0]->find("a")), nullptr);
  EXPECT_TRUE(small.exhausted());
}

}  // namespace
}  // namespace genlens
