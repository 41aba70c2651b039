#pragma once
// Rendered streams for `genlens scan -` tests (Helm output with `# Source:`
// comments) and the places a SARIF report names, for exact assertions.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace genlens::testing {

struct RenderedDoc {
  std::string source;  // the `# Source:` path; empty: none
  std::string body;    // the document, ending in '\n'
};

// What `helm template` prints: "---\n# Source: PATH\n" and the body, per
// document.
std::string helm_stream(const std::vector<RenderedDoc>& docs);

// The file genlens makes of the documents of `source`: its documents in
// stream order, each from its `---` line. Expected lines are counted in it.
std::string template_file(const std::vector<RenderedDoc>& docs, const std::string& source);

// 1-based number of the `nth` line of `text` equal to `line`; 0 when none.
uint32_t line_of(const std::string& text, const std::string& line, int nth = 1);

// "uri:line:col RULE-ID" of every result (uri relative to %SRCROOT%, or
// "file://..." otherwise), sorted.
std::vector<std::string> sarif_places(const nlohmann::json& sarif);

}  // namespace genlens::testing
