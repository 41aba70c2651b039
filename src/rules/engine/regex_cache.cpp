#include "rules/engine/regex_cache.h"

#include <map>
#include <memory>

namespace genlens::rules::detail {

const RE2& cached_regex(const std::string& pattern) {
  static std::map<std::string, std::unique_ptr<RE2>> cache;
  auto& re = cache[pattern];
  if (!re) re = std::make_unique<RE2>(pattern, RE2::Quiet);
  return *re;
}

}  // namespace genlens::rules::detail
