// Terraform plan JSON through the binary: a rule with a Terraform target
// on a plan (Known finding, after_unknown Unknown, pass), locations in the
// .tf files beside it or in the plan, one evaluation when the .tf
// directory is scanned too, malformed plans among good files.
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "cli_test_util.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMapped = "testdata/terraform/plan/mapped";

struct TempTree {
  fs::path root;
  explicit TempTree(const std::string& name)
      : root(fs::temp_directory_path() /
             ("genlens-plan-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~TempTree() { fs::remove_all(root); }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
  }
};

// Endpoint configurations must name a KMS key by its ARN. `exists` alone
// passes on a value known only after apply (the attribute is set); the ARN
// check is what needs the value, so the plan's after_unknown makes it Unknown.
constexpr const char* kRule = R"(id: TEST-TF-001
name: endpoint-config-kms-key
summary: SageMaker endpoint configuration without a KMS key.
pillar: security
severity: error
targets:
  - format: terraform
    resource: aws_sagemaker_endpoint_configuration
    assert:
      all:
        - {path: kms_key_arn, exists: true}
        - {path: kms_key_arn, matches: "^arn:aws[a-z-]*:kms:"}
message: "{resource} has no kms_key_arn."
)";

std::string scan_args(const TempTree& rules, const std::string& paths) {
  return "scan " + paths + " --no-config --rules-dir '" + rules.root.string() +
         "' --rule TEST-TF-001 --report-unknown";
}

TEST(PlanScan, RuleOnAPlanWithItsTfFilesBeside) {
  TempTree rules("rules");
  rules.write("kms.yaml", kRule);
  const CliRun r = run_cli(scan_args(rules, std::string(kMapped) + "/plan.json"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // batch: kms_key_arn is null in the plan (Known: not set), reported on
  // its resource header in main.tf; chat: after_unknown (Unknown, a note);
  // legacy: set (passes, nothing reported).
  EXPECT_EQ(r.out,
            "testdata/terraform/plan/mapped/main.tf:9:49: error[TEST-TF-001] "
            "aws_sagemaker_endpoint_configuration.batch has no kms_key_arn.\n"
            "testdata/terraform/plan/mapped/main.tf:20:49: note[TEST-TF-001] Could not check "
            "aws_sagemaker_endpoint_configuration.chat: kms_key_arn is known after apply.\n"
            "2 findings (1 error, 1 note) in 1 file, 8 resources\n");
  EXPECT_EQ(r.out.find("legacy"), std::string::npos);
}

TEST(PlanScan, BuiltInRuleWithATerraformTarget) {
  // GAI-SEC-012 on the plan: batch runs on an EBS-backed instance type
  // without kms_key_arn; chat runs on ml.g5 (local storage: not its case);
  // legacy sets the key.
  const CliRun r = run_cli(std::string("scan ") + kMapped +
                           "/plan.json --no-config --rule GAI-SEC-012 --report-unknown");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.rfind("testdata/terraform/plan/mapped/main.tf:9:49: error[GAI-SEC-012] "
                        "aws_sagemaker_endpoint_configuration.batch hosts the model on EBS-backed "
                        "instances without kms_key_arn",
                        0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find("\n1 finding (1 error) in 1 file, 8 resources\n"), std::string::npos)
      << r.out;
}

TEST(PlanScan, PlanAloneReportsIntoThePlan) {
  TempTree rules("rules-alone");
  rules.write("kms.yaml", kRule);
  TempTree tree("alone");
  std::ifstream in(std::string(GENLENS_SOURCE_DIR) + "/" + kMapped + "/plan.json");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Whatever its name: recognised by content.
  tree.write("tfplan.json", text);
  const CliRun r = run_cli(scan_args(rules, "tfplan.json"), tree.root.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // The `values` of batch's planned resource, and chat's.
  EXPECT_EQ(r.out,
            "tfplan.json:38:11: error[TEST-TF-001] aws_sagemaker_endpoint_configuration.batch has "
            "no kms_key_arn.\n"
            "tfplan.json:77:11: note[TEST-TF-001] Could not check "
            "aws_sagemaker_endpoint_configuration.chat: kms_key_arn is known after apply.\n"
            "2 findings (1 error, 1 note) in 1 file, 8 resources\n");
}

TEST(PlanScan, TfDirectoryScannedWithItsPlanIsEvaluatedOnce) {
  TempTree rules("rules-dir");
  rules.write("kms.yaml", kRule);
  const CliRun plan_only = run_cli(scan_args(rules, std::string(kMapped) + "/plan.json"));
  const CliRun both = run_cli("-v " + scan_args(rules, kMapped));
  EXPECT_EQ(both.exit_code, 1) << both.err;
  // The same findings and resources: the .tf files of the root module (and
  // its local module) are read for locations, not evaluated again.
  const std::string tail = "in 3 files, 8 resources\n";
  ASSERT_NE(both.out.find(tail), std::string::npos) << both.out;
  EXPECT_EQ(both.out.substr(0, both.out.find("in 3 files")),
            plan_only.out.substr(0, plan_only.out.find("in 1 file")));
  EXPECT_NE(both.err.find("testdata/terraform/plan/mapped/plan.json: Terraform plan of the root "
                          "module in testdata/terraform/plan/mapped: its resources are checked "
                          "through the plan, not again from the .tf files"),
            std::string::npos)
      << both.err;

  // Without the plan the .tf files are evaluated as usual.
  TempTree tree("tf-only");
  std::ifstream in(std::string(GENLENS_SOURCE_DIR) + "/" + kMapped + "/main.tf");
  tree.write("main.tf",
             std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
  const CliRun tf_only = run_cli(scan_args(rules, "."), tree.root.string());
  EXPECT_NE(tf_only.out.find("main.tf:9:49: error[TEST-TF-001] "
                             "aws_sagemaker_endpoint_configuration.batch has no kms_key_arn."),
            std::string::npos)
      << tf_only.out;
}

TEST(PlanScan, GraphListsPlanResourcesOnce) {
  const CliRun r = run_cli(std::string("graph ") + kMapped + " --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  std::multiset<std::string> names;
  for (const auto& res : j["resources"]) {
    names.insert(res["name"].get<std::string>() + " " + res["file"].get<std::string>());
  }
  const std::string main = std::string(kMapped) + "/main.tf";
  const std::string kb = std::string(kMapped) + "/modules/kb/main.tf";
  EXPECT_EQ(
      names,
      (std::multiset<std::string>{
          "aws_kms_key.models " + main,
          "aws_sagemaker_endpoint_configuration.batch " + main,
          "aws_sagemaker_endpoint_configuration.chat " + main,
          "aws_sagemaker_endpoint_configuration.legacy " + main,
          "module.kb.aws_s3_bucket.docs[\"curated\"] " + kb,
          "module.kb.aws_s3_bucket.docs[\"raw\"] " + kb,
          "module.kb.aws_s3_bucket_server_side_encryption_configuration.docs[\"curated\"] " + kb,
          "module.kb.aws_s3_bucket_server_side_encryption_configuration.docs[\"raw\"] " + kb,
      }));
}

TEST(PlanScan, MalformedPlanIsReportedAndTheScanGoesOn) {
  TempTree rules("rules-bad");
  rules.write("kms.yaml", kRule);
  const CliRun r = run_cli(scan_args(
      rules, "testdata/terraform/plan/malformed/plan.json " + std::string(kMapped) + "/plan.json"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  // Diagnostics are part of the text report.
  EXPECT_NE(r.out.find("testdata/terraform/plan/malformed/plan.json:20:19: error: Terraform plan: "
                       "planned_values.root_module.resources[1].type: must be a string, not a "
                       "number"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("main.tf:9:49: error[TEST-TF-001]"), std::string::npos) << r.out;
  // A plan whose JSON does not parse is reported too, whatever its name.
  TempTree tree("broken");
  tree.write("out.json", "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": }");
  const CliRun broken = run_cli("scan . --no-config", tree.root.string());
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.out.find("out.json:1:61: error: expected a value, found '}'"), std::string::npos)
      << broken.out;
}

}  // namespace
}  // namespace genlens::testing
