#include "genlens/core/diagnostic.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace genlens::core {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

std::string Diagnostic::to_string() const {
  std::string where = path.empty() ? std::string("genlens") : path;
  if (pos.line != 0) {
    where += fmt::format(":{}", pos.line);
    if (pos.column != 0) where += fmt::format(":{}", pos.column);
  }
  return fmt::format("{}: {}: {}", where, severity_name(severity), message);
}

void Diagnostics::error(DiagnosticKind kind, std::string code, std::string path, Position pos,
                        std::string message) {
  add({Severity::kError, kind, std::move(code), std::move(path), pos, std::move(message)});
}

void Diagnostics::warning(DiagnosticKind kind, std::string code, std::string path, Position pos,
                          std::string message) {
  add({Severity::kWarning, kind, std::move(code), std::move(path), pos, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has(DiagnosticKind kind) const {
  return std::any_of(items_.begin(), items_.end(), [&](const Diagnostic& d) {
    return d.kind == kind && d.severity == Severity::kError;
  });
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.pos, a.message) < std::tie(b.path, b.pos, b.message);
  });
}

}  // namespace genlens::core
