// SARIF run-level options: --category, the per-run result limit and the
// baseline count.
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

json run_of(const Fixture& fx) {
  return json::parse(render(write_sarif, fx.result, fx.options))["runs"][0];
}

std::vector<std::string> result_ids(const json& run) {
  std::vector<std::string> out;
  for (const json& r : run["results"]) {
    out.push_back(r["level"].get<std::string>() + " " +
                  r["partialFingerprints"]["genlens/v1"].get<std::string>());
  }
  return out;
}

const json* notification(const json& run, const std::string& id) {
  for (const json& n : run["invocations"][0]["toolExecutionNotifications"]) {
    if (n["descriptor"]["id"] == id) return &n;
  }
  return nullptr;
}

TEST(SarifRunOptions, CategoryBecomesAutomationDetailsId) {
  Fixture fx;
  EXPECT_FALSE(run_of(fx).contains("automationDetails"));
  fx.options.category = "iac/prod";
  EXPECT_EQ(run_of(fx)["automationDetails"], (json{{"id", "iac/prod/"}}));
  fx.options.category = "genlens/";
  EXPECT_EQ(run_of(fx)["automationDetails"]["id"], "genlens/");
}

TEST(SarifRunOptions, CategoryValidation) {
  EXPECT_EQ(category_error("genlens"), "");
  EXPECT_EQ(category_error("iac/prod:eu-west-1"), "");
  EXPECT_NE(category_error(""), "");
  EXPECT_NE(category_error("/genlens"), "");
  EXPECT_NE(category_error("a//b"), "");
  EXPECT_NE(category_error("has space"), "");
  EXPECT_NE(category_error("new\nline"), "");
  EXPECT_NE(category_error(std::string(201, 'a')), "");
}

TEST(SarifRunOptions, UnderTheLimitNothingIsLeftOut) {
  Fixture fx;
  fx.options.max_sarif_results = 4;
  EXPECT_EQ(sarif_results_left_out(fx.result, fx.options), 0u);
  const json run = run_of(fx);
  EXPECT_EQ(run["results"].size(), 4u);
  EXPECT_EQ(notification(run, "result-limit"), nullptr);
}

TEST(SarifRunOptions, OverTheLimitLowestLevelsGoFirst) {
  Fixture fx;
  fx.options.max_sarif_results = 3;
  EXPECT_EQ(sarif_results_left_out(fx.result, fx.options), 1u);
  json run = run_of(fx);
  // The note goes; the rest keep the sorted order (path, line).
  EXPECT_EQ(result_ids(run),
            (std::vector<std::string>{"warning fedcba9876543210", "error 0123456789abcdef",
                                      "error 1111111111111111"}));
  const json* n = notification(run, "result-limit");
  ASSERT_NE(n, nullptr) << run["invocations"].dump(2);
  EXPECT_EQ((*n)["level"], "warning");
  const std::string text = (*n)["message"]["text"];
  EXPECT_EQ(text.rfind("1 result was left out (1 note): a SARIF run holds at most 3 results", 0),
            0u)
      << text;

  fx.options.max_sarif_results = 2;
  run = run_of(fx);
  EXPECT_EQ(result_ids(run),
            (std::vector<std::string>{"error 0123456789abcdef", "error 1111111111111111"}));
  n = notification(run, "result-limit");
  ASSERT_NE(n, nullptr);
  EXPECT_NE((*n)["message"]["text"].get<std::string>().find(
                "2 results were left out (1 warning, 1 note)"),
            std::string::npos);
  // Leaving results out is not a failed execution.
  Fixture clean;
  clean.result.diagnostics = core::Diagnostics();
  clean.options.max_sarif_results = 1;
  EXPECT_TRUE(run_of(clean)["invocations"][0]["executionSuccessful"].get<bool>());
}

TEST(SarifRunOptions, TheDefaultLimitIsGithubs) {
  EXPECT_EQ(ReportOptions{}.max_sarif_results, 5000u);
}

TEST(SarifRunOptions, BaselinedFindingsAreCountedInANotification) {
  Fixture fx;
  EXPECT_EQ(notification(run_of(fx), "baseline"), nullptr);
  fx.result.baselined = 7;
  const json run = run_of(fx);
  const json* n = notification(run, "baseline");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ((*n)["level"], "note");
  EXPECT_EQ((*n)["message"]["text"],
            "7 findings match the baseline (--baseline) and are not reported.");
}

}  // namespace
}  // namespace genlens::report
