// The command line: exit codes, --fail-on, --output, rules/explain/docs.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli_test_util.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

TEST(Cli, CleanScanExitsZero) {
  const CliRun r = run_cli("scan testdata/golden/clean/input");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("no findings in 1 file"), std::string::npos) << r.out;
}

TEST(Cli, FindingsExitOneAndFailOnControlsIt) {
  EXPECT_EQ(run_cli("scan testdata/golden/findings/input").exit_code, 1);
  EXPECT_EQ(run_cli("scan --fail-on never testdata/golden/findings/input").exit_code, 0);
  // Only a warning-level finding (GAI-SEC-011) in this file: error threshold passes.
  const fs::path d = temp_dir("warn");
  write(d / "model.cfn.yaml",
        "Resources:\n  M:\n    Type: AWS::SageMaker::Model\n    Properties:\n"
        "      ExecutionRoleArn: arn:aws:iam::111122223333:role/x\n");
  EXPECT_EQ(run_cli("scan " + d.string()).exit_code, 0);
  EXPECT_EQ(run_cli("scan --fail-on warning " + d.string()).exit_code, 1);
}

TEST(Cli, BadUsageExitsThree) {
  EXPECT_EQ(run_cli("scan --format yaml testdata").exit_code, 3);
  EXPECT_EQ(run_cli("scan").exit_code, 3);
  EXPECT_EQ(run_cli("frobnicate").exit_code, 3);
}

TEST(Cli, OutputFileIsWrittenWhole) {
  const fs::path d = temp_dir("out");
  const fs::path out = d / "report.sarif";
  const CliRun r =
      run_cli("scan --format sarif --output " + out.string() + " testdata/golden/findings/input");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty());
  std::ifstream in(out);
  const auto sarif = nlohmann::json::parse(in);
  EXPECT_EQ(sarif["version"], "2.1.0");
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(d)) ++files;
  EXPECT_EQ(files, 1u) << "a temporary file was left behind";
}

TEST(Cli, RulesAreEmbeddedAndListed) {
  // Works from any directory: the rules are compiled in.
  const CliRun r = run_cli("rules --format json", fs::temp_directory_path().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto list = nlohmann::json::parse(r.out);
  std::vector<std::string> ids;
  for (const auto& rule : list) ids.push_back(rule["id"]);
  for (const char* id :
       {"GAI-COST-001", "GAI-SEC-001", "GAI-SEC-011", "GAI-SEC-012", "GAI-SEC-014"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
}

TEST(Cli, ExplainPrintsTheRuleDoc) {
  const CliRun r = run_cli("explain GAI-SEC-012");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\n# GAI-SEC-012: endpoint-data-not-encrypted-with-kms\n"),
            std::string::npos)
      << r.out.substr(0, 200);
  const CliRun bad = run_cli("explain GAI-NOPE-999");
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find("no rule with ID GAI-NOPE-999"), std::string::npos);
}

TEST(Cli, VersionIsPrinted) {
  const CliRun r = run_cli("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("genlens ", 0), 0u);
}

TEST(Cli, RuleFileErrorsAreLocatedAndExitThree) {
  const fs::path d = temp_dir("badrules");
  write(d / "a.yaml",
        "id: GAI-SEC-901\nname: bad-one\nsummary: S.\npillar: security\nseverity: error\n"
        "colour: red\n"
        "targets:\n  - format: cloudformation\n    resource: AWS::S3::Bucket\n"
        "    assert: {path: Properties.X, bigger: 3}\nmessage: M.\n");
  write(d / "b.yaml",
        "id: GAI-SEC-001\nname: dup\nsummary: S.\npillar: security\nseverity: error\n"
        "targets:\n  - format: cloudformation\n    resource: AWS::S3::Bucket\n"
        "    assert: {path: 'Properties[', exists: true}\nmessage: M.\n");
  const CliRun r = run_cli("rules --rules-dir " + d.string());
  EXPECT_EQ(r.exit_code, 3);
  const std::string a = (d / "a.yaml").string();
  const std::string b = (d / "b.yaml").string();
  EXPECT_NE(r.err.find(a + ":6: error: unknown key 'colour' in rule"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(a + ":10: error: unknown operator 'bigger'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(b + ":9: error: bad path 'Properties[': unclosed '['"), std::string::npos)
      << r.err;
  // Scanning with broken rules is bad configuration too.
  EXPECT_EQ(run_cli("scan --rules-dir " + d.string() + " testdata/golden/clean/input").exit_code,
            3);
}

TEST(Cli, DuplicateRuleIdIsRejected) {
  const fs::path d = temp_dir("duprules");
  write(d / "dup.yaml",
        "id: GAI-SEC-001\nname: dup\nsummary: S.\npillar: security\nseverity: error\n"
        "targets:\n  - format: cloudformation\n    resource: AWS::S3::Bucket\n"
        "    assert: {path: Properties.X, exists: true}\nmessage: M.\n");
  const CliRun r = run_cli("rules --rules-dir " + d.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("duplicate rule ID GAI-SEC-001"), std::string::npos) << r.err;
}

TEST(Cli, UserRulesDirAddsRules) {
  const fs::path d = temp_dir("userrules");
  write(d / "rules" / "bucket.yaml",
        "id: ACME-SEC-001\nname: bucket-without-versioning\nsummary: Bucket has no versioning.\n"
        "pillar: security\nseverity: warning\n"
        "targets:\n  - format: cloudformation\n    resource: AWS::S3::Bucket\n"
        "    assert: {path: Properties.VersioningConfiguration.Status, equals: Enabled}\n"
        "message: \"{resource} keeps no object versions.\"\n");
  write(d / "in" / "t.cfn.yaml", "Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n");
  const CliRun r =
      run_cli("scan --rules-dir " + (d / "rules").string() + " " + (d / "in").string());
  EXPECT_EQ(r.exit_code, 0) << r.out;  // a warning does not fail by default
  EXPECT_NE(r.out.find("t.cfn.yaml:2:3: warning[ACME-SEC-001] Docs keeps no object versions."),
            std::string::npos)
      << r.out;
}

TEST(Cli, ExcludeSkipsMatchingPaths) {
  const CliRun r = run_cli("scan --exclude '*findings*' testdata/golden");
  EXPECT_EQ(r.out.find("findings/input"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("parse-error/input/broken.cfn.yaml"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace genlens::testing

namespace genlens::testing {
namespace {

TEST(Config, NearestGenlensYamlOverridesParamsSeverityAndEnablement) {
  const fs::path d = fs::temp_directory_path() / ("genlens-config-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d / "stack");
  fs::copy(fs::path(GENLENS_SOURCE_DIR) / "examples" / "cloudformation", d / "stack");
  const CliRun before = run_cli("scan " + (d / "stack").string());
  EXPECT_NE(before.out.find("warning[GAI-COST-001]"), std::string::npos) << before.out;
  EXPECT_NE(before.out.find("error[GAI-SEC-012]"), std::string::npos) << before.out;
  std::ofstream(d / ".genlens.yaml") << "rules:\n"
                                        "  GAI-COST-001:\n"
                                        "    params: {max_runtime_seconds: 300000}\n"
                                        "  GAI-SEC-011: {severity: note}\n"
                                        "  GAI-SEC-012: {enabled: false}\n";
  const CliRun after = run_cli("scan " + (d / "stack").string());
  EXPECT_EQ(after.out.find("warning[GAI-COST-001]"), std::string::npos) << after.out;
  EXPECT_EQ(after.out.find("GAI-SEC-012"), std::string::npos) << after.out;
  EXPECT_NE(after.out.find("note[GAI-SEC-011]"), std::string::npos) << after.out;
  const CliRun ignored = run_cli("scan --no-config " + (d / "stack").string());
  EXPECT_NE(ignored.out.find("GAI-SEC-012"), std::string::npos);
}

TEST(Config, ProblemsAreLocatedConfigErrors) {
  const fs::path d =
      fs::temp_directory_path() / ("genlens-badconfig-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  const fs::path cfg = d / "genlens.yaml";
  std::ofstream(cfg)
      << "rules:\n  GAI-XXX-001: {enabled: false}\n  GAI-SEC-001: {params: {nope: 1}}\n"
         "bogus: 1\n";
  const CliRun r = run_cli("scan --config " + cfg.string() + " testdata/golden/clean/input");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find(cfg.string() + ":2: error: unknown rule ID GAI-XXX-001"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(cfg.string() + ":3: error: GAI-SEC-001 has no param 'nope'"),
            std::string::npos);
  EXPECT_NE(r.out.find(cfg.string() + ":4: error: unknown key 'bogus'"), std::string::npos);
}

}  // namespace
}  // namespace genlens::testing
