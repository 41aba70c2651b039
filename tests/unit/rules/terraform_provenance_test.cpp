// Terraform findings: a resource inside a module is reported at its line in
// the module under its full address, and the related locations name the
// place that decided the value (module argument, variable default, tfvars
// line, local), each in its own file. Instances of one resource are
// distinct findings with distinct fingerprints.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/scan.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

using Strings = std::vector<std::string>;

const fs::path kFixtures =
    fs::path(GENLENS_SOURCE_DIR) / "testdata" / "rules" / "endpoint-data-not-encrypted-with-kms";

// "file:line message" for each finding and, indented, its related locations;
// paths relative to `dir`.
Strings scan(const fs::path& dir, std::set<std::string>* fingerprints = nullptr) {
  core::Diagnostics diags;
  cli::ScanOptions options;
  options.paths = {dir.string()};
  options.only_rules = {"GAI-SEC-012"};
  cli::ScanOutput out = cli::run_scan(options, cli::load_all_rules({}, diags), core::Diagnostics{});
  EXPECT_TRUE(out.result.diagnostics.empty()) << out.result.diagnostics.all().front().to_string();
  auto rel = [&](const std::string& p) { return fs::path(p).lexically_relative(dir).string(); };
  Strings lines;
  for (const rules::Finding& f : out.result.findings) {
    lines.push_back(rel(f.location.path) + ":" + std::to_string(f.location.range.begin.line) + " " +
                    f.resource_name);
    for (const rules::Location& r : f.related) {
      lines.push_back("  " + rel(r.path) + ":" + std::to_string(r.range.begin.line) + " " +
                      r.message);
    }
    if (fingerprints != nullptr) fingerprints->insert(f.fingerprint);
  }
  return lines;
}

TEST(TerraformProvenance, ModuleArgumentDecidesAFindingInsideTheModule) {
  EXPECT_EQ(scan(kFixtures / "fail-module"),
            (Strings{
                "serving/main.tf:12 module.serving.aws_sagemaker_endpoint_configuration.this",
                "  main.tf:7 the value comes from argument kms_key of module \"serving\"",
            }));
}

TEST(TerraformProvenance, DefaultTfvarsLocalAndForEachInstance) {
  std::set<std::string> fingerprints;
  EXPECT_EQ(scan(kFixtures / "fail-values", &fingerprints),
            (Strings{
                "main.tf:11 aws_sagemaker_endpoint_configuration.volume",
                "  variables.tf:4 the value comes from the default of variable \"volume_key\"",
                "main.tf:32 aws_sagemaker_endpoint_configuration.capture",
                "  terraform.tfvars:3 the value comes from variable \"capture_key\" set in "
                "terraform.tfvars",
                "main.tf:50 aws_sagemaker_endpoint_configuration.async",
                "  main.tf:5 the value comes from local.async_key",
                "main.tf:57 aws_sagemaker_endpoint_configuration.per_type[\"general\"]",
            }));
  EXPECT_EQ(fingerprints.size(), 4u);
}

TEST(TerraformProvenance, EveryInstanceOfAResourceIsItsOwnFinding) {
  const fs::path d =
      fs::temp_directory_path() / ("genlens-tf-instances-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  std::ofstream(d / "main.tf") << R"(resource "aws_sagemaker_endpoint_configuration" "ec" {
  count = 2
  name  = "ec-${count.index}"
  production_variants {
    variant_name  = "main"
    model_name    = "m"
    instance_type = "ml.m5.large"
  }
}
)";
  std::set<std::string> fingerprints;
  EXPECT_EQ(scan(d, &fingerprints), (Strings{
                                        "main.tf:1 aws_sagemaker_endpoint_configuration.ec[0]",
                                        "main.tf:1 aws_sagemaker_endpoint_configuration.ec[1]",
                                    }));
  EXPECT_EQ(fingerprints.size(), 2u);
  fs::remove_all(d);
}

}  // namespace
}  // namespace genlens::testing

namespace genlens::testing {
namespace {

// The same holds for CloudFormation Fn::ForEach: both expanded resources
// share their source, and each is its own finding.
TEST(InstanceFindings, ForEachExpansionsOfCloudFormationAreDistinct) {
  namespace fs = std::filesystem;
  const fs::path d =
      fs::temp_directory_path() / ("genlens-cfn-foreach-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  std::ofstream(d / "t.yaml") << R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Configs:
    - Name
    - [A, B]
    - EndpointConfig${Name}:
        Type: AWS::SageMaker::EndpointConfig
        Properties:
          ProductionVariants:
            - {VariantName: main, ModelName: m, InstanceType: ml.m5.large}
)";
  core::Diagnostics diags;
  cli::ScanOptions options;
  options.paths = {d.string()};
  options.only_rules = {"GAI-SEC-012"};
  cli::ScanOutput out = cli::run_scan(options, cli::load_all_rules({}, diags), core::Diagnostics{});
  std::vector<std::string> names;
  std::set<std::string> fingerprints;
  for (const rules::Finding& f : out.result.findings) {
    names.push_back(f.resource_name);
    fingerprints.insert(f.fingerprint);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"EndpointConfigA", "EndpointConfigB"}));
  EXPECT_EQ(fingerprints.size(), 2u);
  fs::remove_all(d);
}

}  // namespace
}  // namespace genlens::testing
