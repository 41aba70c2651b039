#pragma once
// Three-valued evaluation of rule conditions.
#include <string>
#include <vector>

#include "genlens/graph/graph.h"
#include "genlens/rules/finding.h"
#include "genlens/rules/rule.h"
#include "rules/engine/path_eval.h"

namespace genlens::rules::detail {

// A value (or the deepest existing one, for a missing attribute) that
// decided a verdict; findings are placed on its node.
struct Witness {
  const core::Value* value = nullptr;
  bool missing = false;
};

// A place in another resource (possibly another file) that a verdict rests
// on; it becomes a related location of the finding.
struct Note {
  std::string file;
  const core::Node* node = nullptr;
  std::string message;
};

struct Outcome {
  Verdict verdict = Verdict::kPass;
  std::vector<Witness> witnesses;  // fail: what failed; pass: what passed
  std::string reason;              // unknown: why
  std::vector<Note> notes;         // travel with the witnesses
};

// Where in the graph a condition is evaluated: the resource, and the scope
// a `related` hop came from.
struct Scope {
  const graph::Graph* graph = nullptr;
  size_t resource = 0;
  const Scope* parent = nullptr;
};

class ConditionEvaluator {
 public:
  ConditionEvaluator(const RuleMeta& rule, JsonCache& json, const Scope* scope = nullptr)
      : rule_(rule), json_(json), scope_(scope) {}
  Outcome eval(const Condition& c, const core::Value* base);

 private:
  Outcome leaf(const Condition& c, const Match& m);
  Outcome quantifier(const Condition& c, const Match& m);
  Outcome combinator(const Condition& c, const core::Value* base);
  Outcome predicate(const Condition& c, const Match& m);
  // `via` (direction out) is read from `base`: the resource at the top level,
  // the item of an enclosing path quantifier (`{path: X[*], each: ...}`).
  Outcome related(const Condition& c, const core::Value* base);  // related_eval.cpp
  Operand resolve_operand(const Operand& o) const;

  const RuleMeta& rule_;
  JsonCache& json_;
  const Scope* scope_;
};

// Appends `part`'s witnesses and notes to `into`.
void absorb(Outcome& into, const Outcome& part);

}  // namespace genlens::rules::detail
