// A CustomResourceDefinition beside a model server in the same file: the
// CRD is trimmed to its identity (its schema is never kept), and the scan's
// findings are those of the model server alone.
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_test_util.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kModelServer = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ai}
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.3
          resources: {limits: {nvidia.com/gpu: 1}}
)";

constexpr const char* kCrd = R"(---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: rayclusters.ray.io}
spec:
  group: ray.io
  names: {kind: RayCluster, plural: rayclusters}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                headGroupSpec:
                  properties:
                    template:
                      properties:
                        spec:
                          properties:
                            containers: {type: array, items: {type: object}}
)";

nlohmann::json scan_dir(const fs::path& dir, const std::string& text) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "app.yaml") << text;
  const CliRun r = run_cli("scan --no-config --fail-on never --format json .", dir.string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST(K8sSummaryScan, CrdBesideAModelServerChangesNoFinding) {
  const fs::path base =
      fs::temp_directory_path() / ("genlens-k8s-summary-" + std::to_string(::getpid()));
  const nlohmann::json alone = scan_dir(base / "alone", kModelServer);
  const nlohmann::json with_crd = scan_dir(base / "with-crd", std::string(kModelServer) + kCrd);
  ASSERT_FALSE(alone.is_discarded());
  ASSERT_FALSE(with_crd.is_discarded());
  EXPECT_EQ(alone["summary"]["resources"], 1);
  EXPECT_EQ(with_crd["summary"]["resources"], 2);
  ASSERT_FALSE(alone["findings"].empty());
  EXPECT_EQ(with_crd["findings"], alone["findings"]);
  EXPECT_EQ(with_crd["diagnostics"], alone["diagnostics"]);

  // The CRD is a resource of the graph, at the line of its document.
  const CliRun graph = run_cli("graph --format json .", (base / "with-crd").string());
  EXPECT_EQ(graph.exit_code, 0) << graph.err;
  const nlohmann::json g = nlohmann::json::parse(graph.out, nullptr, false);
  ASSERT_FALSE(g.is_discarded()) << graph.out;
  int crd_line = 0;
  for (const auto& r : g["resources"]) {
    if (r["name"] == "default/CustomResourceDefinition/rayclusters.ray.io") crd_line = r["line"];
  }
  EXPECT_EQ(crd_line, 13) << graph.out;
  fs::remove_all(base);
}

}  // namespace
}  // namespace genlens::testing
