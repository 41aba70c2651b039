#include "cli/graph_command.h"

#include <iostream>

#include "cli/app.h"
#include "cli/output.h"
#include "genlens/report/graph_output.h"

namespace genlens::cli {

int print_graph(const ScanOptions& options, const std::string& format, const std::string& output) {
  core::Diagnostics diags;
  const LoadedGraph loaded = load_graph(options, diags);
  const std::string err = write_output(output, [&](std::ostream& out) {
    if (format == "json") {
      report::write_graph_json(out, *loaded.graph);
    } else {
      report::write_graph_dot(out, *loaded.graph);
    }
  });
  diags.sort();
  for (const core::Diagnostic& d : diags.all()) std::cerr << d.to_string() << "\n";
  if (!err.empty()) {
    std::cerr << "genlens: error: " << err << "\n";
    return kExitInput;
  }
  if (diags.has(core::DiagnosticKind::kInternal)) return kExitInternal;
  if (diags.has(core::DiagnosticKind::kInput)) return kExitInput;
  return kExitClean;
}

}  // namespace genlens::cli
