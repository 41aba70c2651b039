#include "stream_test_util.h"

#include <algorithm>
#include <iterator>

namespace genlens::testing {

std::string helm_stream(const std::vector<RenderedDoc>& docs) {
  std::string out;
  for (const RenderedDoc& d : docs) {
    out += "---\n";
    if (!d.source.empty()) out += "# Source: " + d.source + "\n";
    out += d.body;
  }
  return out;
}

std::string template_file(const std::vector<RenderedDoc>& docs, const std::string& source) {
  std::vector<RenderedDoc> mine;
  std::copy_if(docs.begin(), docs.end(), std::back_inserter(mine),
               [&](const RenderedDoc& d) { return d.source == source; });
  return helm_stream(mine);
}

uint32_t line_of(const std::string& text, const std::string& line, int nth) {
  uint32_t number = 0;
  size_t at = 0;
  while (at < text.size()) {
    ++number;
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    if (text.compare(at, end - at, line) == 0 && --nth == 0) return number;
    at = end + 1;
  }
  return 0;
}

std::vector<std::string> sarif_places(const nlohmann::json& sarif) {
  std::vector<std::string> out;
  for (const auto& r : sarif["runs"][0]["results"]) {
    const auto& loc = r["locations"][0]["physicalLocation"];
    const auto& art = loc["artifactLocation"];
    std::string uri = art["uri"].get<std::string>();
    if (art.value("uriBaseId", "") != "%SRCROOT%") uri = "(not under %SRCROOT%) " + uri;
    out.push_back(uri + ":" + std::to_string(loc["region"]["startLine"].get<int>()) + ":" +
                  std::to_string(loc["region"].value("startColumn", 0)) + " " +
                  r["ruleId"].get<std::string>());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace genlens::testing
