#pragma once
// Baselines: --write-baseline FILE records the current findings by rule ID
// and fingerprint; --baseline FILE reports only the findings it does not
// list. The file format is documented in docs/output-formats.md.
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/rules/finding.h"

namespace genlens::cli {

inline constexpr int kBaselineVersion = 1;

// The (rule ID, fingerprint) pairs a baseline lists.
struct Baseline {
  std::set<std::pair<std::string, std::string>> keys;
};

// Writes a baseline of `findings` to `path` atomically; an error message or "".
std::string write_baseline(const std::string& path, const std::vector<rules::Finding>& findings);

// Reads a baseline file. A missing, unreadable or malformed file is a config
// error at its place (exit code 3), and nothing is returned.
std::optional<Baseline> read_baseline(const std::string& path, core::Diagnostics& diags);

// Removes the findings the baseline lists; returns how many were removed.
size_t apply_baseline(const Baseline& baseline, std::vector<rules::Finding>& findings);

}  // namespace genlens::cli
