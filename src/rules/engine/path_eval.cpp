#include "rules/engine/path_eval.h"

#include <algorithm>

namespace genlens::rules::detail {
namespace {

using core::Value;
using core::ValueKind;
using State = Match::State;

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

void walk_path(const Value* start, const Path& path, JsonCache& json, std::vector<Match>& out) {
  if (start == nullptr) {
    out.push_back({State::kMissing, nullptr, nullptr, {}});
    return;
  }
  step(start, path, 0, json, out);
}

}  // namespace genlens::rules::detail
