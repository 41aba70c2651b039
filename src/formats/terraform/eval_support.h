#pragma once
// Internal helpers shared by the Terraform evaluator and its function
// library: value constructors, HCL conversions, a string builder that keeps
// unknown runs and segments, and the function registry.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/terraform/evaluator.h"
#include "genlens/core/value.h"

namespace genlens::formats::terraform::detail {

using core::Node;
using core::Value;
using core::ValueArena;
using core::ValueKind;
using Args = std::vector<const Value*>;

// Where a function or operator runs: makes its results (origin = `at`).
struct Ctx {
  ValueArena& arena;
  Scope& scope;
  const Node* at;
  std::string_view name;  // function name, for messages

  const Value* unknown(std::string reason) const;
  // Unknown with reason kErrorPrefix + "NAME: " + reason.
  const Value* error(const std::string& reason) const;
  // Unknown at `at` with the reason of `v` (an Unknown or partial string).
  const Value* propagate(const Value* v) const;
  const Value* too_large() const { return unknown("result too large to evaluate"); }
  Value* str(std::string text) const;
  Value* num(double d) const;
  Value* boolean(bool b) const;
  Value* null() const;
  Value* list() const;
  Value* map() const;
};

inline bool is_expr(const Node* n, std::string_view t) {
  return n != nullptr && n->kind == core::NodeKind::kExpression && n->tag == t;
}
inline const Node* child(const Node* n, size_t i) {
  return n != nullptr && i < n->children.size() ? n->children[i] : nullptr;
}

// Increments a counter for its lifetime (depth, try nesting).
struct Guard {
  int& n;
  explicit Guard(int& c) : n(c) { ++n; }
  ~Guard() { --n; }
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;
};

// Terraform's type names for messages: "string", "number", "bool", "null",
// "list", "object", "unknown".
const char* type_name(const Value* v);
// No Unknown anywhere inside and no partial string (depth-bounded: too
// deep counts as not known).
bool wholly_known(const Value* v);
// The first Unknown or partial string inside `v` (depth-first), or nullptr.
const Value* first_unknown(const Value* v);
// HCL conversions of known values; nullopt when the conversion fails.
std::optional<double> to_number(const Value* v);
std::optional<std::string> to_text(const Value* v);  // string (not partial), number, bool
std::optional<bool> to_bool(const Value* v);
// Map entries in Terraform's order (lexical by key; the last of duplicates wins).
std::vector<std::pair<std::string, const Value*>> sorted_entries(const Value* map);
// Integer value of a number within +-2^53, or nullopt.
std::optional<long long> to_integer(const Value* v);
// A known list or map.
bool is_collection(const Value* v);

// Builds a string from literal parts and values: Unknown values become
// kUnknownMark runs (partial), literal parts and interpolated strings keep
// segments mapping back to their scalars, provenance of interpolated values
// is collected.
class StringBuilder {
 public:
  explicit StringBuilder(const Ctx& ctx) : ctx_(ctx) {}
  void literal(std::string_view text, const Node* origin = nullptr, size_t origin_offset = 0);
  // Appends a string/number/bool (partial strings keep their marks); an
  // Unknown appends a mark. Returns an error value for null or collections.
  const Value* value(const Value* v);
  void mark(const std::string& reason);
  [[nodiscard]] bool too_large() const { return too_large_; }
  [[nodiscard]] size_t size() const { return text_.size(); }
  // The string (nullptr when the arena is exhausted).
  const Value* finish();

 private:
  const Ctx& ctx_;
  std::string text_;
  bool partial_ = false;
  bool too_large_ = false;
  std::string reason_;
  std::vector<core::StringSegment> segments_;
  std::vector<const Node*> provenance_;
};

// Argument checks for functions: nullptr when `v` converts (result in
// `out`), else the value to return (the argument's Unknown, or an error).
const Value* arg_string(const Ctx& c, const Value* v, std::string& out);
const Value* arg_number(const Ctx& c, const Value* v, double& out);
const Value* arg_integer(const Ctx& c, const Value* v, long long& out);
// A known list (null is an error).
const Value* arg_list(const Ctx& c, const Value* v);
// Splits UTF-8 text into characters (invalid bytes are single characters).
std::vector<std::string_view> utf8_chars(std::string_view s);

// The function library.
using Fn = const Value* (*)(const Ctx& c, const Args& a);
struct FnSpec {
  Fn fn = nullptr;
  int min_args = 0;
  int max_args = 0;              // -1: variadic
  bool handles_unknown = false;  // false: any Unknown argument gives Unknown
};
using Registry = std::map<std::string, FnSpec, std::less<>>;
void add_string_functions(Registry& r);
void add_format_functions(Registry& r);
void add_collection_functions(Registry& r);
void add_encoding_functions(Registry& r);
void add_numeric_functions(Registry& r);
void add_filesystem_functions(Registry& r);

// The value as JSON text (Terraform's jsonencode: object keys sorted,
// numbers as number_text, <>& escaped).
// An Unknown inside becomes a bare kUnknownMark (a partial string inside
// keeps its marks) and `why` gets the first reason; nullopt only when the
// value is nested too deeply or the text too large.
std::optional<std::string> to_json(const Value* v, std::string& why, int depth = 0);
std::string base64_encode(std::string_view in);

}  // namespace genlens::formats::terraform::detail
