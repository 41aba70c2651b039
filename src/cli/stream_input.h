#pragma once
// Standard input as part of a scan (`genlens scan -`): one stream, such as
// the output of `helm template` or `kustomize build`, read into memory and
// split into files named by its `# Source:` comments.
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/discover.h"

namespace genlens::cli {

// The path that stands for standard input.
inline constexpr std::string_view kStdinPath = "-";
// Its name unless --stdin-name says otherwise: a relative path, so a valid
// relative SARIF URI, and plain in text output.
inline constexpr std::string_view kDefaultStdinName = "stdin";

// What is wrong with `-` among `paths` and the stream's `name` (`name_given`:
// --stdin-name was used); "" when nothing is.
[[nodiscard]] std::string stdin_usage_error(const std::vector<std::string>& paths,
                                            const std::string& name, bool name_given);

// `paths` without `-`; `has_stdin` tells whether it was there.
[[nodiscard]] std::vector<std::string> paths_on_disk(const std::vector<std::string>& paths,
                                                     bool& has_stdin);

// Reads the stream on `fd` to its end, at most `options.max_file_size` bytes,
// and splits it (core::split_stream) into in-memory files named by their
// `# Source:` paths or `name`; parts an --exclude glob matches are left out.
// A stream over the limit is not scanned: an error at `name`, on the line and
// column where the limit is passed. Every file counts as named on the command
// line (its problems are reported).
std::vector<core::DiscoveredFile> read_stream_files(int fd, const std::string& name,
                                                    const core::DiscoverOptions& options,
                                                    core::Diagnostics& diags);

}  // namespace genlens::cli
