#pragma once
// Diagnostics: problems of the tool or its inputs. A channel of its own,
// never mixed with findings and never suppressible by rule directives.
#include <string>
#include <vector>

#include "genlens/core/source.h"

namespace genlens::core {

enum class Severity { kError, kWarning, kNote };

// What a diagnostic is about; it decides the exit code.
enum class DiagnosticKind {
  kInput,     // a file could not be read or parsed (exit 2)
  kConfig,    // bad usage, configuration or rule file (exit 3)
  kInternal,  // a bug caught at a file boundary (exit 4)
};

struct Diagnostic {
  Severity severity = Severity::kError;
  DiagnosticKind kind = DiagnosticKind::kInput;
  std::string code;  // stable id, e.g. "parse-error", "io-error", "rule-error"
  std::string path;
  Position pos;
  std::string message;

  // "path:line:col: error: message" (line/col omitted when unknown).
  [[nodiscard]] std::string to_string() const;
};

[[nodiscard]] const char* severity_name(Severity s);

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(DiagnosticKind kind, std::string code, std::string path, Position pos,
             std::string message);
  void warning(DiagnosticKind kind, std::string code, std::string path, Position pos,
               std::string message);
  void append(const Diagnostics& other);
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] bool has(DiagnosticKind kind) const;
  // Stable order: path, line, column, message.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace genlens::core
