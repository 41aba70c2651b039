// OpenSearch Serverless name patterns and which policy entries select a
// collection.
#include <gtest/gtest.h>

#include "../test_support.h"
#include "genlens/graph/oss_policy.h"

namespace {

using genlens::graph::oss::pattern_matches;
using genlens::graph::oss::select;

TEST(OssPattern, WildcardsMatchAnyRun) {
  EXPECT_TRUE(pattern_matches("kb-docs", "kb-docs"));
  EXPECT_FALSE(pattern_matches("kb-docs", "kb-docs2"));
  EXPECT_FALSE(pattern_matches("kb-docs", "KB-docs"));
  EXPECT_TRUE(pattern_matches("kb-*", "kb-docs"));
  EXPECT_TRUE(pattern_matches("kb-*", "kb-"));
  EXPECT_FALSE(pattern_matches("kb-*", "kb"));
  EXPECT_TRUE(pattern_matches("*", "anything"));
  EXPECT_TRUE(pattern_matches("*-prod", "rag-prod"));
  EXPECT_TRUE(pattern_matches("kb*docs*", "kb-hr-docs-v2"));
  EXPECT_FALSE(pattern_matches("kb*docs", "kb-docs-v2"));
  EXPECT_TRUE(pattern_matches("a*b*c", "aXbYbZc"));
  EXPECT_FALSE(pattern_matches("", "x"));
  EXPECT_TRUE(pattern_matches("", ""));
}

class OssSelect : public ::testing::Test {
 protected:
  const genlens::core::Value* policy(const std::string& json) {
    doc_ =
        genlens::parse::parse_json(std::make_shared<genlens::core::SourceFile>("p.json", json), {})
            .value();
    return genlens::core::literal_value(arena_, doc_->roots().front());
  }
  std::shared_ptr<genlens::core::Document> doc_;
  genlens::core::ValueArena arena_;
};

TEST_F(OssSelect, EntriesWhoseRulesSelectTheCollection) {
  const auto* p = policy(R"([
    {"Rules": [{"ResourceType": "collection", "Resource": ["collection/other", "collection/kb-*"]}],
     "AllowFromPublic": true},
    {"Rules": [{"ResourceType": "dashboard", "Resource": ["collection/kb-docs"]}]},
    {"Rules": [{"ResourceType": "index", "Resource": ["index/kb-docs/*"]}]},
    {"Rules": [{"ResourceType": "collection", "Resource": ["collection/logs"]}]}
  ])");
  const auto all = select(p, "kb-docs");
  ASSERT_EQ(all.selected.size(), 3u);
  EXPECT_FALSE(all.unknown);
  EXPECT_EQ(all.selected[0].entry, p->items[0]);
  EXPECT_EQ(all.selected[0].resource->text, "collection/kb-*");
  EXPECT_EQ(all.selected[2].resource->text, "index/kb-docs/*");
  const auto collections = select(p, "kb-docs", {"collection"});
  ASSERT_EQ(collections.selected.size(), 1u);
  EXPECT_EQ(select(p, "logs").selected.size(), 1u);
  EXPECT_TRUE(select(p, "nothing").selected.empty());
}

TEST_F(OssSelect, EncryptionPolicyIsOneObject) {
  const auto* p = policy(
      R"({"Rules": [{"ResourceType": "collection", "Resource": ["collection/kb-docs"]}], "AWSOwnedKey": true})");
  ASSERT_EQ(select(p, "kb-docs").selected.size(), 1u);
  EXPECT_EQ(select(p, "kb-docs").selected[0].entry, p);
}

TEST_F(OssSelect, PartialPatternsAreUnknownOnlyWhenTheyCouldMatch) {
  std::string text =
      R"([{"Rules": [{"ResourceType": "collection", "Resource": ["collection/kb-X"]}]}])";
  text.replace(text.find('X'), 1, 1, genlens::core::kUnknownMark);
  genlens::parse::ParseOptions opts;
  opts.allow_unknown_marker = true;
  doc_ =
      genlens::parse::parse_json(std::make_shared<genlens::core::SourceFile>("p.json", text), opts)
          .value();
  const auto* p = genlens::core::literal_value(arena_, doc_->roots().front());
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(select(p, "kb-docs").unknown);
  EXPECT_TRUE(select(p, "kb-docs").selected.empty());
  EXPECT_FALSE(select(p, "logs").unknown);
}

}  // namespace
