#pragma once
// `for_each = aws_s3_bucket.docs`: a resource that repeats once per instance
// of another resource of the module (common for the split S3 settings and
// for scaling targets). The instance keys are those of that resource, and
// each.value stands for its instance with the same key.
#include <string>
#include <vector>

#include "formats/terraform/module.h"

namespace genlens::formats::terraform {

// The resource block a `for_each` expression names as a whole
// (`aws_s3_bucket.docs`, no index or attribute), when that block has a
// for_each of its own; nullptr otherwise.
const Block* for_each_resource(const ModuleDef& def, const core::Node* for_each);

// A reference to instance `instance` of `target` from every `each.value`
// written in `body` (`bucket = each.value.id`), made where it is written.
void each_value_references(const core::Node* body, const Block& target, const std::string& instance,
                           std::vector<Reference>& out);

}  // namespace genlens::formats::terraform
