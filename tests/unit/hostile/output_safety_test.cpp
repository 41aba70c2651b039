// --output FILE is written to a temporary file and renamed into place. An
// interrupted or failing write leaves FILE as it was (absent, or the previous
// complete report) and removes the temporary file.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "../test_support.h"
#include "cli/output.h"
#include "hostile_util.h"

namespace genlens::hostile {
namespace {

namespace fs = std::filesystem;
using testutil::TempDir;

constexpr const char* kPrevious = "previous complete report\n";

// Files in `dir` whose name has ".tmp." in it.
std::vector<std::string> temp_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().find(".tmp.") != std::string::npos) {
      out.push_back(e.path().filename().string());
    }
  }
  return out;
}

// In a child process: write_output() whose writer is interrupted by `sig`
// half-way through.
TEST(HostileOutput, SignalDuringWriteRemovesTheTemporaryFileAndKeepsTheOldReport) {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    SCOPED_TRACE(sig);
    TempDir dir;
    const fs::path report = dir.write("report.sarif", kPrevious);
    const pid_t pid = ::fork();
    if (pid == 0) {
      (void)cli::write_output(report.string(), [&](std::ostream& out) {
        out << std::string(1 << 20, 'x');
        out.flush();
        ::raise(sig);
        out << "never written";
      });
      ::_exit(0);  // not reached: the signal ends the process
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child must die of the signal, status " << status;
    EXPECT_EQ(WTERMSIG(status), sig);
    EXPECT_EQ(slurp(report), kPrevious);
    EXPECT_TRUE(temp_files(dir.path()).empty()) << ::testing::PrintToString(temp_files(dir.path()));
  }
}

TEST(HostileOutput, IgnoredSignalStaysIgnoredWhileWriting) {
  // Under nohup SIGHUP is ignored: it must not kill the write.
  TempDir dir;
  const fs::path report = dir.write("report.sarif", kPrevious);
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::signal(SIGHUP, SIG_IGN);
    const std::string err = cli::write_output(report.string(), [](std::ostream& out) {
      out << "new";
      ::raise(SIGHUP);
      out << " report";
    });
    ::_exit(err.empty() ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(slurp(report), "new report");
}

TEST(HostileOutput, HandlersAreRestoredAfterTheWrite) {
  TempDir dir;
  struct sigaction before {};
  ::sigaction(SIGTERM, nullptr, &before);
  EXPECT_EQ(cli::write_output((dir.path() / "r.txt").string(), [](std::ostream& o) { o << "x"; }),
            "");
  struct sigaction after {};
  ::sigaction(SIGTERM, nullptr, &after);
  EXPECT_EQ(before.sa_handler, after.sa_handler);
  EXPECT_EQ(slurp(dir.path() / "r.txt"), "x");
}

TEST(HostileOutput, FailedWriteKeepsTheOldReport) {
  // A file size limit (ulimit -f) makes the write fail part-way.
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  for (int i = 0; i < 200; ++i) {
    dir.write("in/t" + std::to_string(i) + ".cfn.yaml", kGoodTemplate);
  }
  const fs::path report = dir.write("report.sarif", kPrevious);
  const std::string cmd = "cd '" + dir.path().string() + "' && ulimit -f 8 && NO_COLOR=1 '" +
                          GENLENS_BINARY +
                          "' scan in --format sarif --output report.sarif 2>err.txt";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 2);
  const std::string err = slurp(dir.path() / "err.txt");
  EXPECT_NE(err.find("genlens: error: cannot write report.sarif.tmp."), std::string::npos) << err;
  EXPECT_NE(err.find("File too large; report.sarif was left as it was"), std::string::npos) << err;
  EXPECT_EQ(slurp(report), kPrevious);
  EXPECT_TRUE(temp_files(dir.path()).empty());
}

// The real CLI over a tree big enough that writing its SARIF takes a while;
// killed the moment its temporary file appears.
TEST(HostileOutput, ScanKilledWhileWritingLeavesNoHalfWrittenReport) {
  TempDir dir;
  for (int i = 0; i < 1500; ++i) {
    dir.write("in/t" + std::to_string(i) + ".cfn.yaml", kGoodTemplate);
  }
  int killed_while_writing = 0;
  for (const int sig : {SIGTERM, SIGINT}) {
    SCOPED_TRACE(sig);
    const fs::path report = dir.write("report.sarif", kPrevious);
    const int ino = ::inotify_init1(IN_CLOEXEC);
    ASSERT_GE(ino, 0);
    ASSERT_GE(::inotify_add_watch(ino, dir.path().c_str(), IN_CREATE), 0);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
      if (::chdir(dir.path().c_str()) != 0) ::_exit(127);
      const int null_fd = ::open("/dev/null", O_WRONLY);
      ::dup2(null_fd, STDOUT_FILENO);
      ::dup2(null_fd, STDERR_FILENO);
      ::execl(GENLENS_BINARY, GENLENS_BINARY, "scan", "in", "--format", "sarif", "--output",
              "report.sarif", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Wait for report.sarif.tmp.<pid> to be created, then interrupt.
    bool sent = false;
    alignas(inotify_event) char buf[4096];
    while (!sent) {
      pollfd p{ino, POLLIN, 0};
      if (::poll(&p, 1, 10'000) <= 0) break;
      const ssize_t n = ::read(ino, buf, sizeof buf);
      for (ssize_t off = 0; off < n;) {
        const auto* ev = reinterpret_cast<const inotify_event*>(buf + off);
        if (ev->len > 0 && std::string(ev->name).find(".tmp.") != std::string::npos) {
          ::kill(pid, sig);
          sent = true;
          break;
        }
        off += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
      }
    }
    ::close(ino);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("hostile: kill_while_writing(%d): %.3f s\n", sig, seconds);
    EXPECT_TRUE(sent) << "no temporary file was created";
    const std::string now = slurp(report);
    if (WIFSIGNALED(status)) {
      ++killed_while_writing;
      EXPECT_EQ(WTERMSIG(status), sig);
      EXPECT_EQ(now, kPrevious) << "report changed by an interrupted scan";
    } else {
      // It finished before the signal arrived: the new report is whole.
      EXPECT_TRUE(nlohmann::json::accept(now)) << now.substr(0, 200);
    }
    EXPECT_TRUE(temp_files(dir.path()).empty()) << ::testing::PrintToString(temp_files(dir.path()));
  }
  // At least one of the two must have been interrupted mid-write, or the
  // test proved nothing.
  EXPECT_GE(killed_while_writing, 1);
}

TEST(HostileOutput, ScanKilledBeforeWritingLeavesTheOldReport) {
  TempDir dir;
  for (int i = 0; i < 1500; ++i) {
    dir.write("in/t" + std::to_string(i) + ".cfn.yaml", kGoodTemplate);
  }
  const fs::path report = dir.write("report.sarif", kPrevious);
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(dir.path().c_str()) != 0) ::_exit(127);
    const int null_fd = ::open("/dev/null", O_WRONLY);
    ::dup2(null_fd, STDOUT_FILENO);
    ::dup2(null_fd, STDERR_FILENO);
    ::execl(GENLENS_BINARY, GENLENS_BINARY, "scan", "in", "--format", "sarif", "--output",
            "report.sarif", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::usleep(20'000);
  ::kill(pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  if (WIFSIGNALED(status)) {
    EXPECT_EQ(slurp(report), kPrevious);
  }
  EXPECT_TRUE(temp_files(dir.path()).empty());
}

}  // namespace
}  // namespace genlens::hostile
