// Predicates about names and map entries: a name matching a list of globs
// (environment variable names such as `*_API_KEY`), a map with an entry
// whose key matches (Lambda environment variables, Kubernetes resource
// limits), and entries of two maps that must agree (GPU requests and limits).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/predicates/functions.h"
#include "rules/predicates/iam_glob.h"

namespace genlens::rules::predicates {
namespace {

using core::Value;
using detail::Outcome;
namespace glob = iam::detail;

// `text` matches one of `patterns` ('*', '?'; case-insensitive).
bool matches_any(const std::vector<std::string>& patterns, std::string_view text) {
  const glob::Glob literal = glob::literal_glob(text, glob::Case::kFold);
  for (const std::string& p : patterns) {
    if (glob::overlap(glob::pattern_glob(p, glob::Case::kFold), literal)) return true;
  }
  return false;
}

bool literal_scalar(const Value* v) {
  return v != nullptr && v->known() && !v->partial && !v->is_map() && !v->is_list() &&
         v->kind != core::ValueKind::kNull && !v->scalar_text().empty();
}

// The value at a dotted key path ("resources.limits") below `v`, or nullptr.
const Value* at_keys(const Value* v, const std::string& path) {
  size_t pos = 0;
  while (v != nullptr) {
    const size_t dot = path.find('.', pos);
    if (!v->is_map()) return nullptr;
    v = v->find(path.substr(pos, dot == std::string::npos ? dot : dot - pos));
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  return v;
}

const std::string& single(const Args& args, const std::string& name) {
  static const std::string kEmpty;
  const std::vector<std::string>& l = args.list(name);
  return l.size() == 1 ? l.front() : kEmpty;
}

}  // namespace

Outcome matches_glob(const Context&, const Value* v, const Args& args) {
  if (v == nullptr || v->is_map() || v->is_list()) return Outcome{Verdict::kFail, {}, {}, {}};
  if (!v->known() || v->partial) {
    return Outcome{
        Verdict::kUnknown, {}, v->reason.empty() ? "the name is not known" : v->reason, {}};
  }
  // No witness: a rule that negates this places its finding elsewhere (on
  // the value that goes with the name).
  return Outcome{
      matches_any(args.list("patterns"), v->scalar_text()) ? Verdict::kPass : Verdict::kFail,
      {},
      {},
      {}};
}

Outcome has_entry(const Context&, const Value* v, const Args& args) {
  Outcome out{Verdict::kFail, {}, {}, {}};
  if (v == nullptr || !v->is_map()) return out;
  const bool literal = args.flag("literal");
  for (const auto& [key, value] : v->entries) {
    if (!matches_any(args.list("keys"), key)) continue;
    if (literal && !literal_scalar(value)) continue;
    out.verdict = Verdict::kPass;
    out.witnesses.push_back({value, false});
  }
  return out;
}

Outcome entries_equal(const Context&, const Value* v, const Args& args) {
  const Value* left = at_keys(v, single(args, "left"));
  const Value* right = at_keys(v, single(args, "right"));
  if (left == nullptr || !left->is_map()) return Outcome{Verdict::kPass, {}, {}, {}};
  Outcome out{Verdict::kPass, {}, {}, {}};
  std::string unknown;
  for (const auto& [key, value] : left->entries) {
    if (!matches_any(args.list("keys"), key)) continue;
    const Value* other = right != nullptr && right->is_map() ? right->find(key) : nullptr;
    if (other == nullptr) {
      out.witnesses.push_back({value, false});
      continue;
    }
    for (const Value* side : {value, other}) {
      if (!side->known() || side->partial) {
        unknown = side->reason.empty() ? key + " is not known" : side->reason;
      }
    }
    if (!unknown.empty()) continue;
    const std::optional<double> a = core::number_value(value);
    const std::optional<double> b = core::number_value(other);
    const bool same = a && b ? *a == *b : value->scalar_text() == other->scalar_text();
    if (!same) out.witnesses.push_back({value, false});
  }
  if (!out.witnesses.empty()) {
    out.verdict = Verdict::kFail;
  } else if (!unknown.empty()) {
    out = Outcome{Verdict::kUnknown, {}, unknown, {}};
  }
  return out;
}

}  // namespace genlens::rules::predicates
