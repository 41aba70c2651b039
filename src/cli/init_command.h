#pragma once
// `genlens init`: writes a commented default .genlens.yaml.
#include <string>

namespace genlens::cli {

// The default configuration `genlens init` writes: every key of
// .genlens.yaml with its default value and a comment; it loads without
// diagnostics.
[[nodiscard]] const std::string& default_config_text();

// Writes DIR/.genlens.yaml (DIR: "" = the working directory); refuses to
// replace an existing file unless `force`. Returns an exit code.
int init_config(const std::string& dir, bool force);

}  // namespace genlens::cli
