#include "cli/init_command.h"

#include <filesystem>
#include <iostream>
#include <ostream>

#include "cli/app.h"
#include "cli/output.h"

namespace genlens::cli {

const std::string& default_config_text() {
  static const std::string text =
      R"(# genlens configuration. `genlens scan` uses the nearest .genlens.yaml at
# or above the first path it scans (or the file given with --config).
# Relative paths are relative to this file. Unknown keys are errors.

# Lowest finding level that makes the exit code 1: error, warning, note or
# never. --fail-on on the command line wins.
fail_on: error

# Paths to skip, as globs on the path or the file name (like --exclude).
exclude: []
#  - "legacy/*"

# Terraform variable files, read in this order; --var-file files come after
# them (the last value of a variable wins).
var_files: []
#  - envs/prod.tfvars

# Directories of extra rule files (like --rules-dir).
rules_dirs: []
#  - ci/genlens-rules

# Rules to turn off and back on, by ID, glob over IDs or pillar
# (security, reliability, performance-efficiency, cost-optimization,
# sustainability). A rule is off when a `disable` entry matches it and no
# `enable` entry does; rules.<ID>.enabled decides over both.
disable: []
#  - sustainability
#  - GAI-COST-*
enable: []
#  - GAI-SUS-001

# Per rule: enabled, severity (error, warning or note) and params (see
# `genlens explain ID` for each rule's parameters and defaults).
rules: {}
#  GAI-COST-001:
#    params: {max_runtime_seconds: 172800}
#  GAI-SEC-011:
#    severity: note

# Kubernetes: image repositories that are model servers (added to the
# built-in list; * matches any characters) and the label key whose value
# model-server or training marks a workload.
kubernetes:
  model_server_images: []
  workload_label: genai.workload/role
)";
  return text;
}

int init_config(const std::string& dir, bool force) {
  const std::filesystem::path path =
      std::filesystem::path(dir.empty() ? "." : dir) / ".genlens.yaml";
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !force) {
    std::cerr << "genlens: error: " << path.string() << " exists; use --force to replace it\n";
    return kExitUsage;
  }
  const std::string err =
      write_output(path.string(), [](std::ostream& out) { out << default_config_text(); });
  if (!err.empty()) {
    std::cerr << "genlens: error: " << err << "\n";
    return kExitInput;
  }
  std::cout << "wrote " << path.string() << "\n";
  return kExitClean;
}

}  // namespace genlens::cli
