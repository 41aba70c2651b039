// `helm template . | genlens scan -` with Kubernetes manifests: findings,
// including graph findings across templates (a Service in one template
// selecting a Deployment of another), are reported under the template
// paths of the `# Source:` comments, at lines of that template's rendered
// output.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "cli_test_util.h"
#include "stream_test_util.h"

namespace genlens::testing {
namespace {

constexpr const char* kVllmPath = "chart/templates/vllm.yaml";
constexpr const char* kServicePath = "chart/templates/service.yaml";
constexpr const char* kFlag = "            - --trust-remote-code";
constexpr const char* kLoadBalancer = "  type: LoadBalancer";
constexpr const char* kHeader = "apiVersion: apps/v1";

// A vLLM Deployment (a model server by its image) that trusts remote code:
// GAI-SEC-024 on the flag; no NetworkPolicy selects it: GAI-SEC-025 on its
// first line.
std::string vllm(const std::string& name) {
  return std::string(kHeader) + "\nkind: Deployment\nmetadata:\n  name: " + name +
         "\nspec:\n  selector:\n    matchLabels: {app: " + name +
         "}\n  template:\n    metadata:\n      labels: {app: " + name +
         "}\n    spec:\n      containers:\n        - name: vllm\n"
         "          image: vllm/vllm-openai:v0.6.3\n"
         "          args:\n            - --model\n            - org/model\n" +
         kFlag + "\n";
}

// A public LoadBalancer selecting the `chat` Deployment: GAI-SEC-025 on `type`.
std::string service() {
  return "apiVersion: v1\nkind: Service\nmetadata:\n  name: chat\nspec:\n" +
         std::string(kLoadBalancer) + "\n  selector: {app: chat}\n  ports:\n    - port: 80\n";
}

const std::vector<RenderedDoc>& chart() {
  static const std::vector<RenderedDoc> docs = {
      {kVllmPath, vllm("chat")},
      {kServicePath, service()},
      {kVllmPath, vllm("batch")},
  };
  return docs;
}

// "path:line:col RULE" of the `nth` line equal to `line` in `source`'s file.
std::string place(const std::string& source, const std::string& line, int nth, int column,
                  const std::string& rule) {
  const uint32_t n = line_of(template_file(chart(), source), line, nth);
  EXPECT_NE(n, 0u) << source << ": " << line;
  return source + ":" + std::to_string(n) + ":" + std::to_string(column) + " " + rule;
}

TEST(StdinKubernetes, HelmStreamSarifLocationsAreTheTemplatesAndTheirLines) {
  const CliRun r =
      run_cli_with_stdin("scan --no-config --rule GAI-SEC-024 --rule GAI-SEC-025 --format sarif -",
                         helm_stream(chart()));
  EXPECT_EQ(r.exit_code, 0) << r.err;  // warnings only: below the default --fail-on error
  std::vector<std::string> expected = {
      place(kVllmPath, kFlag, 1, 15, "GAI-SEC-024"),
      place(kVllmPath, kFlag, 2, 15, "GAI-SEC-024"),
      place(kVllmPath, kHeader, 1, 1, "GAI-SEC-025"),
      place(kVllmPath, kHeader, 2, 1, "GAI-SEC-025"),
      place(kServicePath, kLoadBalancer, 1, 3, "GAI-SEC-025"),
  };
  std::sort(expected.begin(), expected.end());
  const auto sarif = nlohmann::json::parse(r.out);
  EXPECT_EQ(sarif_places(sarif), expected);
  // The Service's finding names the Deployment it exposes, in the other
  // template, as a related location.
  bool related_in_other_template = false;
  for (const auto& result : sarif["runs"][0]["results"]) {
    if (result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] != kServicePath) {
      continue;
    }
    for (const auto& rel : result.value("relatedLocations", nlohmann::json::array())) {
      related_in_other_template |= rel["physicalLocation"]["artifactLocation"]["uri"] == kVllmPath;
    }
  }
  EXPECT_TRUE(related_in_other_template) << r.out;
}

}  // namespace
}  // namespace genlens::testing
