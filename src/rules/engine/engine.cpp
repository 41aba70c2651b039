#include "genlens/rules/engine.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <tuple>

#include <fmt/format.h>

#include "rules/engine/condition_eval.h"
#include "rules/engine/provenance.h"

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

namespace {

using Clock = std::chrono::steady_clock;

// Number of values in a tree, counting at most limit + 1 (the walk stops
// there, whatever the shape).
size_t count_values(const Value* root, size_t limit) {
  size_t n = 0;
  std::vector<const Value*> stack{root};
  while (!stack.empty() && n <= limit) {
    const Value* v = stack.back();
    stack.pop_back();
    if (v == nullptr) continue;
    ++n;
    for (const auto& entry : v->entries) stack.push_back(entry.second);
    for (const Value* item : v->items) stack.push_back(item);
  }
  return n;
}

// The budgets of one file (EvalOptions::file_timeout_seconds,
// max_values_per_file).
struct FileBudget {
  bool timed = false;
  Clock::time_point deadline;
  size_t values = 0;
  bool truncated = false;
};

class Evaluator {
 public:
  Evaluator(const RuleSet& rules, const graph::Graph& graph, const EvalOptions& options)
      : rules_(rules), graph_(graph), options_(options) {}

  std::vector<Finding> run() {
    const auto& resources = graph_.resources();
    const formats::Unit* current = nullptr;
    for (size_t ri = 0; ri < resources.size(); ++ri) {
      const formats::Resource& res = *resources[ri];
      if (!res.evaluable || res.value == nullptr) continue;
      const formats::Unit& unit = graph_.unit_of(ri);
      if (&unit != current) {
        // One cache per file: its value budget is per file too, and no
        // finding keeps a pointer into it.
        current = &unit;
        json_ = std::make_unique<detail::JsonCache>(options_.diagnostics);
        json_->set_document(unit.document.get());
      }
      const std::string& file = unit.document->source().path();
      FileBudget& budget = budget_of(file);
      if (budget.truncated) continue;
      check_resource(ri, res, file, budget);
    }
    sort_findings(findings_);
    return std::move(findings_);
  }

 private:
  FileBudget& budget_of(const std::string& file) {
    auto [it, fresh] = budgets_.try_emplace(file);
    if (fresh && options_.file_timeout_seconds > 0) {
      double left = options_.file_timeout_seconds;
      if (auto s = options_.spent_seconds.find(file); s != options_.spent_seconds.end()) {
        left -= s->second;
      }
      it->second.timed = true;
      it->second.deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                               std::chrono::duration<double>(std::max(left, 0.0)));
    }
    return it->second;
  }

  // Why the file's budget is used up before one more rule on `res`, or "".
  std::string over_budget(FileBudget& budget, const formats::Resource& res, size_t& res_values) {
    if (budget.timed && Clock::now() >= budget.deadline) {
      return fmt::format("checking this file took more than {:g} s (--file-timeout)",
                         options_.file_timeout_seconds);
    }
    if (options_.max_values_per_file > 0) {
      if (res_values == 0) res_values = count_values(res.value, options_.max_values_per_file);
      budget.values += res_values;
      if (budget.values > options_.max_values_per_file) {
        return fmt::format("its rules would examine more than {} values (--max-nodes)",
                           options_.max_values_per_file);
      }
    }
    return "";
  }

  void truncate(size_t ri, const formats::Resource& res, const std::string& file,
                FileBudget& budget, const std::string& why) {
    budget.truncated = true;
    if (options_.diagnostics == nullptr) return;
    size_t total = 0;
    size_t left = 0;
    const auto& resources = graph_.resources();
    for (size_t k = 0; k < resources.size(); ++k) {
      if (!resources[k]->evaluable || resources[k]->value == nullptr ||
          graph_.unit_of(k).document->source().path() != file) {
        continue;
      }
      ++total;
      if (k >= ri) ++left;
    }
    options_.diagnostics->error(
        core::DiagnosticKind::kInput, "budget", file, formats::header(res),
        fmt::format("evaluation truncated: {}; {} of {} resources were not fully checked, "
                    "starting with {}",
                    why, left, total, res.name));
  }

  void check_resource(size_t ri, const formats::Resource& res, const std::string& file,
                      FileBudget& budget) {
    size_t res_values = 0;
    for (const auto& rule : rules_.rules()) {
      const RuleMeta& meta = rule->meta;
      if (!options_.only_rules.empty() && options_.only_rules.count(meta.id) == 0) continue;
      if (options_.disabled_rules.count(meta.id) != 0) continue;
      for (const Target& target : rule->targets) {
        if (!matches_type(target, res)) continue;
        if (std::string why = over_budget(budget, res, res_values); !why.empty()) {
          truncate(ri, res, file, budget, why);
          return;
        }
        check_target(meta, target, ri, res, file);
      }
    }
  }

  void check_target(const RuleMeta& meta, const Target& target, size_t ri,
                    const formats::Resource& res, const std::string& file) {
    const detail::Scope scope{&graph_, ri, nullptr};
    detail::ConditionEvaluator eval(meta, *json_, &scope);
    const std::string& tmpl = target.message.empty() ? meta.message : target.message;
    detail::Outcome outcome;
    if (target.when.has_value()) {
      detail::Outcome w = eval.eval(*target.when, res.value);
      if (w.verdict == Verdict::kFail) return;
      if (w.verdict == Verdict::kUnknown) outcome = w;
    }
    if (outcome.verdict != Verdict::kUnknown) outcome = eval.eval(target.assertion, res.value);
    const Verdict verdict = outcome.verdict;
    if (verdict == Verdict::kPass) return;
    if (verdict == Verdict::kUnknown && !options_.report_unknown) return;
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
        // The failure message would name a value nobody knows yet.
        f.message = fmt::format("Could not check {}: {}.", res.name, outcome.reason);
      }
      f.location = location_of(file, node);
      f.resource_type = res.type;
      f.resource_name = res.name;
      if (verdict == Verdict::kFail) {
        if (!w.missing) {
          for (const Node* p : detail::provenance_steps(wv->provenance, node)) {
            const std::string& pf = file_of(file, p);
            Location rel = location_of(pf, p);
            rel.message = detail::provenance_note(p, pf);
            f.related.push_back(std::move(rel));
          }
        }
        for (const detail::Note& note : outcome.notes) {
          Location rel = location_of(file_of(note.file, note.node), note.node);
          rel.message = note.message;
          // Several parts of a condition can note the same place.
          const bool seen = std::any_of(f.related.begin(), f.related.end(), [&](const Location& l) {
            return l.path == rel.path && l.range == rel.range && l.message == rel.message;
          });
          if (!seen) f.related.push_back(std::move(rel));
        }
      }
      // Instances share their source (Terraform count, for_each and module
      // calls; CloudFormation Fn::ForEach): the resource name tells them
      // apart, in the fingerprint too.
      std::string identity = f.location.logical_path + " " + res.name;
      // Several targets of a rule can fail at one place for different
      // reasons (a container without securityContext may escalate, run as
      // root and write its root filesystem): each message is its own
      // finding, the first one keeping the plain fingerprint.
      auto [first, fresh] = seen_.try_emplace({meta.id, file, identity}, f.message);
      if (!fresh) {
        if (verdict == Verdict::kUnknown || first->second == f.message) continue;
        identity += " " + f.message;
        if (!seen_.try_emplace({meta.id, file, identity}, f.message).second) continue;
      }
      f.fingerprint = finding_fingerprint(meta.id, file, identity);
      findings_.push_back(std::move(f));
    }
  }

  // The file `node` is in: a Terraform variable default or module argument
  // can be in another file than the resource (`fallback`).
  [[nodiscard]] const std::string& file_of(const std::string& fallback, const Node* node) const {
    const std::string* f = graph_.file_of(node);
    return f != nullptr ? *f : fallback;
  }

  const RuleSet& rules_;
  const graph::Graph& graph_;
  const EvalOptions& options_;
  std::unique_ptr<detail::JsonCache> json_;
  std::map<std::string, FileBudget> budgets_;
  std::vector<Finding> findings_;
  // (rule, file, identity) -> message of the first finding there.
  std::map<std::tuple<std::string, std::string, std::string>, std::string> seen_;
};

}  // namespace

std::vector<Finding> evaluate(const RuleSet& rules, const graph::Graph& graph,
                              const EvalOptions& options) {
  return Evaluator(rules, graph, options).run();
}

}  // namespace genlens::rules
