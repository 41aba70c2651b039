// `related:` conditions: follow graph edges from the resource being checked
// and quantify over the resources at the other end.
#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "rules/engine/condition_eval.h"
#include "rules/engine/provenance.h"

namespace genlens::rules::detail {
namespace {

using core::Value;
using Q = Related::Quantifier;

// The edge path ("Properties.Roles[0]", "Properties.Policy@json[0].Rules")
// starts with the rule path `via` ([*] matches any index).
bool via_matches(const Path& via, std::string_view edge_path) {
  size_t pos = 0;
  for (const PathStep& s : via.steps) {
    if (s.kind == PathStep::Kind::kJson) {
      if (edge_path.substr(pos, 5) != "@json") return false;
      pos += 5;
      continue;
    }
    if (s.kind == PathStep::Kind::kKey) {
      if (pos > 0) {
        if (pos >= edge_path.size() || edge_path[pos] != '.') return false;
        ++pos;
      }
      if (edge_path.substr(pos, s.key.size()) != s.key) return false;
      pos += s.key.size();
      continue;
    }
    // [N], [*], [filter]: one index.
    if (pos >= edge_path.size() || edge_path[pos] != '[') return false;
    const size_t close = edge_path.find(']', pos);
    if (close == std::string_view::npos) return false;
    if (s.kind == PathStep::Kind::kIndex &&
        edge_path.substr(pos + 1, close - pos - 1) != std::to_string(s.index)) {
      return false;
    }
    pos = close + 1;
  }
  return pos == edge_path.size() || edge_path[pos] == '.' || edge_path[pos] == '[' ||
         edge_path[pos] == '@';
}

bool within(const core::Node* n, const core::Node* ancestor) {
  for (; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

bool kind_accepted(const Related& r, graph::EdgeKind k) {
  if (r.edges.empty()) return k != graph::EdgeKind::kDependsOn;
  return std::find(r.edges.begin(), r.edges.end(), k) != r.edges.end();
}

bool type_accepted(const Related& r, const std::string& type) {
  return r.types.empty() || std::find(r.types.begin(), r.types.end(), type) != r.types.end();
}

std::string note_text(const Related& r, const formats::Resource& other) {
  std::string t = r.note.empty() ? std::string("{type} {resource}") : r.note;
  for (const auto& [key, val] :
       {std::pair<std::string, std::string>{"{resource}", other.name}, {"{type}", other.type}}) {
    for (size_t at = t.find(key); at != std::string::npos; at = t.find(key, at + val.size())) {
      t.replace(at, key.size(), val);
    }
  }
  return t;
}

size_t depth(const Value* v) {
  size_t d = 0;
  for (const core::Node* n = v->origin; n != nullptr; n = n->parent) ++d;
  return d;
}

bool compare(Condition::Op op, double a, double b) {
  switch (op) {
    case Condition::Op::kLt:
      return a < b;
    case Condition::Op::kLe:
      return a <= b;
    case Condition::Op::kGt:
      return a > b;
    case Condition::Op::kEquals:
      return std::fabs(a - b) < 1e-9;
    default:
      return a >= b;
  }
}

// The related resources of one `related:` condition.
struct Members {
  std::vector<size_t> certain;       // meet `where` (or no `where`)
  std::vector<size_t> uncertain;     // `where` is unknown for them
  std::vector<Outcome> where;        // per certain member: what made `where` hold
  std::string unknown_reason;        // why a member or an edge is in doubt
  bool unresolved = false;           // out: a value at `via` leads nowhere we can see
  const Value* via_value = nullptr;  // where the finding goes (out with via)
};

}  // namespace

Outcome ConditionEvaluator::related(const Condition& c, const Value* base) {
  const Related& r = *c.related;
  if (scope_ == nullptr || scope_->graph == nullptr) {
    return Outcome{Verdict::kUnknown, {}, "relations need the resource graph", {}};
  }
  const graph::Graph& g = *scope_->graph;
  const formats::Resource& self = *g.resources()[scope_->resource];
  Members m;
  std::vector<size_t> candidates;
  std::set<size_t> maybe;  // reached only through uncertain edges
  auto add = [&](const graph::Edge* e, size_t other) {
    if (!kind_accepted(r, e->kind) || !type_accepted(r, g.resources()[other]->type)) return;
    if (std::find(candidates.begin(), candidates.end(), other) == candidates.end()) {
      candidates.push_back(other);
      if (!e->certain) maybe.insert(other);
    } else if (e->certain) {
      maybe.erase(other);
    }
  };
  const std::vector<const graph::Edge*> edges =
      r.incoming ? g.incoming(scope_->resource) : g.outgoing(scope_->resource);
  if (r.incoming || r.via.steps.empty()) {
    for (const graph::Edge* e : edges) {
      if (r.incoming && !r.via.steps.empty() && !via_matches(r.via, e->path)) continue;
      add(e, r.incoming ? e->from : e->to);
    }
  } else {
    std::vector<Match> matches;
    walk_path(base != nullptr ? base : self.value, r.via, json_, matches);
    for (const Match& match : matches) {
      if (match.state == Match::State::kMissing) continue;
      if (match.state == Match::State::kUnknown) {
        m.unresolved = true;
        if (m.unknown_reason.empty()) m.unknown_reason = match.reason;
        continue;
      }
      if (m.via_value == nullptr) m.via_value = match.value;
      const core::Node* at = match.value->origin;
      bool followed = false;
      for (const graph::Edge* e : edges) {
        // The reference is written inside the value (a Ref in a Join, a
        // literal ARN), or the value was produced by the intrinsic the
        // reference was recorded at: Fn::Sub records its references at the
        // function node, while the string it yields has the template scalar,
        // a child of that node, as origin.
        if (!within(e->at, at) && !within(at, e->at)) {
          continue;
        }
        followed = true;
        add(e, e->to);
      }
      if (!followed) m.unresolved = true;
      if (!followed && m.unknown_reason.empty()) {
        m.unknown_reason =
            !match.value->known() && !match.value->reason.empty()
                ? match.value->reason
                : fmt::format("{} of {} refers to a resource that is not in the scanned files",
                              r.via.text, self.name);
      }
    }
  }
  for (size_t other : candidates) {
    if (!r.where.has_value() && maybe.count(other) != 0) {
      m.uncertain.push_back(other);
      if (m.unknown_reason.empty()) {
        m.unknown_reason = fmt::format("the link between {} and {} is only known at deploy time",
                                       self.name, g.resources()[other]->name);
      }
      continue;
    }
    if (!r.where.has_value()) {
      m.certain.push_back(other);
      m.where.emplace_back();
      continue;
    }
    const Scope inner{&g, other, scope_};
    const core::Document* saved = json_.document();
    json_.set_document(g.unit_of(other).document.get());
    Outcome w =
        ConditionEvaluator(rule_, json_, &inner).eval(*r.where, g.resources()[other]->value);
    json_.set_document(saved);
    if (w.verdict == Verdict::kPass && maybe.count(other) == 0) {
      m.certain.push_back(other);
      m.where.push_back(std::move(w));
    } else if (w.verdict == Verdict::kPass) {
      m.uncertain.push_back(other);
      if (m.unknown_reason.empty()) {
        m.unknown_reason = fmt::format("the link between {} and {} is only known at deploy time",
                                       self.name, g.resources()[other]->name);
      }
    } else if (w.verdict == Verdict::kUnknown) {
      m.uncertain.push_back(other);
      if (m.unknown_reason.empty()) m.unknown_reason = w.reason;
    }
  }

  // Notes for a related resource: the places that decided, or its header.
  // For members found by `where` (exists/absent/count), only the most
  // specific of the places that made `where` hold (the deepest: the
  // AllowFromPublic key inside a policy, not the policy's Type).
  auto notes_for = [&](size_t other, const Outcome& o, Outcome& out, bool most_specific) {
    const std::string& file = g.file_of(other);
    const formats::Resource& res = *g.resources()[other];
    const std::string msg = note_text(r, res);
    bool placed = false;
    size_t deepest = 0;
    for (const Witness& w : o.witnesses) {
      if (w.value != nullptr && w.value != res.value) deepest = std::max(deepest, depth(w.value));
    }
    for (const Witness& w : o.witnesses) {
      if (w.value == nullptr || w.value->origin == nullptr || w.value == res.value) continue;
      if (most_specific && depth(w.value) < deepest) continue;
      out.notes.push_back({file, w.value->origin, msg});
      for (const core::Node* p : provenance_steps(w.value->provenance, w.value->origin)) {
        const std::string* pf = g.file_of(p);
        out.notes.push_back({file, p, provenance_note(p, pf != nullptr ? *pf : file)});
      }
      placed = true;
    }
    if (!placed) out.notes.push_back({file, res.node, msg});
    out.notes.insert(out.notes.end(), o.notes.begin(), o.notes.end());
  };
  const bool open = !m.uncertain.empty() || m.unresolved;
  Outcome out;
  if (m.via_value != nullptr) out.witnesses.push_back({m.via_value, false});
  auto unknown = [&]() {
    return Outcome{
        Verdict::kUnknown,
        {},
        m.unknown_reason.empty() ? "a related resource could not be checked" : m.unknown_reason,
        {}};
  };
  switch (r.quantifier) {
    case Q::kExists:
    case Q::kAbsent: {
      const bool found = !m.certain.empty();
      if (found) {
        for (size_t i = 0; i < m.certain.size(); ++i)
          notes_for(m.certain[i], m.where[i], out, true);
      }
      if (!found && open) return unknown();
      out.verdict = found == (r.quantifier == Q::kExists) ? Verdict::kPass : Verdict::kFail;
      return out;
    }
    case Q::kCount: {
      const double low = static_cast<double>(m.certain.size());
      const double high = m.unresolved ? 1e18 : low + static_cast<double>(m.uncertain.size());
      const bool low_ok = compare(r.count_op, low, r.count);
      if (low_ok != compare(r.count_op, high, r.count)) return unknown();
      for (size_t i = 0; i < m.certain.size(); ++i) notes_for(m.certain[i], m.where[i], out, true);
      out.verdict = low_ok ? Verdict::kPass : Verdict::kFail;
      return out;
    }
    case Q::kEach:
    case Q::kAny: {
      const bool each = r.quantifier == Q::kEach;
      bool unknown_part = open;
      bool decided = false;  // each: one failed; any: one passed
      for (size_t other : m.certain) {
        const Scope inner{&g, other, scope_};
        const core::Document* saved = json_.document();
        json_.set_document(g.unit_of(other).document.get());
        Outcome o = ConditionEvaluator(rule_, json_, &inner)
                        .eval(c.children.front(), g.resources()[other]->value);
        json_.set_document(saved);
        if (o.verdict == Verdict::kUnknown) {
          unknown_part = true;
          if (m.unknown_reason.empty()) m.unknown_reason = o.reason;
          continue;
        }
        if ((o.verdict == Verdict::kFail) == each) {
          decided = true;
          notes_for(other, o, out, false);
        }
      }
      if (decided) {
        out.verdict = each ? Verdict::kFail : Verdict::kPass;
        return out;
      }
      if (unknown_part) return unknown();
      out.verdict = each ? Verdict::kPass : Verdict::kFail;
      return out;
    }
  }
  return out;
}

}  // namespace genlens::rules::detail
