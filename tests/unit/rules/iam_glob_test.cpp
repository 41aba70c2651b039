// IAM glob matching: overlap of two patterns (action_matches), coverage of
// a service's actions by one pattern and of one glob by a union of globs,
// and partial strings (kUnknownMark) as over-approximating globs.
#include <gtest/gtest.h>

#include <string>

#include "genlens/core/value.h"
#include "rules/predicates/iam_glob.h"
#include "rules/predicates/iam_policy.h"

namespace {

using genlens::core::kUnknownMark;
using genlens::rules::iam::action_matches;
using genlens::rules::iam::covers_service;
namespace detail = genlens::rules::iam::detail;

std::string partial(const std::string& before, const std::string& after = "") {
  return before + kUnknownMark + after;
}

TEST(IamGlob, ActionMatchesWildcardOnEitherSide) {
  EXPECT_TRUE(action_matches("bedrock:*", "bedrock:InvokeModel"));
  EXPECT_TRUE(action_matches("bedrock:InvokeModel", "bedrock:*"));
  EXPECT_TRUE(action_matches("*", "sagemaker:InvokeEndpoint"));
  EXPECT_TRUE(action_matches("bedrock:?nvokeModel", "bedrock:InvokeModel"));
  EXPECT_FALSE(action_matches("bedrock:Invoke?", "bedrock:InvokeModel"));
  EXPECT_FALSE(action_matches("bedrock:Get*", "bedrock:InvokeModel"));
  EXPECT_FALSE(action_matches("s3:*", "bedrock:InvokeModel"));
  EXPECT_FALSE(action_matches("bedrock:InvokeModel", "bedrock:InvokeModelX"));
  EXPECT_FALSE(action_matches("", "bedrock:InvokeModel"));
  EXPECT_TRUE(action_matches("", ""));
}

TEST(IamGlob, ActionMatchesWildcardsOnBothSides) {
  EXPECT_TRUE(action_matches("bedrock:Invoke*", "bedrock:InvokeModel*"));
  EXPECT_TRUE(action_matches("*Model", "bedrock:Invoke*"));
  EXPECT_TRUE(action_matches("bedrock:*Stream", "bedrock:Invoke*"));
  EXPECT_TRUE(action_matches("*:InvokeModel", "bedrock*:*"));
  EXPECT_TRUE(action_matches("b?drock:*", "?edrock:Get*"));
  EXPECT_FALSE(action_matches("bedrock:*Stream", "bedrock:Invoke*Model"));
  EXPECT_FALSE(action_matches("bedrock:Get*", "bedrock:Invoke*"));
  EXPECT_FALSE(action_matches("s3:*", "bedrock*:*"));
  EXPECT_FALSE(action_matches("a?", "?bc"));  // two characters vs three
}

TEST(IamGlob, ActionMatchesIsCaseInsensitive) {
  EXPECT_TRUE(action_matches("BEDROCK:invokemodel", "bedrock:InvokeModel"));
  EXPECT_TRUE(action_matches("Bedrock:Invoke*", "bedrock:INVOKEMODELWITHRESPONSESTREAM"));
  EXPECT_FALSE(action_matches("BEDROCK:Get*", "bedrock:invokemodel"));
}

TEST(IamGlob, CoversServiceOnlyWhenEveryActionMatches) {
  for (const char* p : {"*", "*:*", "bedrock:*", "BedRock:*", "bedrock*:*", "b*", "bedrock:?*",
                        "?edrock:*", "*rock:*"}) {
    EXPECT_TRUE(covers_service(p, "bedrock")) << p;
  }
  for (const char* p : {"bedrock:Invoke*", "bedrock:*Model", "bedrock:?", "bedrock-agent:*",
                        "bedrock:", "s3:*", "bedrock:??*", "bedrockx:*"}) {
    EXPECT_FALSE(covers_service(p, "bedrock")) << p;
  }
  EXPECT_TRUE(covers_service("bedrock*:*", "bedrock-agent"));
  EXPECT_FALSE(covers_service("bedrock:*", "bedrock-agent"));
}

TEST(IamGlob, CoversUnionWhereNoSinglePatternDoes) {
  const auto g = [](const char* s) { return detail::pattern_glob(s); };
  EXPECT_TRUE(detail::covers({g("ab"), g("ab?*")}, g("ab*")));
  EXPECT_FALSE(detail::covers({g("ab")}, g("ab*")));
  EXPECT_FALSE(detail::covers({g("ab?*")}, g("ab*")));
  EXPECT_FALSE(detail::covers({g("x:a*"), g("x:b*")}, g("x:?*")));
  EXPECT_TRUE(detail::covers({g("x:a*"), g("x:b*")}, g("x:a?")));
  EXPECT_TRUE(detail::covers({g("*")}, g("anything*at?all")));
  EXPECT_FALSE(detail::covers({}, g("x")));
  EXPECT_TRUE(detail::covers({g("bedrock:InvokeModel"), g("bedrock:InvokeModel?*")},
                             g("bedrock:invokemodel*")));
}

TEST(IamGlob, PartialStringsOverApproximate) {
  const detail::Glob star = detail::literal_glob("*");
  // Only a string that may consist of unknown runs (and '*') can be "*".
  EXPECT_TRUE(detail::overlap(detail::literal_glob(partial("")), star));
  EXPECT_TRUE(detail::overlap(detail::literal_glob(partial("*")), star));
  EXPECT_FALSE(detail::overlap(detail::literal_glob(partial("arn:aws:s3:::")), star));
  // In a literal glob '*' is a character; in a pattern glob it is a wildcard.
  EXPECT_FALSE(detail::overlap(detail::literal_glob("a*"), detail::literal_glob("abc")));
  EXPECT_TRUE(detail::overlap(detail::pattern_glob("a*"), detail::literal_glob("abc")));
  // "bedrock:${X}" may be any bedrock pattern, "s3:${X}" never a bedrock one.
  EXPECT_TRUE(covers_service(partial("bedrock:"), "bedrock"));
  EXPECT_FALSE(covers_service(partial("s3:"), "bedrock"));
  EXPECT_TRUE(action_matches(partial("bedrock:Invoke"), "bedrock:InvokeModel"));
  EXPECT_FALSE(action_matches(partial("bedrock:Get"), "bedrock:InvokeModel"));
}

TEST(IamGlob, ManyWildcards) {
  std::string p;
  for (int i = 0; i < 32; ++i) p += "*a";
  EXPECT_FALSE(covers_service(p, "bedrock"));
  EXPECT_TRUE(action_matches(p, std::string(32, 'a')));
  EXPECT_FALSE(action_matches(p, std::string(31, 'a')));
  EXPECT_TRUE(detail::covers({detail::pattern_glob(p + "*")}, detail::pattern_glob(p + "b*")));
  EXPECT_FALSE(detail::covers({detail::pattern_glob(p)}, detail::pattern_glob(p + "b*")));
  EXPECT_FALSE(detail::covers({detail::pattern_glob(p + "b")}, detail::pattern_glob(p)));
  // Far beyond what the policy functions pass in: the work budget answers
  // "not covered" instead of running away.
  std::string huge;
  for (int i = 0; i < 1000; ++i) huge += "*a";
  EXPECT_FALSE(
      detail::covers({detail::pattern_glob(huge + "*")}, detail::pattern_glob(huge + "b*")));
  EXPECT_TRUE(action_matches(huge, std::string(1000, 'a')));
}

}  // namespace
