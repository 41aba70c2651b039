#pragma once
// Shared by the IAM policy tests: a CloudFormation template whose one
// resource has a PolicyDocument written in YAML flow style, adapted for real
// (origins, unknown parameters, partial Fn::Sub strings), and a compact text
// form of a Fact.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../test_support.h"
#include "genlens/formats/cloudformation.h"
#include "rules/predicates/iam_policy.h"

namespace iam_test {

using genlens::core::Diagnostics;
using genlens::core::Value;
using genlens::formats::Unit;
using genlens::rules::iam::Fact;
using genlens::rules::iam::Truth;
namespace iam = genlens::rules::iam;

inline constexpr const char* kHead = R"(Parameters:
  NoDef: {Type: String}
  Svc: {Type: String}
  Env: {Type: String, Default: prod}
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: )";
inline const std::string kDoc = "Resources/P/Properties/PolicyDocument";
inline const std::string kNoDef = "parameter NoDef has no default";

// "False", "Unknown(reason)" or "True[witness paths relative to the document]".
inline std::string show(const Fact& f) {
  if (f.truth == Truth::kFalse) return f.witnesses.empty() ? "False" : "False+witnesses";
  if (f.truth == Truth::kUnknown) return "Unknown(" + f.reason + ")";
  std::string out = "True[";
  for (size_t i = 0; i < f.witnesses.size(); ++i) {
    const Value* w = f.witnesses[i];
    std::string path = w != nullptr && w->origin != nullptr ? w->origin->path() : "?";
    if (path.rfind(kDoc, 0) == 0) {
      path = path.size() == kDoc.size() ? "." : path.substr(kDoc.size() + 1);
    }
    out += (i > 0 ? ", " : "") + path;
  }
  return out + "]";
}

// One statement with the given entries, as a Statement map.
inline std::string one(const std::string& entries) { return "{Statement: {" + entries + "}}"; }

class IamFixture : public ::testing::Test {
 protected:
  // Adapts a template whose PolicyDocument is `yaml` (flow style); returns it resolved.
  const Value* doc(const std::string& yaml) {
    auto d = genlens::testutil::parse_yaml_ok(std::string(kHead) + yaml + "\n");
    if (d == nullptr) return nullptr;
    Diagnostics diags;
    units_.push_back(genlens::formats::cloudformation::adapt(d, d->roots().front(), diags));
    EXPECT_TRUE(diags.empty());
    EXPECT_EQ(units_.back().resources.size(), 1u);
    if (units_.back().resources.empty()) return nullptr;
    return genlens::testutil::value_at(units_.back().resources[0].value,
                                       "Properties/PolicyDocument");
  }
  std::string svc(const std::string& d,
                  const std::vector<std::string>& services = {"bedrock", "sagemaker"}) {
    return show(iam::allows_service_wildcard(doc(d), services));
  }
  std::string res(const std::string& d) {
    return show(iam::allows_on_any_resource(doc(d), {"bedrock:InvokeModel*", "sagemaker:Invoke*"}));
  }
  std::string wild(const std::string& d, bool action, bool resource) {
    return show(iam::allows_wildcard(doc(d), action, resource));
  }
  std::string trust(const std::string& d) {
    return show(iam::trust_without_source_conditions(doc(d), {"bedrock.amazonaws.com"}));
  }
  std::string pub(const std::string& d) {
    return show(iam::public_principal_without_condition(doc(d)));
  }

  std::vector<Unit> units_;
};

}  // namespace iam_test
