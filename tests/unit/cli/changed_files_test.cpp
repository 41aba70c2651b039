// scan --changed: what changed files are scanned with, and which findings stay.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <filesystem>

#include "cli/changed_files.h"
#include "cli_test_util.h"

namespace genlens::cli {
namespace {

TEST(ChangedFiles, TerraformFilesBringTheirModuleDirectoryOtherFilesThemselvesEachOnce) {
  const std::vector<std::string> got = scan_paths_for_changed(
      {"infra/main.tf", "infra/prod.tfvars", "k8s/app.yaml", "infra/ci/values.yaml", "main.tf",
       "k8s/app.yaml", "stacks/agent.cfn.json"});
  // infra/ci/values.yaml is inside infra, scanned with it; "." covers
  // everything below the working directory, so nothing else is listed.
  EXPECT_EQ(got, (std::vector<std::string>{"infra", "."}));
  EXPECT_EQ(scan_paths_for_changed({"a/b.tf.json", "k8s/app.yaml", "c/x.tfvars.json"}),
            (std::vector<std::string>{"a", "c", "k8s/app.yaml"}));
}

TEST(ChangedFiles, KeepsFindingsLocatedOrRelatedInTheChangedFiles) {
  report::ScanResult result;
  rules::Finding in_changed;
  in_changed.location.path = "infra/main.tf";
  rules::Finding related_to_changed;
  related_to_changed.location.path = "infra/other.tf";
  related_to_changed.related.push_back(rules::Location{"./infra/prod.tfvars", {}, "", ""});
  rules::Finding elsewhere;
  elsewhere.location.path = "infra/legacy.tf";
  elsewhere.related.push_back(rules::Location{"infra/variables.tf", {}, "", ""});
  result.findings = {in_changed, related_to_changed, elsewhere};
  keep_findings_in({"infra/main.tf", "infra/prod.tfvars"}, result);
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_EQ(result.findings[0].location.path, "infra/main.tf");
  EXPECT_EQ(result.findings[1].location.path, "infra/other.tf");
}

}  // namespace
}  // namespace genlens::cli

namespace genlens::testing {
namespace {

// A hook passes every staged .yaml and .json: those that are not IaC (an
// empty file, JSON with comments) are skipped as when walking, not errors.
TEST(ChangedFiles, OtherYamlAndJsonFilesAHookPassesAreNotErrors) {
  const std::filesystem::path d = temp_dir("changed-non-iac");
  write(d / "notes.yaml", "");
  write(d / "tsconfig.json", "{\n  // comment\n  \"compilerOptions\": {}\n}\n");
  std::filesystem::copy(std::filesystem::path(GENLENS_SOURCE_DIR) / "examples" / "cloudformation",
                        d / "stack");
  const CliRun named = run_cli("scan notes.yaml tsconfig.json", d.string());
  EXPECT_EQ(named.exit_code, 2) << named.out;  // named on purpose: reported
  const CliRun hook =
      run_cli("scan --changed notes.yaml tsconfig.json stack/rag-agent.yaml", d.string());
  EXPECT_EQ(hook.exit_code, 1) << hook.out << hook.err;
  EXPECT_EQ(hook.out.find("notes.yaml"), std::string::npos) << hook.out;
  EXPECT_EQ(hook.out.find("tsconfig.json"), std::string::npos) << hook.out;
  EXPECT_NE(hook.out.find("stack/rag-agent.yaml:"), std::string::npos) << hook.out;
  // Only findings in the changed file: none from the stack's other templates.
  EXPECT_EQ(hook.out.find("inference-endpoint.yaml"), std::string::npos) << hook.out;
}

}  // namespace
}  // namespace genlens::testing
