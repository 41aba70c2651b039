#pragma once
// Expectations written inside fixtures: `# expect: ID` above the line a
// finding starts on (YAML), or a sidecar `<fixture>.expect.yaml` listing
// {rule, path} by logical path (JSON). `# expect-unknown: ID` marks a
// resource the rule cannot decide (the Unknown verdict, on the resource's
// header); `# expect-related: ID` a line that must be a related location of
// one of the rule's findings (sidecar: `kind: unknown` / `kind: related`).
#include <string>
#include <vector>

namespace genlens::testing {

struct Expectation {
  enum class Kind { kFinding, kUnknown, kRelated };
  std::string rule;
  unsigned line = 0;    // YAML: the line the finding starts on
  std::string path;     // JSON: the finding's logical path
  bool todo = false;    // `# todo-expect:`: a known miss, reported but not failing
  unsigned offset = 0;  // `+N`: the finding is N lines below the next code line
  Kind kind = Kind::kFinding;
  std::string file;  // directory fixtures: the file, relative to the directory
};

// Reads the expectations of a fixture file; errors (a dangling `# expect:`,
// a malformed sidecar) are returned in `error`. A fixture directory (a
// Terraform module with its variables files and local modules) holds
// expectations in any of its files; each names its file.
std::vector<Expectation> read_expectations(const std::string& fixture, std::string& error);

// The key a finding or expectation is matched by: "[file:]line", or
// "[file:]logical.path" for JSON files (`file` is empty for a fixture file).
std::string expectation_key(const std::string& file, bool json, unsigned line,
                            const std::string& path);

}  // namespace genlens::testing
