// Files that are too big, binary, not UTF-8, not files at all (FIFOs,
// broken symlinks), and directory symlink loops. BOM and CRLF must work.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "../test_support.h"
#include "hostile_util.h"

namespace genlens::hostile {
namespace {

namespace fs = std::filesystem;
using testutil::TempDir;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(HostileFiles, FileOverTheSizeLimitIsNotReadAtAll) {
  // A sparse 1 GB file: read, it would take seconds and a gigabyte.
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  const fs::path big = dir.path() / "in/big.cfn.yaml";
  { std::ofstream(big) << "AWSTemplateFormatVersion: \"2010-09-09\"\n"; }
  fs::resize_file(big, 1ull << 30);
  const ScanRun r = run_genlens({"scan", "in"}, dir.path());
  record("one_gb_file", r);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "in/big.cfn.yaml: error: file is 1073741824 bytes, over the "
                       "10485760 byte limit (--max-file-size)"))
      << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
  EXPECT_LT(r.seconds, testutil::time_budget(2.0));
  EXPECT_LT(r.max_rss_kb, 64 * 1024);
}

TEST(HostileFiles, MaxFileSizeFlagSetsTheLimit) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  dir.write("in/medium.cfn.yaml", "Resources: {}\n# " + std::string(5000, 'x') + "\n");
  const ScanRun r = run_genlens({"scan", "in", "--max-file-size", "4096"}, dir.path());
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "in/medium.cfn.yaml: error: file is 5017 bytes, over the 4096 "
                       "byte limit (--max-file-size)"))
      << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileFiles, BinaryFilesNamedLikeTemplatesGetADiagnostic) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  for (const char* f : {"png.cfn.json", "nul.cfn.yaml", "utf16.cfn.yaml"}) {
    fs::copy_file(hostile_data(f), dir.path() / "in" / f);
  }
  const ScanRun r = run_genlens({"scan", "in"}, dir.path());
  record("binary_files", r);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  // The position is the first NUL byte (after "\x89PNG\r\n\x1a\n").
  EXPECT_TRUE(
      contains(r.out, "in/png.cfn.json:3:1: error: binary file (NUL byte): not YAML or JSON text"))
      << r.out;
  EXPECT_TRUE(
      contains(r.out, "in/nul.cfn.yaml:3:4: error: binary file (NUL byte): not YAML or JSON text"))
      << r.out;
  EXPECT_TRUE(
      contains(r.out, "in/utf16.cfn.yaml:1:1: error: file is UTF-16 encoded; genlens reads UTF-8"))
      << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileFiles, UnnamedBinaryJsonInAWalkedDirectoryIsSkippedSilently) {
  // Not named like a template, not mentioning AWS::: not worth a diagnostic,
  // even with "Resources" in it.
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  fs::copy_file(hostile_data("png.cfn.json"), dir.path() / "in/logo.json");
  dir.write("in/data.json", std::string("{\"Resources\": \0\0\0}", 19));
  const ScanRun r = run_genlens({"scan", "in"}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_FALSE(contains(r.out + r.err, "logo.json")) << describe(r);
  EXPECT_FALSE(contains(r.out + r.err, "data.json")) << describe(r);
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileFiles, InvalidUtf8GivesTheByteAndItsPosition) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  fs::copy_file(hostile_data("invalid-utf8.cfn.yaml"), dir.path() / "in/latin1.cfn.yaml");
  fs::copy_file(hostile_data("invalid-utf8.cfn.json"), dir.path() / "in/latin1.cfn.json");
  const ScanRun r = run_genlens({"scan", "in"}, dir.path());
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out, "in/latin1.cfn.yaml:2:17: error: invalid UTF-8 byte 0xE9")) << r.out;
  // Columns count code points: the valid "é" before the bad byte is one.
  EXPECT_TRUE(contains(r.out, "in/latin1.cfn.json:2:32: error: invalid UTF-8 byte 0xC3")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileFiles, BomAndCrlfFilesWorkWithEditorPositions) {
  TempDir dir;
  fs::create_directories(dir.path() / "in");
  fs::copy_file(hostile_data("bom-crlf.cfn.yaml"), dir.path() / "in/bom-crlf.cfn.yaml");
  fs::copy_file(hostile_data("bom-crlf.cfn.json"), dir.path() / "in/bom-crlf.cfn.json");
  const ScanRun r = run_genlens({"scan", "in", "--fail-on", "warning"}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(r.err.empty()) << r.err;
  // Line 6, after `    Properties: {ModelName: "modèle ☕", `: the BOM is not
  // a column and "è" and "☕" are one column each.
  EXPECT_TRUE(contains(r.out, "in/bom-crlf.cfn.yaml:6:41: warning[GAI-SEC-011]")) << r.out;
  EXPECT_TRUE(contains(r.out, "in/bom-crlf.cfn.json:6:47: warning[GAI-SEC-011]")) << r.out;
  EXPECT_FALSE(contains(r.out, "\r")) << "CR leaked into the report";
}

TEST(HostileFiles, DirectorySymlinkLoopWarnsAndTerminates) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  fs::create_directory_symlink("..", dir.path() / "in/up");
  fs::create_directory_symlink(".", dir.path() / "in/self");
  fs::create_directories(dir.path() / "in/a/b");
  fs::create_directory_symlink("../../a", dir.path() / "in/a/b/back");
  const ScanRun r = run_genlens({"scan", "in"}, dir.path(), 5);
  record("symlink_loops", r);
  EXPECT_FALSE(r.timed_out) << describe(r);
  // Warnings do not change the exit code: everything was scanned.
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "in/self: warning: directory is its own ancestor (symlink loop); "
                       "skipped"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "in/a/b/back: warning: directory is its own ancestor")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
  EXPECT_TRUE(contains(r.out, "1 finding (1 error) in 1 file")) << r.out;
}

TEST(HostileFiles, FifoNamedLikeATemplateNeverBlocks) {
  // Opening a FIFO for reading blocks until a writer comes: never open one.
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  ASSERT_EQ(::mkfifo((dir.path() / "in/x.cfn.yaml").c_str(), 0644), 0);
  // Walked: a warning, the scan goes on.
  ScanRun r = run_genlens({"scan", "in"}, dir.path(), 5);
  record("fifo_walked", r);
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out, "in/x.cfn.yaml: warning: not a regular file (a FIFO); skipped"))
      << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
  // Named: an error.
  r = run_genlens({"scan", "in/x.cfn.yaml", "in/good.cfn.yaml"}, dir.path(), 5);
  record("fifo_named", r);
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out, "in/x.cfn.yaml: error: not a regular file (a FIFO)")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileFiles, DeviceBehindASymlinkIsNotRead) {
  // /dev/zero never ends; /dev/random neither.
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  fs::create_symlink("/dev/zero", dir.path() / "in/zero.cfn.yaml");
  ScanRun r = run_genlens({"scan", "in"}, dir.path(), 5);
  EXPECT_FALSE(r.timed_out) << describe(r);
  // Walked: the link leaves the tree, so it is not even followed.
  EXPECT_TRUE(contains(
      r.out, "in/zero.cfn.yaml: warning: symbolic link points outside the scanned tree; skipped"))
      << r.out;
  r = run_genlens({"scan", "in/zero.cfn.yaml", "in/good.cfn.yaml"}, dir.path(), 5);
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out, "in/zero.cfn.yaml: error: not a regular file (a device)")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileFiles, DanglingSymlinkIsReported) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  fs::create_symlink("missing.cfn.yaml", dir.path() / "in/dangling.cfn.yaml");
  fs::create_symlink("nowhere", dir.path() / "in/README");  // not scannable: silent
  fs::create_symlink("loop2.cfn.yaml", dir.path() / "in/loop1.cfn.yaml");
  fs::create_symlink("loop1.cfn.yaml", dir.path() / "in/loop2.cfn.yaml");
  ScanRun r = run_genlens({"scan", "in"}, dir.path(), 5);
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "in/dangling.cfn.yaml: warning: broken symbolic link (its target "
                       "does not exist); skipped"))
      << r.out;
  EXPECT_TRUE(contains(r.out,
                       "in/loop1.cfn.yaml: warning: cannot follow symbolic link: Too many "
                       "levels of symbolic links; skipped"))
      << r.out;
  EXPECT_FALSE(contains(r.out, "README")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
  r = run_genlens({"scan", "in/dangling.cfn.yaml", "in/good.cfn.yaml"}, dir.path(), 5);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "in/dangling.cfn.yaml: error: broken symbolic link (its target does "
                       "not exist)"))
      << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileFiles, UnreachablePathIsReportedAndTheRestScanned) {
  // As root, permissions do not stop reads; a path through a regular file
  // (ENOTDIR) is a portable stand-in for an unreadable entry.
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  const ScanRun r = run_genlens({"scan", "in/good.cfn.yaml/x.yaml", "in"}, dir.path(), 5);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out, "in/good.cfn.yaml/x.yaml: error:")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileFiles, PermissionDeniedIsReportedWhenNotRoot) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: file permissions do not stop reads";
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  const fs::path secret = dir.write("in/secret.cfn.yaml", kGoodTemplate);
  fs::permissions(secret, fs::perms::none);
  const ScanRun r = run_genlens({"scan", "in"}, dir.path(), 5);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "in/secret.cfn.yaml: error: cannot open file for reading: "
                       "Permission denied"))
      << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

}  // namespace
}  // namespace genlens::hostile
