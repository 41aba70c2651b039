// JSON output: a stable, versioned schema documented in
// docs/output-formats.md. Bump kSchemaVersion on any incompatible change.
#include <nlohmann/json.hpp>
#include <string>

#include "common.h"
#include "genlens/report/report.h"

namespace genlens::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kSchemaVersion = 1;

const char* verdict_name(rules::Verdict v) {
  switch (v) {
    case rules::Verdict::kPass:
      return "pass";
    case rules::Verdict::kFail:
      return "fail";
    case rules::Verdict::kUnknown:
      return "unknown";
    case rules::Verdict::kNotApplicable:
      return "not_applicable";
  }
  return "fail";
}

const char* kind_name(core::DiagnosticKind k) {
  switch (k) {
    case core::DiagnosticKind::kInput:
      return "input";
    case core::DiagnosticKind::kConfig:
      return "config";
    case core::DiagnosticKind::kInternal:
      return "internal";
  }
  return "input";
}

Json position(core::Position pos) { return Json{{"line", pos.line}, {"column", pos.column}}; }

Json location(const rules::Location& loc) {
  return Json{{"path", loc.path},
              {"start", position(loc.range.begin)},
              {"end", position(loc.range.end)},
              {"logical_path", loc.logical_path},
              {"message", loc.message}};
}

Json finding(const rules::Finding& f) {
  Json related = Json::array();
  for (const rules::Location& r : f.related) related.push_back(location(r));
  Json suppression = nullptr;
  if (f.suppression) {
    suppression = Json{{"justification", f.suppression->justification},
                       {"location", location(f.suppression->location)}};
  }
  return Json{{"rule_id", f.rule != nullptr ? f.rule->id : std::string()},
              {"rule_name", f.rule != nullptr ? f.rule->name : std::string()},
              {"level", core::severity_name(f.level)},
              {"verdict", verdict_name(f.verdict)},
              {"message", f.message},
              {"path", f.location.path},
              {"start", position(f.location.range.begin)},
              {"end", position(f.location.range.end)},
              {"logical_path", f.location.logical_path},
              {"resource", Json{{"type", f.resource_type}, {"name", f.resource_name}}},
              {"related", std::move(related)},
              {"fingerprint", f.fingerprint},
              {"suppressed", f.suppression.has_value()},
              {"suppression", std::move(suppression)}};
}

Json diagnostic(const core::Diagnostic& d) {
  return Json{{"level", core::severity_name(d.severity)},
              {"kind", kind_name(d.kind)},
              {"code", d.code},
              {"path", d.path},
              {"line", d.pos.line},
              {"column", d.pos.column},
              {"message", d.message}};
}

}  // namespace

void write_json(std::ostream& out, const ScanResult& result, const ReportOptions& options) {
  const internal::Counts c = internal::count(result);
  Json findings = Json::array();
  for (const rules::Finding& f : result.findings) findings.push_back(finding(f));
  Json diagnostics = Json::array();
  for (const core::Diagnostic& d : result.diagnostics.all()) diagnostics.push_back(diagnostic(d));

  const Json doc{{"version", kSchemaVersion},
                 {"tool", Json{{"name", "genlens"}, {"version", options.version}}},
                 {"summary", Json{{"findings", c.findings},
                                  {"errors", c.errors},
                                  {"warnings", c.warnings},
                                  {"notes", c.notes},
                                  {"unknown", c.unknown},
                                  {"suppressed", c.suppressed},
                                  {"files", result.files_scanned},
                                  {"resources", result.resources},
                                  {"files_not_processed", c.files_not_processed},
                                  {"config_errors", c.config_errors},
                                  {"diagnostics", result.diagnostics.all().size()},
                                  {"baselined", result.baselined}}},
                 {"findings", std::move(findings)},
                 {"diagnostics", std::move(diagnostics)}};
  // Invalid UTF-8 (file names, user text) is replaced rather than thrown on.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace genlens::report
