// --write-baseline and --baseline through the real binary: fingerprints and
// baseline matches survive a resource moving down the file.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_test_util.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json scan_json(const fs::path& dir, const std::string& extra = "") {
  const CliRun r = run_cli("scan --format json --fail-on never " + extra + " .", dir.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

std::string sarif_fingerprint(const fs::path& dir) {
  const CliRun r = run_cli("scan --format sarif --fail-on never .", dir.string());
  const json results = json::parse(r.out)["runs"][0]["results"];
  EXPECT_EQ(results.size(), 1u) << r.out;
  return results.empty() ? "" : results[0]["partialFingerprints"]["genlens/v1"].get<std::string>();
}

// A model without network isolation (GAI-SEC-011), before and after ten
// lines are added above it.
struct Case {
  const char* name;
  const char* file;
  std::string before;
  std::string ten_lines;  // inserted at `insert_at`
  std::string insert_at;
  std::string second;  // another failing resource, appended
};

Case cloudformation_case() {
  return {"cfn",
          "stack.cfn.yaml",
          "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  ChatModel:\n"
          "    Type: AWS::SageMaker::Model\n    Properties:\n"
          "      ExecutionRoleArn: arn:aws:iam::111122223333:role/x\n",
          "Parameters:\n  Stage:\n    Type: String\n    Default: dev\n  Owner:\n"
          "    Type: String\n    Default: ml\n  Team:\n    Type: String\n    Default: ai\n",
          "Resources:",
          "  EmbedModel:\n    Type: AWS::SageMaker::Model\n    Properties:\n"
          "      ExecutionRoleArn: arn:aws:iam::111122223333:role/x\n"};
}

Case terraform_case() {
  return {"tf",
          "main.tf",
          "resource \"aws_sagemaker_model\" \"chat\" {\n"
          "  execution_role_arn = \"arn:aws:iam::111122223333:role/x\"\n"
          "  primary_container {\n    image = \"example.com/chat:1\"\n  }\n}\n",
          "locals {\n  stage = \"dev\"\n  owner = \"ml\"\n  team  = \"ai\"\n"
          "  tags = {\n    stage = \"dev\"\n    owner = \"ml\"\n    team  = \"ai\"\n  }\n}\n",
          "resource",
          "resource \"aws_sagemaker_model\" \"embed\" {\n"
          "  execution_role_arn = \"arn:aws:iam::111122223333:role/x\"\n"
          "  primary_container {\n    image = \"example.com/embed:1\"\n  }\n}\n"};
}

void check_move_keeps_identity(const Case& c) {
  SCOPED_TRACE(c.name);
  const fs::path d = temp_dir(std::string("baseline-move-") + c.name);
  write(d / c.file, c.before);
  const json first = scan_json(d);
  ASSERT_EQ(first["findings"].size(), 1u) << first.dump(2);
  const json& f = first["findings"][0];
  EXPECT_EQ(f["rule_id"], "GAI-SEC-011");
  const std::string fingerprint = f["fingerprint"];
  const int line = f["start"]["line"];
  EXPECT_EQ(sarif_fingerprint(d), fingerprint);
  const CliRun wrote = run_cli("scan --fail-on never --write-baseline base.json .", d.string());
  ASSERT_EQ(wrote.exit_code, 0) << wrote.err;
  ASSERT_TRUE(fs::exists(d / "base.json"));

  // Ten lines above the resource.
  std::string moved = c.before;
  moved.insert(moved.find(c.insert_at), c.ten_lines);
  write(d / c.file, moved);
  const json second = scan_json(d);
  ASSERT_EQ(second["findings"].size(), 1u) << second.dump(2);
  EXPECT_EQ(second["findings"][0]["start"]["line"], line + 10);
  EXPECT_EQ(second["findings"][0]["fingerprint"], fingerprint);
  EXPECT_EQ(sarif_fingerprint(d), fingerprint);

  // The baseline still matches: nothing new, and it says how many it hid.
  const json baselined = scan_json(d, "--baseline base.json");
  EXPECT_TRUE(baselined["findings"].empty()) << baselined.dump(2);
  EXPECT_EQ(baselined["summary"]["baselined"], 1);
  const CliRun text = run_cli("scan --fail-on warning --baseline base.json .", d.string());
  EXPECT_EQ(text.exit_code, 0) << text.out << text.err;
  EXPECT_NE(text.out.find("no findings in 1 file, 1 resource; 1 baselined finding not shown"),
            std::string::npos)
      << text.out;
  const CliRun sarif =
      run_cli("scan --format sarif --fail-on warning --baseline base.json .", d.string());
  EXPECT_EQ(sarif.exit_code, 0);
  const json run = json::parse(sarif.out)["runs"][0];
  EXPECT_TRUE(run["results"].empty());
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["descriptor"]["id"], "baseline");

  // A new finding is reported (and gates) while the old one stays hidden.
  write(d / c.file, moved + c.second);
  const json with_new = scan_json(d, "--baseline base.json");
  ASSERT_EQ(with_new["findings"].size(), 1u) << with_new.dump(2);
  EXPECT_NE(with_new["findings"][0]["fingerprint"], fingerprint);
  EXPECT_EQ(with_new["summary"]["baselined"], 1);
  EXPECT_EQ(run_cli("scan --fail-on warning --baseline base.json .", d.string()).exit_code, 1);
  // Without the baseline, both.
  EXPECT_EQ(scan_json(d)["findings"].size(), 2u);
}

TEST(BaselineCli, CloudFormationResourceMovedTenLinesDownKeepsItsMatch) {
  check_move_keeps_identity(cloudformation_case());
}

TEST(BaselineCli, TerraformResourceMovedTenLinesDownKeepsItsMatch) {
  check_move_keeps_identity(terraform_case());
}

TEST(BaselineCli, FileIsVersionedReadableAndHasNoLineNumbers) {
  const fs::path d = temp_dir("baseline-shape");
  write(d / "stack.cfn.yaml", cloudformation_case().before);
  ASSERT_EQ(run_cli("scan --write-baseline base.json .", d.string()).exit_code, 0);
  std::ifstream in(d / "base.json");
  const json b = json::parse(in);
  EXPECT_EQ(b["version"], 1);
  EXPECT_TRUE(b["about"].is_string());
  ASSERT_EQ(b["findings"].size(), 1u);
  const json& e = b["findings"][0];
  EXPECT_EQ(e["rule_id"], "GAI-SEC-011");
  EXPECT_EQ(e["path"], "stack.cfn.yaml");
  EXPECT_EQ(e["resource"], "ChatModel");
  EXPECT_TRUE(e["message"].get<std::string>().find("ChatModel") != std::string::npos);
  EXPECT_EQ(e["fingerprint"].get<std::string>().size(), 16u);
  EXPECT_EQ(b.dump().find("\"line\""), std::string::npos) << b.dump(2);
  EXPECT_EQ(b.dump().find("\"start\""), std::string::npos) << b.dump(2);
  // No temporary file is left beside it.
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(d)) ++files;
  EXPECT_EQ(files, 2u);
}

TEST(BaselineCli, MatchingNeedsTheSameRuleAndFingerprint) {
  const fs::path d = temp_dir("baseline-rule");
  write(d / "stack.cfn.yaml", cloudformation_case().before);
  const std::string fp = scan_json(d)["findings"][0]["fingerprint"];
  write(d / "other-rule.json",
        R"({"version": 1, "findings": [{"rule_id": "GAI-SEC-012", "fingerprint": ")" + fp +
            R"("}]})");
  const json r = scan_json(d, "--baseline other-rule.json");
  EXPECT_EQ(r["findings"].size(), 1u);
  EXPECT_EQ(r["summary"]["baselined"], 0);
  write(d / "same.json",
        R"({"version": 1, "findings": [{"rule_id": "GAI-SEC-011", "fingerprint": ")" + fp +
            R"(", "note": "extra keys are ignored"}]})");
  EXPECT_EQ(scan_json(d, "--baseline same.json")["summary"]["baselined"], 1);
}

TEST(BaselineCli, MissingOrMalformedBaselineIsALocatedUsageError) {
  const fs::path d = temp_dir("baseline-bad");
  write(d / "stack.cfn.yaml", cloudformation_case().before);
  CliRun r = run_cli("scan --baseline missing.json .", d.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("missing.json: error: cannot read baseline"), std::string::npos) << r.out;

  write(d / "broken.json", "{\"version\": 1,\n \"findings\": [\n");
  r = run_cli("scan --baseline broken.json .", d.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("broken.json:3:1: error: invalid baseline JSON"), std::string::npos)
      << r.out;

  write(d / "shape.json", "{\"version\": 1,\n \"findings\": [\n  {\"rule_id\": 5}\n ]\n}\n");
  r = run_cli("scan --format json --baseline shape.json .", d.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("shape.json:3:15: error: baseline \"rule_id\" must be a non-empty string"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("shape.json:3:3: error: baseline entry has no \"fingerprint\""),
            std::string::npos)
      << r.err;
  // The scan went on without the baseline.
  EXPECT_EQ(json::parse(r.out)["findings"].size(), 1u);

  write(d / "v2.json", "{\"version\": 2, \"findings\": []}");
  r = run_cli("scan --baseline v2.json .", d.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("v2.json:1:13: error: unsupported baseline version 2"), std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace genlens::testing
