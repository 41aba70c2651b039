// rules::detail::parse_path: keys, quoted keys, [N], [*], filters, @json and
// every error message.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/engine/path_parser.h"

namespace {

using genlens::rules::Path;
using genlens::rules::PathStep;
using genlens::rules::detail::parse_path;

// "key(Properties) [3] [*] [Type in (A|B)] [Type not in (A)] @json"
std::string steps(const Path& p) {
  std::string out;
  for (const PathStep& s : p.steps) {
    if (!out.empty()) out += ' ';
    switch (s.kind) {
      case PathStep::Kind::kKey:
        out += "key(" + s.key + ")";
        break;
      case PathStep::Kind::kIndex:
        out += "[" + std::to_string(s.index) + "]";
        break;
      case PathStep::Kind::kWildcard:
        out += "[*]";
        break;
      case PathStep::Kind::kJson:
        out += "@json";
        break;
      case PathStep::Kind::kFilter: {
        out += "[" + s.key + (s.filter_negated ? " not in (" : " in (");
        for (size_t i = 0; i < s.values.size(); ++i) out += (i > 0 ? "|" : "") + s.values[i];
        out += ")]";
        break;
      }
    }
  }
  return out;
}

// Parsed steps, or "error: <message>".
std::string parse(const std::string& text) {
  Path p;
  const std::string err = parse_path(text, p);
  if (!err.empty()) return "error: " + err;
  EXPECT_EQ(p.text, text);
  return steps(p);
}

TEST(PathParser, DottedKeys) {
  EXPECT_EQ(parse("Properties.KmsKeyId"), "key(Properties) key(KmsKeyId)");
  EXPECT_EQ(parse("DependsOn"), "key(DependsOn)");
  EXPECT_EQ(parse("A.B.C.D"), "key(A) key(B) key(C) key(D)");
  EXPECT_EQ(parse("Metadata.aws:cdk:path"), "key(Metadata) key(aws:cdk:path)");
}

TEST(PathParser, EmptyPathIsTheCurrentValue) {
  Path p;
  EXPECT_EQ(parse_path("", p), "");
  EXPECT_TRUE(p.steps.empty());
}

TEST(PathParser, QuotedKeysMayContainDotsBracketsAndAt) {
  EXPECT_EQ(parse("Properties.'Key.With.Dots'.X"), "key(Properties) key(Key.With.Dots) key(X)");
  EXPECT_EQ(parse("Tags.\"a[0]@json\""), "key(Tags) key(a[0]@json)");
  EXPECT_EQ(parse("'only'"), "key(only)");
}

TEST(PathParser, IndexAndWildcardSteps) {
  EXPECT_EQ(parse("Items[3]"), "key(Items) [3]");
  EXPECT_EQ(parse("Items[ 12 ].Name"), "key(Items) [12] key(Name)");
  EXPECT_EQ(parse("Items[*]"), "key(Items) [*]");
  EXPECT_EQ(parse("Items[ * ].Name"), "key(Items) [*] key(Name)");
  EXPECT_EQ(parse("[0][1]"), "[0] [1]");
  EXPECT_EQ(parse("Items[0][*].X"), "key(Items) [0] [*] key(X)");
}

TEST(PathParser, EqualityFilters) {
  Path p;
  ASSERT_EQ(parse_path("Steps[Type == Training].Arguments", p), "");
  ASSERT_EQ(p.steps.size(), 3u);
  EXPECT_EQ(p.steps[1].kind, PathStep::Kind::kFilter);
  EXPECT_EQ(p.steps[1].key, "Type");
  EXPECT_FALSE(p.steps[1].filter_negated);
  EXPECT_EQ(p.steps[1].values, (std::vector<std::string>{"Training"}));
  EXPECT_EQ(parse("Steps[Type==Training]"), "key(Steps) [Type in (Training)]");
  EXPECT_EQ(parse("Steps[Type != Training]"), "key(Steps) [Type not in (Training)]");
  EXPECT_EQ(parse("Tags[Key == 'a b']"), "key(Tags) [Key in (a b)]");
  EXPECT_EQ(parse("Tags[Key == \"x.y\"].Value"), "key(Tags) [Key in (x.y)] key(Value)");
}

TEST(PathParser, MembershipFilters) {
  EXPECT_EQ(parse("Steps[Type in (Training, Tuning)].Arguments"),
            "key(Steps) [Type in (Training|Tuning)] key(Arguments)");
  EXPECT_EQ(parse("Steps[Type not in (A, B, C)]"), "key(Steps) [Type not in (A|B|C)]");
  EXPECT_EQ(parse("Steps[Type in (A)]"), "key(Steps) [Type in (A)]");
  EXPECT_EQ(parse("Steps[Type in ('A', \"B\")]"), "key(Steps) [Type in (A|B)]");
  EXPECT_EQ(parse("Steps[ Type  in  ( A ,B ) ]"), "key(Steps) [Type in (A|B)]");
}

TEST(PathParser, JsonStep) {
  EXPECT_EQ(parse("Properties.Policy@json[*].AllowFromPublic"),
            "key(Properties) key(Policy) @json [*] key(AllowFromPublic)");
  EXPECT_EQ(parse("Properties.Policy@json.Statement[0].Effect"),
            "key(Properties) key(Policy) @json key(Statement) [0] key(Effect)");
  EXPECT_EQ(parse("Body@json@json"), "key(Body) @json @json");
  EXPECT_EQ(parse("@json"), "@json");
}

TEST(PathParser, ErrorMessages) {
  const std::string bad_filter =
      "error: filter must be [Key == V], [Key != V], [Key in (A, B)] or [Key not in (A, B)]";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a..b", "error: empty key in path"},
      {".a", "error: empty key in path"},
      {"a[0]..b", "error: empty key in path"},
      {"a.", "error: path ends with '.'"},
      {"a[0].", "error: path ends with '.'"},
      {"a[0", "error: unclosed '[' in path"},
      {"a[*", "error: unclosed '[' in path"},
      {"a@yaml", "error: unknown step '@yaml' (only @json)"},
      {"a@js", "error: unknown step '@js' (only @json)"},
      {"a[0]b", "error: expected '.', '[' or '@json' after a step"},
      {"a@jsonb", "error: expected '.', '[' or '@json' after a step"},
      {"'a'b", "error: expected '.', '[' or '@json' after a step"},
      {"'abc", "error: unclosed quote in path"},
      {"a.\"b", "error: unclosed quote in path"},
      {"''", "error: empty key in path"},
      {"a[Type]", bad_filter},
      {"a[]", bad_filter},
      {"a[-1]", bad_filter},
      {"a[Type in A, B]", "error: filter values must be in parentheses: [Key in (A, B)]"},
      {"a[Type in (A, B]", "error: filter values must be in parentheses: [Key in (A, B)]"},
      {"a[Type in (A, , B)]", "error: empty value in filter list"},
      {"a[Type in ()]", "error: empty value in filter list"},
      {"a[ == x]", "error: filter has no key"},
      {"a[ != x]", "error: filter has no key"},
  };
  for (const auto& [path, want] : cases) {
    SCOPED_TRACE(path);
    EXPECT_EQ(parse(path), want);
  }
}

TEST(PathParser, ParsingResetsPreviousSteps) {
  Path p;
  ASSERT_EQ(parse_path("A.B.C", p), "");
  ASSERT_EQ(parse_path("X", p), "");
  EXPECT_EQ(steps(p), "key(X)");
  EXPECT_EQ(p.text, "X");
}

}  // namespace
