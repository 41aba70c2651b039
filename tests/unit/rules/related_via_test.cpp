// `related:` conditions over a real resource graph: where `via` is read from,
// and the name edges of SageMaker inference components.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../test_support.h"
#include "genlens/formats/cloudformation.h"
#include "genlens/graph/graph.h"
#include "genlens/rules/rule.h"
#include "rules/engine/condition_eval.h"

namespace {

using genlens::core::Diagnostics;
using genlens::graph::EdgeKind;
using genlens::graph::Graph;
using genlens::rules::RuleSet;
using genlens::rules::RuleSource;
using genlens::rules::Verdict;
using genlens::rules::detail::ConditionEvaluator;
using genlens::rules::detail::JsonCache;
using genlens::rules::detail::Outcome;
using genlens::rules::detail::Scope;

constexpr const char* kTemplate = R"(Parameters:
  NoDef: {Type: String}
Resources:
  Guard:
    Type: AWS::Bedrock::Guardrail
    Properties: {Name: g}
  Other:
    Type: AWS::Bedrock::Agent
    Properties: {AgentName: other}
  Flow:
    Type: AWS::Bedrock::Flow
    Properties:
      Top: !GetAtt Other.AgentId
      Nodes:
        - Cfg: {Id: !GetAtt Guard.GuardrailId}
        - Name: no-guardrail
        - Cfg: {Id: !GetAtt Other.AgentId}
        - Cfg: {Id: !Ref NoDef}
  Endpoint:
    Type: AWS::SageMaker::Endpoint
    Properties: {EndpointName: Assistant, EndpointConfigName: cfg}
  Component:
    Type: AWS::SageMaker::InferenceComponent
    Properties: {InferenceComponentName: assistant-llm, EndpointName: assistant}
  Target:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties: {ResourceId: inference-component/assistant-llm}
)";

class Related : public ::testing::Test {
 protected:
  void SetUp() override {
    auto doc = genlens::testutil::parse_yaml_ok(kTemplate);
    ASSERT_NE(doc, nullptr);
    Diagnostics diags;
    std::vector<genlens::formats::Unit> units;
    units.push_back(genlens::formats::cloudformation::adapt(doc, doc->roots().front(), diags));
    ASSERT_TRUE(diags.empty());
    graph_ = std::make_unique<Graph>(std::move(units));
    json_.set_document(graph_->units().front().document.get());
  }

  size_t index_of(const std::string& name) const {
    for (size_t i = 0; i < graph_->resources().size(); ++i) {
      if (graph_->resources()[i]->name == name) return i;
    }
    ADD_FAILURE() << "no resource " << name;
    return 0;
  }

  // "Pass", "Fail[witness paths]" or "Unknown" for a condition on `resource`.
  std::string check(const std::string& resource, const std::string& type,
                    const std::string& condition) {
    Diagnostics load_diags;
    rules_ = std::make_unique<RuleSet>(genlens::rules::load_rules(
        {RuleSource{"t.yaml",
                    "id: GAI-TST-002\nname: t\nsummary: s\npillar: security\nseverity: error\n"
                    "message: m\ntargets:\n  - format: cloudformation\n    resource: " +
                        type + "\n    assert: " + condition + "\n",
                    false}},
        load_diags));
    if (!load_diags.empty()) return "rule error: " + load_diags.all()[0].to_string();
    const auto& rule = *rules_->rules().at(0);
    const size_t at = index_of(resource);
    const Scope scope{graph_.get(), at, nullptr};
    ConditionEvaluator eval(rule.meta, json_, &scope);
    const Outcome o = eval.eval(rule.targets[0].assertion, graph_->resources()[at]->value);
    switch (o.verdict) {
      case Verdict::kPass:
        return "Pass";
      case Verdict::kUnknown:
        return "Unknown";
      default:
        break;
    }
    std::string out = "Fail[";
    for (size_t i = 0; i < o.witnesses.size(); ++i) {
      const auto* v = o.witnesses[i].value;
      out += (i > 0 ? ", " : "") +
             (v != nullptr && v->origin != nullptr ? v->origin->path() : std::string("?"));
    }
    return out + "]";
  }

  std::unique_ptr<Graph> graph_;
  Diagnostics json_diags_;
  JsonCache json_{&json_diags_};
  std::unique_ptr<RuleSet> rules_;
};

TEST_F(Related, ViaIsReadFromTheResourceAtTheTopLevel) {
  EXPECT_EQ(check("Flow", "AWS::Bedrock::Flow",
                  "{related: {via: Properties.Top, types: [AWS::Bedrock::Agent], exists: true}}"),
            "Pass");
}

TEST_F(Related, ViaIsReadFromTheItemOfAnEnclosingQuantifier) {
  const std::string guarded =
      "{related: {via: Cfg.Id, types: [AWS::Bedrock::Guardrail], exists: true}}";
  // Node 0 leads to the guardrail.
  EXPECT_EQ(
      check("Flow", "AWS::Bedrock::Flow", "{path: 'Properties.Nodes[0]', each: " + guarded + "}"),
      "Pass");
  // Node 1 has no Cfg.Id: no related resources (and nothing at `via` to
  // put the finding on).
  EXPECT_EQ(
      check("Flow", "AWS::Bedrock::Flow", "{path: 'Properties.Nodes[1]', each: " + guarded + "}"),
      "Fail[]");
  // Node 2 leads to an agent: the finding is on that node's value, not on
  // the first node's (which leads to a guardrail).
  EXPECT_EQ(check("Flow", "AWS::Bedrock::Flow",
                  "{path: 'Properties.Nodes[*].Cfg', each: {related: {via: Id, types: "
                  "[AWS::Bedrock::Guardrail], exists: true}}}"),
            "Fail[Resources/Flow/Properties/Nodes/2/Cfg/Id]");
  // Node 3 is a parameter without default.
  EXPECT_EQ(
      check("Flow", "AWS::Bedrock::Flow", "{path: 'Properties.Nodes[3]', each: " + guarded + "}"),
      "Unknown");
}

TEST_F(Related, InferenceComponentsAreLinkedByName) {
  bool endpoint = false;
  bool component = false;
  for (const auto& e : graph_->edges()) {
    const std::string& from = graph_->resources()[e.from]->name;
    const std::string& to = graph_->resources()[e.to]->name;
    // SageMaker names are case-insensitive in ARNs and lookups.
    if (from == "Component" && to == "Endpoint" && e.path == "Properties.EndpointName") {
      endpoint = true;
    }
    if (from == "Target" && to == "Component" && e.kind == EdgeKind::kAttaches) component = true;
  }
  EXPECT_TRUE(endpoint);
  EXPECT_TRUE(component);
}

}  // namespace
