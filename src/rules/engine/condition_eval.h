#pragma once
// Three-valued evaluation of rule conditions.
#include <string>
#include <vector>

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

struct Outcome {
  Verdict verdict = Verdict::kPass;
  std::vector<Witness> witnesses;  // fail: what failed; pass: what passed
  std::string reason;              // unknown: why
};

class ConditionEvaluator {
 public:
  ConditionEvaluator(const RuleMeta& rule, JsonCache& json) : rule_(rule), json_(json) {}
  Outcome eval(const Condition& c, const core::Value* base);

 private:
  Outcome leaf(const Condition& c, const Match& m);
  Outcome quantifier(const Condition& c, const Match& m);
  Outcome combinator(const Condition& c, const core::Value* base);
  Operand resolve_operand(const Operand& o) const;

  const RuleMeta& rule_;
  JsonCache& json_;
};

}  // namespace genlens::rules::detail
