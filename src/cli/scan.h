#pragma once
// The scan pipeline: discover -> parse -> adapt -> graph -> evaluate.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/stream_input.h"
#include "genlens/core/discover.h"
#include "genlens/formats/kubernetes.h"
#include "genlens/graph/graph.h"
#include "genlens/report/report.h"
#include "genlens/rules/rule.h"
#include "genlens/rules/suppress.h"

namespace genlens::cli {

struct ScanOptions {
  std::vector<std::string> paths;                           // `-`: standard input, once
  std::string stdin_name = std::string(kDefaultStdinName);  // --stdin-name
  core::DiscoverOptions discover;
  bool report_unknown = false;
  std::vector<std::string> only_rules;      // empty: all
  std::vector<std::string> disabled_rules;  // from .genlens.yaml
  // --changed: the named files are whatever a hook passed, so they are
  // treated as found by walking (only IaC-looking files get diagnostics).
  bool changed = false;
  // Budgets per file (0 = none); a file that runs over one gets an
  // "evaluation truncated" error (exit code 2) and the scan goes on.
  // Nodes: the parsed document (after YAML aliases; an alias expansion is
  // also held to kNodesPerByte per byte of the file), and the values the
  // rules examine.
  size_t max_nodes = 2'000'000;
  // Seconds of reading, parsing, resolving and checking one file; checked
  // between those stages and between resources and rules.
  double file_timeout_seconds = 30;
  // Terraform: --var-file FILE (in order) and --var NAME=VALUE.
  std::vector<std::string> var_files;
  std::vector<std::string> vars;
  // Kubernetes model-server / training detection (.genlens.yaml).
  formats::kubernetes::Options kubernetes;
  // In-source suppressions: today's date (injectable for tests) and
  // --require-reason.
  rules::SuppressOptions suppress;
};

// No YAML or JSON text without aliases has more nodes than bytes; a document
// that expands to more than this many per byte (and kMinNodeBudget) is an
// alias bomb and is stopped early.
inline constexpr size_t kNodesPerByte = 16;
inline constexpr size_t kMinNodeBudget = 100'000;

struct ScanOutput {
  report::ScanResult result;
  std::unique_ptr<rules::RuleSet> rules;
};

// Loads the built-in rules plus those under `rules_dirs`; problems are
// config diagnostics.
std::unique_ptr<rules::RuleSet> load_all_rules(const std::vector<std::string>& rules_dirs,
                                               core::Diagnostics& diags);

// Discovers, reads, parses and adapts the files of a scan into the graph;
// `-` among the paths reads standard input (read_stream_files).
struct LoadedGraph {
  std::unique_ptr<graph::Graph> graph;
  size_t files = 0;                     // files read as templates
  std::map<std::string, double> spent;  // seconds spent per file so far
};
LoadedGraph load_graph(const ScanOptions& options, core::Diagnostics& diags);

// Runs the whole pipeline. Takes ownership of the rule set.
ScanOutput run_scan(const ScanOptions& options, std::unique_ptr<rules::RuleSet> rules,
                    core::Diagnostics diags);

}  // namespace genlens::cli
