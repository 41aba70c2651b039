#pragma once
// What format adapters produce: resources with resolved values and the
// references between them. Adapters know the format and nothing about rules.
#include <memory>
#include <string>
#include <vector>

#include "genlens/core/document.h"
#include "genlens/core/value.h"

namespace genlens::formats {

enum class Format { kCloudFormation, kTerraform, kKubernetes };
[[nodiscard]] const char* format_name(Format f);  // "cloudformation", ...

enum class ReferenceKind {
  kRef,        // CFN Ref
  kGetAtt,     // CFN Fn::GetAtt
  kSub,        // CFN ${X} / ${X.Attr} inside Fn::Sub
  kDependsOn,  // CFN DependsOn
};

struct Reference {
  ReferenceKind kind = ReferenceKind::kRef;
  std::string target;              // logical ID (CFN), address (Terraform)
  std::string attribute;           // GetAtt attribute, if any
  const core::Node* at = nullptr;  // the expression in the source
  std::string from_path;           // attribute path inside the resource ("Properties.RoleArn")
  // Where `target` is looked up when not in the resource's own unit scope
  // (Terraform: a module argument refers to the calling module).
  std::string scope;
  // Terraform: the count/for_each instance named (`aws_s3_bucket.b["raw"]`:
  // "[\"raw\"]", `aws_s3_bucket.c[0]`: "[0]"), as in Resource::instance;
  // empty: every instance of `target` (no index, a splat).
  std::string instance;
  // False when the instance key is known only after apply: the reference
  // names one of the instances, which one is not known.
  bool certain = true;
  // The attribute it is written in, in rule-path form relative to the
  // resource ("production_variants[0].model_name"); empty: the graph derives
  // it from `at` (plan JSON gives it: `at` may lie outside the resource node).
  std::string attribute_path = {};
};

struct Resource {
  Format format = Format::kCloudFormation;
  std::string type;  // AWS::SageMaker::EndpointConfig
  std::string name;  // logical ID / address
  // What references name: the address without instance key and module path
  // for Terraform ("aws_s3_bucket.docs" for module.kb.aws_s3_bucket.docs["a"]);
  // empty: `name`.
  std::string ref_name;
  // Terraform: the count/for_each instance key at the end of `name` ("[0]",
  // "[\"raw\"]"); empty for a resource without count/for_each, or whose
  // count/for_each is known only after apply (one resource stands for all).
  std::string instance;
  const core::Node* node = nullptr;    // the resource body; node->key_range is the header
  const core::Value* value = nullptr;  // resolved body (whole resource definition)
  std::vector<Reference> references;
  bool evaluable = true;  // false when the resource contains a syntax error
};

// Where a resource is shown when no attribute is named: its key
// (CloudFormation logical ID, Terraform block) or, for a resource without
// one (a Kubernetes manifest is a document or a List item), the start of
// its body; unknown when the resource has no node.
[[nodiscard]] core::Position header(const Resource& r);

// One adapted file. Owns the document and the values resources point into.
struct Unit {
  Format format = Format::kCloudFormation;
  std::shared_ptr<core::Document> document;
  std::shared_ptr<core::ValueArena> arena;  // shared by the files of a Terraform module
  std::vector<Resource> resources;
  // Where references by name resolve: the template (CloudFormation, empty =
  // this unit only) or the module instance ("infra/", "infra/ module.kb").
  std::string scope;
  // Documents the values point into besides `document`: every document of
  // a Terraform adapt run (module arguments, variable defaults in another
  // file, tfvars), one list shared by the run's units.
  std::shared_ptr<const std::vector<std::shared_ptr<const core::Document>>> keep_alive;
};

}  // namespace genlens::formats
