#include <gtest/gtest.h>

#include <string>

#include "genlens/report/report.h"
#include "report_fixture.h"

namespace genlens::report {
namespace {

using testing::Fixture;
using testing::render;

TEST(GithubReporter, OneAnnotationPerFindingWithPositionAndRuleTitle) {
  Fixture fx;
  const std::string out = render(write_github, fx.result, fx.options);
  EXPECT_NE(out.find("::error file=templates/stack.yaml,line=12,col=5,endLine=12,endColumn=30,"
                     "title=GAI-SEC-001::Endpoint stores model data without a customer-managed "
                     "KMS key.%0A  templates/stack.yaml:3: The key.%0A  templates/stack.yaml:40: "
                     "Resources/Model\n"),
            std::string::npos)
      << out;
  // A range over several lines has no endColumn (GitHub reads columns within one line).
  EXPECT_NE(out.find("::warning file=infra/my main.tf,line=7,col=1,endLine=9,title=GAI-COST-002::"
                     "Training job has no maximum runtime.\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("::notice file=infra/my main.tf,line=20,col=3,endLine=20,endColumn=40,"
                     "title=GAI-COST-002::Cannot tell"),
            std::string::npos)
      << out;
  // An unknown end: no endLine/endColumn beyond the start.
  EXPECT_NE(out.find("::error file=templates/stack.yaml,line=30,col=7,title=GAI-SEC-001::"),
            std::string::npos)
      << out;
}

TEST(GithubReporter, DiagnosticsAreAnnotationsAndTheSummaryIsLast) {
  Fixture fx;
  const std::string out = render(write_github, fx.result, fx.options);
  EXPECT_NE(out.find("::error file=templates/broken.yaml,line=4,col=7,endLine=4,endColumn=7,"
                     "title=genlens parse-error::mapping values are not allowed here\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("::error title=genlens rule-error::<builtin>/security/bad.yaml: unknown key "
                     "'sevrity'\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("::warning file=templates/stack.yaml,line=1,col=1,endLine=1,endColumn=1,"
                     "title=genlens directive::unknown rule ID"),
            std::string::npos)
      << out;
  const std::string last =
      "4 findings (2 errors, 1 warning, 1 note) in 4 files, 12 resources; "
      "1 file could not be processed; 1 configuration error\n";
  ASSERT_GE(out.size(), last.size());
  EXPECT_EQ(out.substr(out.size() - last.size()), last);
}

TEST(GithubReporter, EscapesMessagesAndPropertiesLikeTheRunner) {
  Fixture fx;
  rules::Finding& f = fx.result.findings.front();
  f.message = "100% open\r\nsee: a, b";
  f.location.path = "dir,x/a:b%.yaml";
  f.related.clear();
  const std::string out = render(write_github, fx.result, fx.options);
  EXPECT_NE(out.find("file=dir%2Cx/a%3Ab%25.yaml,"), std::string::npos) << out;
  // In the message only %, CR and LF are escaped.
  EXPECT_NE(out.find("::100%25 open%0D%0Asee: a, b\n"), std::string::npos) << out;
  // Every line is one command or the summary: no raw newline inside a message.
  size_t lines = 0;
  for (char c : out) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, fx.result.findings.size() + fx.result.diagnostics.all().size() + 1);
}

TEST(GithubReporter, AbsolutePathsUnderTheRootBecomeRelative) {
  Fixture fx;
  fx.use_absolute_paths();
  const std::string out = render(write_github, fx.result, fx.options);
  EXPECT_NE(out.find("file=templates/stack.yaml,line=12"), std::string::npos) << out;
  EXPECT_EQ(out.find("/srv/repo"), std::string::npos) << out;
}

}  // namespace
}  // namespace genlens::report
