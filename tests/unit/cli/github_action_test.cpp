// action.yml and the documented code-scanning workflow: both are YAML, every
// input they use is declared, and the workflow uploads the report genlens
// writes.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "../test_support.h"
#include "cli_test_util.h"
#include "genlens/core/document.h"

namespace genlens::testing {
namespace {

using core::Node;

std::string source_file(const std::string& rel) {
  std::ifstream in(std::string(GENLENS_SOURCE_DIR) + "/" + rel);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string text_of(const Node* map, std::string_view key) {
  const Node* n = map != nullptr ? map->find(key) : nullptr;
  return n != nullptr && n->is_scalar() ? n->text : "";
}

std::set<std::string> keys_of(const Node* map) {
  std::set<std::string> out;
  if (map != nullptr) {
    for (const Node* c : map->children) out.insert(c->key);
  }
  return out;
}

// The steps of the workflow's first job.
const Node* first_job_steps(const Node* workflow) {
  const Node* jobs = workflow->find("jobs");
  if (jobs == nullptr || jobs->children.empty()) return nullptr;
  return jobs->children.front()->find("steps");
}

const Node* step_using(const Node* steps, const std::string& prefix) {
  for (const Node* s : steps->children) {
    if (text_of(s, "uses").rfind(prefix, 0) == 0) return s;
  }
  return nullptr;
}

TEST(GitHubAction, EveryInputTheActionUsesIsDeclaredAndEveryOutputIsWritten) {
  const std::string text = source_file("action.yml");
  auto doc = testutil::parse_yaml_ok(text, "action.yml");
  ASSERT_NE(doc, nullptr);
  const Node* action = doc->roots().front();
  EXPECT_EQ(text_of(action->find("runs"), "using"), "composite");
  const std::set<std::string> inputs = keys_of(action->find("inputs"));
  for (const char* expected : {"paths", "format", "output", "fail-on", "category", "genlens"}) {
    EXPECT_EQ(inputs.count(expected), 1u) << expected;
  }
  const std::regex used(R"(inputs\.([A-Za-z0-9_-]+))");
  size_t uses = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), used); it != std::sregex_iterator();
       ++it, ++uses) {
    EXPECT_EQ(inputs.count((*it)[1].str()), 1u) << "undeclared input " << (*it)[1].str();
  }
  EXPECT_GE(uses, inputs.size());  // each declared input is used
  for (const Node* out : action->find("outputs")->children) {
    const std::string value = text_of(out, "value");
    const std::smatch m = [&] {
      std::smatch s;
      std::regex_search(value, s, std::regex(R"(steps\.scan\.outputs\.([A-Za-z0-9_-]+))"));
      return s;
    }();
    ASSERT_FALSE(m.empty()) << out->key;
    EXPECT_NE(text.find("echo \"" + m[1].str() + "="), std::string::npos) << m[1].str();
  }
}

TEST(GitHubAction, EveryScanOptionTheActionPassesExists) {
  const std::string text = source_file("action.yml");
  const CliRun help = run_cli("scan --help");
  ASSERT_EQ(help.exit_code, 0);
  // The options on the lines that build the command (cmd=(...), cmd+=(...)).
  const std::regex flag(R"(--[a-z][a-z-]+)");
  std::set<std::string> flags;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("cmd=(") == std::string::npos && line.find("cmd+=(") == std::string::npos) {
      continue;
    }
    for (auto it = std::sregex_iterator(line.begin(), line.end(), flag);
         it != std::sregex_iterator(); ++it) {
      flags.insert(it->str());
    }
  }
  EXPECT_GE(flags.size(), 5u);  // --format --output --fail-on --category --config
  for (const std::string& f : flags) {
    EXPECT_NE(help.out.find(f), std::string::npos) << "genlens scan has no " << f;
  }
}

TEST(GitHubAction, TheDocumentedWorkflowSetsDeclaredInputsAndUploadsTheReport) {
  const std::string action_text = source_file("action.yml");
  auto action = testutil::parse_yaml_ok(action_text, "action.yml");
  ASSERT_NE(action, nullptr);
  const std::set<std::string> inputs = keys_of(action->roots().front()->find("inputs"));
  const std::string text = source_file("docs/examples/genlens-code-scanning.yml");
  auto doc = testutil::parse_yaml_ok(text, "genlens-code-scanning.yml");
  ASSERT_NE(doc, nullptr);
  const Node* steps = first_job_steps(doc->roots().front());
  ASSERT_NE(steps, nullptr);
  const Node* scan = step_using(steps, "genlens/genlens@");
  const Node* upload = step_using(steps, "github/codeql-action/upload-sarif@");
  ASSERT_NE(scan, nullptr);
  ASSERT_NE(upload, nullptr);
  for (const std::string& key : keys_of(scan->find("with"))) {
    EXPECT_EQ(inputs.count(key), 1u) << "the workflow sets undeclared input " << key;
  }
  const std::string report = text_of(scan->find("with"), "output");
  EXPECT_FALSE(report.empty());
  EXPECT_EQ(text_of(upload->find("with"), "sarif_file"), report);
  // The category goes to genlens (--category) or to upload-sarif, not both.
  EXPECT_FALSE(text_of(scan->find("with"), "category").empty());
  EXPECT_EQ(upload->find("with")->find("category"), nullptr);
  EXPECT_NE(text_of(upload, "if").find("always()"), std::string::npos);
  // The guide shows the same workflow, verbatim.
  EXPECT_NE(source_file("docs/github-actions.md").find(text), std::string::npos);
}

}  // namespace
}  // namespace genlens::testing
