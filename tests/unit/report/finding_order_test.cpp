// sort_findings and the small RuleSet / RuleMeta accessors the reporters rely on.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "genlens/rules/finding.h"
#include "genlens/rules/rule.h"
#include "report_fixture.h"

namespace genlens::rules {
namespace {

using report::testing::make_rule;

Finding at(const RuleMeta* rule, std::string path, uint32_t line, uint32_t column,
           std::string message) {
  Finding f;
  f.rule = rule;
  f.location.path = std::move(path);
  f.location.range.begin = {line, column};
  f.message = std::move(message);
  return f;
}

std::string describe(const Finding& f) {
  return f.location.path + ":" + std::to_string(f.location.range.begin.line) + ":" +
         std::to_string(f.location.range.begin.column) + ":" + f.rule->id + ":" + f.message;
}

TEST(SortFindings, ByPathLineColumnRuleIdMessage) {
  RuleMeta a;
  a.id = "GAI-A";
  RuleMeta b;
  b.id = "GAI-B";
  std::vector<Finding> findings = {
      at(&b, "b.tf", 1, 1, "m"), at(&a, "a.tf", 10, 1, "m"), at(&a, "a.tf", 2, 5, "m"),
      at(&b, "a.tf", 2, 1, "m"), at(&a, "a.tf", 2, 1, "z"),  at(&a, "a.tf", 2, 1, "m"),
  };
  sort_findings(findings);
  std::vector<std::string> order;
  for (const Finding& f : findings) order.push_back(describe(f));
  EXPECT_EQ(order, (std::vector<std::string>{
                       "a.tf:2:1:GAI-A:m",
                       "a.tf:2:1:GAI-A:z",
                       "a.tf:2:1:GAI-B:m",
                       "a.tf:2:5:GAI-A:m",
                       "a.tf:10:1:GAI-A:m",  // numeric, not lexical, line order
                       "b.tf:1:1:GAI-B:m",
                   }));
}

TEST(SortFindings, StableForEqualKeys) {
  RuleMeta a;
  a.id = "GAI-A";
  std::vector<Finding> findings = {at(&a, "x", 1, 1, "m"), at(&a, "x", 1, 1, "m")};
  findings[0].fingerprint = "first";
  findings[1].fingerprint = "second";
  sort_findings(findings);
  EXPECT_EQ(findings[0].fingerprint, "first");
  EXPECT_EQ(findings[1].fingerprint, "second");
}

TEST(RuleSet, SortAndFind) {
  RuleSet set;
  set.add(make_rule("GAI-SEC-002", "b", "security", core::Severity::kError));
  set.add(make_rule("GAI-COST-001", "a", "cost-optimization", core::Severity::kWarning));
  ASSERT_NE(set.find("GAI-COST-001"), nullptr);  // works before sort()
  set.sort();
  EXPECT_EQ(set.rules()[0]->meta.id, "GAI-COST-001");
  EXPECT_EQ(set.rules()[1]->meta.id, "GAI-SEC-002");
  EXPECT_EQ(set.find("GAI-SEC-002")->meta.name, "b");
  EXPECT_EQ(set.find("GAI-SEC-999"), nullptr);
}

TEST(RuleMeta, ParamLookup) {
  RuleMeta meta;
  meta.params = {Param{"max", "10", {}, false}, Param{"types", "", {"a"}, true}};
  ASSERT_NE(meta.param("max"), nullptr);
  EXPECT_EQ(meta.param("max")->text, "10");
  EXPECT_TRUE(meta.param("types")->is_list);
  EXPECT_EQ(meta.param("missing"), nullptr);
}

}  // namespace
}  // namespace genlens::rules
