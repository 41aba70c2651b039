// --format github and junit, and --category, through the real binary.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "cli_test_util.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

// python3's XML parser accepts the file (well-formed XML).
bool well_formed_xml(const fs::path& file) {
  const std::string cmd =
      "python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' '" +
      file.string() + "'";
  return std::system(cmd.c_str()) == 0;
}

TEST(OutputFormatsCli, GithubPrintsOneWorkflowCommandPerFinding) {
  const std::string dir = std::string(GENLENS_SOURCE_DIR) + "/testdata/golden/findings/input";
  const CliRun r = run_cli("scan --format github .", dir);
  const CliRun json = run_cli("scan --format json .", dir);
  EXPECT_EQ(r.exit_code, json.exit_code);
  const auto findings = nlohmann::json::parse(json.out)["findings"];
  ASSERT_FALSE(findings.empty());
  std::istringstream lines(r.out);
  std::string line;
  size_t commands = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("::", 0) == 0) ++commands;
  }
  EXPECT_EQ(commands, findings.size()) << r.out;
  const auto& f = findings[0];
  const std::string level = f["level"] == "note" ? "notice" : f["level"].get<std::string>();
  EXPECT_EQ(r.out.rfind("::" + level + " file=" + f["path"].get<std::string>() +
                            ",line=" + std::to_string(f["start"]["line"].get<int>()),
                        0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find(",title=" + f["rule_id"].get<std::string>() + "::"), std::string::npos);
}

TEST(OutputFormatsCli, JunitIsWellFormedWithFindingsAndWhenClean) {
  const fs::path d = temp_dir("junit");
  const fs::path report = d / "report.xml";
  CliRun r = run_cli("scan --format junit --output " + report.string() +
                     " testdata/golden/findings/input testdata/golden/parse-error/input");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(well_formed_xml(report));
  std::ifstream in(report);
  const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(xml.find("<failure "), std::string::npos);
  EXPECT_NE(xml.find("<error "), std::string::npos);

  const fs::path clean = d / "clean.xml";
  r = run_cli("scan --format junit --output " + clean.string() + " testdata/golden/clean/input");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(well_formed_xml(clean));
  std::ifstream in2(clean);
  const std::string clean_xml((std::istreambuf_iterator<char>(in2)),
                              std::istreambuf_iterator<char>());
  EXPECT_NE(clean_xml.find("failures=\"0\""), std::string::npos);
  EXPECT_NE(clean_xml.find("name=\"no findings\""), std::string::npos);
}

TEST(OutputFormatsCli, WellFormednessCheckCanFail) {
  const fs::path d = temp_dir("junit-bad");
  write(d / "bad.xml", "<testsuites><testsuite></testsuites>");
  EXPECT_FALSE(well_formed_xml(d / "bad.xml"));
}

TEST(OutputFormatsCli, CategoryGoesToAutomationDetailsAndIsValidated) {
  CliRun r = run_cli("scan --format sarif --category iac/prod testdata/golden/clean/input");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["runs"][0]["automationDetails"]["id"], "iac/prod/");
  r = run_cli("scan --format sarif --category 'has space' testdata/golden/clean/input");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("--category may hold only"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace genlens::testing
