#include "genlens/rules/engine.h"

#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "rules/engine/condition_eval.h"

namespace genlens::rules {
namespace {

using core::Node;
using core::Value;

std::string format_message(const std::string& tmpl, const formats::Resource& r,
                           const RuleMeta& meta, const Value* witness) {
  std::string out;
  size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] != '{') {
      out += tmpl[i++];
      continue;
    }
    const size_t close = tmpl.find('}', i);
    if (close == std::string::npos) {
      out += tmpl.substr(i);
      break;
    }
    const std::string key = tmpl.substr(i + 1, close - i - 1);
    if (key == "resource") {
      out += r.name;
    } else if (key == "type") {
      out += r.type;
    } else if (key == "value") {
      out += witness != nullptr && witness->known() ? witness->scalar_text() : "";
    } else if (key.rfind("param.", 0) == 0 && meta.param(key.substr(6)) != nullptr) {
      out += meta.param(key.substr(6))->text;
    } else {
      out += tmpl.substr(i, close - i + 1);
    }
    i = close + 1;
  }
  return out;
}

Location location_of(const std::string& path, const Node* node) {
  Location loc;
  loc.path = path;
  if (node != nullptr) {
    loc.range = node->anchor();
    loc.logical_path = node->path();
  }
  return loc;
}

bool matches_type(const Target& t, const formats::Resource& r) {
  if (t.format != r.format) return false;
  for (const std::string& type : t.resources) {
    if (type == r.type) return true;
  }
  return false;
}

}  // namespace

std::string finding_fingerprint(std::string_view rule_id, std::string_view path,
                                std::string_view logical_path) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a 64
  auto mix = [&](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    h ^= 0xFF;
    h *= 1099511628211ULL;
  };
  mix(rule_id);
  mix(path);
  mix(logical_path);
  return fmt::format("{:016x}", h);
}

std::vector<Finding> evaluate(const RuleSet& rules, const graph::Graph& graph,
                              const EvalOptions& options) {
  std::vector<Finding> findings;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  detail::JsonCache json(options.diagnostics);
  const auto& resources = graph.resources();
  for (size_t ri = 0; ri < resources.size(); ++ri) {
    const formats::Resource& res = *resources[ri];
    if (!res.evaluable || res.value == nullptr) continue;
    const formats::Unit& unit = graph.unit_of(ri);
    const std::string& file = unit.document->source().path();
    json.set_document(unit.document.get());
    for (const auto& rule : rules.rules()) {
      const RuleMeta& meta = rule->meta;
      if (!options.only_rules.empty() && options.only_rules.count(meta.id) == 0) continue;
      if (options.disabled_rules.count(meta.id) != 0) continue;
      detail::ConditionEvaluator eval(meta, json);
      for (const Target& target : rule->targets) {
        if (!matches_type(target, res)) continue;
        const std::string& tmpl = target.message.empty() ? meta.message : target.message;
        Verdict verdict = Verdict::kPass;
        detail::Outcome outcome;
        if (target.when.has_value()) {
          detail::Outcome w = eval.eval(*target.when, res.value);
          if (w.verdict == Verdict::kFail) continue;
          if (w.verdict == Verdict::kUnknown) outcome = w;
        }
        if (outcome.verdict != Verdict::kUnknown) outcome = eval.eval(target.assertion, res.value);
        verdict = outcome.verdict;
        if (verdict == Verdict::kPass) continue;
        if (verdict == Verdict::kUnknown && !options.report_unknown) continue;
        std::vector<detail::Witness> witnesses = outcome.witnesses;
        if (witnesses.empty()) witnesses.push_back({res.value, false});
        for (const detail::Witness& w : witnesses) {
          const Value* wv = w.value != nullptr ? w.value : res.value;
          const Node* node = wv->origin != nullptr ? wv->origin : res.node;
          if (verdict == Verdict::kUnknown) node = res.node;
          Finding f;
          f.rule = &meta;
          f.verdict = verdict;
          f.level = verdict == Verdict::kUnknown ? core::Severity::kNote
                                                 : target.severity.value_or(meta.severity);
          f.message = format_message(tmpl, res, meta, w.missing ? nullptr : wv);
          if (verdict == Verdict::kUnknown) {
            f.message += fmt::format(" (unknown: {})", outcome.reason);
          }
          f.location = location_of(file, node);
          f.resource_type = res.type;
          f.resource_name = res.name;
          if (!w.missing && verdict == Verdict::kFail) {
            for (const Node* p : wv->provenance) {
              Location rel = location_of(file, p);
              rel.message = fmt::format("the value comes from {}", p->path());
              f.related.push_back(std::move(rel));
            }
          }
          f.fingerprint = finding_fingerprint(meta.id, file, f.location.logical_path);
          if (!seen.emplace(meta.id, file, f.location.logical_path).second) continue;
          findings.push_back(std::move(f));
        }
      }
    }
  }
  sort_findings(findings);
  return findings;
}

}  // namespace genlens::rules
