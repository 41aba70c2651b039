// GitHub Actions workflow commands: each finding and diagnostic becomes an
// annotation on the pull request and the run summary, e.g.
//   ::error file=stack.yaml,line=26,col=9,endLine=26,endColumn=34,title=GAI-SEC-012::ChatConfig ...
// followed by the summary line as plain log text. Escaping follows the
// Actions runner: '%', CR and LF in the message; also ':' and ',' in
// property values.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common.h"
#include "genlens/report/report.h"

namespace genlens::report {
namespace {

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char* command_name(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return "error";
    case core::Severity::kWarning:
      return "warning";
    case core::Severity::kNote:
      return "notice";
  }
  return "error";
}

// Annotations need paths relative to the repository root: an absolute path
// under the source root is made relative to it.
std::string annotation_path(std::string_view path, const std::string& srcroot) {
  namespace fs = std::filesystem;
  const fs::path p{std::string(path)};
  if (!p.is_absolute() || srcroot.empty()) return std::string(path);
  const fs::path rel =
      p.lexically_normal().lexically_relative(fs::path(srcroot).lexically_normal());
  if (rel.empty() || *rel.begin() == "..") return std::string(path);
  return rel.generic_string();
}

using Properties = std::vector<std::pair<std::string_view, std::string>>;

void add_position(Properties& props, core::SourceRange range) {
  if (range.begin.line == 0) return;
  props.emplace_back("line", std::to_string(range.begin.line));
  if (range.begin.column != 0) props.emplace_back("col", std::to_string(range.begin.column));
  if (range.end.line < range.begin.line) return;
  props.emplace_back("endLine", std::to_string(range.end.line));
  // GitHub reads columns only within one line.
  if (range.end.line == range.begin.line && range.end.column != 0 && range.begin.column != 0) {
    props.emplace_back("endColumn", std::to_string(range.end.column));
  }
}

void command(std::ostream& out, core::Severity level, const Properties& props,
             std::string_view message) {
  out << "::" << command_name(level);
  for (size_t i = 0; i < props.size(); ++i) {
    out << (i == 0 ? " " : ",") << props[i].first << '=' << escape(props[i].second, true);
  }
  out << "::" << escape(message, false) << '\n';
}

void write_finding(std::ostream& out, const rules::Finding& f, const ReportOptions& options) {
  Properties props;
  if (!internal::is_pseudo_path(f.location.path)) {
    props.emplace_back("file", annotation_path(f.location.path, options.srcroot));
    add_position(props, f.location.range);
  }
  if (f.rule != nullptr) props.emplace_back("title", f.rule->id);
  std::string message = f.message;
  for (const rules::Location& r : f.related) {
    std::string where = annotation_path(r.path, options.srcroot);
    if (r.range.begin.line != 0) where += ":" + std::to_string(r.range.begin.line);
    message += "\n  " + where + ": " + (r.message.empty() ? r.logical_path : r.message);
  }
  command(out, f.level, props, message);
}

void write_diagnostic(std::ostream& out, const core::Diagnostic& d, const ReportOptions& options) {
  Properties props;
  std::string message = d.message;
  if (internal::is_pseudo_path(d.path)) {
    if (!d.path.empty()) message = d.path + ": " + message;
  } else {
    props.emplace_back("file", annotation_path(d.path, options.srcroot));
    add_position(props, {d.pos, d.pos});
  }
  props.emplace_back("title", "genlens " + d.code);
  command(out, d.severity, props, message);
}

}  // namespace

void write_github(std::ostream& out, const ScanResult& result, const ReportOptions& options) {
  for (const rules::Finding& f : result.findings) {
    if (!f.suppression) write_finding(out, f, options);  // suppressed: not an annotation
  }
  for (const core::Diagnostic& d : result.diagnostics.all()) write_diagnostic(out, d, options);
  out << internal::summary(result) << '\n';
}

}  // namespace genlens::report
