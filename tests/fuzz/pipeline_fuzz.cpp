// pipeline_fuzz: bytes -> a file -> cli::run_scan, the whole pipeline
// (discover, read, parse as JSON or YAML by content, CloudFormation or plan adapter,
// graph, every built-in rule with --report-unknown) -> the text, JSON and
// SARIF reports. The input is written to one file per process under
// /dev/shm (a tmpfs; $TMPDIR when /dev/shm is missing), named like a
// template so that every problem is reported, as for a file named on the
// command line.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/scan.h"
#include "fuzz_util.h"
#include "genlens/report/report.h"

using namespace genlens;

namespace {

// Never destroyed, so the atexit clean-up below can still use it.
const std::string& input_path() {
  static const std::string* path = [] {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir =
        fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    dir /= "genlens-fuzz-" + std::to_string(::getpid());
    fs::create_directories(dir);
    auto* made = new std::string((dir / "input.template").string());
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(std::filesystem::path(input_path()).parent_path(), ignored);
    });
    return made;
  }();
  return *path;
}

// The built-in rules, loaded once; each scan gets a copy (run_scan takes
// ownership of its rule set).
std::unique_ptr<rules::RuleSet> builtin_rules() {
  static const std::unique_ptr<rules::RuleSet> loaded = [] {
    spdlog::set_level(spdlog::level::off);
    core::Diagnostics diags;
    auto set = cli::load_all_rules({}, diags);
    if (!diags.empty() || set->rules().empty()) {
      std::fprintf(stderr, "pipeline_fuzz: the built-in rules do not load\n");
      std::abort();
    }
    return set;
  }();
  auto copy = std::make_unique<rules::RuleSet>();
  for (const auto& r : loaded->rules()) copy->add(std::make_unique<rules::Rule>(*r));
  copy->sort();
  return copy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto rules = builtin_rules();
  const std::string& path = input_path();
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
  }
  cli::ScanOptions options;
  options.paths = {path};
  options.report_unknown = true;
  cli::ScanOutput out = cli::run_scan(options, std::move(rules), core::Diagnostics{});
  report::ReportOptions ro;
  ro.version = "fuzz";
  ro.srcroot = std::filesystem::path(path).parent_path().string();
  ro.docs_base_url = "https://example.invalid/rules/";
  std::ostringstream text;
  std::ostringstream json;
  std::ostringstream sarif;
  report::write_text(text, out.result, ro);
  report::write_json(json, out.result, ro);
  report::write_sarif(sarif, out.result, ro);
  const size_t sink = text.str().size() + json.str().size() + sarif.str().size();
  return sink == 0xdeadbeef ? 1 : 0;
}
