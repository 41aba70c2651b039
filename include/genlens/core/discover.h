#pragma once
// Finds the files to scan. Classification by content happens after parsing;
// here only directories are skipped and extensions filtered.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/result.h"

namespace genlens::core {

struct DiscoverOptions {
  std::vector<std::string> excludes;    // globs on the path (and on the file name)
  uintmax_t max_file_size = 10u << 20;  // larger files get a diagnostic
};

struct DiscoveredFile {
  std::string path;    // as shown to users: relative when under the cwd
  bool named = false;  // given on the command line, not found by walking
  // Set for a file that is not on disk (a part of standard input): its
  // whole text. `path` then only names it and is never opened.
  std::shared_ptr<const std::string> text;
  [[nodiscard]] bool in_memory() const { return text != nullptr; }
};

// Walks files and directories (sorted, symlink loops detected). Skips .git,
// node_modules, .terraform, cdk.out assets, build output folders. Only
// regular files are returned: a FIFO, socket, device or broken symlink with a
// scannable name gets a warning when walked and an error when named.
std::vector<DiscoveredFile> discover(const std::vector<std::string>& paths,
                                     const DiscoverOptions& options, Diagnostics& diags);

// True when an --exclude glob matches the path as shown or its file name.
[[nodiscard]] bool is_excluded(const std::string& path, const DiscoverOptions& options);

// True for extensions genlens reads (.yaml, .yml, .json, .template).
[[nodiscard]] bool has_scannable_extension(const std::string& path);

// Reads a whole file, at most max_size bytes; an error message on failure.
// Never blocks on a FIFO and never reads from anything but a regular file.
Result<std::string> read_file(const std::string& path, uintmax_t max_size);

// Reads `fd` to its end (blocking), but never more than max_size + 1 bytes:
// a result longer than max_size means the input is over the limit.
// `size_hint`: the expected size, to allocate once.
Result<std::string> read_capped(int fd, uintmax_t size_hint, uintmax_t max_size);

}  // namespace genlens::core
