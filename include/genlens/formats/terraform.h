#pragma once
// Terraform adapter: the .tf / .tf.json files of a directory are one module.
// Every directory of the scan with configuration files is evaluated as a
// root module (variables from defaults, terraform.tfvars, *.auto.tfvars,
// --var-file and --var); local module calls (`source = "./x"`) are loaded
// with their arguments, so a resource inside a module is reported at its
// line in the module with its full address (module.kb.aws_s3_bucket.docs).
// Remote module calls are loaded from what `terraform init` installed
// (.terraform/modules/modules.json of the root module) when it is there;
// otherwise their outputs are Unknown.
// Resources expand per count / for_each instance; values that Terraform
// knows only after apply are Unknown.
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/document.h"
#include "genlens/formats/resource.h"

namespace genlens::formats::terraform {

// `.tf`, `.tf.json`: configuration; `.tfvars`, `.tfvars.json`: variables.
[[nodiscard]] bool is_configuration_file(const std::string& path);
[[nodiscard]] bool is_variables_file(const std::string& path);
// A directory path as Directory::path holds it: lexically normal, without a
// trailing '/', "." for the current directory.
[[nodiscard]] std::string normal_dir(const std::string& path);

// The parsed files of one directory.
struct Directory {
  std::string path;  // as shown to users ("infra/kb"), "." for the cwd
  std::vector<std::shared_ptr<core::Document>> configuration;  // file name order
  std::vector<std::shared_ptr<core::Document>> variables;      // terraform.tfvars, *.auto.tfvars
};

// Reads and parses one file (HCL, Terraform JSON or JSON by its name),
// reporting its problems; nullptr when it cannot be read at all.
using FileParser = std::function<std::shared_ptr<core::Document>(const std::string& path)>;

struct Options {
  std::vector<std::shared_ptr<core::Document>> var_files;  // --var-file, in order
  std::map<std::string, std::string> vars;                 // --var NAME=VALUE
  size_t max_instances = 10'000;  // count / for_each instances per resource
  size_t max_module_depth = 16;   // nested module calls
  // Directories whose root module a plan JSON of the scan covers
  // (terraform_plan.h): they are not evaluated as root modules, nor are the
  // local modules only they call. Lexically normal paths, as Directory::path.
  std::set<std::string> covered_roots;
  // Reads .terraform/modules/modules.json and the installed modules it
  // lists; when empty, remote modules are never loaded.
  FileParser parse_file;
};

// Adapts every directory as a root module; directories that another
// directory of the scan calls as a local module are evaluated through that
// call (with its arguments) instead. One Unit per configuration file and
// module instance. file()/templatefile() read only below the directories'
// common parent.
std::vector<Unit> adapt(const std::vector<Directory>& dirs, const Options& options,
                        core::Diagnostics& diags);

}  // namespace genlens::formats::terraform
