#pragma once
// Runs the real genlens binary and captures its output and exit code.
#include <filesystem>
#include <string>

namespace genlens::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// `args` is appended to the binary path as-is (shell-quoted by the caller);
// `cwd` empty = the source directory.
CliRun run_cli(const std::string& args, const std::string& cwd = "");

// The same with `input` on standard input (through a temporary file).
CliRun run_cli_with_stdin(const std::string& args, const std::string& input,
                          const std::string& cwd = "");

// A fresh, empty directory under the system temp dir, named for `name` and
// this process.
std::filesystem::path temp_dir(const std::string& name);

// Writes `text` to `p`, creating its parent directories.
void write(const std::filesystem::path& p, const std::string& text);

}  // namespace genlens::testing
