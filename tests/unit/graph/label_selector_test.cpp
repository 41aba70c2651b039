// Kubernetes label selectors against pod labels, three-valued: a value
// that is not known may match.
#include "graph/label_selector.h"

#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"
#include "genlens/core/value.h"

namespace {

using genlens::core::Value;
using genlens::core::ValueArena;
using genlens::core::ValueKind;
using genlens::graph::detail::Match;
using genlens::graph::detail::match_label_selector;
using genlens::graph::detail::match_plain_selector;

// The YAML text as values (no intrinsics: manifests are literal).
class Values {
 public:
  const Value* operator()(const std::string& yaml) {
    auto doc = genlens::testutil::parse_yaml_ok(yaml);
    docs_.push_back(doc);
    return genlens::core::literal_value(arena_, doc->roots().front());
  }
  ValueArena& arena() { return arena_; }

 private:
  std::vector<std::shared_ptr<genlens::core::Document>> docs_;
  ValueArena arena_;
};

TEST(LabelSelector, PlainSelectorNeedsEveryLabel) {
  Values v;
  const Value* pod = v("{app: vllm, tier: serving}");
  EXPECT_EQ(match_plain_selector(v("{app: vllm}"), pod), Match::kYes);
  EXPECT_EQ(match_plain_selector(v("{app: vllm, tier: serving}"), pod), Match::kYes);
  EXPECT_EQ(match_plain_selector(v("{app: vllm, tier: batch}"), pod), Match::kNo);
  EXPECT_EQ(match_plain_selector(v("{app: tgi}"), pod), Match::kNo);
  EXPECT_EQ(match_plain_selector(v("{app: vllm}"), nullptr), Match::kNo);
  // A Service without selector (or an empty one) selects no pod.
  EXPECT_EQ(match_plain_selector(v("{}"), pod), Match::kNo);
  EXPECT_EQ(match_plain_selector(nullptr, pod), Match::kNo);
}

TEST(LabelSelector, MatchLabelsAndEachOperator) {
  Values v;
  const Value* pod = v("{app: vllm, tier: serving}");
  auto sel = [&](const std::string& yaml) { return match_label_selector(v(yaml), pod); };
  EXPECT_EQ(sel("{matchLabels: {app: vllm}}"), Match::kYes);
  EXPECT_EQ(sel("{matchLabels: {app: tgi}}"), Match::kNo);
  EXPECT_EQ(sel("{matchExpressions: [{key: app, operator: In, values: [tgi, vllm]}]}"),
            Match::kYes);
  EXPECT_EQ(sel("{matchExpressions: [{key: app, operator: In, values: [tgi]}]}"), Match::kNo);
  EXPECT_EQ(sel("{matchExpressions: [{key: gpu, operator: In, values: [a100]}]}"), Match::kNo);
  EXPECT_EQ(sel("{matchExpressions: [{key: app, operator: NotIn, values: [tgi]}]}"), Match::kYes);
  EXPECT_EQ(sel("{matchExpressions: [{key: app, operator: NotIn, values: [vllm]}]}"), Match::kNo);
  // NotIn holds for a pod without the label.
  EXPECT_EQ(sel("{matchExpressions: [{key: gpu, operator: NotIn, values: [a100]}]}"), Match::kYes);
  EXPECT_EQ(sel("{matchExpressions: [{key: tier, operator: Exists}]}"), Match::kYes);
  EXPECT_EQ(sel("{matchExpressions: [{key: gpu, operator: Exists}]}"), Match::kNo);
  EXPECT_EQ(sel("{matchExpressions: [{key: gpu, operator: DoesNotExist}]}"), Match::kYes);
  EXPECT_EQ(sel("{matchExpressions: [{key: tier, operator: DoesNotExist}]}"), Match::kNo);
  // matchLabels and every expression must hold.
  EXPECT_EQ(sel("{matchLabels: {app: vllm}, matchExpressions: [{key: tier, operator: Exists}]}"),
            Match::kYes);
  EXPECT_EQ(sel("{matchLabels: {app: vllm}, matchExpressions: [{key: gpu, operator: Exists}]}"),
            Match::kNo);
  // {} selects every pod, a null selector none.
  EXPECT_EQ(sel("{}"), Match::kYes);
  EXPECT_EQ(match_label_selector(v("{}"), nullptr), Match::kYes);
  EXPECT_EQ(match_label_selector(nullptr, pod), Match::kNo);
}

TEST(LabelSelector, UnknownValuesMayMatch) {
  Values v;
  const Value* pod = v("{app: vllm}");
  Value* unknown = v.arena().make(ValueKind::kUnknown, nullptr);
  Value* selector = v.arena().make(ValueKind::kMap, nullptr);
  selector->entries.emplace_back("app", unknown);
  EXPECT_EQ(match_plain_selector(selector, pod), Match::kMaybe);
  // A known label that differs still decides: the pod has no `tier`.
  selector->entries.emplace_back("tier", v("serving"));
  EXPECT_EQ(match_plain_selector(selector, pod), Match::kNo);

  Value* label_selector = v.arena().make(ValueKind::kMap, nullptr);
  label_selector->entries.emplace_back("matchLabels", unknown);
  EXPECT_EQ(match_label_selector(label_selector, pod), Match::kMaybe);
  EXPECT_EQ(match_label_selector(unknown, pod), Match::kMaybe);
  // Pod labels that are not known may match any selector but an empty one.
  EXPECT_EQ(match_plain_selector(v("{app: vllm}"), unknown), Match::kMaybe);
  EXPECT_EQ(match_label_selector(v("{matchExpressions: [{key: a, operator: Exists}]}"), unknown),
            Match::kMaybe);
  // An operator the API server does not know is not guessed at.
  EXPECT_EQ(match_label_selector(v("{matchExpressions: [{key: app, operator: Matches}]}"), pod),
            Match::kMaybe);
  // A partial string (an unknown run in it) is not known text.
  Value* partial = v.arena().make(ValueKind::kString, nullptr);
  partial->text = std::string("v") + genlens::core::kUnknownMark;
  partial->partial = true;
  Value* partial_selector = v.arena().make(ValueKind::kMap, nullptr);
  partial_selector->entries.emplace_back("app", partial);
  EXPECT_EQ(match_plain_selector(partial_selector, pod), Match::kMaybe);
}

}  // namespace
