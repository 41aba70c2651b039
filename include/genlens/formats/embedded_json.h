#pragma once
// Values of JSON documents written inside strings (IAM and OpenSearch
// Serverless policies, SageMaker pipeline bodies), parsed on demand with
// positions mapped back into the template.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/document.h"
#include "genlens/core/value.h"

namespace genlens::formats {

// Owns documents parsed out of strings (@json) for one evaluation run.
class JsonCache {
 public:
  explicit JsonCache(core::Diagnostics* diags) : diags_(diags) {}
  // The document the strings passed to parse() belong to. Diagnostics are
  // reported only for strings of the first document set (the file being
  // checked), not for those of related resources in other files.
  void set_document(const core::Document* doc) {
    if (home_ == nullptr) home_ = doc;
    doc_ = doc;
  }
  [[nodiscard]] const core::Document* document() const { return doc_; }
  // The value of a JSON string, or nullptr (not parseable: reported once).
  // A Terraform jsonencode(...) result is the value it encoded (positions
  // in the .tf source), unless `text_only`: the graph parses the text, so
  // its edge paths read `policy@json[0].Rules[0]` wherever the encoded
  // value was written (a local, a calling module).
  const core::Value* parse(const core::Value* str, std::string* reason, bool text_only = false);
  // The node the positions of a string's JSON map into: the scalar it was
  // written in, or (a string built by an expression) where it is used. It
  // must belong to the document set with set_document().
  [[nodiscard]] static const core::Node* host_of(const core::Value& str);

 private:
  core::Diagnostics* diags_;
  const core::Document* doc_ = nullptr;
  const core::Document* home_ = nullptr;
  core::ValueArena arena_{1'000'000};
  std::vector<std::shared_ptr<core::Document>> docs_;
  std::map<const core::Value*, const core::Value*> cache_;
  std::map<const core::Value*, std::string> failures_;
};

}  // namespace genlens::formats
