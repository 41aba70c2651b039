#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "genlens/report/report.h"
#include "report/common.h"
#include "report_fixture.h"

namespace genlens::report {
namespace {

using nlohmann::json;
using testing::Fixture;
using testing::render;

json sarif(const Fixture& fx) { return json::parse(render(write_sarif, fx.result, fx.options)); }

const json& run_of(const json& log) { return log["runs"][0]; }

TEST(SarifReporter, LogAndRunEnvelope) {
  Fixture fx;
  fx.use_absolute_paths();
  const json log = sarif(fx);
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = run_of(log);
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["originalUriBaseIds"], (json{{"%SRCROOT%", {{"uri", "file:///srv/repo/"}}}}));
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "genlens");
  EXPECT_EQ(driver["semanticVersion"], "0.1.0");
  EXPECT_EQ(driver["version"], "0.1.0");
  EXPECT_EQ(driver["informationUri"], "https://github.com/genlens/genlens");
}

TEST(SarifReporter, EveryRuleIsDescribedSortedById) {
  Fixture fx;
  const json rules = run_of(sarif(fx))["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["id"], "GAI-COST-002");
  EXPECT_EQ(rules[1]["id"], "GAI-OPS-003");  // no findings, still described
  EXPECT_EQ(rules[2]["id"], "GAI-SEC-001");
}

TEST(SarifReporter, RuleDescriptor) {
  Fixture fx;
  const json rule = run_of(sarif(fx))["tool"]["driver"]["rules"][2];
  EXPECT_EQ(rule["name"], "endpoint-data-not-encrypted-with-cmk");
  EXPECT_EQ(rule["shortDescription"]["text"],
            "SageMaker endpoint storage is not encrypted with a customer-managed key.");
  EXPECT_EQ(rule["fullDescription"]["text"],
            "Model artefacts and data captured by the endpoint are sensitive.");
  EXPECT_EQ(rule["help"]["markdown"], rules::rule_markdown(*fx.rules.find("GAI-SEC-001")));
  EXPECT_EQ(rule["help"]["text"],
            "SageMaker endpoint storage is not encrypted with a customer-managed key.\n\n"
            "Model artefacts and data captured by the endpoint are sensitive.\n\n"
            "Remediation: Set KmsKeyId to a key you control.\n\n"
            "References:\n- https://docs.aws.amazon.com/sagemaker/latest/dg/encryption.html");
  EXPECT_EQ(rule["helpUri"],
            "https://github.com/genlens/genlens/blob/v0.1.0/docs/rules/GAI-SEC-001.md");
  EXPECT_EQ(rule["defaultConfiguration"], (json{{"level", "error"}}));
  EXPECT_EQ(rule["properties"],
            (json{{"tags", {"security", "GENSEC01-BP01", "GENSEC02-BP01", "genai"}},
                  {"precision", "high"},
                  {"problem.severity", "error"},
                  {"security-severity", "8.0"}}));
}

TEST(SarifReporter, SecuritySeverityOnlyOnSecurityRules) {
  Fixture fx;
  const json rules = run_of(sarif(fx))["tool"]["driver"]["rules"];
  for (const json& rule : rules) {
    EXPECT_EQ(rule["properties"].contains("security-severity"),
              rule["id"].get<std::string>().rfind("GAI-SEC-", 0) == 0)
        << rule["id"];
  }
  EXPECT_EQ(rules[0]["properties"]["problem.severity"], "warning");
  EXPECT_EQ(rules[1]["properties"]["problem.severity"], "recommendation");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "note");
  EXPECT_EQ(rules[1]["fullDescription"]["text"], "Model invocation logging is not enabled.");
  EXPECT_EQ(rules[1]["properties"]["tags"], (json{"operational-excellence", "genai"}));

  // Severity follows the rule's default level.
  const_cast<rules::RuleMeta&>(fx.rules.find("GAI-SEC-001")->meta).severity =
      core::Severity::kWarning;
  EXPECT_EQ(run_of(sarif(fx))["tool"]["driver"]["rules"][2]["properties"]["security-severity"],
            "5.0");
  const_cast<rules::RuleMeta&>(fx.rules.find("GAI-SEC-001")->meta).severity = core::Severity::kNote;
  EXPECT_EQ(run_of(sarif(fx))["tool"]["driver"]["rules"][2]["properties"]["security-severity"],
            "2.0");
}

TEST(SarifReporter, NoHelpUriWithoutDocsBase) {
  Fixture fx;
  fx.options.docs_base_url.clear();
  const json log = sarif(fx);  // a range-for does not extend the life of sarif(fx)
  for (const json& rule : run_of(log)["tool"]["driver"]["rules"]) {
    EXPECT_FALSE(rule.contains("helpUri"));
  }
}

TEST(SarifReporter, RuleIndexMatchesRulesArray) {
  Fixture fx;
  const json run = run_of(sarif(fx));
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(run["results"].size(), 4u);
  for (const json& result : run["results"]) {
    const auto index = result["ruleIndex"].get<size_t>();
    ASSERT_LT(index, rules.size());
    EXPECT_EQ(rules[index]["id"], result["ruleId"]);
  }
}

TEST(SarifReporter, ResultWithRelativeUriRegionLogicalLocationAndFingerprint) {
  Fixture fx;
  fx.use_absolute_paths();
  const json result = run_of(sarif(fx))["results"][2];
  EXPECT_EQ(result["ruleId"], "GAI-SEC-001");
  EXPECT_EQ(result["level"], "error");
  EXPECT_EQ(result["message"]["text"],
            "Endpoint stores model data without a customer-managed KMS key.");
  ASSERT_EQ(result["locations"].size(), 1u);
  const json& loc = result["locations"][0];
  EXPECT_EQ(
      loc["physicalLocation"],
      (json{{"artifactLocation", {{"uri", "templates/stack.yaml"}, {"uriBaseId", "%SRCROOT%"}}},
            {"region",
             {{"startLine", 12}, {"startColumn", 5}, {"endLine", 12}, {"endColumn", 30}}}}));
  EXPECT_EQ(loc["logicalLocations"],
            (json::array({{{"name", "Endpoint"},
                           {"fullyQualifiedName", "Resources/Endpoint/Properties/KmsKeyId"},
                           {"kind", "resource"}}})));
  EXPECT_EQ(result["partialFingerprints"], (json{{"genlens/v1", "0123456789abcdef"}}));
  EXPECT_FALSE(result.contains("properties"));
}

TEST(SarifReporter, UrisArePercentEncoded) {
  Fixture fx;
  fx.use_absolute_paths();
  const json result = run_of(sarif(fx))["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "infra/my%20main.tf");
}

TEST(SarifReporter, UnknownEndIsTheStart) {
  Fixture fx;
  fx.use_absolute_paths();
  const json result = run_of(sarif(fx))["results"][3];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"],
            (json{{"startLine", 30}, {"startColumn", 7}, {"endLine", 30}, {"endColumn", 7}}));
}

TEST(SarifReporter, UnknownColumnsAndLinesAreLeftOut) {
  Fixture fx;
  fx.use_absolute_paths();
  fx.result.findings[0].location.range = {{7, 0}, {9, 0}};
  fx.result.findings[1].location.range = {};
  const json results = run_of(sarif(fx))["results"];
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"],
            (json{{"startLine", 7}, {"endLine", 9}}));
  // GitHub requires region.startLine: a whole-file location is put on line 1.
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"], (json{{"startLine", 1}}));
}

TEST(SarifReporter, RelatedLocationsAreNumberedFromOne) {
  Fixture fx;
  fx.use_absolute_paths();
  const json result = run_of(sarif(fx))["results"][2];
  const json& related = result["relatedLocations"];
  ASSERT_EQ(related.size(), 2u);
  EXPECT_EQ(related[0]["id"], 1);
  EXPECT_EQ(related[1]["id"], 2);
  EXPECT_EQ(related[0]["message"]["text"], "The key.");
  EXPECT_EQ(related[1]["message"]["text"], "Resources/Model");  // no message: the logical path
  EXPECT_EQ(related[0]["physicalLocation"]["artifactLocation"],
            (json{{"uri", "templates/stack.yaml"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(related[0]["physicalLocation"]["region"],
            (json{{"startLine", 3}, {"startColumn", 3}, {"endLine", 3}, {"endColumn", 12}}));
  EXPECT_EQ(related[0]["logicalLocations"],
            (json::array({{{"fullyQualifiedName", "Resources/Key"}}})));
  EXPECT_FALSE(run_of(sarif(fx))["results"][0].contains("relatedLocations"));
}

TEST(SarifReporter, PathsOutsideTheRootAreAbsoluteFileUris) {
  Fixture fx;
  fx.use_absolute_paths();
  fx.result.findings[0].location.path = "/srv/repository/x y.tf";  // a prefix, not a parent
  fx.result.findings[1].location.path = "/srv/repo/../other/z.tf";
  const json results = run_of(sarif(fx))["results"];
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["artifactLocation"],
            (json{{"uri", "file:///srv/repository/x%20y.tf"}}));
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"],
            (json{{"uri", "file:///srv/other/z.tf"}}));
  // So that GitHub can still place them (GH1006), the working directory is given.
  const json inv = run_of(sarif(fx))["invocations"][0];
  const std::string cwd = inv["workingDirectory"]["uri"];
  EXPECT_EQ(cwd, internal::UriMapper("").root_uri());
  EXPECT_EQ(cwd.rfind("file:///", 0), 0u);
}

TEST(SarifReporter, NoWorkingDirectoryWhenEverythingIsUnderTheRoot) {
  Fixture fx;
  fx.use_absolute_paths();
  EXPECT_FALSE(run_of(sarif(fx))["invocations"][0].contains("workingDirectory"));
}

TEST(SarifReporter, VersionFallback) {
  Fixture fx;
  fx.options.version.clear();
  const json driver = run_of(sarif(fx))["tool"]["driver"];
  EXPECT_FALSE(driver.contains("semanticVersion"));
  EXPECT_EQ(driver["version"], "0.0.0");  // SARIF2005: a numeric version is always given
}

TEST(SarifReporter, RelativePathsResolveAgainstTheWorkingDirectory) {
  Fixture fx;  // paths as given on the command line, relative to the working directory
  fx.options.srcroot = std::filesystem::current_path().string();
  const json run = run_of(sarif(fx));
  EXPECT_EQ(run["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"],
            (json{{"uri", "templates/stack.yaml"}, {"uriBaseId", "%SRCROOT%"}}));
  const std::string root_uri = run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_EQ(root_uri.rfind("file:///", 0), 0u);
  EXPECT_EQ(root_uri.back(), '/');
}

TEST(SarifReporter, UnknownVerdictIsMarked) {
  Fixture fx;
  const json result = run_of(sarif(fx))["results"][1];
  EXPECT_EQ(result["level"], "note");
  EXPECT_EQ(result["properties"], (json{{"verdict", "unknown"}}));
}

TEST(SarifReporter, DiagnosticsBecomeNotifications) {
  Fixture fx;
  fx.use_absolute_paths();
  const json run = run_of(sarif(fx));
  ASSERT_EQ(run["invocations"].size(), 1u);
  const json& inv = run["invocations"][0];
  EXPECT_EQ(inv["executionSuccessful"], false);

  const json& exec = inv["toolExecutionNotifications"];
  ASSERT_EQ(exec.size(), 2u);
  EXPECT_EQ(
      exec[0],
      (json{
          {"level", "error"},
          {"message", {{"text", "mapping values are not allowed here"}}},
          {"descriptor", {{"id", "parse-error"}}},
          {"locations",
           {{{"physicalLocation",
              {{"artifactLocation", {{"uri", "templates/broken.yaml"}, {"uriBaseId", "%SRCROOT%"}}},
               {"region",
                {{"startLine", 4}, {"startColumn", 7}, {"endLine", 4}, {"endColumn", 7}}}}}}}}}));
  EXPECT_EQ(exec[1]["level"], "warning");
  EXPECT_EQ(exec[1]["descriptor"]["id"], "directive");

  const json& config = inv["toolConfigurationNotifications"];
  ASSERT_EQ(config.size(), 1u);
  EXPECT_EQ(config[0],
            (json{{"level", "error"},
                  {"message", {{"text", "<builtin>/security/bad.yaml:2: unknown key 'sevrity'"}}},
                  {"descriptor", {{"id", "rule-error"}}}}));  // <builtin>: no location
}

TEST(SarifReporter, CleanScan) {
  Fixture fx;
  fx.result.findings.clear();
  fx.result.diagnostics = core::Diagnostics();
  const json run = run_of(sarif(fx));
  EXPECT_EQ(run["results"], json::array());  // present, so code scanning closes old alerts
  EXPECT_EQ(run["invocations"], (json::array({{{"executionSuccessful", true}}})));
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), 3u);
}

TEST(SarifReporter, WarningsAloneKeepExecutionSuccessful) {
  Fixture fx;
  fx.result.diagnostics = core::Diagnostics();
  fx.result.diagnostics.warning(core::DiagnosticKind::kInput, "directive", "a.tf", {1, 1}, "w");
  EXPECT_EQ(run_of(sarif(fx))["invocations"][0]["executionSuccessful"], true);
}

TEST(SarifReporter, RulesOutsideTheSetAreStillDescribed) {
  Fixture fx;
  rules::RuleMeta extra;
  extra.id = "GAI-AAA-000";
  extra.name = "extra";
  extra.pillar = "reliability";
  fx.result.findings[0].rule = &extra;
  const json run = run_of(sarif(fx));
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0]["id"], "GAI-AAA-000");
  EXPECT_EQ(run["results"][0]["ruleIndex"], 0);
  EXPECT_EQ(run["results"][1]["ruleIndex"], 1);
}

TEST(SarifReporter, DeterministicTwoSpaceIndentTrailingNewline) {
  Fixture fx;
  fx.use_absolute_paths();
  const std::string a = render(write_sarif, fx.result, fx.options);
  const std::string b = render(write_sarif, fx.result, fx.options);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.rfind("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                    "  \"version\": \"2.1.0\",\n  \"runs\": [\n",
                    0),
            0u);
  EXPECT_EQ(a.substr(a.size() - 2), "}\n");
}

TEST(UriMapper, EncodesAndRelativises) {
  using internal::percent_encode_path;
  EXPECT_EQ(percent_encode_path("a b/c#d%e.tf"), "a%20b/c%23d%25e.tf");
  EXPECT_EQ(percent_encode_path("\xC3\xBC-_.~/x"), "%C3%BC-_.~/x");
  EXPECT_EQ(percent_encode_path("k8s:x?y[0]"), "k8s%3Ax%3Fy%5B0%5D");

  const internal::UriMapper trailing("/srv/repo/");
  EXPECT_EQ(trailing.root_uri(), "file:///srv/repo/");
  EXPECT_EQ(trailing.map("/srv/repo/./a/../b.tf").uri, "b.tf");
  EXPECT_TRUE(trailing.map("/srv/repo/b.tf").under_root);
  EXPECT_FALSE(trailing.map("/srv/repo").under_root);
  EXPECT_EQ(trailing.map("/srv/repo").uri, "file:///srv/repo");

  const internal::UriMapper root("/");
  EXPECT_EQ(root.root_uri(), "file:///");
  EXPECT_EQ(root.map("/etc/x.yaml").uri, "etc/x.yaml");

  const internal::UriMapper spaced("/home/me/my repo");
  EXPECT_EQ(spaced.root_uri(), "file:///home/me/my%20repo/");
}

}  // namespace
}  // namespace genlens::report
