#pragma once
// Where suppression directives are written: comments of the scanned
// documents, CloudFormation resource Metadata, Kubernetes annotations.
#include <cstdint>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/source.h"
#include "genlens/graph/graph.h"
#include "genlens/rules/suppress.h"

namespace genlens::rules::suppress {

// What a directive is attached to, most specific first (the order matches
// are tried in).
enum class Scope : uint8_t { kLines, kResource, kFile };

struct Source {
  Directive directive;
  Scope scope = Scope::kLines;
  std::string path;                             // the file it is written in
  core::SourceRange range;                      // the directive
  const char* kind = "comment";                 // comment, Metadata, annotation
  uint32_t line = 0;                            // kLines: its own line...
  uint32_t next_line = 0;                       // ...and the next non-comment line
  const formats::Resource* resource = nullptr;  // kResource
  bool usable = true;                           // not expired, reason as required
};

// Every well-formed directive of the scan; malformed ones become error
// diagnostics and are left out.
[[nodiscard]] std::vector<Source> collect_sources(const graph::Graph& graph,
                                                  core::Diagnostics& diags);

}  // namespace genlens::rules::suppress
