#include "hostile_util.h"
#include "../test_support.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace genlens::hostile {
namespace fs = std::filesystem;

const char* const kGoodTemplate =
    "AWSTemplateFormatVersion: \"2010-09-09\"\n"
    "Resources:\n"
    "  Agent:\n"
    "    Type: AWS::Bedrock::Agent\n"
    "    Properties:\n"
    "      AgentName: good\n";

std::string good_finding(const std::string& dir) {
  return dir + "/good.cfn.yaml:5:5: error[GAI-SEC-001]";
}

fs::path hostile_data(const std::string& name) {
  return fs::path(GENLENS_SOURCE_DIR) / "testdata" / "hostile" / name;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

ScanRun run_genlens(const std::vector<std::string>& args, const fs::path& cwd, double timeout_s) {
  ScanRun r;
  char out_tmpl[] = "/tmp/genlens-hostile-out-XXXXXX";
  char err_tmpl[] = "/tmp/genlens-hostile-err-XXXXXX";
  const int out_fd = ::mkstemp(out_tmpl);
  const int err_fd = ::mkstemp(err_tmpl);
  if (out_fd < 0 || err_fd < 0) {
    ADD_FAILURE() << "mkstemp failed";
    return r;
  }
  std::vector<std::string> argv_s = {GENLENS_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    const int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    ::setenv("NO_COLOR", "1", 1);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage ru {};
  while (true) {
    const pid_t w = ::wait4(pid, &status, WNOHANG, &ru);
    if (w == pid) break;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > testutil::time_budget(timeout_s) && !r.timed_out) {
      r.timed_out = true;
      ::kill(pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_kb = ru.ru_maxrss;
  if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.signal = WTERMSIG(status);
  }
  ::close(out_fd);
  ::close(err_fd);
  r.out = slurp(out_tmpl);
  r.err = slurp(err_tmpl);
  ::unlink(out_tmpl);
  ::unlink(err_tmpl);
  return r;
}

std::string describe(const ScanRun& r) {
  std::ostringstream ss;
  if (r.timed_out) {
    ss << "TIMED OUT (killed)";
  } else if (r.signal != 0) {
    ss << "killed by signal " << r.signal;
  } else {
    ss << "exit " << r.exit_code;
  }
  ss << " in " << r.seconds << " s, " << r.max_rss_kb / 1024 << " MB\n--- stdout:\n"
     << r.out.substr(0, 4000) << "\n--- stderr:\n"
     << r.err.substr(0, 4000);
  return ss.str();
}

void record(const std::string& name, const ScanRun& r) {
  ::testing::Test::RecordProperty(name + "_seconds", std::to_string(r.seconds));
  ::testing::Test::RecordProperty(name + "_max_rss_kb", std::to_string(r.max_rss_kb));
  std::printf("hostile: %s: %.3f s, %ld KB\n", name.c_str(), r.seconds, r.max_rss_kb);
}

}  // namespace genlens::hostile
