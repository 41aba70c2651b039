// cli::read_stream_files and the usage checks of `-` / --stdin-name.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "../test_support.h"
#include "cli/stream_input.h"

namespace genlens::cli {
namespace {

using testutil::pos_str;

// The files `text` on a pipe gives, with `limit` as --max-file-size.
std::vector<core::DiscoveredFile> read_pipe(const std::string& text, uintmax_t limit,
                                            core::Diagnostics& diags,
                                            std::vector<std::string> excludes = {}) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  EXPECT_EQ(::write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  core::DiscoverOptions options;
  options.max_file_size = limit;
  options.excludes = std::move(excludes);
  std::vector<core::DiscoveredFile> files = read_stream_files(fds[0], "stdin", options, diags);
  ::close(fds[0]);
  return files;
}

TEST(StreamInput, PartsAreNamedInMemoryFiles) {
  core::Diagnostics diags;
  const std::string a = "---\n# Source: c/templates/a.yaml\nkind: A\n";
  const std::string loose = "kind: Loose\n";
  const auto files = read_pipe(loose + a, 1000, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, "stdin");
  EXPECT_EQ(files[1].path, "c/templates/a.yaml");
  for (const core::DiscoveredFile& f : files) {
    EXPECT_TRUE(f.named) << f.path;
    ASSERT_TRUE(f.in_memory()) << f.path;
  }
  EXPECT_EQ(*files[0].text, loose);
  EXPECT_EQ(*files[1].text, a);
}

TEST(StreamInput, StreamOverTheSizeLimitGetsALocatedErrorAndIsNotScanned) {
  core::Diagnostics diags;
  // Byte 8 (the first one over the limit) is the 4th character of line 2.
  const auto files = read_pipe("a: 1\nbcdef: 2\n", 8, diags);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(diags.all().size(), 1u);
  const core::Diagnostic& d = diags.all().front();
  EXPECT_EQ(d.kind, core::DiagnosticKind::kInput);
  EXPECT_EQ(d.path, "stdin");
  EXPECT_EQ(pos_str(d.pos), "2:4");
  EXPECT_NE(d.message.find("over the 8 byte limit (--max-file-size)"), std::string::npos)
      << d.message;
}

TEST(StreamInput, StreamOfExactlyTheLimitIsRead) {
  core::Diagnostics diags;
  const auto files = read_pipe("a: 1\nb: 2\n", 10, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(*files[0].text, "a: 1\nb: 2\n");
}

TEST(StreamInput, ExcludeGlobsApplyToSourcePaths) {
  core::Diagnostics diags;
  const std::string a = "---\n# Source: c/templates/a.yaml\nkind: A\n";
  const std::string t = "---\n# Source: c/templates/tests/t.yaml\nkind: T\n";
  const auto files = read_pipe(a + t, 1000, diags, {"c/templates/tests/"});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path, "c/templates/a.yaml");
}

TEST(StreamInput, UsageErrors) {
  EXPECT_EQ(stdin_usage_error({"-", "x"}, "stdin", false), "");
  EXPECT_EQ(stdin_usage_error({"x"}, "stdin", false), "");
  EXPECT_EQ(stdin_usage_error({"-"}, "overlays/prod", true), "");
  EXPECT_NE(stdin_usage_error({"-", "x", "-"}, "stdin", false), "");
  EXPECT_NE(stdin_usage_error({"x"}, "n", true), "");  // a name but no stream
  EXPECT_NE(stdin_usage_error({"-"}, "", true), "");
  EXPECT_NE(stdin_usage_error({"-"}, "main.tf", true), "");
}

TEST(StreamInput, PathsOnDiskLeaveOutTheStream) {
  bool has_stdin = true;
  EXPECT_EQ(paths_on_disk({"a", "./-", "b"}, has_stdin),
            (std::vector<std::string>{"a", "./-", "b"}));
  EXPECT_FALSE(has_stdin);
  EXPECT_EQ(paths_on_disk({"a", "-"}, has_stdin), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(has_stdin);
}

}  // namespace
}  // namespace genlens::cli
