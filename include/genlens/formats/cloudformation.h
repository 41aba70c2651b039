#pragma once
// CloudFormation adapter: a parsed template -> resources with resolved values.
#include <memory>

#include "genlens/core/diagnostic.h"
#include "genlens/core/document.h"
#include "genlens/formats/resource.h"

namespace genlens::formats::cloudformation {

// A template has AWSTemplateFormatVersion, or a Resources map whose entries
// have a Type like AWS::… / Custom::… . Never decided by file name.
[[nodiscard]] bool is_template(const core::Node* root);

// Resources with logical ID, type, location, resolved values (parameters
// with defaults, mappings, conditions, Fn::Sub/Join/Select/Split/If) and the
// Ref / GetAtt / Sub / DependsOn references between them.
Unit adapt(std::shared_ptr<core::Document> doc, const core::Node* root, core::Diagnostics& diags);

}  // namespace genlens::formats::cloudformation
