#include <gtest/gtest.h>

#include <string>

#include "genlens/report/report.h"
#include "report_fixture.h"

namespace genlens::report {
namespace {

using testing::Fixture;
using testing::render;

TEST(TextReporter, PlainOutputIsOneLinePerProblemThenSummary) {
  Fixture fx;
  const std::string expected =
      "infra/my main.tf:7:1: warning[GAI-COST-002] Training job has no maximum runtime.\n"
      "infra/my main.tf:20:3: note[GAI-COST-002] Cannot tell whether the runtime is limited: "
      "var.max_runtime has no default.\n"
      "templates/stack.yaml:12:5: error[GAI-SEC-001] Endpoint stores model data without a "
      "customer-managed KMS key.\n"
      "  templates/stack.yaml:3:3: note: The key.\n"
      "  templates/stack.yaml:40:1: note: Resources/Model\n"
      "templates/stack.yaml:30:7: error[GAI-SEC-001] Endpoint stores model data without a "
      "customer-managed KMS key.\n"
      "<builtin>/security/bad.yaml:2: error: unknown key 'sevrity'\n"
      "templates/broken.yaml:4:7: error: mapping values are not allowed here\n"
      "templates/stack.yaml:1:1: warning: unknown rule ID GAI-XXX-999 in genlens:ignore\n"
      "4 findings (2 errors, 1 warning, 1 note) in 4 files, 12 resources; "
      "1 file could not be processed; 1 configuration error\n";
  EXPECT_EQ(render(write_text, fx.result, fx.options), expected);
}

TEST(TextReporter, DiagnosticLinesAreDiagnosticToString) {
  Fixture fx;
  const std::string text = render(write_text, fx.result, fx.options);
  for (const core::Diagnostic& d : fx.result.diagnostics.all()) {
    EXPECT_NE(text.find(d.to_string() + "\n"), std::string::npos) << d.to_string();
  }
}

TEST(TextReporter, PlainOutputHasNoEscapeSequences) {
  Fixture fx;
  EXPECT_EQ(render(write_text, fx.result, fx.options).find('\x1b'), std::string::npos);
}

TEST(TextReporter, ColorMarksPathSeverityAndRuleId) {
  Fixture fx;
  fx.options.color = true;
  const std::string text = render(write_text, fx.result, fx.options);
  EXPECT_NE(text.find("\x1b[1mtemplates/stack.yaml:12:5:\x1b[0m \x1b[31merror\x1b[0m"
                      "\x1b[2m[GAI-SEC-001]\x1b[0m Endpoint stores model data without a "
                      "customer-managed KMS key.\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\x1b[1minfra/my main.tf:7:1:\x1b[0m \x1b[33mwarning\x1b[0m"
                      "\x1b[2m[GAI-COST-002]\x1b[0m Training job has no maximum runtime.\n"),
            std::string::npos);
  EXPECT_NE(text.find("\x1b[1minfra/my main.tf:20:3:\x1b[0m \x1b[36mnote\x1b[0m"
                      "\x1b[2m[GAI-COST-002]\x1b[0m Cannot tell"),
            std::string::npos);
  EXPECT_NE(text.find("  \x1b[1mtemplates/stack.yaml:3:3:\x1b[0m \x1b[36mnote\x1b[0m: The key.\n"),
            std::string::npos);
  EXPECT_NE(text.find("\x1b[1mtemplates/broken.yaml:4:7:\x1b[0m \x1b[31merror\x1b[0m: "
                      "mapping values are not allowed here\n"),
            std::string::npos);
  EXPECT_NE(text.find("\x1b[1mtemplates/stack.yaml:1:1:\x1b[0m \x1b[33mwarning\x1b[0m: "
                      "unknown rule ID"),
            std::string::npos);
}

TEST(TextReporter, ColorDoesNotChangeTheTextItself) {
  Fixture fx;
  const std::string plain = render(write_text, fx.result, fx.options);
  fx.options.color = true;
  std::string colored = render(write_text, fx.result, fx.options);
  // Strip CSI sequences: ESC [ params m.
  std::string stripped;
  for (size_t i = 0; i < colored.size(); ++i) {
    if (colored[i] == '\x1b') {
      i = colored.find('m', i);
      continue;
    }
    stripped += colored[i];
  }
  EXPECT_EQ(stripped, plain);
}

TEST(TextReporter, CleanScanSummary) {
  Fixture fx;
  fx.result.findings.clear();
  fx.result.diagnostics = core::Diagnostics();
  EXPECT_EQ(render(write_text, fx.result, fx.options), "no findings in 4 files, 12 resources\n");
  fx.result.files_scanned = 1;
  fx.result.resources = 1;
  EXPECT_EQ(render(write_text, fx.result, fx.options), "no findings in 1 file, 1 resource\n");
  fx.result.resources = 0;
  EXPECT_EQ(render(write_text, fx.result, fx.options), "no findings in 1 file, 0 resources\n");
}

TEST(TextReporter, SummaryCountsOnlyNonZeroLevelsAndDistinctUnprocessedFiles) {
  Fixture fx;
  fx.result.findings.resize(1);  // the warning
  fx.result.diagnostics = core::Diagnostics();
  fx.result.diagnostics.error(core::DiagnosticKind::kInput, "parse-error", "a.yaml", {1, 1}, "x");
  fx.result.diagnostics.error(core::DiagnosticKind::kInput, "parse-error", "a.yaml", {2, 1}, "y");
  fx.result.diagnostics.error(core::DiagnosticKind::kInternal, "internal-error", "b.tf", {}, "z");
  fx.result.diagnostics.warning(core::DiagnosticKind::kInput, "directive", "c.tf", {1, 1}, "w");
  const std::string text = render(write_text, fx.result, fx.options);
  EXPECT_NE(text.find("\n1 finding (1 warning) in 4 files, 12 resources; "
                      "2 files could not be processed\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\nb.tf: error: z\n"), std::string::npos) << text;
}

TEST(TextReporter, UnknownPositionsAreLeftOut) {
  Fixture fx;
  fx.result.findings.resize(1);
  fx.result.findings[0].location.range = {};
  fx.result.findings[0].related = {{"x.tf", {{5, 0}, {}}, "", "Here."}};
  fx.result.diagnostics = core::Diagnostics();
  const std::string text = render(write_text, fx.result, fx.options);
  EXPECT_EQ(text,
            "infra/my main.tf: warning[GAI-COST-002] Training job has no maximum runtime.\n"
            "  x.tf:5: note: Here.\n"
            "1 finding (1 warning) in 4 files, 12 resources\n");
}

}  // namespace
}  // namespace genlens::report
