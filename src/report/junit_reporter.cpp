// JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure
// Pipelines, CircleCI). One <testsuite> per loaded rule, named by its ID and
// slug: these systems list suites and their failed cases, so a reader sees
// which checks failed and where, and a rule without findings is one passed
// testcase, so a clean scan still shows what was checked. Each finding is a
// failed testcase named "path:line:col resource". Tool diagnostics form a
// last suite, "genlens diagnostics", whose error-level entries are <error>s.
// Output is deterministic: rules by ID, findings in the sorted order.
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common.h"
#include "genlens/core/source.h"
#include "genlens/report/report.h"

namespace genlens::report {
namespace {

// XML 1.0 text: markup characters become entities, characters XML cannot
// hold (C0 controls other than tab, LF, CR) and invalid UTF-8 become U+FFFD.
std::string xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t bad = core::find_invalid_utf8(text);
    const std::string_view good = text.substr(0, bad);
    for (char c : good) {
      const auto u = static_cast<unsigned char>(c);
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&apos;";
          break;
        case '\n':
          out += "&#10;";
          break;
        case '\r':
          out += "&#13;";
          break;
        case '\t':
          out += "&#9;";
          break;
        default:
          if (u < 0x20 || u == 0x7F) {
            core::append_utf8(0xFFFD, out);
          } else {
            out += c;
          }
      }
    }
    if (bad == std::string_view::npos) break;
    core::append_utf8(0xFFFD, out);
    text.remove_prefix(bad + 1);
  }
  return out;
}

std::string where(std::string_view path, core::Position pos) {
  std::string out = path.empty() ? std::string("genlens") : std::string(path);
  if (pos.line != 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column != 0) out += ':' + std::to_string(pos.column);
  }
  return out;
}

struct Suite {
  std::string name;
  std::vector<std::string> cases;  // <testcase> elements
  size_t failures = 0;
  size_t errors = 0;
};

std::string finding_case(const rules::Finding& f, const std::string& rule_id) {
  std::string name = where(f.location.path, f.location.range.begin);
  if (!f.resource_name.empty()) name += " " + f.resource_name;
  std::string detail = where(f.location.path, f.location.range.begin) + ": " + f.message;
  if (!f.location.logical_path.empty()) detail += "\n(" + f.location.logical_path + ")";
  for (const rules::Location& r : f.related) {
    detail += "\n" + where(r.path, r.range.begin) + ": " +
              (r.message.empty() ? r.logical_path : r.message);
  }
  std::ostringstream c;
  c << "    <testcase name=\"" << xml(name) << "\" classname=\"" << xml(rule_id) << "\" file=\""
    << xml(f.location.path) << "\"";
  if (f.location.range.begin.line != 0) c << " line=\"" << f.location.range.begin.line << "\"";
  c << ">\n      <failure message=\"" << xml(f.message) << "\" type=\""
    << core::severity_name(f.level) << "\">" << xml(detail) << "</failure>\n    </testcase>\n";
  return c.str();
}

std::string diagnostic_case(const core::Diagnostic& d) {
  const std::string at = where(d.path, d.pos);
  std::ostringstream c;
  c << "    <testcase name=\"" << xml(at) << "\" classname=\"genlens." << xml(d.code) << "\"";
  if (d.severity == core::Severity::kError) {
    c << ">\n      <error message=\"" << xml(d.message) << "\" type=\"" << xml(d.code) << "\">"
      << xml(at + ": " + d.message) << "</error>\n    </testcase>\n";
  } else {
    c << ">\n      <system-out>"
      << xml(at + ": " + std::string(core::severity_name(d.severity)) + ": " + d.message)
      << "</system-out>\n    </testcase>\n";
  }
  return c.str();
}

}  // namespace

void write_junit(std::ostream& out, const ScanResult& result, const ReportOptions& /*options*/) {
  std::map<std::string, Suite> by_rule;  // by ID
  if (result.rules != nullptr) {
    for (const auto& rule : result.rules->rules()) {
      by_rule[rule->meta.id].name = rule->meta.id + " " + rule->meta.name;
    }
  }
  for (const rules::Finding& f : result.findings) {
    if (f.suppression) continue;  // suppressed in the source: not a failure
    const std::string id = f.rule != nullptr ? f.rule->id : std::string();
    Suite& s = by_rule[id];
    if (s.name.empty()) s.name = f.rule != nullptr ? id + " " + f.rule->name : id;
    s.cases.push_back(finding_case(f, id));
    ++s.failures;
  }
  std::vector<Suite> suites;
  for (auto& entry : by_rule) {
    Suite& s = entry.second;
    if (s.cases.empty()) {
      s.cases.push_back("    <testcase name=\"no findings\" classname=\"" + xml(entry.first) +
                        "\"/>\n");
    }
    suites.push_back(std::move(s));
  }
  if (!result.diagnostics.all().empty()) {
    Suite diags;
    diags.name = "genlens diagnostics";
    for (const core::Diagnostic& d : result.diagnostics.all()) {
      diags.cases.push_back(diagnostic_case(d));
      if (d.severity == core::Severity::kError) ++diags.errors;
    }
    suites.push_back(std::move(diags));
  }
  size_t tests = 0;
  size_t failures = 0;
  size_t errors = 0;
  for (const Suite& s : suites) {
    tests += s.cases.size();
    failures += s.failures;
    errors += s.errors;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"genlens\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\">\n";
  for (const Suite& s : suites) {
    out << "  <testsuite name=\"" << xml(s.name) << "\" tests=\"" << s.cases.size()
        << "\" failures=\"" << s.failures << "\" errors=\"" << s.errors << "\" skipped=\"0\">\n";
    for (const std::string& c : s.cases) out << c;
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace genlens::report
