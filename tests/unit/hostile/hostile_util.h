#pragma once
// Helpers for the hostile-input tests: run the real genlens binary with a
// watchdog (a hung scan fails the test instead of hanging it) and measure
// its wall time and peak memory; a scratch directory holding the hostile
// file next to a good template, whose finding must survive.
#include <filesystem>
#include <string>
#include <vector>

namespace genlens::hostile {

struct ScanRun {
  int exit_code = -1;  // -1 when killed by a signal or the watchdog
  int signal = 0;      // the signal that ended it, if any
  bool timed_out = false;
  std::string out;  // stdout
  std::string err;  // stderr
  double seconds = 0;
  long max_rss_kb = 0;
};

// Runs `genlens args...` in `cwd` with NO_COLOR=1; SIGKILLs it after
// `timeout_s` seconds.
ScanRun run_genlens(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                    double timeout_s = 20);

// "exit 2 in 0.012 s, 6 MB; stderr: ..." for failure messages.
std::string describe(const ScanRun& r);

// Records a measurement as a test property (shown in the XML report) and on
// stdout: "hostile: NAME: 0.012 s, 6244 KB".
void record(const std::string& name, const ScanRun& r);

// A template with one finding; in a scan it must be reported whatever the
// other files do.
extern const char* const kGoodTemplate;
// Its finding, as text output shows it when the file is `dir/good.cfn.yaml`.
std::string good_finding(const std::string& dir);

// The source tree's testdata/hostile/NAME.
std::filesystem::path hostile_data(const std::string& name);

// Reads a file whole ("" when missing).
std::string slurp(const std::filesystem::path& p);

}  // namespace genlens::hostile
