#pragma once
// Resolved values are three-valued: Known (null, bool, number, string, list,
// map), Unknown (a parameter without a default, an attribute known only after
// deployment, an unsupported function) and absent (no entry at all). Rules
// never see an unresolved expression as if it were a real string.
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "genlens/core/document.h"

namespace genlens::core {

// Marks an unknown run inside a partially known string ("arn:${AWS::Region}").
inline constexpr char kUnknownMark = '\x01';

enum class ValueKind : uint8_t { kNull, kBool, kNumber, kString, kList, kMap, kUnknown };

// Maps an offset in a resolved string back to an offset in the decoded text
// of its origin scalar (Fn::Sub and friends splice strings together).
struct StringSegment {
  size_t out_offset = 0;
  size_t origin_offset = 0;
  const Node* origin = nullptr;
};

struct Value {
  ValueKind kind = ValueKind::kNull;
  bool boolean = false;
  double number = 0;
  std::string text;      // string contents; source text of numbers and booleans
  bool partial = false;  // a string with kUnknownMark runs in it
  std::vector<std::pair<std::string, const Value*>> entries;  // maps, in source order
  std::vector<const Value*> items;                            // lists
  const Node* origin = nullptr;                               // where the value is written
  std::string reason;                                         // why it is unknown or partial
  std::vector<const Node*> provenance;  // how it was reached (Ref -> Default, ...)
  std::vector<StringSegment> segments;  // for spliced strings
  // A string that is the JSON encoding of a structured value (Terraform's
  // jsonencode): read as JSON (@json, policy predicates) it is that value,
  // with the positions and provenance of what was encoded.
  const Value* encoded = nullptr;

  [[nodiscard]] bool known() const { return kind != ValueKind::kUnknown; }
  [[nodiscard]] bool is_map() const { return kind == ValueKind::kMap; }
  [[nodiscard]] bool is_list() const { return kind == ValueKind::kList; }
  [[nodiscard]] bool is_string() const { return kind == ValueKind::kString; }
  [[nodiscard]] const Value* find(std::string_view key) const;
  // Text form of a known scalar (strings, numbers, booleans); "" otherwise.
  [[nodiscard]] std::string scalar_text() const;
};

// Owns values; a budget stops alias bombs and runaway expansion.
class ValueArena {
 public:
  explicit ValueArena(size_t budget = 4'000'000) : budget_(budget) {}
  ValueArena(const ValueArena&) = delete;
  ValueArena& operator=(const ValueArena&) = delete;
  // Returns nullptr when the budget is exhausted.
  Value* make(ValueKind kind, const Node* origin);
  [[nodiscard]] bool exhausted() const { return values_.size() >= budget_; }
  [[nodiscard]] size_t size() const { return values_.size(); }

 private:
  size_t budget_;
  std::deque<Value> values_;
};

// `v` as seen at its use site `at` (a Ref, a var.x): reported there, with
// where it came from (its origin, then its provenance) after it.
const Value* at_use_site(ValueArena& arena, const Value* v, const Node* at);

// The number a known value stands for: a number, or a string that is one
// ("5", "1.5"); nullopt otherwise.
std::optional<double> number_value(const Value* v);

// A YAML/JSON number as written (decimal, 0x.., 0o.., .inf, .nan), or nullopt.
std::optional<double> yaml_number(std::string_view text);

// Converts a document subtree to values as written (no intrinsic resolution).
// Scalars keep their YAML/JSON type; a kUnknownMark in a string marks it partial.
const Value* literal_value(ValueArena& arena, const Node* node);

}  // namespace genlens::core
