// genlens never opens a network connection and never runs anything from
// the scanned tree. Proved two ways: under strace (no socket call, one
// execve: genlens itself) and in a network namespace with no interfaces
// (same output as outside). Each skips visibly when its tool cannot run
// here (not installed, or no ptrace / namespaces in this container).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "../test_support.h"
#include "hostile_util.h"

namespace genlens::hostile {
namespace {

namespace fs = std::filesystem;
using testutil::TempDir;

bool tool_works(const std::string& probe) {
  return std::system((probe + " >/dev/null 2>&1").c_str()) == 0;
}

// A tree that tempts a tool to run or fetch things: executable scripts named
// like templates, a template pointing at a URL, a Makefile, a .git hook.
void write_tempting_tree(const TempDir& dir) {
  dir.write("tree/good.cfn.yaml", kGoodTemplate);
  const fs::path script = dir.write("tree/run.cfn.yaml", "#!/bin/sh\ntouch PWNED\n");
  fs::permissions(script, fs::perms::owner_all, fs::perm_options::add);
  dir.write("tree/nested.cfn.yaml",
            "AWSTemplateFormatVersion: \"2010-09-09\"\n"
            "Resources:\n"
            "  Nested:\n"
            "    Type: AWS::CloudFormation::Stack\n"
            "    Properties:\n"
            "      TemplateURL: https://example.com/stack.yaml\n");
  dir.write("tree/Makefile", "all:\n\ttouch PWNED\n");
  const fs::path hook = dir.write("tree/.git/hooks/post-checkout", "#!/bin/sh\ntouch PWNED\n");
  fs::permissions(hook, fs::perms::owner_all, fs::perm_options::add);
}

TEST(HostileIsolation, NoNetworkCallAndNoExecUnderStrace) {
  if (!tool_works("strace -f -o /dev/null true")) {
    GTEST_SKIP() << "strace is not installed or cannot trace here (apt-get install strace)";
  }
  TempDir dir;
  write_tempting_tree(dir);
  const std::string log = (dir.path() / "strace.log").string();
  // LeakSanitizer cannot run under ptrace: off for this run in sanitizer builds.
  const std::string cmd = "cd '" + dir.path().string() +
                          "' && NO_COLOR=1 ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}"
                          "detect_leaks=0\" strace -f -qq -o '" +
                          log + "' -e trace=network,execve,execveat '" + GENLENS_BINARY +
                          "' scan tree --format sarif --output out.sarif";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status)) << cmd;
  EXPECT_EQ(WEXITSTATUS(status), 1) << cmd;
  std::ifstream in(log);
  std::string line;
  int execs = 0;
  std::string calls;
  while (std::getline(in, line)) {
    if (line.find("execve(") != std::string::npos || line.find("execveat(") != std::string::npos) {
      ++execs;
    }
    for (const char* bad : {"socket(", "connect(", "sendto(", "sendmsg(", "bind("}) {
      if (line.find(bad) != std::string::npos) calls += line + "\n";
    }
  }
  EXPECT_EQ(execs, 1) << "only genlens itself may be executed; see " << log;
  EXPECT_TRUE(calls.empty()) << "network calls:\n" << calls;
  EXPECT_FALSE(fs::exists(dir.path() / "PWNED"));
  EXPECT_FALSE(fs::exists(dir.path() / "tree/PWNED"));
}

TEST(HostileIsolation, ScanWorksWithoutAnyNetwork) {
  if (!tool_works("unshare -n true")) {
    GTEST_SKIP() << "cannot create a network namespace here (unshare -n needs root or user "
                    "namespaces)";
  }
  TempDir dir;
  write_tempting_tree(dir);
  auto run = [&](const std::string& prefix) {
    const std::string out = (dir.path() / "out.txt").string();
    const std::string cmd = "cd '" + dir.path().string() + "' && NO_COLOR=1 " + prefix + "'" +
                            GENLENS_BINARY + "' scan tree >'" + out + "' 2>&1";
    const int status = std::system(cmd.c_str());
    return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out));
  };
  const auto offline = run("unshare -n ");
  const auto online = run("");
  EXPECT_EQ(offline.first, 1) << offline.second;
  EXPECT_EQ(offline, online);
  EXPECT_NE(offline.second.find(good_finding("tree")), std::string::npos) << offline.second;
  EXPECT_FALSE(fs::exists(dir.path() / "PWNED"));
}

}  // namespace
}  // namespace genlens::hostile
