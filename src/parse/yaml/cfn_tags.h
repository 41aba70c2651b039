#pragma once
// CloudFormation short-form tags and their long form.
#include <string>
#include <string_view>

namespace genlens::parse::detail {

// "!Ref" -> "Ref", "!Sub" -> "Fn::Sub", "!Condition" -> "Condition"; "" when
// the tag is not a CloudFormation intrinsic.
std::string cfn_long_form(std::string_view tag);

}  // namespace genlens::parse::detail
