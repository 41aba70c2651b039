#pragma once
// The rule model: one YAML file per rule, validated on load.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/formats/resource.h"
#include "genlens/graph/graph.h"

namespace genlens::rules {

// A path into a resource: dotted keys, [N], [*], filters, and @json steps.
//   Properties.ProductionVariants[*].InstanceType
//   Steps[Type in (Training, Processing)].Arguments
//   Properties.Policy@json[*].AllowFromPublic
struct PathStep {
  enum class Kind { kKey, kIndex, kWildcard, kFilter, kJson };
  Kind kind = Kind::kKey;
  std::string key;  // kKey; kFilter: the key tested
  size_t index = 0;
  bool filter_negated = false;      // kFilter: "not in" / "!="
  std::vector<std::string> values;  // kFilter: accepted values
};

struct Path {
  std::string text;
  std::vector<PathStep> steps;
};

// A literal operand or a reference to a rule parameter ({param: name}).
struct Operand {
  std::string param;  // non-empty: look up the parameter
  std::string text;   // literal scalar, as text
  bool is_number = false;
  bool is_bool = false;
  double number = 0;
  bool boolean = false;
  std::vector<Operand> list;  // `in`/`not_in` literal lists
  bool is_list = false;
};

struct Condition;
struct Related;
struct PredicateCall;

struct Condition {
  enum class Op {
    kExists,
    kAbsent,
    kEquals,
    kNotEquals,
    kIn,
    kNotIn,
    kMatches,
    kLt,
    kLe,
    kGt,
    kGe,
    kEach,
    kAny,  // list quantifiers over the values at `path`
    kAll,
    kAnyOf,
    kNot,        // combinators
    kRelated,    // graph hop: `related`
    kPredicate,  // named C++ check: `predicate`
  };
  Op op = Op::kExists;
  Path path;  // empty: the current value
  Operand operand;
  std::vector<Condition> children;                 // kEach/kAny/kNot: one; kAll/kAnyOf: several
  std::shared_ptr<const Related> related;          // kRelated
  std::shared_ptr<const PredicateCall> predicate;  // kPredicate
  int line = 0;                                    // in the rule file
};

// `related:` follows edges of the resource graph to other resources and
// quantifies over them (docs/writing-rules.md, "Relations").
struct Related {
  enum class Quantifier { kExists, kAbsent, kCount, kEach, kAny };
  bool incoming = false;               // direction: in: resources whose edges point here
  Path via;                            // out: attribute of this resource; in: of the other one
  std::vector<std::string> types;      // resource types of the other end
  std::vector<graph::EdgeKind> edges;  // empty: every kind but depends_on
  std::optional<Condition> where;      // only related resources meeting it count
  Quantifier quantifier = Quantifier::kExists;
  Condition::Op count_op = Condition::Op::kGe;  // kCount: lt/le/gt/ge/equals
  double count = 0;
  std::string note;  // related-location message; {resource}, {type}
};

// `predicate:` calls a named C++ check (src/rules/predicates/registry.cpp)
// on the value at `path`; it holds (pass) or not (fail), or is unknown.
struct PredicateCall {
  std::string name;
  std::map<std::string, Operand> args;
};

struct Target {
  formats::Format format = formats::Format::kCloudFormation;
  std::vector<std::string> resources;
  std::optional<Condition> when;           // applicability; not met -> not applicable
  Condition assertion;                     // the compliant state
  std::optional<core::Severity> severity;  // overrides the rule severity when set
  std::string message;                     // overrides the rule message when set
};

struct Param {
  std::string name;
  std::string text;               // scalar default
  std::vector<std::string> list;  // list default
  bool is_list = false;
};

struct RuleMeta {
  std::string id;
  std::string name;
  std::string summary;
  std::string description;
  std::string pillar;
  core::Severity severity = core::Severity::kWarning;
  std::vector<std::string> lens;
  std::string message;
  std::string remediation;
  std::vector<std::string> references;
  std::vector<Param> params;
  std::string source;    // rule file, for diagnostics ("rules/security/x.yaml")
  uint32_t id_line = 0;  // line of `id:` in the rule file
  bool builtin = true;

  [[nodiscard]] const Param* param(std::string_view name) const;
};

struct Rule {
  RuleMeta meta;
  std::vector<Target> targets;
};

// The loaded rules, sorted by ID.
class RuleSet {
 public:
  void add(std::unique_ptr<Rule> rule) { rules_.push_back(std::move(rule)); }
  void sort();
  [[nodiscard]] const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  [[nodiscard]] const Rule* find(std::string_view id) const;
  // For configuration overrides (params, severity) before evaluation.
  [[nodiscard]] Rule* find_mutable(std::string_view id);

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
};

// A rule file's text and the name it is reported under.
struct RuleSource {
  std::string path;
  std::string text;
  bool builtin = true;
};

// The rules compiled into the binary (rules/**/*.yaml at build time).
[[nodiscard]] const std::vector<RuleSource>& builtin_rule_sources();

// Parses and validates rule files. Every problem becomes a config diagnostic
// "file:line: error: ..." (unknown keys, bad operators, duplicate IDs).
RuleSet load_rules(const std::vector<RuleSource>& sources, core::Diagnostics& diags);
// Reads every *.yaml / *.yml under `dir` (recursively) as rule sources.
std::vector<RuleSource> read_rule_dir(const std::string& dir, core::Diagnostics& diags);

[[nodiscard]] const char* pillar_title(std::string_view pillar);
// Generated documentation (docs/rules/<ID>.md and SARIF help markdown).
[[nodiscard]] std::string rule_markdown(const Rule& rule);
[[nodiscard]] std::string rules_index_markdown(const RuleSet& rules);

}  // namespace genlens::rules
