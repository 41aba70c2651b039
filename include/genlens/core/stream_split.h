#pragma once
// Splits a stream of rendered manifests (the output of `helm template`) into
// one text per template, at the `# Source: PATH` comments Helm writes at the
// head of every document it renders.
#include <string>
#include <string_view>
#include <vector>

namespace genlens::core {

struct StreamPart {
  std::string path;  // a `# Source:` path, or the stream's own name
  std::string text;
};

// A document belongs to PATH when its header (the lines from its `---`
// separator, or from the start of the stream, up to its first content line)
// has a `# Source: PATH` comment at column 0 (trailing blanks and CR
// ignored). A part holds all documents of its path in stream order, each
// from its `---` line on, so line N of a part is line N of what
// `helm template --show-only` prints for that template. Text before the first Source document stays
// under `stream_name` when it holds more than blank lines, comments and separators; a stream
// without Source comments (kustomize output, a plain file, an empty stream)
// is one part named `stream_name`. Parts are in the order of their first
// document. A leading UTF-8 byte order mark is dropped.
[[nodiscard]] std::vector<StreamPart> split_stream(std::string_view text,
                                                   const std::string& stream_name);

}  // namespace genlens::core
