#pragma once
#include <string>

#include "cli/scan.h"

namespace genlens::cli {

// `genlens graph PATH... [--format dot|json] [--output FILE]`: the resource
// graph. Input diagnostics go to stderr and make the exit code 2.
int print_graph(const ScanOptions& options, const std::string& format, const std::string& output);

}  // namespace genlens::cli
