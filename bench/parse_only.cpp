// The pure-parse baseline of the whole-process benchmark: walks the paths as
// `genlens scan` does (core::discover, same skipped folders and extensions),
// reads every file and parses it with parse_json or parse_yaml. No
// CloudFormation adapter, no graph, no rules, no report.
//
// Usage: genlens_parse_only [--scan-filter] PATH...
//   --scan-filter  parse only the files `genlens scan` would parse (its
//                  cheap text pre-filter); without it every file found is parsed
// Prints one summary line: files found, parsed, failed to parse, skipped, bytes.
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bench_support.h"
#include "genlens/core/discover.h"
#include "genlens/core/source.h"

int main(int argc, char** argv) {
  namespace core = genlens::core;
  bool scan_filter = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--scan-filter") == 0) {
      scan_filter = true;
    } else if (argv[i][0] == '-') {
      std::fprintf(stderr, "usage: %s [--scan-filter] PATH...\n", argv[0]);
      return 3;
    } else {
      paths.emplace_back(argv[i]);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: %s [--scan-filter] PATH...\n", argv[0]);
    return 3;
  }
  core::Diagnostics diags;
  const core::DiscoverOptions options;
  size_t found = 0, parsed = 0, failed = 0, skipped = 0, unreadable = 0, nodes_roots = 0;
  unsigned long long bytes = 0;
  for (const core::DiscoveredFile& f : core::discover(paths, options, diags)) {
    ++found;
    auto content = core::read_file(f.path, options.max_file_size);
    if (!content.ok()) {
      ++unreadable;
      continue;
    }
    bytes += content.value().size();
    auto source = std::make_shared<core::SourceFile>(f.path, std::move(content.value()));
    if (scan_filter && !genlens::bench::scan_would_parse(f.path, source->text())) {
      ++skipped;
      continue;
    }
    auto doc = genlens::bench::parse_any(source);
    if (doc.ok()) {
      ++parsed;
      nodes_roots += doc.value()->roots().size();
    } else {
      ++failed;
    }
  }
  std::printf(
      "files=%zu parsed=%zu parse_failed=%zu not_parsed=%zu unreadable=%zu documents=%zu "
      "bytes=%llu\n",
      found, parsed, failed, skipped, unreadable, nodes_roots, bytes);
  return 0;
}
