#pragma once
// Helpers shared by the reporters: counts for summaries and artifact URIs.
#include <cstddef>
#include <string>
#include <string_view>

#include "genlens/report/report.h"

namespace genlens::report::internal {

struct Counts {
  size_t findings = 0;             // not suppressed (the counts below too)
  size_t suppressed = 0;           // suppressed in the source
  size_t errors = 0;               // findings at level error
  size_t warnings = 0;             // findings at level warning
  size_t notes = 0;                // findings at level note
  size_t unknown = 0;              // findings whose verdict is unknown
  size_t files_not_processed = 0;  // distinct files with an input or internal error
  size_t config_errors = 0;        // error diagnostics about usage, config or rules
};

[[nodiscard]] Counts count(const ScanResult& result);

// "1 file" / "2 files".
[[nodiscard]] std::string plural(size_t n, std::string_view singular, std::string_view plural);

// The last line of the text and GitHub formats:
// "3 findings (2 errors, 1 warning) in 4 files, 12 resources; ...".
[[nodiscard]] std::string summary(const ScanResult& result);

// Percent-encodes a path for use in a URI: everything except RFC 3986
// unreserved characters and '/' becomes %XX (UTF-8 bytes, upper-case hex).
[[nodiscard]] std::string percent_encode_path(std::string_view path);

// "<builtin>/security/x.yaml", "<stdin>", "": names that are not files.
[[nodiscard]] bool is_pseudo_path(std::string_view path);

struct ArtifactUri {
  std::string uri;
  bool under_root = false;  // true: `uri` is relative to the root (%SRCROOT%)
};

// Maps file paths (absolute, or relative to the working directory) to URIs
// relative to a source root, or to absolute file:// URIs when outside it.
class UriMapper {
 public:
  // An empty root means the current working directory.
  explicit UriMapper(std::string_view root);

  // "file:///abs/root/" (always ends with '/').
  [[nodiscard]] const std::string& root_uri() const { return root_uri_; }
  [[nodiscard]] ArtifactUri map(std::string_view path) const;

 private:
  std::string root_;  // absolute, normalised, no trailing '/' (except "/")
  std::string root_uri_;
};

}  // namespace genlens::report::internal
