#include "cli_test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace genlens::testing {

namespace {

std::filesystem::path scratch_dir() {
  const auto dir = std::filesystem::temp_directory_path() / "genlens-cli-test";
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

CliRun run_cli(const std::string& args, const std::string& cwd) {
  const auto dir = scratch_dir();
  const std::string err_file = (dir / ("stderr." + std::to_string(::getpid()))).string();
  const std::string cmd = "cd '" + (cwd.empty() ? std::string(GENLENS_SOURCE_DIR) : cwd) +
                          "' && NO_COLOR=1 '" + GENLENS_BINARY + "' " + args + " 2>'" + err_file +
                          "'";
  CliRun r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  std::ostringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  std::filesystem::remove(err_file);
  return r;
}

CliRun run_cli_with_stdin(const std::string& args, const std::string& input,
                          const std::string& cwd) {
  const std::string in_file = (scratch_dir() / ("stdin." + std::to_string(::getpid()))).string();
  std::ofstream(in_file, std::ios::binary) << input;
  CliRun r = run_cli(args + " <'" + in_file + "'", cwd);
  std::filesystem::remove(in_file);
  return r;
}

std::filesystem::path temp_dir(const std::string& name) {
  const std::filesystem::path d = std::filesystem::temp_directory_path() /
                                  ("genlens-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

}  // namespace genlens::testing
