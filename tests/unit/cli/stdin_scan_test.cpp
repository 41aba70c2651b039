// `genlens scan -`: a stream on standard input, split at Helm's `# Source:`
// comments, reported under the template paths (CloudFormation documents
// stand in for rendered manifests).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../test_support.h"
#include "cli_test_util.h"
#include "stream_test_util.h"

namespace genlens::testing {
namespace {

// GAI-SEC-011 (warning) on its Properties: no network isolation.
std::string model(const std::string& name) {
  return "Resources:\n  " + name +
         ":\n    Type: AWS::SageMaker::Model\n    Properties:\n"
         "      ExecutionRoleArn: arn:aws:iam::111122223333:role/x\n";
}

// GAI-SEC-012 (error) on its Properties: no KmsKeyId.
std::string endpoint_config(const std::string& name) {
  return "Resources:\n  " + name +
         ":\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n"
         "      ProductionVariants:\n        - VariantName: main\n          ModelName: m\n"
         "          InstanceType: ml.m5.xlarge\n          InitialInstanceCount: 1\n";
}

constexpr const char* kRules = "--rule GAI-SEC-011 --rule GAI-SEC-012 --no-config";
constexpr const char* kModelPath = "chart/templates/model.yaml";
constexpr const char* kConfigPath = "chart/templates/config.yaml";
constexpr const char* kProperties = "    Properties:";

// Two documents of model.yaml, not adjacent, and one of config.yaml.
const std::vector<RenderedDoc>& chart() {
  static const std::vector<RenderedDoc> docs = {
      {kModelPath, model("ChatModel")},
      {kConfigPath, endpoint_config("ChatConfig")},
      {kModelPath, model("EmbedModel")},
  };
  return docs;
}

// "path:line:5" of the `nth` Properties line of `source`'s documents.
std::string properties_at(const std::vector<RenderedDoc>& docs, const std::string& source,
                          int nth) {
  const uint32_t line = line_of(template_file(docs, source), kProperties, nth);
  EXPECT_NE(line, 0u);
  return source + ":" + std::to_string(line) + ":5";
}

std::string properties_at(const std::string& source, int nth) {
  return properties_at(chart(), source, nth);
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::string scan_command(const std::string& extra = "") {
  return std::string("scan ") + kRules + " " + extra;
}

TEST(StdinScan, HelmFindingsNameTheTemplateAndCountItsLines) {
  const CliRun r = run_cli_with_stdin(scan_command("-"), helm_stream(chart()));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  for (const std::string& line : {
           properties_at(kModelPath, 1) + ": warning[GAI-SEC-011] ChatModel",
           properties_at(kModelPath, 2) + ": warning[GAI-SEC-011] EmbedModel",
           properties_at(kConfigPath, 1) + ": error[GAI-SEC-012] ChatConfig",
       }) {
    EXPECT_NE(r.out.find(line), std::string::npos) << "missing: " << line << "\n" << r.out;
  }
  // Lines count in the template's own documents, not in the stream.
  EXPECT_NE(line_of(helm_stream(chart()), kProperties, 3),
            line_of(template_file(chart(), kModelPath), kProperties, 2));
  EXPECT_EQ(r.out.find("stdin"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 findings (1 error, 2 warnings) in 2 files"), std::string::npos) << r.out;
}

TEST(StdinScan, SarifLocationsAreTheTemplatePathsAndTheirLines) {
  const CliRun r = run_cli_with_stdin(scan_command("--format sarif -"), helm_stream(chart()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto sarif = nlohmann::json::parse(r.out);
  EXPECT_EQ(sarif_places(sarif), sorted({
                                     properties_at(kConfigPath, 1) + " GAI-SEC-012",
                                     properties_at(kModelPath, 1) + " GAI-SEC-011",
                                     properties_at(kModelPath, 2) + " GAI-SEC-011",
                                 }));
  // The same stream under another name gives the same fingerprints: they
  // follow the template path, not the stream.
  const CliRun again =
      run_cli_with_stdin(scan_command("--format sarif --stdin-name other -"), helm_stream(chart()));
  const auto sarif2 = nlohmann::json::parse(again.out);
  ASSERT_EQ(sarif["runs"][0]["results"].size(), sarif2["runs"][0]["results"].size());
  for (size_t i = 0; i < sarif["runs"][0]["results"].size(); ++i) {
    EXPECT_EQ(sarif["runs"][0]["results"][i]["partialFingerprints"],
              sarif2["runs"][0]["results"][i]["partialFingerprints"]);
  }
}

TEST(StdinScan, StreamWithoutSourceCommentsIsNamedByStdinName) {
  // `kustomize build overlays/prod | genlens scan - --stdin-name overlays/prod`
  const std::string stream = "---\n" + model("A") + "---\n" + endpoint_config("B");
  const CliRun named =
      run_cli_with_stdin(scan_command("--format sarif - --stdin-name overlays/prod"), stream);
  EXPECT_EQ(named.exit_code, 1) << named.err;
  const std::string props_a = std::to_string(line_of(stream, kProperties, 1));
  const std::string props_b = std::to_string(line_of(stream, kProperties, 2));
  EXPECT_EQ(sarif_places(nlohmann::json::parse(named.out)),
            sorted({"overlays/prod:" + props_a + ":5 GAI-SEC-011",
                    "overlays/prod:" + props_b + ":5 GAI-SEC-012"}));
  // Without --stdin-name: "stdin", a relative URI like any file's.
  const CliRun plain = run_cli_with_stdin(scan_command("--format sarif -"), stream);
  EXPECT_EQ(sarif_places(nlohmann::json::parse(plain.out)),
            sorted({"stdin:" + props_a + ":5 GAI-SEC-011", "stdin:" + props_b + ":5 GAI-SEC-012"}));
  const CliRun text = run_cli_with_stdin(scan_command("-"), stream);
  EXPECT_NE(text.out.find("stdin:" + props_a + ":5: warning[GAI-SEC-011]"), std::string::npos)
      << text.out;
}

TEST(StdinScan, StdinTogetherWithAPath) {
  const CliRun r = run_cli_with_stdin(
      scan_command("- testdata/golden/findings/input/endpoint.cfn.yaml"), helm_stream(chart()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find(properties_at(kModelPath, 1) + ": warning[GAI-SEC-011]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("testdata/golden/findings/input/endpoint.cfn.yaml:10:5: "
                       "warning[GAI-SEC-011]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("in 3 files"), std::string::npos) << r.out;
}

TEST(StdinScan, UsageErrorsExitThree) {
  const std::string stream = helm_stream(chart());
  const CliRun twice = run_cli_with_stdin("scan - -", stream);
  EXPECT_EQ(twice.exit_code, 3);
  EXPECT_NE(twice.err.find("'-' (standard input) can be given only once"), std::string::npos)
      << twice.err;
  EXPECT_TRUE(twice.out.empty()) << twice.out;
  EXPECT_EQ(run_cli_with_stdin("scan --stdin-name x testdata/golden/clean/input", "").exit_code, 3);
  EXPECT_EQ(run_cli_with_stdin("scan --stdin-name main.tf -", stream).exit_code, 3);
  EXPECT_EQ(run_cli_with_stdin("graph - -", stream).exit_code, 3);
}

TEST(StdinScan, BadInputIsLocatedInItsTemplateAndTheScanGoesOn) {
  std::vector<RenderedDoc> docs = chart();
  docs.push_back({"chart/templates/bad.yaml", "Resources:\n  X: [unclosed\n"});
  const CliRun r = run_cli_with_stdin(scan_command("-"), helm_stream(docs));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("chart/templates/bad.yaml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": error: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(properties_at(kConfigPath, 1) + ": error[GAI-SEC-012]"), std::string::npos)
      << r.out;
  // An empty stream is an empty file: reported, exit code 2.
  const CliRun empty = run_cli_with_stdin(scan_command("-"), "");
  EXPECT_EQ(empty.exit_code, 2) << empty.out;
  EXPECT_NE(empty.out.find("stdin:1:1: error: empty file"), std::string::npos) << empty.out;
  // Over the size limit: located in the stream, nothing of it scanned. Byte
  // 20 is the 17th of line 2, "# Source: chart/templates/...".
  const CliRun big = run_cli_with_stdin(scan_command("--max-file-size 20 -"), helm_stream(docs));
  EXPECT_EQ(big.exit_code, 2) << big.out;
  EXPECT_NE(big.out.find("stdin:2:17: error: standard input is over the 20 byte limit"),
            std::string::npos)
      << big.out;
}

TEST(StdinScan, TemplatePathsAreNeverReadFromDisk) {
  // Files at the template paths in the working directory: the raw Helm
  // template (not YAML) and a Terraform file of the same name as a Source
  // path. Neither is read; the stream's documents are scanned.
  const testutil::TempDir cwd;
  cwd.write(kModelPath, "Resources: {{ .Values.broken\n");
  cwd.write("chart/templates/x.tf", "resource \"aws_sagemaker_model\" {\n");
  std::vector<RenderedDoc> docs = chart();
  docs.push_back({"chart/templates/x.tf", model("FromTf")});
  const CliRun r = run_cli_with_stdin(scan_command("-"), helm_stream(docs), cwd.path().string());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(r.out.find("error: "), std::string::npos) << r.out;  // no diagnostic
  EXPECT_NE(r.out.find(properties_at(kModelPath, 1) + ": warning[GAI-SEC-011] ChatModel"),
            std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find(properties_at(docs, "chart/templates/x.tf", 1) + ": warning[GAI-SEC-011] FromTf"),
      std::string::npos)
      << r.out;
}

TEST(StdinScan, PlanOnStdinReadsNoTfFilesFromDisk) {
  // `terraform show -json tfplan | genlens scan -` beside main.tf: the plan
  // has no directory on disk, so its findings stay in the stream; with the
  // directory scanned too, the scan's own main.tf places them.
  constexpr const char* kMapped = "testdata/terraform/plan/mapped";
  std::ifstream in(std::string(GENLENS_SOURCE_DIR) + "/" + kMapped + "/plan.json");
  const std::string plan((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(plan.empty());
  const std::string cwd = std::string(GENLENS_SOURCE_DIR) + "/" + kMapped;
  const std::string args = "scan --no-config --rule GAI-SEC-012 --stdin-name tfplan.json -";
  const CliRun alone = run_cli_with_stdin(args, plan, cwd);
  EXPECT_EQ(alone.exit_code, 1) << alone.err;
  EXPECT_EQ(alone.out.rfind("tfplan.json:", 0), 0u) << alone.out;
  EXPECT_EQ(alone.out.find("main.tf"), std::string::npos) << alone.out;
  const CliRun with_dir = run_cli_with_stdin(args + " .", plan, cwd);
  EXPECT_EQ(with_dir.exit_code, 1) << with_dir.err;
  EXPECT_EQ(with_dir.out.rfind("main.tf:9:49: error[GAI-SEC-012]", 0), 0u) << with_dir.out;
}

TEST(StdinScan, ConfigurationIsFoundFromTheWorkingDirectory) {
  const testutil::TempDir cwd;
  cwd.write(".genlens.yaml", "rules:\n  GAI-SEC-011:\n    enabled: false\n");
  const CliRun r = run_cli_with_stdin("scan -", helm_stream(chart()), cwd.path().string());
  EXPECT_EQ(r.out.find("GAI-SEC-011"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("GAI-SEC-012"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace genlens::testing
