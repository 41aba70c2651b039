// Command-line front end: parses options and hands over to the pipeline.
#include "cli/app.h"

#include <unistd.h>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "cli/baseline.h"
#include "cli/changed_files.h"
#include "cli/config.h"
#include "cli/graph_command.h"
#include "cli/init_command.h"
#include "cli/output.h"
#include "cli/rule_commands.h"
#include "cli/scan.h"

namespace genlens::cli {
namespace {

constexpr const char* kVersion = GENLENS_VERSION;

int severity_rank(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return 3;
    case core::Severity::kWarning:
      return 2;
    case core::Severity::kNote:
      return 1;
  }
  return 0;
}

int exit_code_for(const report::ScanResult& r, const std::string& fail_on) {
  int code = kExitClean;
  const std::map<std::string, int> threshold = {
      {"error", 3}, {"warning", 2}, {"note", 1}, {"never", 99}};
  const int min_rank = threshold.at(fail_on);
  for (const rules::Finding& f : r.findings) {
    if (f.verdict == rules::Verdict::kFail && !f.suppression &&
        severity_rank(f.level) >= min_rank) {
      code = kExitFindings;
    }
  }
  if (r.diagnostics.has(core::DiagnosticKind::kInput)) code = std::max(code, int{kExitInput});
  if (r.diagnostics.has(core::DiagnosticKind::kConfig)) code = std::max(code, int{kExitUsage});
  if (r.diagnostics.has(core::DiagnosticKind::kInternal)) code = std::max(code, int{kExitInternal});
  return code;
}

// Budgets: a number >= 0 (0 = none). CLI11's own range check would print
// the largest double in its message and lets "-5" wrap around for size_t.
const CLI::Validator kNonNegative(
    [](std::string& s) -> std::string {
      char* end = nullptr;
      const double d = std::strtod(s.c_str(), &end);
      if (s.empty() || end == s.c_str() || *end != '\0' || !(d >= 0)) {
        return "must be a number >= 0 (0: no limit), not '" + s + "'";
      }
      return "";
    },
    "");

bool use_color(const std::string& output, bool no_color) {
  if (no_color || !output.empty()) return false;
  const char* nc = std::getenv("NO_COLOR");
  if (nc != nullptr && *nc != '\0') return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

CLI::Option* add_stdin_name(CLI::App* cmd, std::string& name) {
  return cmd
      ->add_option("--stdin-name", name,
                   "Name standard input (the path -) in reports (default: stdin); Helm "
                   "'# Source:' comments name their documents")
      ->type_name("NAME");
}

// Where the search for .genlens.yaml starts: the first path on disk, else
// the working directory.
std::string config_start(const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    if (p != kStdinPath) return p;
  }
  return ".";
}

}  // namespace

int run(int argc, char** argv) {
  auto logger = spdlog::stderr_color_mt("genlens");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("genlens: %l: %v");
  spdlog::set_level(spdlog::level::warn);

  CLI::App app{
      "genlens: reviews infrastructure-as-code against the AWS Well-Architected "
      "Generative AI Lens"};
  app.set_version_flag("--version", fmt::format("genlens {}", kVersion));
  app.require_subcommand(1);
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log progress to stderr");

  ScanOptions scan;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  std::vector<std::string> rules_dirs;
  bool no_color = false;
  bool show_suppressed = false;
  CLI::App* scan_cmd = app.add_subcommand("scan", "Scan files and directories");
  scan_cmd->add_option("paths", scan.paths, "Files or directories to scan; - reads standard input")
      ->required();
  CLI::Option* scan_stdin_name = add_stdin_name(scan_cmd, scan.stdin_name);
  scan_cmd->add_option("-f,--format", format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit"}));
  scan_cmd->add_option("-o,--output", output, "Write the report to FILE (atomically)");
  std::string category;
  scan_cmd
      ->add_option("--category", category,
                   "SARIF: the code scanning category (runs[0].automationDetails.id)")
      ->type_name("NAME");
  std::string baseline_path;
  std::string write_baseline_path;
  scan_cmd
      ->add_option("--baseline", baseline_path,
                   "Report only findings that FILE (from --write-baseline) does not list")
      ->type_name("FILE");
  scan_cmd
      ->add_option("--write-baseline", write_baseline_path,
                   "Record the current findings in FILE (atomically), for --baseline")
      ->type_name("FILE");
  CLI::Option* fail_on_opt =
      scan_cmd
          ->add_option("--fail-on", fail_on,
                       "Lowest finding level that makes the exit code 1 (default: fail_on in "
                       ".genlens.yaml, else error)")
          ->check(CLI::IsMember(kFailOnLevels));
  bool changed = false;
  scan_cmd->add_flag("--changed", changed,
                     "PATHS are changed files (a pre-commit hook passes the staged ones): scan "
                     "what each belongs to (a Terraform file's module directory, any other file "
                     "whole) and report only findings located in them");
  scan_cmd->add_option("--exclude", scan.discover.excludes, "Skip paths matching GLOB")
      ->type_name("GLOB");
  scan_cmd->add_option("--rules-dir", rules_dirs, "Also load rules/*.yaml from DIR")
      ->type_name("DIR");
  scan_cmd->add_option("--rule", scan.only_rules, "Run only this rule (repeatable)")
      ->type_name("ID");
  scan_cmd->add_option("--max-file-size", scan.discover.max_file_size,
                       "Skip files larger than BYTES with a diagnostic (default 10 MB)");
  scan_cmd
      ->add_option("--max-nodes", scan.max_nodes,
                   "Per-file budget of document nodes (after YAML aliases) and of values the "
                   "rules examine (default 2000000, 0: none)")
      ->type_name("N")
      ->check(kNonNegative);
  scan_cmd
      ->add_option("--file-timeout", scan.file_timeout_seconds,
                   "Per-file budget in seconds for parsing, resolving and checking; over it: an "
                   "'evaluation truncated' error (default 30, 0: none)")
      ->type_name("SECONDS")
      ->check(kNonNegative);
  scan_cmd->add_option("--var-file", scan.var_files, "Terraform: read variable values from FILE")
      ->type_name("FILE");
  scan_cmd->add_option("--var", scan.vars, "Terraform: set variable NAME to VALUE")
      ->type_name("NAME=VALUE");
  scan_cmd->add_flag("--report-unknown", scan.report_unknown,
                     "Report checks whose input is Unknown as notes");
  scan_cmd->add_flag("--show-suppressed", show_suppressed,
                     "Text output: also list suppressed findings, marked as such");
  scan_cmd->add_flag("--require-reason", scan.suppress.require_reason,
                     "A suppression without '-- reason' is an error and suppresses nothing");
  scan_cmd->add_flag("--no-color", no_color, "Never colour text output (NO_COLOR is honoured)");
  std::string config_path;
  bool no_config = false;
  scan_cmd->add_option("--config", config_path,
                       "Configuration file (default: the nearest .genlens.yaml at or above the "
                       "first PATH)");
  scan_cmd->add_flag("--no-config", no_config, "Ignore .genlens.yaml files");

  std::string rules_format = "text";
  CLI::App* rules_cmd = app.add_subcommand("rules", "List the rules");
  rules_cmd->add_option("-f,--format", rules_format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  rules_cmd->add_option("--rules-dir", rules_dirs, "Also load rules/*.yaml from DIR");

  std::string explain_id;
  CLI::App* explain_cmd = app.add_subcommand("explain", "Show a rule's documentation");
  explain_cmd->add_option("rule", explain_id, "Rule ID, e.g. GAI-SEC-012")->required();
  explain_cmd->add_option("--rules-dir", rules_dirs, "Also load rules/*.yaml from DIR");

  std::string docs_out;
  bool docs_check = false;
  CLI::App* docs_cmd = app.add_subcommand("docs", "Generate docs/rules/ from the rule files");
  docs_cmd->add_option("--out", docs_out, "Directory to write")->required();
  docs_cmd->add_flag("--check", docs_check, "Fail if the directory is not current");

  std::string init_dir;
  bool init_force = false;
  CLI::App* init_cmd =
      app.add_subcommand("init", "Write a commented default .genlens.yaml to DIR (default: .)");
  init_cmd->add_option("dir", init_dir, "Directory to write .genlens.yaml in")->type_name("DIR");
  init_cmd->add_flag("--force", init_force, "Replace an existing .genlens.yaml");

  ScanOptions graph_scan;
  std::string graph_format = "dot";
  std::string graph_output;
  CLI::App* graph_cmd =
      app.add_subcommand("graph", "Print the resource graph genlens builds (DOT or JSON)");
  graph_cmd->add_option("paths", graph_scan.paths, "Files or directories; - reads standard input")
      ->required();
  CLI::Option* graph_stdin_name = add_stdin_name(graph_cmd, graph_scan.stdin_name);
  graph_cmd->add_option("-f,--format", graph_format, "Output format")
      ->check(CLI::IsMember({"dot", "json"}));
  graph_cmd->add_option("-o,--output", graph_output, "Write to FILE (atomically)");
  graph_cmd->add_option("--exclude", graph_scan.discover.excludes, "Skip paths matching GLOB")
      ->type_name("GLOB");
  graph_cmd->add_option("--max-file-size", graph_scan.discover.max_file_size,
                        "Skip files larger than BYTES with a diagnostic (default 10 MB)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitUsage;
  }
  if (verbose) spdlog::set_level(spdlog::level::info);
  std::string bad_stdin;
  if (scan_cmd->parsed()) {
    bad_stdin = stdin_usage_error(scan.paths, scan.stdin_name, scan_stdin_name->count() != 0);
  } else if (graph_cmd->parsed()) {
    bad_stdin =
        stdin_usage_error(graph_scan.paths, graph_scan.stdin_name, graph_stdin_name->count() != 0);
  }
  if (!bad_stdin.empty()) {
    std::cerr << "genlens: error: " << bad_stdin << "\n";
    return kExitUsage;
  }
  if (scan_cmd->parsed() && !category.empty()) {
    if (const std::string why = report::category_error(category); !why.empty()) {
      std::cerr << "genlens: error: " << why << "\n";
      return kExitUsage;
    }
  }

  core::Diagnostics diags;
  if (graph_cmd->parsed()) return print_graph(graph_scan, graph_format, graph_output);
  if (init_cmd->parsed()) return init_config(init_dir, init_force);
  const std::vector<std::string> changed_files = changed ? scan.paths : std::vector<std::string>{};
  if (changed) scan.paths = scan_paths_for_changed(scan.paths);
  scan.changed = changed;
  Config config;
  if (scan_cmd->parsed() && !no_config) {
    if (config_path.empty()) config_path = find_config(config_start(scan.paths));
    if (!config_path.empty()) {
      config = load_config(config_path, diags);
      spdlog::info("configuration: {}", config_path);
    }
    scan.discover.excludes.insert(scan.discover.excludes.end(), config.exclude.begin(),
                                  config.exclude.end());
    rules_dirs.insert(rules_dirs.end(), config.rules_dirs.begin(), config.rules_dirs.end());
    scan.kubernetes = config.kubernetes;
    // Command-line var files come after the configuration's: the last wins.
    scan.var_files.insert(scan.var_files.begin(), config.var_files.begin(), config.var_files.end());
    if (fail_on_opt->count() == 0 && !config.fail_on.empty()) fail_on = config.fail_on;
  }
  std::unique_ptr<rules::RuleSet> rules = load_all_rules(rules_dirs, diags);
  if (scan_cmd->parsed()) {
    scan.disabled_rules = apply_config(config, *rules, diags);
    // --rule runs a rule even when the configuration turns it off.
    std::erase_if(scan.disabled_rules, [&](const std::string& id) {
      return std::find(scan.only_rules.begin(), scan.only_rules.end(), id) != scan.only_rules.end();
    });
  }
  if (!scan_cmd->parsed()) {
    for (const core::Diagnostic& d : diags.all()) std::cerr << d.to_string() << "\n";
    if (diags.has(core::DiagnosticKind::kConfig)) return kExitUsage;
    if (rules_cmd->parsed()) return list_rules(*rules, rules_format);
    if (explain_cmd->parsed()) return explain_rule(*rules, explain_id);
    return write_docs(*rules, docs_out, docs_check);
  }

  std::optional<Baseline> baseline;
  if (!baseline_path.empty()) baseline = read_baseline(baseline_path, diags);
  ScanOutput result = run_scan(scan, std::move(rules), std::move(diags));
  if (changed) keep_findings_in(changed_files, result.result);
  if (!write_baseline_path.empty()) {
    // All current findings, baselined ones included: the file replaces the old one.
    if (const std::string err = write_baseline(write_baseline_path, result.result.findings);
        !err.empty()) {
      std::cerr << "genlens: error: " << err << "\n";
      return kExitInput;
    }
  }
  if (baseline) result.result.baselined = apply_baseline(*baseline, result.result.findings);
  report::ReportOptions ro;
  ro.color = format == "text" && use_color(output, no_color);
  ro.show_suppressed = show_suppressed;
  ro.version = kVersion;
  ro.srcroot = std::filesystem::current_path().string();
  ro.docs_base_url = GENLENS_DOCS_BASE_URL;
  ro.category = category;
  if (format == "sarif") {
    if (const size_t left_out = report::sarif_results_left_out(result.result, ro); left_out != 0) {
      std::cerr << fmt::format(
          "genlens: warning: the SARIF report leaves out {} of {} results (at most {} per run, "
          "the most GitHub code scanning accepts; errors kept first, then warnings, then notes)\n",
          left_out, result.result.findings.size(), ro.max_sarif_results);
    }
  }
  const std::string err = write_output(output, [&](std::ostream& out) {
    if (format == "json") {
      report::write_json(out, result.result, ro);
    } else if (format == "sarif") {
      report::write_sarif(out, result.result, ro);
    } else if (format == "github") {
      report::write_github(out, result.result, ro);
    } else if (format == "junit") {
      report::write_junit(out, result.result, ro);
    } else {
      report::write_text(out, result.result, ro);
    }
  });
  if (!err.empty()) {
    std::cerr << "genlens: error: " << err << "\n";
    return kExitInput;
  }
  // Diagnostics always reach stderr too, unless the report is text on stdout.
  if (format != "text" || !output.empty()) {
    for (const core::Diagnostic& d : result.result.diagnostics.all()) {
      std::cerr << d.to_string() << "\n";
    }
  }
  return exit_code_for(result.result, fail_on);
}

}  // namespace genlens::cli
