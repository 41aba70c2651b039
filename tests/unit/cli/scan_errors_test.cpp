// Bad input gets `path:line:col: error: ...`, the scan goes on, and the exit
// code says the scan was incomplete.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_test_util.h"

namespace genlens::testing {
namespace {

constexpr const char* kDir = "testdata/parse/cloudformation";

TEST(ScanErrors, EachBadFileGetsALocatedErrorAndExitCodeTwo) {
  const CliRun r = run_cli(std::string("scan ") + kDir);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  for (const char* line : {
           "testdata/parse/cloudformation/empty.cfn.yaml:1:1: error: empty file",
           "testdata/parse/cloudformation/latin1.cfn.yaml:2:18: error: invalid UTF-8 byte 0xE9",
           "testdata/parse/cloudformation/malformed.cfn.json:6:44: error: trailing comma before "
           "'}'",
           "testdata/parse/cloudformation/malformed.cfn.yaml:7:15: error: invalid YAML",
           "testdata/parse/cloudformation/random.cfn.json:1:115: error: binary file (NUL byte)",
       }) {
    EXPECT_NE(r.out.find(line), std::string::npos) << "missing: " << line << "\n" << r.out;
  }
}

TEST(ScanErrors, FindingsInOtherFilesAreStillReported) {
  // bom-crlf.cfn.yaml has a UTF-8 BOM and CRLF line ends: it must read fine,
  // with positions as an editor shows them.
  const CliRun r = run_cli(std::string("scan ") + kDir);
  EXPECT_NE(r.out.find("testdata/parse/cloudformation/bom-crlf.cfn.yaml:5:5: error[GAI-SEC-001]"),
            std::string::npos)
      << r.out;
}

TEST(ScanErrors, SarifCarriesToolExecutionNotifications) {
  const CliRun r = run_cli(std::string("scan --format sarif ") + kDir);
  EXPECT_EQ(r.exit_code, 2);
  const auto sarif = nlohmann::json::parse(r.out);
  const auto& inv = sarif["runs"][0]["invocations"][0];
  EXPECT_FALSE(inv["executionSuccessful"].get<bool>());
  ASSERT_EQ(inv["toolExecutionNotifications"].size(), 5u) << inv.dump(2);
  for (const auto& n : inv["toolExecutionNotifications"]) {
    EXPECT_EQ(n["level"], "error");
    const auto& region = n["locations"][0]["physicalLocation"]["region"];
    EXPECT_GE(region["startLine"].get<int>(), 1);
  }
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 1u);
  // Diagnostics also reach stderr when the report goes to stdout as SARIF.
  EXPECT_NE(r.err.find("malformed.cfn.json:6:44: error:"), std::string::npos) << r.err;
}

TEST(ScanErrors, MissingPathIsAnInputError) {
  const CliRun r = run_cli("scan does/not/exist");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("does/not/exist: error: no such file or directory"), std::string::npos);
}

TEST(ScanErrors, FileOverTheSizeLimitIsReported) {
  const CliRun r =
      run_cli("scan --max-file-size 100 testdata/golden/clean/input/endpoint.cfn.yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("over the 100 byte limit"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace genlens::testing
