#include "cli/scan.h"
#include "cli/plan_scan.h"
#include "cli/terraform_scan.h"

#include <unistd.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "genlens/formats/cloudformation.h"
#include "genlens/formats/kubernetes.h"
#include "genlens/formats/terraform_plan.h"
#include "genlens/graph/graph.h"
#include "genlens/parse/parse.h"
#include "genlens/rules/engine.h"

namespace genlens::cli {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A Terraform plan's top-level keys: the file may be a plan.
bool mentions_plan(std::string_view text) {
  return text.find("\"format_version\"") != std::string_view::npos &&
         (text.find("\"planned_values\"") != std::string_view::npos ||
          text.find("\"resource_changes\"") != std::string_view::npos);
}

bool mentions_cloudformation(std::string_view text) {
  return text.find("AWSTemplateFormatVersion") != std::string_view::npos ||
         text.find("AWS::") != std::string_view::npos;
}

// Both keys of a Kubernetes manifest occur in the text: the file may hold
// manifests (a cheap filter before parsing).
bool mentions_manifest(std::string_view text) {
  return text.find("apiVersion") != std::string_view::npos &&
         text.find("kind") != std::string_view::npos;
}

// A line that starts with `apiVersion:` (YAML) or a `"apiVersion":` key
// (JSON): the file is meant to be a manifest.
bool looks_like_manifest(std::string_view text) {
  if (!mentions_manifest(text)) return false;
  for (size_t at = text.find("apiVersion"); at != std::string_view::npos;
       at = text.find("apiVersion", at + 1)) {
    const std::string_view after = text.substr(at + 10);
    if ((at == 0 || text[at - 1] == '\n') && after.substr(0, 1) == ":") return true;
    if (at > 0 && text[at - 1] == '"' && after.substr(0, 1) == "\"") return true;
  }
  return false;
}

// Files whose problems are worth a diagnostic: named on the command line,
// named like a template, mentioning CloudFormation, looking like a
// Terraform plan or a Kubernetes manifest.
bool worth_reporting(const core::DiscoveredFile& f, std::string_view text) {
  if (f.named || mentions_plan(text) || looks_like_manifest(text)) return true;
  const std::string& p = f.path;
  if (p.find(".cfn.") != std::string::npos || ends_with(p, ".template") ||
      p.find(".template.") != std::string::npos) {
    return true;
  }
  return mentions_cloudformation(text);
}

// One warning for a template file, at its first `{{`.
void template_warning(const core::DiscoveredFile& f, const core::SourceFile& source, size_t at,
                      core::Diagnostics& diags) {
  diags.warning(core::DiagnosticKind::kInput, "helm-template", f.path, source.position_at(at),
                "template, not a manifest: render it with helm template "
                "(`helm template CHART | genlens scan -`); it was not checked");
}

bool looks_like_json(std::string_view text, const std::string& path) {
  if (ends_with(path, ".json")) return true;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{';
  }
  return false;
}

bool all_roots_empty(const core::Document& doc) {
  return std::all_of(doc.roots().begin(), doc.roots().end(), [](const core::Node* r) {
    return r->is_scalar() && r->scalar_type == core::ScalarType::kNull;
  });
}

// Why `text` is not YAML or JSON text at all ("" when it may be): a UTF-16
// or UTF-32 byte order mark, or a NUL byte (binary file); `at` is set to the
// offending byte.
std::string binary_reason(std::string_view text, size_t& at) {
  at = 0;
  if (text.size() >= 4 && (text.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) ||
                           text.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4))) {
    return "file is UTF-32 encoded; genlens reads UTF-8";
  }
  if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")) {
    return "file is UTF-16 encoded; genlens reads UTF-8";
  }
  at = text.find('\0');
  if (at != std::string_view::npos) return "binary file (NUL byte): not YAML or JSON text";
  return "";
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The document node budget of a file: --max-nodes, and kNodesPerByte per
// byte (at least kMinNodeBudget).
size_t node_budget(const ScanOptions& options, size_t bytes) {
  size_t by_size = kMinNodeBudget;
  if (bytes < (std::numeric_limits<size_t>::max() - kMinNodeBudget) / kNodesPerByte) {
    by_size = std::max(by_size, bytes * kNodesPerByte);
  } else {
    by_size = std::numeric_limits<size_t>::max();
  }
  if (options.max_nodes == 0) return by_size;
  return std::min(options.max_nodes, by_size);
}

// True (after a diagnostic) when the file has used up its time budget.
bool out_of_time(const core::DiscoveredFile& f, const ScanOptions& options, Clock::time_point start,
                 const char* stage, core::Diagnostics& diags) {
  if (options.file_timeout_seconds <= 0) return false;
  const double spent = seconds_since(start);
  if (spent <= options.file_timeout_seconds) return false;
  diags.error(core::DiagnosticKind::kInput, "budget", f.path, core::Position{1, 1},
              fmt::format("evaluation truncated: {} this file took {:.3g} s, more than {:g} s "
                          "(--file-timeout); it was not checked",
                          stage, spent, options.file_timeout_seconds));
  return true;
}

// Reads, parses and adapts one file; appends its templates and plans to
// `units` and the time it took to `spent`.
void scan_file(const core::DiscoveredFile& f, const ScanOptions& options, PlanScan& plans,
               std::vector<formats::Unit>& units, core::Diagnostics& diags, size_t& files,
               std::map<std::string, double>& spent) {
  const Clock::time_point start = Clock::now();
  // A part of standard input is in memory and never read from disk.
  auto content = f.in_memory() ? core::Result<std::string>(*f.text)
                               : core::read_file(f.path, options.discover.max_file_size);
  if (!content.ok()) {
    diags.error(core::DiagnosticKind::kInput, "io-error", f.path, {}, content.error().message);
    return;
  }
  auto source = std::make_shared<core::SourceFile>(f.path, std::move(content.value()));
  const bool report = worth_reporting(f, source->text());
  size_t bad = 0;
  if (std::string why = binary_reason(source->text(), bad); !why.empty()) {
    if (report) {
      diags.error(core::DiagnosticKind::kInput, "binary-file", f.path, source->position_at(bad),
                  why);
    } else {
      spdlog::debug("{}: {}; skipped", f.path, why);
    }
    return;
  }
  // A Helm chart template is not YAML yet: one warning, no parse.
  const bool cloudformation =
      source->text().find("AWSTemplateFormatVersion") != std::string_view::npos;
  if (const size_t at = formats::kubernetes::helm_template_offset(source->text(), f.path);
      at != std::string_view::npos && !cloudformation) {
    template_warning(f, *source, at, diags);
    return;
  }
  // A template has a Resources or AWSTemplateFormatVersion key, a plan its
  // own keys (then `report` is set), a manifest apiVersion and kind: other
  // files are not parsed at all.
  if (!report && source->text().find("Resources") == std::string_view::npos &&
      !mentions_manifest(source->text())) {
    return;
  }
  parse::ParseOptions popts;
  popts.max_nodes = node_budget(options, source->text().size());
  auto parsed = looks_like_json(source->text(), f.path) ? parse::parse_json(source, popts)
                                                        : parse::parse_yaml(source, popts);
  if (!parsed.ok()) {
    // A manifest with Go template actions that is not YAML is a template
    // (of a chart or another tool), not a broken manifest.
    if (const size_t at = source->text().find("{{");
        at != std::string_view::npos && !cloudformation && looks_like_manifest(source->text())) {
      template_warning(f, *source, at, diags);
      return;
    }
    if (report) {
      diags.error(core::DiagnosticKind::kInput, "parse-error", f.path, parsed.error().pos,
                  parsed.error().message);
    } else {
      spdlog::debug("{}: not parseable, not a template: {}", f.path, parsed.error().message);
    }
    return;
  }
  std::shared_ptr<core::Document> doc = std::move(parsed.value());
  if (doc->roots().empty() || all_roots_empty(*doc)) {
    if (report) {
      diags.error(core::DiagnosticKind::kInput, "empty-file", f.path, core::Position{1, 1},
                  "empty file: expected a CloudFormation template or Kubernetes manifest");
    }
    return;
  }
  if (out_of_time(f, options, start, "reading and parsing", diags)) return;
  std::vector<formats::Unit> mine;
  bool plan = false;
  if (doc->roots().size() == 1 && formats::terraform::is_plan(doc->roots().front())) {
    plan = plans.adapt(doc, mine, diags, f.in_memory());
    if (!plan && mine.empty()) return;  // reported
  }
  std::vector<const core::Node*> manifests;
  for (const core::Node* root : doc->roots()) {
    if (formats::cloudformation::is_template(root)) {
      mine.push_back(formats::cloudformation::adapt(doc, root, diags));
    } else if (formats::kubernetes::is_manifest(root)) {
      manifests.push_back(root);
    }
  }
  if (!manifests.empty()) {
    formats::Unit k8s = formats::kubernetes::adapt(doc, manifests, options.kubernetes, diags);
    if (!k8s.resources.empty()) mine.push_back(std::move(k8s));
  }
  if (mine.empty() && !plan) {
    if (f.named) {
      spdlog::info(
          "{}: not a CloudFormation template, Terraform plan or Kubernetes manifest; skipped",
          f.path);
    }
    return;
  }
  if (out_of_time(f, options, start, "reading, parsing and resolving", diags)) return;
  spent[f.path] = seconds_since(start);
  for (formats::Unit& u : mine) units.push_back(std::move(u));
  ++files;
}

}  // namespace

std::unique_ptr<rules::RuleSet> load_all_rules(const std::vector<std::string>& rules_dirs,
                                               core::Diagnostics& diags) {
  std::vector<rules::RuleSource> sources = rules::builtin_rule_sources();
  for (const std::string& dir : rules_dirs) {
    std::vector<rules::RuleSource> more = rules::read_rule_dir(dir, diags);
    sources.insert(sources.end(), more.begin(), more.end());
  }
  return std::make_unique<rules::RuleSet>(rules::load_rules(sources, diags));
}

LoadedGraph load_graph(const ScanOptions& options, core::Diagnostics& diags) {
  LoadedGraph out;
  bool has_stdin = false;
  std::vector<core::DiscoveredFile> files =
      core::discover(paths_on_disk(options.paths, has_stdin), options.discover, diags);
  if (options.changed) {
    for (core::DiscoveredFile& f : files) f.named = false;
  }
  if (has_stdin) {
    std::vector<core::DiscoveredFile> more =
        read_stream_files(STDIN_FILENO, options.stdin_name, options.discover, diags);
    files.insert(files.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
  }
  auto internal = [&](const std::string& path, const char* what, const std::exception& e) {
    diags.error(core::DiagnosticKind::kInternal, "internal-error", path, {},
                fmt::format("internal error while reading {}: {}", what, e.what()));
  };
  // Terraform files are parsed first: plan files place their findings in
  // them, and the root modules a plan covers are not evaluated again.
  TerraformFiles terraform;
  try {
    terraform = parse_terraform(files, options, diags, out.files);
  } catch (const std::exception& e) {
    internal("", "Terraform", e);
  }
  PlanScan plans(terraform, options);
  std::vector<formats::Unit> others;
  for (const core::DiscoveredFile& f : files) {
    if (is_terraform_file(f)) continue;
    try {
      scan_file(f, options, plans, others, diags, out.files, out.spent);
    } catch (const std::exception& e) {
      internal(f.path, "this file", e);
    }
  }
  std::vector<formats::Unit> units;
  try {
    adapt_terraform(std::move(terraform), options, plans.covered(), units, diags, out.files);
  } catch (const std::exception& e) {
    internal("", "Terraform", e);
  }
  for (formats::Unit& u : others) units.push_back(std::move(u));
  out.graph = std::make_unique<graph::Graph>(std::move(units));
  return out;
}

ScanOutput run_scan(const ScanOptions& options, std::unique_ptr<rules::RuleSet> rules,
                    core::Diagnostics diags) {
  ScanOutput out;
  LoadedGraph loaded = load_graph(options, diags);
  const graph::Graph& graph = *loaded.graph;
  std::map<std::string, double>& spent = loaded.spent;
  const size_t scanned = loaded.files;
  rules::EvalOptions eval;
  eval.report_unknown = options.report_unknown;
  eval.only_rules.insert(options.only_rules.begin(), options.only_rules.end());
  eval.disabled_rules.insert(options.disabled_rules.begin(), options.disabled_rules.end());
  eval.diagnostics = &diags;
  eval.file_timeout_seconds = options.file_timeout_seconds;
  eval.max_values_per_file = options.max_nodes;
  eval.spent_seconds = std::move(spent);
  out.result.findings = rules::evaluate(*rules, graph, eval);
  rules::apply_suppressions(out.result.findings, graph, *rules, options.suppress, diags);
  out.result.resources = graph.resources().size();
  out.result.files_scanned = scanned;
  diags.sort();
  out.result.diagnostics = std::move(diags);
  out.rules = std::move(rules);
  out.result.rules = out.rules.get();
  return out;
}

}  // namespace genlens::cli
