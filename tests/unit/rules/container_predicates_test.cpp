// The predicates about names, map entries and command lines
// (command_line_flag, has_entry, entries_equal, matches_glob), called
// directly on values shaped like Kubernetes containers and environments.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../test_support.h"
#include "genlens/formats/cloudformation.h"
#include "rules/predicates/registry.h"

namespace {

using genlens::core::Diagnostics;
using genlens::core::Value;
using genlens::rules::Verdict;
namespace predicates = genlens::rules::predicates;

constexpr const char* kTemplate = R"(Parameters:
  NoDef: {Type: String}
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      Split:
        args: [--model, org/m, --api-key, sk-1, --trust-remote-code]
      Joined:
        args: ["--api-key=sk-2", "--revision=4f2c1d0e9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d"]
      Shell:
        command: [sh, -c, "serve --api-key 'sk-3' --trust-remote-code=false --port 1"]
      FromSecret:
        args: [--api-key, $(KEY), --revision, $(REV)]
        env:
          - {name: KEY, valueFrom: {secretKeyRef: {name: s, key: k}}}
          - {name: REV, valueFrom: {configMapKeyRef: {name: c, key: k}}}
      FromLiteralVar:
        args: [--api-key, $(KEY), --revision, $(REV)]
        env:
          - {name: KEY, value: sk-4}
          - {name: REV, value: main}
      FromEnvFrom:
        args: [--api-key, $(KEY)]
        envFrom: [{secretRef: {name: s}}]
      ShellVar:
        command: [sh, -c, "serve --api-key $KEY"]
      NoValue:
        args: [--api-key, --port, "1"]
      Unknown:
        args: [--api-key, !Ref NoDef]
      Vars: {HF_TOKEN: hf_1, MODEL: m, OPENAI_API_KEY: !Ref NoDef, Empty: ''}
      Res:
        requests: {nvidia.com/gpu: 1, memory: 8Gi}
        limits: {nvidia.com/gpu: '1'}
      ResDiffer:
        requests: {nvidia.com/gpu: 1}
        limits: {nvidia.com/gpu: 2}
      ResNoLimit:
        requests: {aws.amazon.com/neuroncore: 2}
      ResUnknown:
        requests: {nvidia.com/gpu: !Ref NoDef}
        limits: {nvidia.com/gpu: 1}
)";

class ContainerPredicates : public ::testing::Test {
 protected:
  void SetUp() override {
    auto doc = genlens::testutil::parse_yaml_ok(kTemplate);
    ASSERT_NE(doc, nullptr);
    Diagnostics diags;
    unit_ = genlens::formats::cloudformation::adapt(doc, doc->roots().front(), diags);
    ASSERT_EQ(unit_.resources.size(), 1u);
  }

  const Value* at(const std::string& key) const {
    return unit_.resources[0].value->find("Properties")->find(key);
  }

  // "Pass[lines of the witnesses]", "Fail" or "Unknown(reason)".
  std::string call(const char* name, const std::string& key, const predicates::Args& args) const {
    const predicates::Predicate* p = predicates::find(name);
    if (p == nullptr) return "no predicate";
    const auto o = p->fn(predicates::Context{}, key.empty() ? nullptr : at(key), args);
    if (o.verdict == Verdict::kUnknown) return "Unknown(" + o.reason + ")";
    std::string out = o.verdict == Verdict::kPass ? "Pass" : "Fail";
    if (o.witnesses.empty()) return out;
    out += "[";
    for (size_t i = 0; i < o.witnesses.size(); ++i) {
      const Value* w = o.witnesses[i].value;
      if (i > 0) out += ", ";
      out += w != nullptr && w->origin != nullptr ? w->origin->path() : "?";
    }
    return out + "]";
  }

  genlens::formats::Unit unit_;
};

predicates::Args flags(std::vector<std::string> f, bool literal = false, bool boolean = false,
                       std::vector<std::string> values = {}) {
  predicates::Args a;
  a.lists["flags"] = std::move(f);
  a.flags["literal"] = literal;
  a.flags["boolean"] = boolean;
  if (!values.empty()) a.lists["values"] = std::move(values);
  return a;
}

const std::string kP = "Resources/R/Properties/";

TEST_F(ContainerPredicates, FlagValueAsNextItemJoinedOrInAShellScript) {
  const auto key = flags({"--api-key"}, true);
  EXPECT_EQ(call("command_line_flag", "Split", key), "Pass[" + kP + "Split/args/3]");
  EXPECT_EQ(call("command_line_flag", "Joined", key), "Pass[" + kP + "Joined/args/0]");
  EXPECT_EQ(call("command_line_flag", "Shell", key), "Pass[" + kP + "Shell/command/2]");
  // $(VAR) to a literal variable is a literal; to a secret or envFrom it is not.
  EXPECT_EQ(call("command_line_flag", "FromLiteralVar", key),
            "Pass[" + kP + "FromLiteralVar/args/1]");
  EXPECT_EQ(call("command_line_flag", "FromSecret", key), "Fail");
  EXPECT_EQ(call("command_line_flag", "FromEnvFrom", key), "Fail");
  EXPECT_EQ(call("command_line_flag", "ShellVar", key), "Fail");
  // A flag followed by another flag has no value; no container, no flag.
  EXPECT_EQ(call("command_line_flag", "NoValue", key), "Fail");
  EXPECT_EQ(call("command_line_flag", "", key), "Fail");
  // Without `literal` any value counts.
  EXPECT_EQ(call("command_line_flag", "FromSecret", flags({"--api-key"})),
            "Pass[" + kP + "FromSecret/args/1]");
}

TEST_F(ContainerPredicates, UnknownItemsAreUnknown) {
  EXPECT_EQ(call("command_line_flag", "Unknown", flags({"--api-key"}, true)),
            "Unknown(parameter NoDef has no default)");
}

TEST_F(ContainerPredicates, BooleanFlagsCountUnlessFalse) {
  const auto trust = flags({"--trust-remote-code"}, false, true);
  EXPECT_EQ(call("command_line_flag", "Split", trust), "Pass[" + kP + "Split/args/4]");
  EXPECT_EQ(call("command_line_flag", "Shell", trust), "Fail");
  EXPECT_EQ(call("command_line_flag", "Joined", trust), "Fail");
}

TEST_F(ContainerPredicates, ValuesMustMatchAndRunTimeValuesAreUnknown) {
  const auto pinned = flags({"--revision"}, false, false, {"^[0-9a-f]{40}$"});
  EXPECT_EQ(call("command_line_flag", "Joined", pinned), "Pass[" + kP + "Joined/args/1]");
  EXPECT_EQ(call("command_line_flag", "FromLiteralVar", pinned), "Fail");  // main
  EXPECT_EQ(call("command_line_flag", "FromSecret", pinned),
            "Unknown(--revision: $(REV) is set from valueFrom at run time)");
  EXPECT_EQ(call("command_line_flag", "Split", pinned), "Fail");
}

TEST_F(ContainerPredicates, HasEntryMatchesKeyGlobsAndLiterals) {
  predicates::Args a;
  a.lists["keys"] = {"hf_token", "*_API_KEY", "Empty"};
  EXPECT_EQ(call("has_entry", "Vars", a),
            "Pass[" + kP + "Vars/HF_TOKEN, " + kP + "Vars/OPENAI_API_KEY, " + kP + "Vars/Empty]");
  a.flags["literal"] = true;
  EXPECT_EQ(call("has_entry", "Vars", a), "Pass[" + kP + "Vars/HF_TOKEN]");
  a.lists["keys"] = {"OPENAI_*"};
  EXPECT_EQ(call("has_entry", "Vars", a), "Fail");
  EXPECT_EQ(call("has_entry", "", a), "Fail");
  EXPECT_EQ(call("has_entry", "Split", a), "Fail");
}

TEST_F(ContainerPredicates, EntriesEqualComparesRequestsWithLimits) {
  predicates::Args a;
  a.lists["keys"] = {"nvidia.com/gpu", "aws.amazon.com/neuron*"};
  a.lists["left"] = {"requests"};
  a.lists["right"] = {"limits"};
  EXPECT_EQ(call("entries_equal", "Res", a), "Pass");
  EXPECT_EQ(call("entries_equal", "ResDiffer", a),
            "Fail[" + kP + "ResDiffer/requests/nvidia.com/gpu]");
  EXPECT_EQ(call("entries_equal", "ResNoLimit", a),
            "Fail[" + kP + "ResNoLimit/requests/aws.amazon.com/neuroncore]");
  EXPECT_EQ(call("entries_equal", "ResUnknown", a), "Unknown(parameter NoDef has no default)");
  EXPECT_EQ(call("entries_equal", "", a), "Pass");
}

TEST_F(ContainerPredicates, MatchesGlobIsCaseInsensitiveAndHasNoWitness) {
  predicates::Args a;
  a.lists["patterns"] = {"HF_TOKEN", "*_API_KEY"};
  const Value* vars = at("Vars");
  const predicates::Predicate* p = predicates::find("matches_glob");
  ASSERT_NE(p, nullptr);
  // Keys are not values; check names through list items instead.
  EXPECT_EQ(p->fn({}, vars->find("MODEL"), a).verdict, Verdict::kFail);  // value "m"
  a.lists["patterns"] = {"M", "x*"};
  const auto o = p->fn({}, vars->find("MODEL"), a);
  EXPECT_EQ(o.verdict, Verdict::kPass);
  EXPECT_TRUE(o.witnesses.empty());
  EXPECT_EQ(p->fn({}, vars->find("OPENAI_API_KEY"), a).verdict, Verdict::kUnknown);
  EXPECT_EQ(p->fn({}, vars, a).verdict, Verdict::kFail);
}

}  // namespace
