#pragma once
// Shared by the benchmark binaries: where the corpus is, reading files, and
// the same "is this worth parsing" filter `genlens scan` applies.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/document.h"
#include "genlens/core/source.h"
#include "genlens/parse/parse.h"

namespace genlens::bench {

// The corpus root: --corpus=DIR (removed from argv), else $GENLENS_CORPUS,
// else ../shared/corpus next to the source tree. Call before benchmark::Initialize.
std::string corpus_root(int& argc, char** argv);

// Reads a whole file; exits with a message when it cannot.
std::string slurp(const std::string& path);

// The same test `genlens scan` uses to choose the JSON reader.
[[nodiscard]] bool looks_like_json(std::string_view text, const std::string& path);

// The pre-filter `genlens scan` applies to walked files before parsing them:
// named like a template, or mentioning AWSTemplateFormatVersion, AWS:: or
// Resources. Files failing it are never parsed by genlens.
[[nodiscard]] bool scan_would_parse(const std::string& path, std::string_view text);

// Parses with parse_json or parse_yaml, as `genlens scan` would.
parse::DocResult parse_any(const core::SourcePtr& source);

}  // namespace genlens::bench
