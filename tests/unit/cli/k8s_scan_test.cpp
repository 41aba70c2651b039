// Kubernetes through the whole scan: manifests beside CloudFormation, Helm
// templates (one warning each), kustomize and plain YAML (silent), an inline
// rule with `format: kubernetes` and where its findings land, and the
// `kubernetes:` section of .genlens.yaml.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "cli_test_util.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Model servers must set readOnlyRootFilesystem on every container, and
// every workload must carry labels.
constexpr const char* kRule = R"(id: ACME-SEC-101
name: model-server-root-filesystem
summary: Model server container has a writable root filesystem.
pillar: security
severity: error
targets:
  - format: kubernetes
    resource: [Deployment, serving.kserve.io/InferenceService]
    when: {path: genlens.model_server, equals: true}
    assert:
      path: genlens.containers
      each: {path: securityContext.readOnlyRootFilesystem, equals: true}
  - format: kubernetes
    resource: ConfigMap
    assert: {path: metadata.labels, exists: true}
message: "{resource} is not hardened."
)";

constexpr const char* kManifests = R"(# two documents
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ai}
spec:
  template:
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.3
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers: [{name: web, image: nginx}]
---

apiVersion: v1
kind: ConfigMap
data: {a: b}
)";

nlohmann::json scan_json(const std::string& args, int want_exit) {
  const CliRun r = run_cli("scan --no-config --fail-on never " + args);
  EXPECT_EQ(r.exit_code, want_exit) << r.out << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST(K8sScan, InlineKubernetesRuleFindsModelServersAndLandsOnLines) {
  const fs::path d = temp_dir("rule");
  write(d / "rules" / "rule.yaml", kRule);
  write(d / "in" / "app.yaml", kManifests);
  const nlohmann::json report = scan_json(
      "--format json --rules-dir " + (d / "rules").string() + " " + (d / "in").string(), 0);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(report["summary"]["files"], 1);
  EXPECT_EQ(report["summary"]["resources"], 3);
  EXPECT_TRUE(report["diagnostics"].empty()) << report["diagnostics"].dump(2);
  std::map<std::string, int> lines;
  for (const auto& f : report["findings"]) {
    if (f["rule_id"] != "ACME-SEC-101") continue;
    lines[f["resource"]["name"].get<std::string>()] = f["start"]["line"].get<int>();
    EXPECT_EQ(f["verdict"], "fail");
  }
  // The vLLM container (line 9) lacks the setting; nginx is no model server;
  // the ConfigMap without metadata is reported at its first key (line 21).
  EXPECT_EQ(lines, (std::map<std::string, int>{{"ai/Deployment/vllm", 9},
                                               {"default/ConfigMap/<unnamed-1>", 21}}))
      << report["findings"].dump(2);
}

TEST(K8sScan, SarifRegionOfAManifestWithoutTheAttributeIsItsFirstLine) {
  const fs::path d = temp_dir("sarif");
  write(d / "rules" / "rule.yaml", kRule);
  write(d / "in" / "app.yaml", kManifests);
  const nlohmann::json sarif =
      scan_json("--format sarif --rule ACME-SEC-101 --rules-dir " + (d / "rules").string() + " " +
                    (d / "in" / "app.yaml").string(),
                0);
  ASSERT_FALSE(sarif.is_discarded());
  std::set<int> starts;
  for (const auto& r : sarif["runs"][0]["results"]) {
    starts.insert(r["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>());
  }
  EXPECT_EQ(starts, (std::set<int>{9, 21})) << sarif.dump(2);
}

TEST(K8sScan, CloudFormationAndKubernetesInOneScan) {
  const fs::path d = temp_dir("mixed");
  write(d / "t.cfn.yaml", "Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n");
  write(d / "k.yaml", kManifests);
  write(d / "k.json",
        R"({"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": "s"}}]})");
  const nlohmann::json report = scan_json("--format json " + d.string(), 0);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(report["summary"]["files"], 3);
  EXPECT_EQ(report["summary"]["resources"], 5);
  EXPECT_TRUE(report["diagnostics"].empty()) << report["diagnostics"].dump(2);
  const CliRun graph = run_cli("graph --format json " + d.string());
  EXPECT_NE(graph.out.find("\"default/Service/s\""), std::string::npos) << graph.out;
}

TEST(K8sScan, HelmTemplatesGetOneWarningAndDoNotFail) {
  const fs::path d = temp_dir("helm");
  write(d / "chart" / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n");
  // Not YAML at all: a parse would give errors.
  write(d / "chart" / "templates" / "deploy.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n"
        "spec:\n  {{- if .Values.x }}\n  replicas: {{ .Values.replicas }}\n  {{- end }}\n");
  // Under a chart's templates/ without a Helm built-in.
  write(d / "chart" / "templates" / "svc.yaml",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ template \"x\" }}\n");
  // Outside a chart, recognised by include.
  write(d / "loose.yaml",
        "# x\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n"
        "    {{- include \"c.labels\" . | nindent 4 }}\n");
  // Not YAML, with Go template actions but no Helm built-in: a template of
  // some tool, not a broken manifest.
  write(d / "other.yaml",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n"
        "spec: {{ .Spec }}: [\n");
  const CliRun r = run_cli("scan --no-config " + d.string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(count(r.out, "template, not a manifest: render it with helm template"), 4u) << r.out;
  EXPECT_NE(r.out.find("other.yaml:5:7: warning"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("templates/deploy.yaml:4:9: warning: template, not a manifest"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("templates/svc.yaml:4:9: warning"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("loose.yaml:6:5: warning"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("error"), std::string::npos) << r.out;
}

TEST(K8sScan, GoTemplatesInsideManifestStringsAreReadAsManifests) {
  // KServe and Argo CD configuration keeps Go templates in strings.
  const fs::path d = temp_dir("gostrings");
  write(d / "templates" / "cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata:\n"
        "  host: \"{{ .Name }}.{{ .Namespace }}\"\n  port: '{{ .Spec.Values }}'\n");
  const nlohmann::json report = scan_json("--format json " + d.string(), 0);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(report["summary"]["files"], 1);
  EXPECT_TRUE(report["diagnostics"].empty()) << report["diagnostics"].dump(2);
}

TEST(K8sScan, KustomizationAndPlainYamlAreSkippedSilentlyBrokenManifestsAreNot) {
  const fs::path d = temp_dir("skip");
  write(d / "kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n");
  write(d / "old-kustomization.yaml", "resources:\n  - a.yaml\nnamePrefix: x-\n");
  write(d / "values.yaml", "image: {repository: x, tag: y}\nkind: thing\n");
  {
    const CliRun r = run_cli("scan --no-config --format json " + d.string());
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    const nlohmann::json report = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded());
    EXPECT_EQ(report["summary"]["files"], 0);
    EXPECT_TRUE(report["diagnostics"].empty()) << report["diagnostics"].dump(2);
  }
  write(d / "broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [\n");
  const CliRun r = run_cli("scan --no-config " + d.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("broken.yaml:"), std::string::npos) << r.out;
  EXPECT_EQ(count(r.out, ": error:"), 1u) << r.out;
}

TEST(K8sConfig, ModelServerImagesAndLabelFromGenlensYaml) {
  const fs::path d = temp_dir("config");
  write(d / "rules" / "rule.yaml", kRule);
  write(d / "in" / "app.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: gw}\nspec:\n  template:\n"
        "    spec: {containers: [{name: c, image: 'acme/llm-gateway:3'}]}\n---\n"
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: lab, labels: {acme/role: "
        "model-server}}\nspec: {template: {spec: {containers: [{name: c}]}}}\n");
  const std::string args = "scan --fail-on never --rule ACME-SEC-101 --rules-dir " +
                           (d / "rules").string() + " " + (d / "in").string();
  const CliRun before = run_cli(args);
  EXPECT_EQ(count(before.out, "error[ACME-SEC-101]"), 0u) << before.out;
  write(d / ".genlens.yaml",
        "kubernetes:\n  model_server_images: [acme/llm-*]\n  workload_label: acme/role\n");
  const CliRun after = run_cli(args);
  EXPECT_EQ(after.exit_code, 0) << after.out << after.err;
  EXPECT_EQ(count(after.out, "error[ACME-SEC-101]"), 2u) << after.out;
}

TEST(K8sConfig, ProblemsAreLocatedConfigErrors) {
  const fs::path d = temp_dir("badconfig");
  const fs::path cfg = d / "genlens.yaml";
  write(cfg,
        "kubernetes:\n  images: [x]\n  workload_label: [a]\n  model_server_images: vllm\n"
        "exclude: []\n");
  const CliRun r = run_cli("scan --config " + cfg.string() + " testdata/golden/clean/input");
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find(cfg.string() + ":2: error: unknown key 'images' in kubernetes; expected "
                                      "model_server_images or workload_label"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(cfg.string() + ":3: error: 'workload_label' takes a label key"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(cfg.string() + ":4: error: 'model_server_images' must be a list of strings"),
            std::string::npos)
      << r.out;
  write(cfg, "kubernetes: [x]\n");
  const CliRun list = run_cli("scan --config " + cfg.string() + " testdata/golden/clean/input");
  EXPECT_EQ(list.exit_code, 3);
  EXPECT_NE(list.out.find(cfg.string() + ":1: error: 'kubernetes' takes a map"), std::string::npos)
      << list.out;
}

}  // namespace
}  // namespace genlens::testing
