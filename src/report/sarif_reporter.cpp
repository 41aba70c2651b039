// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. See
// docs/output-formats.md and STYLE-ANCHORS.md 4.8. The output is a pure
// function of its inputs: no timestamps, rules sorted by ID, results in the
// caller's (sorted) order.
#include <algorithm>
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common.h"
#include "genlens/report/report.h"

namespace genlens::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/genlens/genlens";
constexpr std::string_view kSrcRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "genlens/v1";

const char* sarif_level(core::Severity s) { return core::severity_name(s); }

const char* problem_severity(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return "error";
    case core::Severity::kWarning:
      return "warning";
    case core::Severity::kNote:
      return "recommendation";
  }
  return "error";
}

// GitHub's scale: critical >= 9.0 > high >= 7.0 > medium >= 4.0 > low.
const char* security_severity(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return "8.0";
    case core::Severity::kWarning:
      return "5.0";
    case core::Severity::kNote:
      return "2.0";
  }
  return "8.0";
}

std::string first_non_empty(std::initializer_list<std::string_view> texts) {
  for (std::string_view t : texts) {
    if (!t.empty()) return std::string(t);
  }
  return {};
}

std::string help_text(const rules::RuleMeta& meta) {
  std::string text = first_non_empty({meta.summary, meta.name, meta.id});
  if (!meta.description.empty()) text += "\n\n" + meta.description;
  if (!meta.remediation.empty()) text += "\n\nRemediation: " + meta.remediation;
  if (!meta.references.empty()) {
    text += "\n\nReferences:";
    for (const std::string& ref : meta.references) text += "\n- " + ref;
  }
  return text;
}

Json rule_descriptor(const rules::Rule* rule, const rules::RuleMeta& meta,
                     const ReportOptions& options) {
  Json tags = Json::array();
  if (!meta.pillar.empty()) tags.push_back(meta.pillar);
  for (const std::string& bp : meta.lens) tags.push_back(bp);
  tags.push_back("genai");

  Json properties{{"tags", std::move(tags)},
                  {"precision", "high"},
                  {"problem.severity", problem_severity(meta.severity)}};
  if (meta.pillar == "security") {
    properties["security-severity"] = security_severity(meta.severity);
  }

  const std::string summary = first_non_empty({meta.summary, meta.name, meta.id});
  Json help{{"text", help_text(meta)}};
  if (rule != nullptr) help["markdown"] = rules::rule_markdown(*rule);

  Json d{{"id", meta.id}};
  if (!meta.name.empty()) d["name"] = meta.name;
  d["shortDescription"] = Json{{"text", summary}};
  d["fullDescription"] = Json{{"text", first_non_empty({meta.description, summary})}};
  d["help"] = std::move(help);
  if (!options.docs_base_url.empty()) d["helpUri"] = options.docs_base_url + meta.id + ".md";
  d["defaultConfiguration"] = Json{{"level", sarif_level(meta.severity)}};
  d["properties"] = std::move(properties);
  return d;
}

// Every rule of the set, plus any rule a finding refers to that the set does
// not hold, sorted by ID. `index` maps an ID to its position (ruleIndex).
struct RuleTable {
  struct Entry {
    const rules::Rule* rule = nullptr;  // null when only the metadata is known
    const rules::RuleMeta* meta = nullptr;
  };
  std::vector<Entry> entries;
  std::map<std::string, size_t, std::less<>> index;
};

RuleTable rule_table(const ScanResult& result) {
  RuleTable table;
  std::map<std::string, RuleTable::Entry, std::less<>> by_id;
  if (result.rules != nullptr) {
    for (const auto& rule : result.rules->rules()) {
      by_id.emplace(rule->meta.id, RuleTable::Entry{rule.get(), &rule->meta});
    }
  }
  for (const rules::Finding& f : result.findings) {
    if (f.rule != nullptr) by_id.emplace(f.rule->id, RuleTable::Entry{nullptr, f.rule});
  }
  for (auto& [id, entry] : by_id) {
    table.index.emplace(id, table.entries.size());
    table.entries.push_back(entry);
  }
  return table;
}

// Artifact locations: relative to %SRCROOT%, or absolute file:// URIs for
// files outside it (remembered, see invocation()).
class Locator {
 public:
  explicit Locator(std::string_view srcroot) : uris_(srcroot) {}

  [[nodiscard]] const std::string& root_uri() const { return uris_.root_uri(); }
  [[nodiscard]] bool saw_absolute() const { return saw_absolute_; }

  Json artifact(std::string_view path) {
    const internal::ArtifactUri mapped = uris_.map(path);
    Json loc{{"uri", mapped.uri}};
    if (mapped.under_root) {
      loc["uriBaseId"] = kSrcRoot;
    } else {
      saw_absolute_ = true;
    }
    return loc;
  }

 private:
  internal::UriMapper uris_;
  bool saw_absolute_ = false;
};

// Lines and columns that are 0 (unknown) are left out; an unknown end is the
// start. A location without a line (a whole file) is given line 1, because
// GitHub code scanning requires region.startLine.
Json region(const core::SourceRange& range) {
  const core::Position begin = range.begin;
  if (!begin.known()) return Json{{"startLine", 1}};
  core::Position end = range.end;
  if (!end.known() || end.line < begin.line) end = begin;
  Json r{{"startLine", begin.line}};
  if (begin.column != 0) r["startColumn"] = begin.column;
  r["endLine"] = end.line;
  if (begin.column != 0 && end.column != 0) {
    const bool backwards = end.line == begin.line && end.column < begin.column;
    r["endColumn"] = backwards ? begin.column : end.column;
  }
  return r;
}

Json physical_location(Locator& locator, std::string_view path, const core::SourceRange& range) {
  return Json{{"artifactLocation", locator.artifact(path)}, {"region", region(range)}};
}

Json result_json(const rules::Finding& f, const RuleTable& table, Locator& locator) {
  const rules::RuleMeta* meta = f.rule;
  Json r;
  r["ruleId"] = meta != nullptr ? meta->id : std::string();
  if (meta != nullptr) {
    if (auto it = table.index.find(meta->id); it != table.index.end()) r["ruleIndex"] = it->second;
  }
  r["level"] = sarif_level(f.level);
  r["message"] = Json{{"text", f.message.empty() && meta != nullptr
                                   ? first_non_empty({meta->summary, meta->id})
                                   : f.message}};

  Json location = Json::object();
  if (!internal::is_pseudo_path(f.location.path)) {
    location["physicalLocation"] = physical_location(locator, f.location.path, f.location.range);
  }
  if (!f.resource_name.empty() || !f.location.logical_path.empty()) {
    Json logical = Json::object();
    if (!f.resource_name.empty()) logical["name"] = f.resource_name;
    logical["fullyQualifiedName"] = first_non_empty({f.location.logical_path, f.resource_name});
    logical["kind"] = "resource";
    location["logicalLocations"] = Json::array({std::move(logical)});
  }
  if (!location.empty()) r["locations"] = Json::array({std::move(location)});

  if (!f.fingerprint.empty()) r["partialFingerprints"] = Json{{kFingerprintKey, f.fingerprint}};

  Json related = Json::array();
  for (const rules::Location& loc : f.related) {
    Json rel{{"id", related.size() + 1}};
    if (!internal::is_pseudo_path(loc.path)) {
      rel["physicalLocation"] = physical_location(locator, loc.path, loc.range);
    }
    if (!loc.logical_path.empty()) {
      // Not necessarily a resource (a parameter, a variable): no kind.
      rel["logicalLocations"] = Json::array({Json{{"fullyQualifiedName", loc.logical_path}}});
    }
    if (const std::string text = first_non_empty({loc.message, loc.logical_path}); !text.empty()) {
      rel["message"] = Json{{"text", text}};
    }
    related.push_back(std::move(rel));
  }
  if (!related.empty()) r["relatedLocations"] = std::move(related);

  if (f.suppression) {
    // SARIF 2.1.0 §3.35: an in-source suppression, accepted by the tool.
    Json sup{{"kind", "inSource"}, {"status", "accepted"}};
    if (!f.suppression->justification.empty()) {
      sup["justification"] = f.suppression->justification;
    }
    const rules::Location& at = f.suppression->location;
    if (!internal::is_pseudo_path(at.path)) {
      sup["location"] = Json{{"physicalLocation", physical_location(locator, at.path, at.range)}};
    }
    r["suppressions"] = Json::array({std::move(sup)});
  }
  if (f.verdict == rules::Verdict::kUnknown) r["properties"] = Json{{"verdict", "unknown"}};
  return r;
}

// "<builtin>/security/x.yaml:2" for names that are not files, which get no
// physical location.
std::string pseudo_location_prefix(const core::Diagnostic& d) {
  if (d.path.empty()) return {};
  std::string where = d.path;
  if (d.pos.line != 0) where += ":" + std::to_string(d.pos.line);
  if (d.pos.line != 0 && d.pos.column != 0) where += ":" + std::to_string(d.pos.column);
  return where + ": ";
}

Json notification(const core::Diagnostic& d, Locator& locator) {
  const bool pseudo = internal::is_pseudo_path(d.path);
  const std::string text = pseudo ? pseudo_location_prefix(d) + d.message : d.message;
  Json n{{"level", sarif_level(d.severity)}, {"message", Json{{"text", text}}}};
  if (!d.code.empty()) n["descriptor"] = Json{{"id", d.code}};
  if (!pseudo) {
    n["locations"] = Json::array(
        {Json{{"physicalLocation", physical_location(locator, d.path, {d.pos, d.pos})}}});
  }
  return n;
}

int level_rank(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return 0;
    case core::Severity::kWarning:
      return 1;
    case core::Severity::kNote:
      return 2;
  }
  return 0;
}

// The findings that fit in one run: all of them, or, over the limit, the
// errors first, then warnings, then notes (each level in the sorted order),
// given back in the sorted order.
std::vector<const rules::Finding*> kept_findings(const ScanResult& result, size_t limit) {
  std::vector<const rules::Finding*> all;
  all.reserve(result.findings.size());
  for (const rules::Finding& f : result.findings) all.push_back(&f);
  if (all.size() <= limit) return all;
  std::vector<const rules::Finding*> by_level = all;
  std::stable_sort(by_level.begin(), by_level.end(),
                   [](const rules::Finding* a, const rules::Finding* b) {
                     return level_rank(a->level) < level_rank(b->level);
                   });
  const std::set<const rules::Finding*> keep(by_level.begin(),
                                             by_level.begin() + static_cast<std::ptrdiff_t>(limit));
  std::vector<const rules::Finding*> kept;
  for (const rules::Finding* f : all) {
    if (keep.count(f) != 0) kept.push_back(f);
  }
  return kept;
}

// "5,000".
std::string thousands(size_t n) {
  std::string digits = std::to_string(n);
  for (size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

// Says how many results were left out, of which levels, and why.
Json limit_notification(const ScanResult& result, const std::vector<const rules::Finding*>& kept,
                        size_t limit) {
  const std::set<const rules::Finding*> in(kept.begin(), kept.end());
  size_t dropped[3] = {0, 0, 0};
  for (const rules::Finding& f : result.findings) {
    if (in.count(&f) == 0) ++dropped[level_rank(f.level)];
  }
  const char* names[3] = {"error", "warning", "note"};
  std::string which;
  for (size_t i = 0; i < 3; ++i) {
    if (dropped[i] == 0) continue;
    if (!which.empty()) which += ", ";
    which += internal::plural(dropped[i], names[i], std::string(names[i]) + "s");
  }
  const std::string text =
      internal::plural(result.findings.size() - kept.size(), "result was", "results were") +
      " left out (" + which + "): a SARIF run holds at most " + thousands(limit) +
      " results, the most GitHub code scanning accepts; errors were kept first, then warnings, "
      "then notes. Use --format json or text for the full list.";
  return Json{{"level", "warning"},
              {"message", Json{{"text", text}}},
              {"descriptor", Json{{"id", "result-limit"}}}};
}

Json baseline_notification(size_t baselined) {
  const std::string text = internal::plural(baselined, "finding matches", "findings match") +
                           " the baseline (--baseline) and " + (baselined == 1 ? "is" : "are") +
                           " not reported.";
  return Json{{"level", "note"},
              {"message", Json{{"text", text}}},
              {"descriptor", Json{{"id", "baseline"}}}};
}

Json invocation(const ScanResult& result, Locator& locator, Json execution) {
  Json configuration = Json::array();
  bool successful = true;
  for (const core::Diagnostic& d : result.diagnostics.all()) {
    // An incomplete scan must never look clean.
    if (d.severity == core::Severity::kError) successful = false;
    (d.kind == core::DiagnosticKind::kConfig ? configuration : execution)
        .push_back(notification(d, locator));
  }
  if (result.baselined != 0) execution.push_back(baseline_notification(result.baselined));
  Json inv{{"executionSuccessful", successful}};
  // Absolute URIs (files outside %SRCROOT%) can still be mapped to the
  // repository by GitHub when it knows the working directory.
  if (locator.saw_absolute()) {
    inv["workingDirectory"] = Json{{"uri", internal::UriMapper("").root_uri()}};
  }
  if (!execution.empty()) inv["toolExecutionNotifications"] = std::move(execution);
  if (!configuration.empty()) inv["toolConfigurationNotifications"] = std::move(configuration);
  return inv;
}

}  // namespace

std::string category_error(std::string_view category) {
  if (category.empty()) return "--category must not be empty";
  if (category.size() > 200) return "--category is longer than 200 characters";
  if (category.front() == '/') return "--category must not start with '/'";
  for (char c : category) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    std::string_view("-_.:/=+@").find(c) != std::string_view::npos;
    if (!ok) {
      return "--category may hold only letters, digits and - _ . : / = + @ (as in "
             "'genlens' or 'iac/prod'), not '" +
             std::string(category) + "'";
    }
  }
  if (category.find("//") != std::string_view::npos) {
    return "--category must not contain an empty part ('//')";
  }
  return "";
}

size_t sarif_results_left_out(const ScanResult& result, const ReportOptions& options) {
  const size_t n = result.findings.size();
  return n > options.max_sarif_results ? n - options.max_sarif_results : 0;
}

void write_sarif(std::ostream& out, const ScanResult& result, const ReportOptions& options) {
  Locator locator(options.srcroot);
  const RuleTable table = rule_table(result);

  Json rules = Json::array();
  for (const RuleTable::Entry& e : table.entries) {
    rules.push_back(rule_descriptor(e.rule, *e.meta, options));
  }
  Json driver{{"name", "genlens"}};
  if (!options.version.empty()) driver["semanticVersion"] = options.version;
  driver["version"] = options.version.empty() ? std::string("0.0.0") : options.version;
  driver["informationUri"] = kInformationUri;
  driver["rules"] = std::move(rules);

  const std::vector<const rules::Finding*> kept = kept_findings(result, options.max_sarif_results);
  Json results = Json::array();
  for (const rules::Finding* f : kept) results.push_back(result_json(*f, table, locator));
  Json execution = Json::array();
  if (kept.size() < result.findings.size()) {
    execution.push_back(limit_notification(result, kept, options.max_sarif_results));
  }
  Json invocations =
      Json::array({invocation(result, locator, std::move(execution))});  // after the results

  Json run;
  run["tool"] = Json{{"driver", std::move(driver)}};
  if (!options.category.empty()) {
    // Code scanning takes what comes before the last '/' as the category.
    std::string id = options.category;
    if (id.back() != '/') id += '/';
    run["automationDetails"] = Json{{"id", std::move(id)}};
  }
  run["invocations"] = std::move(invocations);
  run["originalUriBaseIds"] = Json{{kSrcRoot, Json{{"uri", locator.root_uri()}}}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  const Json log{{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace genlens::report
