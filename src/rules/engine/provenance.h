#pragma once
// Related locations that say where a value came from: a CloudFormation
// parameter default or mapping entry, a Terraform variable default, tfvars
// line, local or module argument.
#include <string>
#include <vector>

#include "genlens/core/document.h"

namespace genlens::rules::detail {

// "the value comes from …", naming the place `node` (in `file`) stands for.
[[nodiscard]] std::string provenance_note(const core::Node* node, const std::string& file);

// True when `node` is `within` or below it (a provenance step inside the
// finding's own expression says nothing new).
[[nodiscard]] bool is_within(const core::Node* node, const core::Node* within);

// The provenance steps worth a related location: not inside `finding` (the
// finding's own expression), and not inside another step (a module
// argument and the `var.x` expression that is its value say the same).
[[nodiscard]] std::vector<const core::Node*> provenance_steps(
    const std::vector<const core::Node*>& provenance, const core::Node* finding);

}  // namespace genlens::rules::detail
