#include "genlens/core/stream_split.h"

#include <cstddef>
#include <map>

namespace genlens::core {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// A `---` document marker: true, with `rest` what follows it on the line.
bool is_separator(std::string_view line, std::string_view& rest) {
  if (line.substr(0, 3) != "---") return false;
  rest = line.substr(3);
  if (!rest.empty() && !is_blank(rest.front())) return false;  // "----", "---x"
  rest = trim(rest);
  return true;
}

// The PATH of a `# Source: PATH` line; empty when the line is none.
std::string_view source_path(std::string_view line) {
  constexpr std::string_view kPrefix = "# Source:";
  if (line.substr(0, kPrefix.size()) != kPrefix) return {};
  return trim(line.substr(kPrefix.size()));
}

// Neither blank, nor a comment, nor a bare separator: a document's content.
bool is_content(std::string_view line) {
  std::string_view rest;
  if (is_separator(line, rest)) return !rest.empty() && rest.front() != '#';
  line = trim(line);
  return !line.empty() && line.front() != '#';
}

// Calls `f(line, offset)` for each line of `text` (without its '\n').
template <typename F>
void for_each_line(std::string_view text, F&& f) {
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    f(text.substr(at, end - at), at);
    at = end + 1;
  }
}

bool has_content(std::string_view text) {
  bool found = false;
  for_each_line(text, [&](std::string_view line, size_t) { found = found || is_content(line); });
  return found;
}

struct Chunk {
  std::string_view path;  // empty: the stream's name
  size_t begin = 0;       // byte offset in the stream
};

// Where each Source document starts (its `---` line, or its header's
// first line).
std::vector<Chunk> find_chunks(std::string_view text) {
  std::vector<Chunk> chunks{Chunk{}};
  size_t doc_start = 0;
  bool in_content = false;  // past the current document's header
  for_each_line(text, [&](std::string_view line, size_t at) {
    std::string_view rest;
    if (is_separator(line, rest)) {
      doc_start = at;
      in_content = !rest.empty() && rest.front() != '#';
      return;
    }
    if (in_content) return;
    if (const std::string_view path = source_path(line); !path.empty()) {
      if (chunks.back().begin == doc_start) {
        chunks.back().path = path;  // a second Source line in one header: the last wins
      } else {
        chunks.push_back(Chunk{path, doc_start});
      }
      return;
    }
    in_content = is_content(line);
  });
  return chunks;
}

}  // namespace

std::vector<StreamPart> split_stream(std::string_view text, const std::string& stream_name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const std::vector<Chunk> chunks = find_chunks(text);
  std::vector<StreamPart> parts;
  std::map<std::string, size_t, std::less<>> index;
  for (size_t k = 0; k < chunks.size(); ++k) {
    const size_t end = k + 1 < chunks.size() ? chunks[k + 1].begin : text.size();
    const std::string_view piece = text.substr(chunks[k].begin, end - chunks[k].begin);
    const bool prelude = chunks[k].path.empty();
    if (prelude && chunks.size() > 1 && !has_content(piece)) continue;
    const std::string name = prelude ? stream_name : std::string(chunks[k].path);
    const auto [it, fresh] = index.try_emplace(name, parts.size());
    if (fresh) parts.push_back(StreamPart{name, {}});
    // Only the stream's first document can lack a `---` line, and it comes
    // first in its part: the pieces stay separate documents.
    parts[it->second].text += piece;
  }
  return parts;
}

}  // namespace genlens::core
