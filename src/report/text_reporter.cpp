// Text output, one line per problem, in the compiler format editors and CI
// log matchers understand:
//   path:line:col: severity[RULE-ID] message
//     path:line:col: note: related message
//   path:line:col: error: diagnostic message
//   3 findings (2 errors, 1 warning), 1 suppressed in 4 files, 12 resources
// Suppressed findings are left out unless show_suppressed; then a note
// line under each says where and why.
#include <string>
#include <string_view>
#include <vector>

#include "common.h"
#include "genlens/report/report.h"

namespace genlens::report {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kCyan = "\x1b[36m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}

  [[nodiscard]] std::string paint(std::string_view style, std::string_view text) const {
    if (!color_) return std::string(text);
    std::string out(style);
    out += text;
    out += kReset;
    return out;
  }

  [[nodiscard]] std::string severity(core::Severity s) const {
    return paint(severity_style(s), core::severity_name(s));
  }

 private:
  static std::string_view severity_style(core::Severity s) {
    switch (s) {
      case core::Severity::kError:
        return kRed;
      case core::Severity::kWarning:
        return kYellow;
      case core::Severity::kNote:
        return kCyan;
    }
    return kRed;
  }

  bool color_;
};

// "path:line:col:" with the parts that are known (same shape as
// Diagnostic::to_string).
std::string where(std::string_view path, core::Position pos) {
  std::string out = path.empty() ? std::string("genlens") : std::string(path);
  if (pos.line != 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column != 0) out += ':' + std::to_string(pos.column);
  }
  out += ':';
  return out;
}

void write_finding(std::ostream& out, const rules::Finding& f, const Painter& p) {
  const std::string id = f.rule != nullptr ? f.rule->id : std::string();
  out << p.paint(kBold, where(f.location.path, f.location.range.begin)) << ' '
      << p.severity(f.level) << p.paint(kDim, "[" + id + "]") << ' ' << f.message << '\n';
  if (f.suppression) {
    const rules::Location& at = f.suppression->location;
    const std::string& why = f.suppression->justification;
    out << "  " << p.paint(kBold, where(at.path, at.range.begin)) << ' '
        << p.severity(core::Severity::kNote) << ": suppressed here"
        << (why.empty() ? std::string(" (no reason given)") : ": " + why) << '\n';
  }
  for (const rules::Location& r : f.related) {
    std::string_view message = r.message;
    if (message.empty()) message = r.logical_path;
    if (message.empty()) message = "related location";
    out << "  " << p.paint(kBold, where(r.path, r.range.begin)) << ' '
        << p.severity(core::Severity::kNote) << ": " << message << '\n';
  }
}

void write_diagnostic(std::ostream& out, const core::Diagnostic& d, const Painter& p, bool color) {
  if (!color) {
    out << d.to_string() << '\n';
    return;
  }
  out << p.paint(kBold, where(d.path, d.pos)) << ' ' << p.severity(d.severity) << ": " << d.message
      << '\n';
}

}  // namespace

void write_text(std::ostream& out, const ScanResult& result, const ReportOptions& options) {
  const Painter painter(options.color);
  for (const rules::Finding& f : result.findings) {
    if (!f.suppression || options.show_suppressed) write_finding(out, f, painter);
  }
  for (const core::Diagnostic& d : result.diagnostics.all()) {
    write_diagnostic(out, d, painter, options.color);
  }
  out << internal::summary(result) << '\n';
}

}  // namespace genlens::report
