// yaml-cpp 0.7 loops forever on a top-level ',' (upstream issue 1040); the
// reader must stop with a diagnostic instead. Inputs found by yaml_fuzz.
#include <gtest/gtest.h>

#include <chrono>

#include "../test_support.h"
#include "genlens/parse/parse.h"

namespace genlens::parse {
namespace {

core::Result<std::shared_ptr<core::Document>> parse(const std::string& text) {
  return parse_yaml(std::make_shared<core::SourceFile>("x.yaml", text));
}

TEST(YamlDocumentGuard, TopLevelCommaIsAnErrorNotAnEndlessLoop) {
  for (const char* text : {"\"\",", "!Re,", ",", "a: 1\n---\n\"\",\n"}) {
    SCOPED_TRACE(text);
    const auto start = std::chrono::steady_clock::now();
    auto r = parse(text);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("content after the end of the document"), std::string::npos)
        << r.error().message;
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
              genlens::testutil::time_budget(2));
  }
}

TEST(YamlDocumentGuard, RealMultiDocumentStreamsStillParse) {
  auto r = parse("a: 1\n---\nb: 2\n...\n---\nc: 3\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value()->roots().size(), 3u);
}

}  // namespace
}  // namespace genlens::parse
