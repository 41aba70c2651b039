// Conventions every built-in rule follows (trivy and kube-linter keep
// hundreds of rules uniform this way).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "cli/scan.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<rules::RuleSet> builtin() {
  core::Diagnostics diags;
  auto set = cli::load_all_rules({}, diags);
  for (const auto& d : diags.all()) ADD_FAILURE() << d.to_string();
  return set;
}

const std::map<std::string, std::string> kPillarPrefix = {
    {"security", "SEC"},           {"operational-excellence", "OPS"},
    {"reliability", "REL"},        {"performance-efficiency", "PERF"},
    {"cost-optimization", "COST"}, {"sustainability", "SUS"}};

TEST(RuleConventions, IdMatchesPillarAndFileMatchesName) {
  auto set = builtin();
  ASSERT_FALSE(set->rules().empty());
  const std::regex id_form("GAI-(SEC|OPS|REL|PERF|COST|SUS)-[0-9]{3}");
  for (const auto& r : set->rules()) {
    const auto& m = r->meta;
    EXPECT_TRUE(std::regex_match(m.id, id_form)) << m.source << ": id " << m.id;
    EXPECT_EQ(m.id.substr(4, m.id.rfind('-') - 4), kPillarPrefix.at(m.pillar))
        << m.source << ": id prefix does not match pillar " << m.pillar;
    EXPECT_EQ(m.source, "rules/" + m.pillar + "/" + m.name + ".yaml")
        << "a rule lives at rules/<pillar>/<name>.yaml";
  }
}

TEST(RuleConventions, LensIdsAndReferencesAreWellFormed) {
  auto set = builtin();
  const std::regex bp("GEN(OPS|SEC|REL|PERF|COST|SUS)0[0-9]-BP0[0-9]");
  for (const auto& r : set->rules()) {
    for (const auto& l : r->meta.lens) {
      EXPECT_TRUE(std::regex_match(l, bp)) << r->meta.id << ": lens id " << l;
    }
    EXPECT_FALSE(r->meta.references.empty()) << r->meta.id << " has no references";
    for (const auto& u : r->meta.references) {
      EXPECT_EQ(u.rfind("https://", 0), 0u) << r->meta.id << ": reference " << u;
    }
    EXPECT_FALSE(r->meta.remediation.empty()) << r->meta.id << " has no remediation";
  }
}

TEST(RuleConventions, MessagesAreSentences) {
  auto set = builtin();
  for (const auto& r : set->rules()) {
    std::vector<std::string> texts = {r->meta.summary, r->meta.message};
    for (const auto& t : r->targets) {
      if (!t.message.empty()) texts.push_back(t.message);
    }
    for (const std::string& s : texts) {
      ASSERT_FALSE(s.empty());
      EXPECT_TRUE(std::isupper(static_cast<unsigned char>(s[0])) != 0 || s[0] == '{')
          << r->meta.id << ": starts in lower case: " << s;
      EXPECT_EQ(s.back(), '.') << r->meta.id << ": not a sentence: " << s;
      EXPECT_EQ(s.find("this rule"), std::string::npos) << r->meta.id << ": " << s;
      EXPECT_EQ(s.find("  "), std::string::npos) << r->meta.id << ": double space: " << s;
    }
  }
}

TEST(RuleConventions, EveryTargetFormatHasPassAndFailFixtures) {
  auto set = builtin();
  const fs::path root = fs::path(GENLENS_SOURCE_DIR) / "testdata" / "rules";
  const std::map<formats::Format, std::vector<std::string>> exts = {
      {formats::Format::kCloudFormation, {".cfn.yaml", ".cfn.json"}},
      {formats::Format::kTerraform, {".tf"}},
      {formats::Format::kKubernetes, {".k8s.yaml"}}};
  std::set<std::string> names;
  for (const auto& r : set->rules()) {
    names.insert(r->meta.name);
    std::set<formats::Format> targeted;
    for (const auto& t : r->targets) targeted.insert(t.format);
    for (formats::Format f : targeted) {
      for (const std::string& ext : exts.at(f)) {
        for (const char* kind : {"pass", "fail"}) {
          const fs::path p = root / r->meta.name / (std::string(kind) + ext);
          EXPECT_TRUE(fs::exists(p)) << r->meta.id << ": missing fixture " << p;
        }
      }
      if (f == formats::Format::kCloudFormation) {
        const fs::path sidecar = root / r->meta.name / "fail.cfn.json.expect.yaml";
        EXPECT_TRUE(fs::exists(sidecar)) << r->meta.id << ": missing " << sidecar;
      }
    }
  }
  for (const auto& dir : fs::directory_iterator(root)) {
    EXPECT_TRUE(names.count(dir.path().filename().string()) != 0)
        << dir.path() << " belongs to no rule";
  }
}

TEST(RuleConventions, IdsAreUnique) {
  auto set = builtin();
  std::set<std::string> ids;
  std::set<std::string> names;
  for (const auto& r : set->rules()) {
    EXPECT_TRUE(ids.insert(r->meta.id).second) << "duplicate id " << r->meta.id;
    EXPECT_TRUE(names.insert(r->meta.name).second) << "duplicate name " << r->meta.name;
  }
}

}  // namespace
}  // namespace genlens::testing
