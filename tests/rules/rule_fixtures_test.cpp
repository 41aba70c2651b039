// Runs every rule over its fixtures with only that rule enabled, and fails on
// a missing finding and on any unexpected one.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "cli/scan.h"
#include "fixture_expectations.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

struct Fixture {
  std::string slug;
  std::string path;
};

void PrintTo(const Fixture& f, std::ostream* os) { *os << f.path; }

std::vector<Fixture> all_fixtures() {
  std::vector<Fixture> out;
  const fs::path root = fs::path(GENLENS_SOURCE_DIR) / "testdata" / "rules";
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      const std::string name = f.path().filename().string();
      if (name.find(".expect.") != std::string::npos) continue;
      if (name.rfind("pass", 0) != 0 && name.rfind("fail", 0) != 0) continue;
      out.push_back({dir.path().filename().string(), f.path().string()});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Fixture& a, const Fixture& b) { return a.path < b.path; });
  return out;
}

std::string test_name(const ::testing::TestParamInfo<Fixture>& info) {
  std::string n = info.param.slug + "__" + fs::path(info.param.path).filename().string();
  for (char& c : n) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return n;
}

class RuleFixtures : public ::testing::TestWithParam<Fixture> {};

TEST_P(RuleFixtures, FindingsMatchExpectations) {
  const Fixture& fx = GetParam();
  core::Diagnostics diags;
  auto rules = cli::load_all_rules({}, diags);
  ASSERT_TRUE(diags.empty()) << diags.all().front().to_string();
  const rules::Rule* rule = nullptr;
  for (const auto& r : rules->rules()) {
    if (r->meta.name == fx.slug) rule = r.get();
  }
  ASSERT_NE(rule, nullptr) << "no rule named " << fx.slug
                           << " (testdata/rules/<slug> must match a rule name)";
  const std::string id = rule->meta.id;

  std::string error;
  std::vector<Expectation> expected = read_expectations(fx.path, error);
  ASSERT_TRUE(error.empty()) << fx.path << ": " << error;
  const bool is_pass = fs::path(fx.path).filename().string().rfind("pass", 0) == 0;
  if (is_pass) {
    ASSERT_TRUE(std::none_of(
        expected.begin(), expected.end(),
        [](const Expectation& e) { return !e.todo && e.kind != Expectation::Kind::kUnknown; }))
        << fx.path << ": a pass fixture must not expect findings";
  }
  // A fixture is one file, or a directory scanned as a whole (a Terraform
  // module with variables files and local modules).
  const bool is_dir = fs::is_directory(fx.path);
  auto is_json = [](const std::string& p) {
    return p.size() > 5 && p.compare(p.size() - 5, 5, ".json") == 0;
  };
  const fs::path base = fs::absolute(fx.path).lexically_normal();

  cli::ScanOptions options;
  options.paths = {fx.path};
  options.only_rules = {id};
  options.report_unknown = true;
  cli::ScanOutput out = cli::run_scan(options, std::move(rules), core::Diagnostics{});
  for (const core::Diagnostic& d : out.result.diagnostics.all()) {
    ADD_FAILURE() << "fixture produced a diagnostic: " << d.to_string();
  }
  if (is_dir) {
    ASSERT_GE(out.result.files_scanned, 1u) << fx.path << " holds no file read as configuration";
  } else {
    ASSERT_EQ(out.result.files_scanned, 1u) << fx.path << " was not read as a template";
  }

  auto key_of = [&](const rules::Location& l) {
    const std::string file =
        is_dir ? fs::absolute(l.path).lexically_normal().lexically_relative(base).generic_string()
               : std::string();
    return expectation_key(file, is_json(l.path), l.range.begin.line, l.logical_path);
  };
  // key -> count, for expected and actual findings of this rule.
  std::map<std::string, int> want;
  std::map<std::string, int> todo;
  std::map<std::string, int> want_unknown;
  std::set<std::string> want_related;
  for (const Expectation& e : expected) {
    if (e.rule != id) {
      ADD_FAILURE() << fx.path << ": expectation names " << e.rule << ", but this directory tests "
                    << id;
      continue;
    }
    const std::string key =
        expectation_key(e.file, is_json(e.file.empty() ? fx.path : e.file), e.line, e.path);
    if (e.kind == Expectation::Kind::kUnknown) {
      want_unknown[key]++;
    } else if (e.kind == Expectation::Kind::kRelated) {
      want_related.insert(key);
    } else {
      (e.todo ? todo : want)[key]++;
    }
  }
  std::map<std::string, std::vector<const rules::Finding*>> got;
  std::map<std::string, int> got_unknown;
  std::set<std::string> got_related;
  for (const rules::Finding& f : out.result.findings) {
    if (f.verdict == rules::Verdict::kUnknown) {
      got_unknown[key_of(f.location)]++;
      if (want_unknown.count(key_of(f.location)) == 0) {
        ADD_FAILURE() << f.location.path << ":" << f.location.range.begin.line
                      << ": unexpected Unknown verdict of " << id << " (mark it with "
                      << "`# expect-unknown: " << id << "`): " << f.message;
      }
      continue;
    }
    got[key_of(f.location)].push_back(&f);
    for (const rules::Location& r : f.related) got_related.insert(key_of(r));
  }
  for (const auto& [key, n] : want_unknown) {
    if (got_unknown[key] != n) {
      ADD_FAILURE() << fx.path << ": " << key << ": expected " << n << " Unknown verdict(s) of "
                    << id << ", got " << got_unknown[key];
    }
  }
  for (const std::string& key : want_related) {
    if (got_related.count(key) == 0) {
      ADD_FAILURE() << fx.path << ": " << key << ": not a related location of any " << id
                    << " finding";
    }
  }
  for (const auto& [key, n] : want) {
    const int have = got.count(key) != 0 ? static_cast<int>(got[key].size()) : 0;
    if (have < n) {
      ADD_FAILURE() << fx.path << ": " << key << ": missing " << id << " finding (expected " << n
                    << ", got " << have << ")";
    }
  }
  for (const auto& [key, fs_] : got) {
    const int n = want.count(key) != 0 ? want[key] : 0;
    if (static_cast<int>(fs_.size()) > n && todo.count(key) == 0) {
      for (const rules::Finding* f : fs_) {
        ADD_FAILURE() << f->location.path << ":" << f->location.range.begin.line << ":"
                      << f->location.range.begin.column << ": unexpected " << id << " at "
                      << f->location.logical_path << ": " << f->message;
      }
    }
  }
  for (const auto& [key, n] : todo) {
    std::cout << fx.path << ": todo " << key << " x" << n << " (known gap)\n";
  }
}

INSTANTIATE_TEST_SUITE_P(All, RuleFixtures, ::testing::ValuesIn(all_fixtures()), test_name);

}  // namespace
}  // namespace genlens::testing
