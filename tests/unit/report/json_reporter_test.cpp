#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "genlens/report/report.h"
#include "report_fixture.h"

namespace genlens::report {
namespace {

using nlohmann::json;
using testing::Fixture;
using testing::render;

json parse(const Fixture& fx) { return json::parse(render(write_json, fx.result, fx.options)); }

TEST(JsonReporter, TopLevelShapeAndOrder) {
  Fixture fx;
  const std::string text = render(write_json, fx.result, fx.options);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.rfind("{\n  \"version\": 1,\n  \"tool\": {\n    \"name\": \"genlens\",", 0), 0u)
      << text.substr(0, 80);
  const json doc = json::parse(text);
  const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& item : ordered.items()) keys.push_back(item.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"version", "tool", "summary", "findings", "diagnostics"}));
  EXPECT_EQ(doc["tool"], (json{{"name", "genlens"}, {"version", "0.1.0"}}));
}

TEST(JsonReporter, Summary) {
  Fixture fx;
  const json summary = parse(fx)["summary"];
  EXPECT_EQ(summary, (json{{"findings", 4},
                           {"errors", 2},
                           {"warnings", 1},
                           {"notes", 1},
                           {"unknown", 1},
                           {"suppressed", 0},
                           {"files", 4},
                           {"resources", 12},
                           {"files_not_processed", 1},
                           {"config_errors", 1},
                           {"diagnostics", 3},
                           {"baselined", 0}}));
  fx.result.baselined = 2;
  EXPECT_EQ(parse(fx)["summary"]["baselined"], 2);
}

// A suppressed finding is listed, marked, and counted apart from the others.
TEST(JsonReporter, SuppressedFindingIsMarkedAndCountedApart) {
  Fixture fx;
  rules::Finding& f = fx.result.findings[2];
  ASSERT_EQ(f.level, core::Severity::kError);
  rules::Location where;
  where.path = "templates/stack.yaml";
  where.range = {{11, 3}, {11, 3}};
  where.message = "genlens:ignore (comment)";
  f.suppression = rules::Suppression{"dev stack", where};
  const json doc = parse(fx);
  EXPECT_EQ(doc["summary"]["findings"], 3);
  EXPECT_EQ(doc["summary"]["errors"], 1);
  EXPECT_EQ(doc["summary"]["suppressed"], 1);
  const json& out = doc["findings"][2];
  EXPECT_EQ(out["suppressed"], true);
  EXPECT_EQ(out["suppression"]["justification"], "dev stack");
  EXPECT_EQ(out["suppression"]["location"]["start"], (json{{"line", 11}, {"column", 3}}));
  EXPECT_EQ(out["suppression"]["location"]["message"], "genlens:ignore (comment)");
  EXPECT_EQ(doc["findings"][0]["suppressed"], false);
  EXPECT_TRUE(doc["findings"][0]["suppression"].is_null());
}

TEST(JsonReporter, FindingFields) {
  Fixture fx;
  const json findings = parse(fx)["findings"];
  ASSERT_EQ(findings.size(), 4u);
  const json& f = findings[2];  // sorted: the first finding in templates/stack.yaml
  EXPECT_EQ(f["rule_id"], "GAI-SEC-001");
  EXPECT_EQ(f["rule_name"], "endpoint-data-not-encrypted-with-cmk");
  EXPECT_EQ(f["level"], "error");
  EXPECT_EQ(f["verdict"], "fail");
  EXPECT_EQ(f["message"], "Endpoint stores model data without a customer-managed KMS key.");
  EXPECT_EQ(f["path"], "templates/stack.yaml");
  EXPECT_EQ(f["start"], (json{{"line", 12}, {"column", 5}}));
  EXPECT_EQ(f["end"], (json{{"line", 12}, {"column", 30}}));
  EXPECT_EQ(f["logical_path"], "Resources/Endpoint/Properties/KmsKeyId");
  EXPECT_EQ(f["resource"],
            (json{{"type", "AWS::SageMaker::EndpointConfig"}, {"name", "Endpoint"}}));
  EXPECT_EQ(f["fingerprint"], "0123456789abcdef");
  ASSERT_EQ(f["related"].size(), 2u);
  EXPECT_EQ(f["related"][0], (json{{"path", "templates/stack.yaml"},
                                   {"start", {{"line", 3}, {"column", 3}}},
                                   {"end", {{"line", 3}, {"column", 12}}},
                                   {"logical_path", "Resources/Key"},
                                   {"message", "The key."}}));
  // Unknown positions are 0, never left out, so the schema stays fixed.
  EXPECT_EQ(f["related"][1]["end"], (json{{"line", 0}, {"column", 0}}));
  EXPECT_EQ(findings[0]["related"], json::array());
}

TEST(JsonReporter, UnknownVerdictKeepsItsLevel) {
  Fixture fx;
  const json f = parse(fx)["findings"][1];
  EXPECT_EQ(f["verdict"], "unknown");
  EXPECT_EQ(f["level"], "note");
}

TEST(JsonReporter, Diagnostics) {
  Fixture fx;
  const json diags = parse(fx)["diagnostics"];
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(diags[0], (json{{"level", "error"},
                            {"kind", "config"},
                            {"code", "rule-error"},
                            {"path", "<builtin>/security/bad.yaml"},
                            {"line", 2},
                            {"column", 0},
                            {"message", "unknown key 'sevrity'"}}));
  EXPECT_EQ(diags[1]["kind"], "input");
  EXPECT_EQ(diags[1]["code"], "parse-error");
  EXPECT_EQ(diags[2]["level"], "warning");
}

TEST(JsonReporter, EmptyScanHasEmptyArrays) {
  Fixture fx;
  fx.result.findings.clear();
  fx.result.diagnostics = core::Diagnostics();
  const json doc = parse(fx);
  EXPECT_EQ(doc["findings"], json::array());
  EXPECT_EQ(doc["diagnostics"], json::array());
  EXPECT_EQ(doc["summary"]["findings"], 0);
}

TEST(JsonReporter, InvalidUtf8IsReplacedNotThrown) {
  Fixture fx;
  fx.result.findings[0].message = "bad \xff byte";
  std::string text;
  ASSERT_NO_THROW(text = render(write_json, fx.result, fx.options));
  EXPECT_EQ(json::parse(text)["findings"][0]["message"], "bad \xEF\xBF\xBD byte");
}

TEST(JsonReporter, Deterministic) {
  Fixture fx;
  EXPECT_EQ(render(write_json, fx.result, fx.options), render(write_json, fx.result, fx.options));
}

}  // namespace
}  // namespace genlens::report
