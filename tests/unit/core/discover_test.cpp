// core::discover: sorted walk, skipped directories, --exclude globs, symlink
// loops, missing paths and duplicates; has_scannable_extension; read_file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../test_support.h"
#include "genlens/core/discover.h"

namespace {

namespace fs = std::filesystem;
using genlens::core::DiagnosticKind;
using genlens::core::Diagnostics;
using genlens::core::discover;
using genlens::core::DiscoveredFile;
using genlens::core::DiscoverOptions;
using genlens::core::has_scannable_extension;
using genlens::core::read_file;
using genlens::core::Severity;
using genlens::testutil::TempDir;

// Runs the test body with the temp dir as working directory, so discovered
// paths are shown relative ("sub/a.yaml"), as users see them.
class Discover : public ::testing::Test {
 protected:
  void SetUp() override {
    old_cwd_ = fs::current_path();
    fs::current_path(dir_.path());
  }
  void TearDown() override { fs::current_path(old_cwd_); }

  std::vector<std::string> run(const std::vector<std::string>& paths,
                               const DiscoverOptions& options = {}) {
    std::vector<std::string> out;
    for (const DiscoveredFile& f : discover(paths, options, diags_)) {
      out.push_back(f.named ? f.path + " (named)" : f.path);
    }
    return out;
  }
  std::vector<std::string> diags() const {
    std::vector<std::string> out;
    for (const auto& d : diags_.all()) out.push_back(d.code + " " + d.to_string());
    return out;
  }

  TempDir dir_;
  Diagnostics diags_;
  fs::path old_cwd_;
};

using Strings = std::vector<std::string>;

TEST_F(Discover, WalkIsSortedAndKeepsOnlyScannableExtensions) {
  for (const char* f : {"b.yaml", "a.json", "c/e.template", "c/d.yml", "z.txt", "README.md",
                        "main.tf", "c/nested/x.yaml"}) {
    dir_.write(f);
  }
  EXPECT_EQ(run({"."}),
            (Strings{"a.json", "b.yaml", "c/d.yml", "c/e.template", "c/nested/x.yaml", "main.tf"}));
  EXPECT_TRUE(diags_.empty());
}

TEST_F(Discover, DirectoryArgumentKeepsItsPrefix) {
  dir_.write("stacks/b.yaml");
  dir_.write("stacks/a.yaml");
  EXPECT_EQ(run({"stacks"}), (Strings{"stacks/a.yaml", "stacks/b.yaml"}));
  EXPECT_EQ(run({"./stacks/"}), (Strings{"stacks/a.yaml", "stacks/b.yaml"}));
}

TEST_F(Discover, SkipsVcsDependencyAndBuildDirectories) {
  for (const char* f :
       {".git/config.yaml", "node_modules/pkg/x.yaml", ".terraform/modules/m.json",
        "sub/node_modules/y.json", "build/out.json", ".aws-sam/t.yaml", "main.yaml"}) {
    dir_.write(f);
  }
  EXPECT_EQ(run({"."}), (Strings{"main.yaml"}));
}

TEST_F(Discover, CdkOutKeepsTemplatesButSkipsAssetFolders) {
  dir_.write("cdk.out/Stack.template.json");
  dir_.write("cdk.out/manifest.json");
  dir_.write("cdk.out/asset.abc123/package.json");
  dir_.write("cdk.out/asset.abc123/cfn.yaml");
  dir_.write("lib/asset.yaml");
  dir_.write("lib/asset.x/kept.yaml");  // only cdk.out's asset.* folders are skipped
  EXPECT_EQ(run({"."}), (Strings{"cdk.out/Stack.template.json", "cdk.out/manifest.json",
                                 "lib/asset.x/kept.yaml", "lib/asset.yaml"}));
}

TEST_F(Discover, ExcludeGlobMatchesTheFileName) {
  dir_.write("a.yaml");
  dir_.write("sub/b.json");
  dir_.write("sub/c.yaml");
  DiscoverOptions opts;
  opts.excludes = {"*.json"};
  EXPECT_EQ(run({"."}, opts), (Strings{"a.yaml", "sub/c.yaml"}));
  opts.excludes = {"c.yaml"};
  EXPECT_EQ(run({"."}, opts), (Strings{"a.yaml", "sub/b.json"}));
}

TEST_F(Discover, ExcludePathPrefixSkipsEverythingUnderIt) {
  dir_.write("a.yaml");
  dir_.write("vendor/x.yaml");
  dir_.write("vendor/deep/y.yaml");
  dir_.write("vendored.yaml");
  DiscoverOptions opts;
  opts.excludes = {"vendor"};
  EXPECT_EQ(run({"."}, opts), (Strings{"a.yaml", "vendored.yaml"}));
  opts.excludes = {"vendor/"};
  EXPECT_EQ(run({"."}, opts), (Strings{"a.yaml", "vendored.yaml"}));
  opts.excludes = {"vendor/deep"};
  EXPECT_EQ(run({"."}, opts), (Strings{"a.yaml", "vendor/x.yaml", "vendored.yaml"}));
}

TEST_F(Discover, ExcludeGlobMatchesTheRelativePath) {
  dir_.write("env/prod/a.yaml");
  dir_.write("env/dev/a.yaml");
  DiscoverOptions opts;
  opts.excludes = {"env/dev/*.yaml"};
  EXPECT_EQ(run({"."}, opts), (Strings{"env/prod/a.yaml"}));
}

TEST_F(Discover, SymlinkLoopGivesAWarningAndTerminates) {
  dir_.write("tree/a.yaml");
  dir_.write("tree/sub/b.yaml");
  fs::create_directory_symlink("..", dir_.path() / "tree" / "sub" / "loop");
  EXPECT_EQ(run({"tree"}), (Strings{"tree/a.yaml", "tree/sub/b.yaml"}));
  ASSERT_EQ(diags_.all().size(), 1u) << ::testing::PrintToString(diags());
  const auto& d = diags_.all()[0];
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.kind, DiagnosticKind::kInput);
  EXPECT_EQ(d.code, "symlink-loop");
  EXPECT_EQ(d.path, "tree/sub/loop");  // tree again, below itself
  EXPECT_EQ(d.message, "directory is its own ancestor (symlink loop); skipped");
}

TEST_F(Discover, SymlinkOutOfTheTreeIsNotFollowed) {
  dir_.write("outside/secret.yaml");
  dir_.write("tree/a.yaml");
  fs::create_directory_symlink("../outside", dir_.path() / "tree" / "dir-link");
  fs::create_symlink("../outside/secret.yaml", dir_.path() / "tree" / "file-link.yaml");
  EXPECT_EQ(run({"tree"}), (Strings{"tree/a.yaml"}));
  ASSERT_EQ(diags_.all().size(), 2u) << ::testing::PrintToString(diags());
  for (const auto& d : diags_.all()) {
    EXPECT_EQ(d.code, "symlink-outside");
    EXPECT_EQ(d.severity, Severity::kWarning);
  }
  // Named on the command line, a link is the user's choice and is followed.
  EXPECT_EQ(run({"tree/file-link.yaml"}), (Strings{"tree/file-link.yaml (named)"}));
}

TEST_F(Discover, ExcludeGlobsMatchBelowTheNamedRoot) {
  dir_.write("infra/env/dev/a.yaml");
  dir_.write("infra/env/prod/b.yaml");
  DiscoverOptions opts;
  opts.excludes = {"env/dev"};
  EXPECT_EQ(run({"infra"}, opts), (Strings{"infra/env/prod/b.yaml"}));
}

TEST_F(Discover, SymlinkToSelfTerminates) {
  dir_.write("tree/a.yaml");
  fs::create_directory_symlink(".", dir_.path() / "tree" / "self");
  EXPECT_EQ(run({"tree"}), (Strings{"tree/a.yaml"}));
  ASSERT_EQ(diags_.all().size(), 1u);
  EXPECT_EQ(diags_.all()[0].code, "symlink-loop");
  EXPECT_EQ(diags_.all()[0].path, "tree/self");
}

TEST_F(Discover, MissingPathIsAnInputError) {
  dir_.write("a.yaml");
  EXPECT_EQ(run({"nope.yaml", "a.yaml"}), (Strings{"a.yaml (named)"}));
  EXPECT_EQ(diags(), (Strings{"io-error nope.yaml: error: no such file or directory"}));
  EXPECT_TRUE(diags_.has(DiagnosticKind::kInput));
}

TEST_F(Discover, SameFileNamedTwiceAppearsOnce) {
  dir_.write("a.yaml");
  EXPECT_EQ(run({"a.yaml", "./a.yaml", "a.yaml"}), (Strings{"a.yaml (named)"}));
}

TEST_F(Discover, FileBothNamedAndWalkedAppearsOnce) {
  dir_.write("d/a.yaml");
  dir_.write("d/b.yaml");
  EXPECT_EQ(run({"d/b.yaml", "d"}), (Strings{"d/b.yaml (named)", "d/a.yaml"}));
  EXPECT_EQ(run({"d", "d", "d/a.yaml"}), (Strings{"d/a.yaml", "d/b.yaml"}));
}

TEST_F(Discover, DirectoryNamedTwiceOrInsideAnotherNamedOneIsNotALoop) {
  dir_.write("d/a.yaml");
  dir_.write("d/sub/b.yaml");
  EXPECT_EQ(run({"d", "d/sub", "d"}), (Strings{"d/a.yaml", "d/sub/b.yaml"}));
  EXPECT_TRUE(diags_.empty()) << ::testing::PrintToString(diags());
}

TEST_F(Discover, NamedFileIsKeptWhateverItsExtension) {
  dir_.write("template.txt");
  EXPECT_EQ(run({"template.txt"}), (Strings{"template.txt (named)"}));
}

TEST(DiscoverExtensions, ScannableExtensions) {
  for (const char* p : {"a.yaml", "dir/b.yml", "c.json", "d.template", "x.cfn.yaml", "b.tf",
                        "prod.tfvars", "main.tf.json"}) {
    EXPECT_TRUE(has_scannable_extension(p)) << p;
  }
  for (const char* p : {"a.txt", "b.tf.bak", "yaml", "c.yaml.bak", "Makefile", ".yaml.d/x"}) {
    EXPECT_FALSE(has_scannable_extension(p)) << p;
  }
}

TEST(ReadFile, ReadsWholeFileAndEnforcesTheSizeLimit) {
  TempDir dir;
  const fs::path p = dir.write("f.yaml", std::string("a: 1\n\0b", 7));
  auto ok = read_file(p.string(), 100);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value(), std::string("a: 1\n\0b", 7));
  auto big = read_file(p.string(), 5);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().message, "file is 7 bytes, over the 5 byte limit (--max-file-size)");
  auto missing = read_file((dir.path() / "missing.yaml").string(), 100);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "cannot open file for reading");
}

}  // namespace
