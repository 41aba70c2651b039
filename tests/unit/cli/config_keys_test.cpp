// .genlens.yaml: disable/enable by ID, glob and pillar, fail_on, var_files
// and `genlens init`.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/config.h"
#include "cli/init_command.h"
#include "cli_test_util.h"
#include "genlens/core/diagnostic.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

bool has(const CliRun& r, const std::string& text) {
  return r.out.find(text) != std::string::npos || r.err.find(text) != std::string::npos;
}

fs::path cloudformation_stack(const std::string& name) {
  const fs::path d = temp_dir(name);
  fs::copy(fs::path(GENLENS_SOURCE_DIR) / "examples" / "cloudformation", d / "stack");
  return d;
}

TEST(ConfigKeys, DisableByPillarAndGlobEnableWinsAndRuleEnabledDecides) {
  const fs::path d = cloudformation_stack("cfg-select");
  const std::string scan = "scan " + (d / "stack").string();
  const CliRun before = run_cli(scan);
  ASSERT_TRUE(has(before, "[GAI-SEC-012]")) << before.out;
  ASSERT_TRUE(has(before, "[GAI-SEC-011]")) << before.out;
  ASSERT_TRUE(has(before, "[GAI-COST-001]")) << before.out;
  ASSERT_TRUE(has(before, "[GAI-REL-002]")) << before.out;
  write(d / ".genlens.yaml",
        "disable: [security, GAI-COST-*]\n"
        "enable: [\"GAI-SEC-01?\"]\n"
        "rules:\n  GAI-SEC-011: {enabled: false}\n");
  const CliRun after = run_cli(scan);
  EXPECT_EQ(after.exit_code, 1) << after.out;
  EXPECT_TRUE(has(after, "[GAI-SEC-012]")) << after.out;    // enable beats disable
  EXPECT_FALSE(has(after, "[GAI-SEC-011]")) << after.out;   // rules.<ID> beats enable
  EXPECT_FALSE(has(after, "[GAI-SEC-007]")) << after.out;   // pillar
  EXPECT_FALSE(has(after, "[GAI-COST-001]")) << after.out;  // glob
  EXPECT_TRUE(has(after, "[GAI-REL-002]")) << after.out;    // untouched
  // --rule runs a rule the configuration turns off.
  const CliRun forced = run_cli(scan + " --rule GAI-SEC-007");
  EXPECT_TRUE(has(forced, "[GAI-SEC-007]")) << forced.out;
}

TEST(ConfigKeys, SelectorsThatMatchNothingAndMisspelledKeysAreLocatedErrors) {
  const fs::path d = cloudformation_stack("cfg-bad-select");
  write(d / ".genlens.yaml",
        "disable: [GAI-SEC-001, securty]\n"
        "enable:\n  - GAI-NOPE-*\n"
        "fail-on: never\n"
        "fail_on: sometimes\n");
  const CliRun r = run_cli("scan " + (d / "stack").string());
  const std::string cfg = (d / ".genlens.yaml").string();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(has(r, cfg + ":1: error: 'securty' in disable matches no rule ID and no pillar"))
      << r.out;
  EXPECT_FALSE(has(r, "'GAI-SEC-001' in disable")) << r.out;
  EXPECT_TRUE(has(r, cfg + ":3: error: 'GAI-NOPE-*' in enable matches no rule")) << r.out;
  EXPECT_TRUE(has(r, cfg + ":4: error: unknown key 'fail-on'; did you mean fail_on?")) << r.out;
  EXPECT_TRUE(has(r, cfg + ":5: error: 'fail_on' takes error, warning, note, never")) << r.out;
}

TEST(ConfigKeys, FailOnFromTheFileAndTheFlagWins) {
  const fs::path d = cloudformation_stack("cfg-fail-on");
  const std::string scan = "scan " + (d / "stack").string();
  ASSERT_EQ(run_cli(scan).exit_code, 1);
  write(d / ".genlens.yaml", "fail_on: never\n");
  EXPECT_EQ(run_cli(scan).exit_code, 0);
  EXPECT_EQ(run_cli(scan + " --fail-on error").exit_code, 1);
}

TEST(ConfigKeys, VarFilesAreRelativeToTheFileAndCommandLineVarFilesComeAfter) {
  const fs::path d = temp_dir("cfg-var-files");
  write(d / "infra" / "main.tf",
        "variable \"guardrail_id\" {\n  type    = string\n  default = \"\"\n}\n"
        "resource \"aws_bedrockagent_agent\" \"support\" {\n"
        "  agent_name              = \"support\"\n"
        "  agent_resource_role_arn = \"arn:aws:iam::111122223333:role/support-agent\"\n"
        "  foundation_model        = \"anthropic.claude-3-haiku-20240307-v1:0\"\n"
        "  guardrail_configuration {\n"
        "    guardrail_identifier = var.guardrail_id\n"
        "    guardrail_version    = \"1\"\n  }\n}\n");
  write(d / "vars" / "with.tfvars", "guardrail_id = \"gr-1234\"\n");
  write(d / "vars" / "without.tfvars", "guardrail_id = \"\"\n");
  const std::string scan = "scan " + (d / "infra").string();
  ASSERT_TRUE(has(run_cli(scan), "[GAI-SEC-001]"));
  write(d / ".genlens.yaml", "var_files: [vars/with.tfvars]\n");
  const CliRun configured = run_cli(scan);
  EXPECT_EQ(configured.exit_code, 0) << configured.out << configured.err;
  EXPECT_FALSE(has(configured, "[GAI-SEC-001]")) << configured.out;
  const CliRun overridden =
      run_cli(scan + " --var-file " + (d / "vars" / "without.tfvars").string());
  EXPECT_TRUE(has(overridden, "[GAI-SEC-001]")) << overridden.out;
}

TEST(ConfigKeys, InitWritesADefaultThatLoadsCleanlyAndNamesEveryKey) {
  const fs::path d = temp_dir("cfg-init");
  const CliRun first = run_cli("init", d.string());
  EXPECT_EQ(first.exit_code, 0) << first.err;
  const fs::path cfg = d / ".genlens.yaml";
  ASSERT_TRUE(fs::exists(cfg));
  core::Diagnostics diags;
  const cli::Config config = cli::load_config(cfg.string(), diags);
  EXPECT_TRUE(diags.all().empty()) << diags.all().front().to_string();
  EXPECT_EQ(config.fail_on, "error");
  for (const std::string& key : cli::kConfigKeys) {
    EXPECT_NE(cli::default_config_text().find("\n" + key + ":"), std::string::npos) << key;
  }
  // A scan with it behaves as without a configuration.
  fs::copy(fs::path(GENLENS_SOURCE_DIR) / "examples" / "cloudformation", d / "stack");
  const CliRun with = run_cli("scan stack", d.string());
  const CliRun without = run_cli("scan --no-config stack", d.string());
  EXPECT_EQ(with.exit_code, without.exit_code);
  EXPECT_EQ(with.out, without.out);
  // No silent overwrite.
  write(cfg, "fail_on: never\n");
  const CliRun again = run_cli("init", d.string());
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_TRUE(has(again, "exists; use --force")) << again.err;
  const CliRun forced = run_cli("init --force " + d.string());
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(cli::default_config_text().size(), fs::file_size(cfg));
}

}  // namespace
}  // namespace genlens::testing
