#include "parse/yaml/cfn_tags.h"

#include <array>

namespace genlens::parse::detail {

std::string cfn_long_form(std::string_view tag) {
  if (tag.size() < 2 || tag[0] != '!') return {};
  const std::string_view name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return std::string(name);
  static constexpr std::array<std::string_view, 20> kFunctions = {
      "Base64",      "Cidr", "Equals",       "FindInMap", "GetAtt",  "GetAZs",  "If",
      "ImportValue", "Join", "Length",       "Not",       "And",     "Or",      "Select",
      "Split",       "Sub",  "ToJsonString", "Transform", "ForEach", "Contains"};
  for (std::string_view f : kFunctions) {
    if (name == f) return "Fn::" + std::string(name);
  }
  return {};
}

}  // namespace genlens::parse::detail
