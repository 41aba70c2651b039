// The text forms of suppression directives: comments and the Kubernetes
// annotation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "genlens/rules/suppress.h"

namespace genlens::rules {
namespace {

std::string ids(const Directive& d) {
  std::string out;
  for (const std::string& id : d.rule_ids) out += (out.empty() ? "" : "|") + id;
  return out;
}

TEST(SuppressDirective, PlainCommentsAreNoDirectives) {
  EXPECT_FALSE(parse_directive(" a comment").is_directive);
  EXPECT_FALSE(parse_directive(" see genlens:ignore GAI-SEC-001").is_directive);
  EXPECT_FALSE(parse_directive("").is_directive);
}

TEST(SuppressDirective, OneRuleWithReason) {
  const DirectiveParse p = parse_directive(" genlens:ignore GAI-SEC-001 -- dev only, no data");
  ASSERT_TRUE(p.directive) << p.error;
  EXPECT_FALSE(p.directive->whole_file);
  EXPECT_EQ(ids(*p.directive), "GAI-SEC-001");
  EXPECT_EQ(p.directive->reason, "dev only, no data");
  EXPECT_EQ(p.directive->until, "");
}

TEST(SuppressDirective, SeveralRulesUntilAndBlanksAfterCommas) {
  const DirectiveParse p =
      parse_directive("genlens:ignore GAI-SEC-001, GAI-REL-002 until=2027-02-28 -- migrating");
  ASSERT_TRUE(p.directive) << p.error;
  EXPECT_EQ(ids(*p.directive), "GAI-SEC-001|GAI-REL-002");
  EXPECT_EQ(p.directive->until, "2027-02-28");
  EXPECT_EQ(p.directive->reason, "migrating");
}

TEST(SuppressDirective, WithoutReasonAndWholeFile) {
  const DirectiveParse p = parse_directive("  genlens:ignore-file ACME-X-1");
  ASSERT_TRUE(p.directive) << p.error;
  EXPECT_TRUE(p.directive->whole_file);
  EXPECT_EQ(ids(*p.directive), "ACME-X-1");
  EXPECT_EQ(p.directive->reason, "");
  // `--` with nothing after it is no reason either.
  const DirectiveParse q = parse_directive("genlens:ignore GAI-SEC-001 --   ");
  ASSERT_TRUE(q.directive) << q.error;
  EXPECT_EQ(q.directive->reason, "");
}

TEST(SuppressDirective, ReasonMayHoldDashesAndHashes) {
  const DirectiveParse p = parse_directive("genlens:ignore GAI-SEC-001 -- see #12 -- and x--y");
  ASSERT_TRUE(p.directive) << p.error;
  EXPECT_EQ(p.directive->reason, "see #12 -- and x--y");
}

TEST(SuppressDirective, MalformedDirectivesSayWhy) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"genlens:ignore", "names no rule ID"},
      {"genlens:ignore -- reason", "names no rule ID"},
      {"genlens:ingore GAI-SEC-001", "unknown directive 'genlens:ingore'"},
      {"genlens:ignore GAI-SEC-001 because dev", "'because' is not a rule ID"},
      {"genlens:ignore gai-sec-001", "'gai-sec-001' is not a rule ID"},
      {"genlens:ignore GAI-SEC-001,,GAI-SEC-002", "stray comma"},
      {"genlens:ignore GAI-SEC-001, -- x", "stray comma"},
      {"genlens:ignore GAI-SEC-001 until=2027-02-30", "until=2027-02-30 is not a date"},
      {"genlens:ignore GAI-SEC-001 until=tomorrow", "not a date"},
      {"genlens:ignore GAI-SEC-001 until=2027-01-01 until=2028-01-01", "given twice"},
      {"genlens:ignore GAI-SEC-001 level=low", "unknown option 'level=low'"},
      {"genlens:ignore GAI-SEC-001 GAI-SEC-002", "separate rule IDs with commas"},
  };
  for (const auto& [text, why] : cases) {
    const DirectiveParse p = parse_directive(text);
    EXPECT_TRUE(p.is_directive) << text;
    EXPECT_FALSE(p.directive) << text;
    EXPECT_NE(p.error.find(why), std::string::npos) << text << " -> " << p.error;
  }
}

TEST(SuppressDirective, Dates) {
  EXPECT_TRUE(is_valid_date("2028-02-29"));
  EXPECT_FALSE(is_valid_date("2027-02-29"));
  EXPECT_FALSE(is_valid_date("2100-02-29"));
  EXPECT_TRUE(is_valid_date("2000-02-29"));
  EXPECT_FALSE(is_valid_date("2027-13-01"));
  EXPECT_FALSE(is_valid_date("2027-1-01"));
  EXPECT_TRUE(is_valid_date(today_utc())) << today_utc();
}

TEST(SuppressDirective, AnnotationEntriesBySemicolonOrNewline) {
  const std::vector<DirectiveParse> ps = parse_annotation(
      "GAI-SEC-001: internal only; GAI-SEC-002,GAI-SEC-003 until=2030-01-01: later\n"
      "GAI-REL-001\n");
  ASSERT_EQ(ps.size(), 3u);
  for (const DirectiveParse& p : ps) ASSERT_TRUE(p.directive) << p.error;
  EXPECT_EQ(ids(*ps[0].directive), "GAI-SEC-001");
  EXPECT_EQ(ps[0].directive->reason, "internal only");
  EXPECT_EQ(ids(*ps[1].directive), "GAI-SEC-002|GAI-SEC-003");
  EXPECT_EQ(ps[1].directive->until, "2030-01-01");
  EXPECT_EQ(ps[1].directive->reason, "later");
  EXPECT_EQ(ids(*ps[2].directive), "GAI-REL-001");
  EXPECT_EQ(ps[2].directive->reason, "");
}

TEST(SuppressDirective, MalformedAnnotationEntries) {
  const std::vector<DirectiveParse> ps = parse_annotation("internal only: GAI-SEC-001; ; ");
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_FALSE(ps[0].directive);
  EXPECT_NE(ps[0].error.find("'internal' is not a rule ID"), std::string::npos) << ps[0].error;
  const std::vector<DirectiveParse> empty = parse_annotation("  ");
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_FALSE(empty[0].directive);
}

}  // namespace
}  // namespace genlens::rules
