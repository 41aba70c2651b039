// Rules follow the Kubernetes edges of the graph: `related` with `via` on the
// IRSA annotation reaches a Terraform role, `direction: in` with `via:
// spec.podSelector` reaches the NetworkPolicies that select a workload, and
// findings and related locations land on the lines the edges come from.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "../test_support.h"
#include "cli_test_util.h"

namespace genlens::testing {
namespace {

constexpr const char* kIrsaRule = R"(id: ACME-SEC-201
name: irsa-role-boundary
summary: The IRSA role of a service account has no permissions boundary.
pillar: security
severity: error
targets:
  - format: kubernetes
    resource: ServiceAccount
    assert:
      related:
        via: "metadata.annotations.'eks.amazonaws.com/role-arn'"
        types: [aws_iam_role, AWS::IAM::Role]
        note: "role {resource}"
        each: {path: permissions_boundary, exists: true}
message: "{resource} has an IRSA role without permissions boundary."
)";

constexpr const char* kPolicyRule = R"(id: ACME-SEC-202
name: workload-policy-ingress
summary: A NetworkPolicy selecting a workload has no ingress rules.
pillar: security
severity: error
targets:
  - format: kubernetes
    resource: Deployment
    assert:
      related:
        direction: in
        via: spec.podSelector
        types: [NetworkPolicy]
        edges: [selects]
        note: "policy {resource}"
        each: {path: spec.ingress, exists: true}
message: "{resource} is selected by a NetworkPolicy without ingress rules."
)";

constexpr const char* kManifests = R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: vllm
  namespace: ml
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/vllm-serving
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ml}
spec:
  template:
    metadata: {labels: {app: vllm}}
    spec:
      serviceAccountName: vllm
      containers: [{name: server, image: vllm/vllm-openai:v0.6.3}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: ml}
spec:
  podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: other-app, namespace: ml}
spec:
  podSelector: {matchLabels: {app: tgi}}
)";

TEST(K8sRelated, RulesFollowIrsaAndSelectorEdgesToTheirLines) {
  const testutil::TempDir d;
  d.write("rules/irsa.yaml", kIrsaRule);
  d.write("rules/policy.yaml", kPolicyRule);
  d.write("in/k8s/app.yaml", kManifests);
  d.write("in/infra/main.tf", R"(resource "aws_iam_role" "serving" {
  name               = "vllm-serving"
  assume_role_policy = "{}"
}
)");
  const CliRun r =
      run_cli("scan --no-config --fail-on never --format json --rules-dir " +
              (d.path() / "rules").string() + " --rule ACME-SEC-201 --rule ACME-SEC-202 " +
              (d.path() / "in").string());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const nlohmann::json report = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << r.out;
  std::set<std::string> seen;
  for (const auto& f : report["findings"]) {
    std::string s =
        f["rule_id"].get<std::string>() + " " + f["resource"]["name"].get<std::string>() + " " +
        f["verdict"].get<std::string>() + " @" + std::to_string(f["start"]["line"].get<int>());
    for (const auto& rel : f["related"]) {
      s += " -> " + rel["message"].get<std::string>() + " " +
           std::filesystem::path(rel["path"].get<std::string>()).filename().string() + ":" +
           std::to_string(rel["start"]["line"].get<int>());
    }
    seen.insert(s);
  }
  // The service account's finding is at its annotation (line 7) and names
  // the Terraform role; the Deployment's names the policy with the empty
  // selector (at its `spec:`, where `ingress` is missing), not the one
  // selecting another app.
  EXPECT_EQ(seen, (std::set<std::string>{
                      "ACME-SEC-201 ml/ServiceAccount/vllm fail @7 -> role aws_iam_role.serving "
                      "main.tf:1",
                      "ACME-SEC-202 ml/Deployment/vllm fail @9 -> policy ml/NetworkPolicy/deny "
                      "app.yaml:22",
                  }))
      << report["findings"].dump(2);
}

}  // namespace
}  // namespace genlens::testing
