// Matches findings with the suppression directives of the scan.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "genlens/rules/suppress.h"
#include "rules/suppress/sources.h"

namespace genlens::rules {
namespace {

using suppress::Scope;
using suppress::Source;

constexpr const char* kCode = "suppression";

std::string join(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

// Drops unknown rule IDs and marks expired or reasonless directives unusable,
// with a diagnostic for each.
void validate(Source& s, const RuleSet& rules, const SuppressOptions& options,
              const std::string& today, core::Diagnostics& diags) {
  std::vector<std::string> known;
  for (std::string& id : s.directive.rule_ids) {
    if (rules.find(id) != nullptr) {
      known.push_back(std::move(id));
    } else {
      diags.warning(core::DiagnosticKind::kInput, kCode, s.path, s.range.begin,
                    fmt::format("unknown rule ID '{}' in suppression; it suppresses nothing", id));
    }
  }
  s.directive.rule_ids = std::move(known);
  if (s.directive.rule_ids.empty()) {
    s.usable = false;
    return;
  }
  const std::string ids = join(s.directive.rule_ids);
  if (!s.directive.until.empty() && s.directive.until < today) {
    s.usable = false;
    diags.warning(core::DiagnosticKind::kInput, kCode, s.path, s.range.begin,
                  fmt::format("suppression of {} expired on {}; its findings are reported again",
                              ids, s.directive.until));
    return;
  }
  if (options.require_reason && s.directive.reason.empty()) {
    s.usable = false;
    diags.error(core::DiagnosticKind::kInput, kCode, s.path, s.range.begin,
                fmt::format("suppression of {} gives no reason (--require-reason: write "
                            "'-- reason'); it suppresses nothing",
                            ids));
  }
}

bool contains(const core::Node* n, core::Position p) {
  const core::SourceRange span = n->anchor();
  return span.begin.known() && span.end.known() && span.begin <= p && p <= span.end;
}

// Lines where the finding's resource header and the written nodes from the
// resource down to the finding's position start.
void ancestor_lines(const formats::Resource& r, core::Position at, std::set<uint32_t>& lines) {
  lines.insert(formats::header(r).line);
  const core::Node* n = r.node;
  if (n == nullptr || !contains(n, at)) return;
  while (n != nullptr) {
    lines.insert(n->anchor().begin.line);
    const core::Node* next = nullptr;
    for (const core::Node* c : n->children) {
      if (contains(c, at)) {
        next = c;
        break;
      }
    }
    n = next;
  }
}

class Matcher {
 public:
  Matcher(const graph::Graph& graph, std::vector<Source> sources)
      : graph_(graph), sources_(std::move(sources)) {
    std::stable_sort(sources_.begin(), sources_.end(),
                     [](const Source& a, const Source& b) { return a.scope < b.scope; });
    for (size_t i = 0; i < graph.resources().size(); ++i) {
      const formats::Resource& r = *graph.resources()[i];
      by_name_[{r.type, r.name}].push_back(i);
    }
  }

  [[nodiscard]] const Source* match(const Finding& f) const {
    const std::string id = f.rule != nullptr ? f.rule->id : std::string();
    // Lines per file that a directive may sit on (or above), and resources.
    std::map<std::string, std::set<uint32_t>> lines;
    const core::Position at = f.location.range.begin;
    lines[f.location.path].insert(at.line);
    std::vector<const formats::Resource*> owners;
    if (auto it = by_name_.find({f.resource_type, f.resource_name}); it != by_name_.end()) {
      std::vector<size_t> same_file;
      for (size_t i : it->second) {
        if (graph_.file_of(i) == f.location.path) same_file.push_back(i);
      }
      for (size_t i : same_file.empty() ? it->second : same_file) {
        const formats::Resource& r = *graph_.resources()[i];
        owners.push_back(&r);
        std::set<uint32_t>& mine = lines[graph_.file_of(i)];
        if (graph_.file_of(i) == f.location.path) {
          ancestor_lines(r, at, mine);
        } else {
          mine.insert(formats::header(r).line);
        }
      }
    }
    for (const Source& s : sources_) {
      if (!s.usable || std::find(s.directive.rule_ids.begin(), s.directive.rule_ids.end(), id) ==
                           s.directive.rule_ids.end()) {
        continue;
      }
      const auto file = lines.find(s.path);
      switch (s.scope) {
        case Scope::kLines:
          if (file != lines.end() &&
              (file->second.count(s.line) != 0 || file->second.count(s.next_line) != 0)) {
            return &s;
          }
          break;
        case Scope::kResource:
          if (std::find(owners.begin(), owners.end(), s.resource) != owners.end()) return &s;
          break;
        case Scope::kFile:
          if (file != lines.end()) return &s;
          break;
      }
    }
    return nullptr;
  }

 private:
  const graph::Graph& graph_;
  std::vector<Source> sources_;
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> by_name_;
};

}  // namespace

size_t apply_suppressions(std::vector<Finding>& findings, const graph::Graph& graph,
                          const RuleSet& rules, const SuppressOptions& options,
                          core::Diagnostics& diags) {
  std::vector<Source> sources = suppress::collect_sources(graph, diags);
  if (sources.empty()) return 0;
  const std::string today = options.today.empty() ? today_utc() : options.today;
  for (Source& s : sources) validate(s, rules, options, today, diags);
  const Matcher matcher(graph, std::move(sources));
  size_t suppressed = 0;
  for (Finding& f : findings) {
    const Source* s = matcher.match(f);
    if (s == nullptr) continue;
    Location where;
    where.path = s->path;
    where.range = s->range;
    where.message = fmt::format(
        "{} ({})", s->scope == Scope::kFile ? "genlens:ignore-file" : "genlens:ignore", s->kind);
    f.suppression = Suppression{s->directive.reason, std::move(where)};
    ++suppressed;
  }
  return suppressed;
}

}  // namespace genlens::rules
