#pragma once
// Small helpers shared by the unit tests: compact text forms of positions,
// ranges and values (so assertions can be exact and readable), YAML parsing
// that fails the test on error, lookups by logical path, and a temp dir.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "genlens/core/document.h"
#include "genlens/core/source.h"
#include "genlens/core/value.h"
#include "genlens/parse/parse.h"

namespace genlens::testutil {

// A wall-time budget for a test, in seconds: `seconds` in a normal build,
// ten times that under the sanitizers (ASan/UBSan make parsing 3-10x
// slower), times GENLENS_TEST_TIME_SCALE when set (a loaded machine). The
// budgets prove that hostile input is bounded, not that genlens is fast;
// speed is measured by `make bench`.
double time_budget(double seconds);

// "3:5"
std::string pos_str(core::Position p);
// "3:5-3:9"
std::string range_str(core::SourceRange r);

// Parses YAML; a parse error fails the current test (and returns nullptr).
std::shared_ptr<core::Document> parse_yaml_ok(std::string text, std::string path = "t.yaml",
                                              const parse::ParseOptions& options = {});
// "line:col: message" of the parse error, or "no error".
std::string yaml_error(std::string text, const parse::ParseOptions& options = {});

// Follows a '/'-separated logical path ("Resources/A/Properties/Tags/0") from
// `root`; map keys by name, sequence items and expression operands by index.
// nullptr when missing.
const core::Node* node_at(const core::Node* root, std::string_view path);
// The same over values (map entries by key, list items by index).
const core::Value* value_at(const core::Value* root, std::string_view path);

// Compact text form of a value:
//   null, true, 3, "text" (unknown runs shown as <?>, a partial string gets a
//   trailing ~), [a, b], {K: v}, <unknown> (reason not shown), <absent>.
std::string describe(const core::Value* v);

// Compact text form of a node tree: {K: v}, [a, b], scalars as their text
// ('' when empty, ~ for null). Tags and positions are not shown.
std::string tree(const core::Node* n);

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Writes `content` to `rel` (parent directories created); returns the full path.
  std::filesystem::path write(const std::string& rel, const std::string& content = "a: 1\n") const;

 private:
  std::filesystem::path path_;
};

}  // namespace genlens::testutil
