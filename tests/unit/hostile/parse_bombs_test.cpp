// Alias bombs and deep nesting: a located diagnostic, the other file's
// finding still reported, in bounded time and memory, no stack overflow.
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"
#include "hostile_util.h"

namespace genlens::hostile {
namespace {

namespace fs = std::filesystem;
using testutil::TempDir;

// Time and memory ceilings for one hostile file plus the good one. Generous
// for slow CI machines and sanitizer builds; a blow-up is far above them.
constexpr double kMaxSeconds = 2.0;
constexpr long kMaxRssKb = 256 * 1024;

// Scans `dir` (holding good.cfn.yaml and the hostile file) and checks the
// common promises; returns the run for the specific assertions.
ScanRun scan_dir(const TempDir& dir, const std::string& name,
                 const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"scan", "in"};
  args.insert(args.end(), extra.begin(), extra.end());
  ScanRun r = run_genlens(args, dir.path());
  record(name, r);
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.out.find(good_finding("in")), std::string::npos) << describe(r);
  EXPECT_LT(r.seconds, testutil::time_budget(kMaxSeconds)) << describe(r);
  EXPECT_LT(r.max_rss_kb, kMaxRssKb) << describe(r);
  return r;
}

TEST(HostileParse, YamlAliasBombStopsEarlyWithADiagnostic) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  fs::copy_file(hostile_data("alias-bomb.cfn.yaml"), dir.path() / "in/bomb.cfn.yaml");
  const ScanRun r = scan_dir(dir, "alias_bomb");
  // 910 bytes may expand to 100,000 nodes (16 per byte, at least 100,000),
  // far below --max-nodes: 10 levels of 10 aliases is 10^10.
  EXPECT_NE(r.out.find("in/bomb.cfn.yaml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": error: document expands to more than 100000 nodes (alias bomb?)"),
            std::string::npos)
      << r.out;
}

TEST(HostileParse, AliasBombInAFileOfMostlyPaddingStillStopsAtMaxNodes) {
  // Padding raises the per-byte allowance; --max-nodes caps it.
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  std::string bomb = slurp(hostile_data("alias-bomb.cfn.yaml"));
  bomb += "# " + std::string(40'000, 'x') + "\n";
  dir.write("in/bomb.cfn.yaml", bomb);
  const ScanRun r = scan_dir(dir, "alias_bomb_padded", {"--max-nodes", "150000"});
  EXPECT_NE(r.out.find(": error: document expands to more than 150000 nodes (alias bomb?)"),
            std::string::npos)
      << r.out;
}

TEST(HostileParse, YamlRecursiveAliasIsAnErrorNotAnEndlessExpansion) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  fs::copy_file(hostile_data("recursive-alias.cfn.yaml"), dir.path() / "in/loop.cfn.yaml");
  const ScanRun r = scan_dir(dir, "recursive_alias");
  // Today: "nesting deeper than 400 levels" on the alias.
  EXPECT_NE(r.out.find("in/loop.cfn.yaml:4:16: error: "), std::string::npos) << r.out;
}

// 100,000 levels of nesting in each style. yaml-cpp and the JSON reader
// must stop with an error; the exact message is checked in
// HostileParserMessages below.
struct Deep {
  const char* name;
  const char* file;
  std::string text;
};

std::vector<Deep> deep_inputs() {
  constexpr size_t kDepth = 100'000;
  const std::string head = "AWSTemplateFormatVersion: \"2010-09-09\"\nMetadata:\n  x: ";
  std::string seq_block;
  for (size_t i = 0; i < kDepth; ++i) seq_block += "- ";
  // Block maps need one more space per level: 100,000 levels would be 5 GB,
  // so 3,000 (4.5 MB) stands in for them.
  std::string map_block = "AWSTemplateFormatVersion: \"2010-09-09\"\nMetadata:\n";
  for (size_t i = 1; i <= 3000; ++i) map_block += std::string(i, ' ') + "k:\n";
  std::string json_obj;
  for (size_t i = 0; i < kDepth; ++i) json_obj += "{\"a\":";
  json_obj += "1" + std::string(kDepth, '}');
  return {
      {"yaml_flow_seq", "flow.cfn.yaml",
       head + std::string(kDepth, '[') + std::string(kDepth, ']') + "\n"},
      {"yaml_flow_map", "flowmap.cfn.yaml", head + json_obj + "\n"},
      {"yaml_block_seq", "blockseq.cfn.yaml",
       "AWSTemplateFormatVersion: \"2010-09-09\"\nMetadata:\n  x:\n    " + seq_block + "x\n"},
      {"yaml_block_map_3000", "blockmap.cfn.yaml", map_block + std::string(3001, ' ') + "v\n"},
      {"json_array", "deep.cfn.json",
       "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Metadata\": " + std::string(kDepth, '[') +
           std::string(kDepth, ']') + "}\n"},
      {"json_object", "deepobj.cfn.json",
       "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Metadata\": " + json_obj + "}\n"},
  };
}

TEST(HostileParse, HundredThousandDeepNestingIsAnErrorWithoutStackOverflow) {
  for (const Deep& d : deep_inputs()) {
    SCOPED_TRACE(d.name);
    TempDir dir;
    dir.write("in/good.cfn.yaml", kGoodTemplate);
    dir.write(std::string("in/") + d.file, d.text);
    const ScanRun r = scan_dir(dir, std::string("deep_") + d.name);
    EXPECT_EQ(r.signal, 0) << "crashed (stack overflow?)\n" << describe(r);
    EXPECT_NE(r.out.find(std::string("in/") + d.file + ":"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(": error: "), std::string::npos) << r.out;
  }
}

// The diagnostic must say what is wrong: nesting too deep, where it
// happens. yaml-cpp's own depth guard says "bad file".
TEST(HostileParserMessages, DeepNestingSaysNestingTooDeep) {
  for (const Deep& d : deep_inputs()) {
    SCOPED_TRACE(d.name);
    TempDir dir;
    dir.write(std::string("in/") + d.file, d.text);
    const ScanRun r = run_genlens({"scan", "in"}, dir.path());
    EXPECT_NE(r.out.find("nesting deeper than"), std::string::npos) << describe(r);
    EXPECT_EQ(r.out.find("bad file"), std::string::npos) << describe(r);
  }
}

}  // namespace
}  // namespace genlens::hostile
