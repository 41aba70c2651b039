#include "rules/engine/path_eval.h"

#include <algorithm>

#include "genlens/parse/parse.h"

namespace genlens::rules::detail {
namespace {

using core::Value;
using core::ValueKind;
using State = Match::State;

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

void step(const Value* v, const Path& path, size_t i, JsonCache& json, std::vector<Match>& out) {
  if (i == path.steps.size()) {
    out.push_back({State::kFound, v, nullptr, {}});
    return;
  }
  if (v->kind == ValueKind::kUnknown) {
    out.push_back({State::kUnknown, nullptr, nullptr, v->reason});
    return;
  }
  const PathStep& s = path.steps[i];
  switch (s.kind) {
    case PathStep::Kind::kKey: {
      const Value* next = v->find(s.key);
      if (next == nullptr) {
        out.push_back({State::kMissing, nullptr, v, {}});
      } else {
        step(next, path, i + 1, json, out);
      }
      return;
    }
    case PathStep::Kind::kIndex:
      if (v->is_list() && s.index < v->items.size()) {
        step(v->items[s.index], path, i + 1, json, out);
      } else {
        out.push_back({State::kMissing, nullptr, v, {}});
      }
      return;
    case PathStep::Kind::kWildcard:
      if (v->is_list()) {
        for (const Value* item : v->items) step(item, path, i + 1, json, out);
      }
      return;
    case PathStep::Kind::kFilter:
      if (!v->is_list()) return;
      for (const Value* item : v->items) {
        if (item->kind == ValueKind::kUnknown) {
          out.push_back({State::kUnknown, nullptr, nullptr, item->reason});
          continue;
        }
        const Value* field = item->find(s.key);
        if (field == nullptr) {
          if (s.filter_negated) step(item, path, i + 1, json, out);
          continue;
        }
        if (!field->known() || field->partial) {
          out.push_back({State::kUnknown, nullptr, nullptr,
                         field->reason.empty() ? "filter value is not known" : field->reason});
          continue;
        }
        const std::string t = field->scalar_text();
        const bool in = std::find(s.values.begin(), s.values.end(), t) != s.values.end();
        if (in != s.filter_negated) step(item, path, i + 1, json, out);
      }
      return;
    case PathStep::Kind::kJson: {
      // Already structured (a policy written as a YAML map): the same data.
      if (v->is_map() || v->is_list()) {
        step(v, path, i + 1, json, out);
        return;
      }
      if (!v->is_string()) {
        out.push_back({State::kMissing, nullptr, v, {}});
        return;
      }
      std::string reason;
      const Value* parsed = json.parse(v, &reason);
      if (parsed == nullptr) {
        out.push_back({State::kUnknown, nullptr, nullptr, reason});
        return;
      }
      step(parsed, path, i + 1, json, out);
      return;
    }
  }
}

}  // namespace

const Value* JsonCache::parse(const Value* str, std::string* reason) {
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
    if (diags_ != nullptr && !str->partial) {
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
    if (diags_ != nullptr) {
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

void walk_path(const Value* start, const Path& path, JsonCache& json, std::vector<Match>& out) {
  if (start == nullptr) {
    out.push_back({State::kMissing, nullptr, nullptr, {}});
    return;
  }
  step(start, path, 0, json, out);
}

}  // namespace genlens::rules::detail
