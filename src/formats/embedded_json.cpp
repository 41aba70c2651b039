#include "genlens/formats/embedded_json.h"

#include "genlens/parse/parse.h"

namespace genlens::formats {
namespace {

using core::Value;

// Maps offsets of a string spliced by Fn::Sub back to its template scalar.
class SegmentMap : public parse::OffsetMap {
 public:
  SegmentMap(const Value& v, const core::Node* host) : v_(v), host_(host) {}
  [[nodiscard]] size_t to_host(size_t offset) const override {
    const core::StringSegment* best = nullptr;
    for (const auto& s : v_.segments) {
      if (s.out_offset <= offset) best = &s;
    }
    if (best == nullptr || best->origin != host_) return std::string::npos;
    return best->origin_offset + (offset - best->out_offset);
  }

 private:
  const Value& v_;
  const core::Node* host_;
};

// The scalar the string was written in: its origin, or where a Ref led.
const core::Node* host_of(const Value& v) {
  if (v.origin != nullptr && v.origin->is_scalar()) return v.origin;
  if (!v.provenance.empty() && v.provenance.back()->is_scalar()) return v.provenance.back();
  return v.origin;
}

}  // namespace

const Value* JsonCache::parse(const Value* str, std::string* reason) {
  // jsonencode(...): the value it encoded, positions and provenance included.
  if (str->encoded != nullptr) return str->encoded;
  if (auto it = cache_.find(str); it != cache_.end()) return it->second;
  if (auto it = failures_.find(str); it != failures_.end()) {
    *reason = it->second;
    return nullptr;
  }
  const core::Node* host = host_of(*str);
  if (host == nullptr) {
    *reason = "embedded JSON has no source location";
    failures_[str] = *reason;
    return nullptr;
  }
  parse::ParseOptions opts;
  opts.allow_unknown_marker = str->partial;
  opts.max_nodes = 200'000;
  const SegmentMap map(*str, host);
  auto result = parse::parse_embedded_json(*doc_, *host, str->text,
                                           str->segments.empty() ? nullptr : &map, opts);
  if (!result.ok()) {
    *reason = "embedded JSON does not parse: " + result.error().message;
    if (diags_ != nullptr && doc_ == home_ && !str->partial) {
      diags_->warning(core::DiagnosticKind::kInput, "embedded-json", doc_->source().path(),
                      result.error().pos,
                      "embedded JSON does not parse: " + result.error().message);
    }
    failures_[str] = *reason;
    return nullptr;
  }
  docs_.push_back(result.value());
  const Value* v = core::literal_value(arena_, result.value()->roots().front());
  if (v == nullptr) {  // the value budget for embedded documents ran out
    *reason = "embedded JSON is too large to evaluate";
    if (diags_ != nullptr && doc_ == home_) {
      diags_->error(core::DiagnosticKind::kInput, "budget", doc_->source().path(),
                    host->range.begin,
                    "evaluation truncated: embedded JSON documents in this file exceed the "
                    "value budget; checks on them are incomplete");
    }
    failures_[str] = *reason;
    return nullptr;
  }
  cache_[str] = v;
  return v;
}

}  // namespace genlens::formats
