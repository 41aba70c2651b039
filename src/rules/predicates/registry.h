#pragma once
// Predicates: named C++ checks for what the YAML vocabulary cannot say (IAM
// policy analysis, OpenSearch Serverless policy matching). A rule calls one
// with `predicate: NAME` and `args:`; the loader checks the name and the
// args against this registry, and `genlens docs` lists them.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "genlens/formats/embedded_json.h"
#include "genlens/rules/rule.h"
#include "rules/engine/condition_eval.h"

namespace genlens::rules::predicates {

enum class ArgType { kStringList, kBool };

struct ArgSpec {
  std::string_view name;
  ArgType type = ArgType::kStringList;
  bool required = false;
  std::string_view doc;
};

struct Context {
  const formats::Resource* resource = nullptr;  // the resource being checked
  const formats::Resource* parent = nullptr;    // where a `related` hop came from
  formats::JsonCache* json = nullptr;           // for policies written as JSON strings
};

// Arguments after {param: NAME} references are resolved.
struct Args {
  std::map<std::string, std::vector<std::string>> lists;
  std::map<std::string, bool> flags;
  [[nodiscard]] const std::vector<std::string>& list(const std::string& name) const;
  [[nodiscard]] bool flag(const std::string& name) const;
};

// Holds: kPass with the values that make it hold (a finding is placed on
// them when a rule negates the predicate); does not hold: kFail; kUnknown
// with a reason.
using Fn = detail::Outcome (*)(const Context& ctx, const core::Value* value, const Args& args);

struct Predicate {
  std::string_view name;
  std::string_view summary;  // one sentence, for docs/writing-rules.md and errors
  std::vector<ArgSpec> args;
  Fn fn = nullptr;
};

// Sorted by name.
[[nodiscard]] const std::vector<Predicate>& all();
[[nodiscard]] const Predicate* find(std::string_view name);

// A JSON string parsed through the context's cache; maps and lists pass
// through. nullptr with `reason` set when it cannot be read.
const core::Value* document(const Context& ctx, const core::Value* v, std::string* reason);

}  // namespace genlens::rules::predicates
