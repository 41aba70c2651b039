#include "parse/yaml/document_guard.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace genlens::parse::detail {
namespace {

// Counts documents; every other event is ignored.
class DocumentCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { last_ = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  [[nodiscard]] const YAML::Mark& last() const { return last_; }

 private:
  YAML::Mark last_;
};

size_t document_markers(const std::string& text) {
  size_t n = 0;
  for (size_t at = 0; at < text.size();) {
    if (text.compare(at, 3, "---") == 0 || text.compare(at, 3, "...") == 0) ++n;
    const size_t nl = text.find('\n', at);
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return n;
}

}  // namespace

std::optional<core::Error> check_document_count(const core::SourceFile& src,
                                                const std::string& text) {
  const size_t limit = document_markers(text) + 1;
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentCounter counter;
  size_t documents = 0;
  while (parser.HandleNextDocument(counter)) {
    if (++documents > limit) {
      const YAML::Mark& m = counter.last();
      core::Position pos;
      if (!m.is_null()) {
        pos = src.position_at(src.line_start(static_cast<uint32_t>(m.line + 1)) +
                              static_cast<size_t>(m.column));
      }
      return core::Error{"invalid YAML: content after the end of the document (missing '---'?)",
                         pos};
    }
  }
  return std::nullopt;
}

}  // namespace genlens::parse::detail
