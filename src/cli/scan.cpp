#include "cli/scan.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "genlens/formats/cloudformation.h"
#include "genlens/graph/graph.h"
#include "genlens/parse/parse.h"
#include "genlens/rules/engine.h"

namespace genlens::cli {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Files whose problems are worth a diagnostic: named on the command line,
// named like a template, or mentioning CloudFormation.
bool worth_reporting(const core::DiscoveredFile& f, std::string_view text) {
  if (f.named) return true;
  const std::string& p = f.path;
  if (p.find(".cfn.") != std::string::npos || ends_with(p, ".template") ||
      p.find(".template.") != std::string::npos) {
    return true;
  }
  return text.find("AWSTemplateFormatVersion") != std::string_view::npos ||
         text.find("AWS::") != std::string_view::npos;
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

// Reads, parses and adapts one file; appends its templates to `units`.
void scan_file(const core::DiscoveredFile& f, const ScanOptions& options,
               std::vector<formats::Unit>& units, core::Diagnostics& diags, size_t& files) {
  auto content = core::read_file(f.path, options.discover.max_file_size);
  if (!content.ok()) {
    diags.error(core::DiagnosticKind::kInput, "io-error", f.path, {}, content.error().message);
    return;
  }
  auto source = std::make_shared<core::SourceFile>(f.path, std::move(content.value()));
  const bool report = worth_reporting(f, source->text());
  // A template has a Resources or AWSTemplateFormatVersion key: files that
  // mention neither cannot be one and are not parsed at all.
  if (!report && source->text().find("Resources") == std::string_view::npos) return;
  auto parsed = looks_like_json(source->text(), f.path) ? parse::parse_json(source)
                                                        : parse::parse_yaml(source);
  if (!parsed.ok()) {
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
                  "empty file: expected a CloudFormation template");
    }
    return;
  }
  bool any = false;
  for (const core::Node* root : doc->roots()) {
    if (!formats::cloudformation::is_template(root)) continue;
    units.push_back(formats::cloudformation::adapt(doc, root, diags));
    any = true;
  }
  if (any) {
    ++files;
  } else if (f.named) {
    spdlog::info("{}: not a CloudFormation template; skipped", f.path);
  }
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

ScanOutput run_scan(const ScanOptions& options, std::unique_ptr<rules::RuleSet> rules,
                    core::Diagnostics diags) {
  ScanOutput out;
  std::vector<core::DiscoveredFile> files = core::discover(options.paths, options.discover, diags);
  std::vector<formats::Unit> units;
  size_t scanned = 0;
  for (const core::DiscoveredFile& f : files) {
    try {
      scan_file(f, options, units, diags, scanned);
    } catch (const std::exception& e) {
      diags.error(core::DiagnosticKind::kInternal, "internal-error", f.path, {},
                  fmt::format("internal error while reading this file: {}", e.what()));
    }
  }
  graph::Graph graph(std::move(units));
  rules::EvalOptions eval;
  eval.report_unknown = options.report_unknown;
  eval.only_rules.insert(options.only_rules.begin(), options.only_rules.end());
  eval.disabled_rules.insert(options.disabled_rules.begin(), options.disabled_rules.end());
  eval.diagnostics = &diags;
  out.result.findings = rules::evaluate(*rules, graph, eval);
  out.result.resources = graph.resources().size();
  out.result.files_scanned = scanned;
  diags.sort();
  out.result.diagnostics = std::move(diags);
  out.rules = std::move(rules);
  out.result.rules = out.rules.get();
  return out;
}

}  // namespace genlens::cli
