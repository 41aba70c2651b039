#include <gtest/gtest.h>

#include <string>

#include "genlens/report/report.h"
#include "report_fixture.h"

namespace genlens::report {
namespace {

using testing::Fixture;
using testing::render;

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(JunitReporter, OneSuitePerRuleAndFailuresPerFinding) {
  Fixture fx;
  const std::string out = render(write_junit, fx.result, fx.options);
  EXPECT_EQ(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u) << out;
  // 4 findings, 1 passing rule, 3 diagnostics (2 of them errors).
  EXPECT_NE(out.find("<testsuites name=\"genlens\" tests=\"8\" failures=\"4\" errors=\"2\">"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<testsuite name=\"GAI-COST-002 training-job-without-runtime-limit\" "
                     "tests=\"2\" failures=\"2\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<testsuite name=\"GAI-OPS-003 invocation-logging-disabled\" tests=\"1\" "
                     "failures=\"0\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<testcase name=\"no findings\" classname=\"GAI-OPS-003\"/>"),
            std::string::npos);
  EXPECT_NE(out.find("<testcase name=\"templates/stack.yaml:12:5 Endpoint\" "
                     "classname=\"GAI-SEC-001\" file=\"templates/stack.yaml\" line=\"12\">"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<failure message=\"Training job has no maximum runtime.\" type=\"warning\">"),
            std::string::npos);
  EXPECT_EQ(occurrences(out, "<failure "), 4u);
  EXPECT_EQ(occurrences(out, "<error "), 2u);
  EXPECT_EQ(occurrences(out, "<testsuite "), 4u);
  // Suites by rule ID, diagnostics last.
  EXPECT_LT(out.find("GAI-COST-002 "), out.find("GAI-OPS-003 "));
  EXPECT_LT(out.find("GAI-SEC-001 "), out.find("genlens diagnostics"));
}

TEST(JunitReporter, EscapesMarkupControlCharactersAndInvalidUtf8) {
  Fixture fx;
  rules::Finding& f = fx.result.findings.front();
  f.message = "a <b> & \"c\" 'd'\x01 \xff end";
  const std::string out = render(write_junit, fx.result, fx.options);
  EXPECT_NE(out.find("message=\"a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;\xEF\xBF\xBD "
                     "\xEF\xBF\xBD end\""),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find('\x01'), std::string::npos);
  EXPECT_EQ(out.find('\xff'), std::string::npos);
}

TEST(JunitReporter, CleanScanStillListsTheRulesAsPassed) {
  Fixture fx;
  fx.result.findings.clear();
  fx.result.diagnostics = core::Diagnostics();
  const std::string out = render(write_junit, fx.result, fx.options);
  EXPECT_NE(out.find("tests=\"3\" failures=\"0\" errors=\"0\""), std::string::npos) << out;
  EXPECT_EQ(occurrences(out, "name=\"no findings\""), 3u);
  EXPECT_EQ(out.find("genlens diagnostics"), std::string::npos);
}

}  // namespace
}  // namespace genlens::report
