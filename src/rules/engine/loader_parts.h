#pragma once
// Pieces of the rule loader that live in their own files; the loader
// (loader.cpp) implements ConditionParser for them.
#include <string>

#include "genlens/core/document.h"
#include "genlens/rules/rule.h"

namespace genlens::rules::detail {

class ConditionParser {
 public:
  virtual ~ConditionParser() = default;
  virtual void error(uint32_t line, const std::string& message) = 0;
  virtual Condition condition(const core::Node* n, const RuleMeta& m) = 0;
  virtual Operand operand(const core::Node* n, const RuleMeta& m) = 0;
};

// `related: {direction, via, types, edges, where, note, <quantifier>}`.
void load_related(const core::Node* n, const RuleMeta& m, ConditionParser& p, Condition& c);
// `predicate: NAME` with `args: {...}` beside it in the condition map `cond`.
void load_predicate(const core::Node* name, const core::Node* cond, const RuleMeta& m,
                    ConditionParser& p, Condition& c);

}  // namespace genlens::rules::detail
