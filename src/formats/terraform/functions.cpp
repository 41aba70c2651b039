// The function registry and call_function: arity, error and Unknown
// propagation common to all functions.
#include <fmt/format.h>

#include "formats/terraform/eval_support.h"
#include "formats/terraform/evaluator.h"

namespace genlens::formats::terraform {
namespace {

const detail::Registry& registry() {
  static const detail::Registry r = [] {
    detail::Registry reg;
    detail::add_string_functions(reg);
    detail::add_format_functions(reg);
    detail::add_collection_functions(reg);
    detail::add_encoding_functions(reg);
    detail::add_numeric_functions(reg);
    detail::add_filesystem_functions(reg);
    return reg;
  }();
  return r;
}

}  // namespace

const core::Value* call_function(core::ValueArena& arena, Scope& scope, std::string_view name,
                                 const std::vector<const core::Value*>& args,
                                 const core::Node* at) {
  const detail::Ctx c{arena, scope, at, name};
  if (name == "timestamp" || name == "uuid" || name == "plantimestamp" || name == "bcrypt" ||
      name == "uuidv5") {
    return c.unknown(fmt::format("function {} is not evaluated (it changes on every run)", name));
  }
  if (name.find("::") != std::string_view::npos) {
    return c.unknown(fmt::format("provider function {} is not evaluated", name));
  }
  const auto it = registry().find(name);
  if (it == registry().end()) return c.unknown(fmt::format("function {} is not evaluated", name));
  const detail::FnSpec& spec = it->second;
  const auto n = static_cast<int>(args.size());
  if (n < spec.min_args || (spec.max_args >= 0 && n > spec.max_args)) {
    if (spec.min_args == spec.max_args) {
      return c.error(fmt::format("expects {} argument{}, got {}", spec.min_args,
                                 spec.min_args == 1 ? "" : "s", n));
    }
    return c.error(fmt::format("wrong number of arguments ({})", n));
  }
  for (const core::Value* a : args) {
    if (a == nullptr) return nullptr;
    if (is_error(a)) return c.propagate(a);
  }
  if (!spec.handles_unknown) {
    for (const core::Value* a : args) {
      if (!a->known()) return c.propagate(a);
    }
  }
  return spec.fn(c, args);
}

}  // namespace genlens::formats::terraform
