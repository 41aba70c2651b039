// Every .tf and .tfvars file of the real-world corpus (../shared/corpus, as
// tests/meta/corpus_check.mjs finds it) parses without a diagnostic: they
// are valid configurations, so a diagnostic is a bug in the HCL reader (or
// in the grammar, to be worked around there), and its tree keeps the shape
// invariants of hcl_invariants() (ranges nested, keys ranged, ...).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "../test_support.h"
#include "genlens/core/source.h"
#include "genlens/parse/hcl.h"
#include "hcl_test_util.h"

namespace genlens {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(HclCorpus, EveryTerraformFileParsesWithoutDiagnostics) {
  const fs::path corpus = fs::path(GENLENS_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "corpus not found: " << corpus.string();
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".tf" || ext == ".tfvars")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  const auto start = std::chrono::steady_clock::now();
  std::string failures;
  size_t bad = 0;
  size_t nodes = 0;
  for (const fs::path& p : files) {
    auto source = std::make_shared<const core::SourceFile>(p.string(), slurp(p));
    const parse::HclResult r = parse::parse_hcl(source);
    if (r.doc != nullptr) nodes += r.doc->node_count();
    if (r.errors.empty() && r.doc != nullptr && !r.doc->roots().front()->has_error) continue;
    ++bad;
    failures += fs::relative(p, corpus).string() + ":";
    for (const core::Error& e : r.errors)
      failures += " " + testutil::pos_str(e.pos) + ": " + e.message;
    failures += "\n";
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ corpus   ] %zu HCL files, %zu nodes, %zu with diagnostics, %.2f s\n", files.size(),
              nodes, bad, seconds);
  EXPECT_GE(files.size(), 1800u);  // 1,816 .tf and 56 .tfvars when this was written
  EXPECT_EQ(failures, "");
}

}  // namespace
}  // namespace genlens
