// parse_embedded_json: JSON written inside a string of another document (an
// IAM policy in a CloudFormation property, a `jsonencode` body). Offsets in
// the embedded text are mapped to offsets in the host scalar's decoded text
// (through the caller's OffsetMap for spliced strings), then to positions in
// the host file through the scalar's style.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "genlens/parse/parse.h"
#include "parse/json/json_reader.h"
#include "parse/scalar_offset.h"

namespace genlens::parse {

namespace {

// A range whose end could not be mapped while its begin could (or the other
// way round) would point backwards; shrink it to its begin.
void fix_inverted_ranges(core::Node* root) {
  std::vector<core::Node*> todo{root};
  while (!todo.empty()) {
    core::Node* n = todo.back();
    todo.pop_back();
    if (n->range.end < n->range.begin) n->range.end = n->range.begin;
    if (n->key_range.end < n->key_range.begin) n->key_range.end = n->key_range.begin;
    todo.insert(todo.end(), n->children.begin(), n->children.end());
  }
}

}  // namespace

DocResult parse_embedded_json(const core::Document& doc, const core::Node& host,
                              std::string_view text, const OffsetMap* map,
                              const ParseOptions& options) {
  auto source = std::make_shared<const core::SourceFile>(doc.source().path(), std::string(text));
  auto out = std::make_shared<core::Document>(source);
  // SourceFile drops a leading BOM; offsets into source->text() are shifted by it.
  const size_t shift = source->had_bom() ? 3 : 0;
  const std::vector<core::Position> host_positions =
      detail::scalar_byte_positions(doc.source(), host);
  auto to_decoded = [&](size_t offset) {
    return map != nullptr ? map->to_host(offset + shift) : offset + shift;
  };
  auto at_decoded = [&](size_t decoded) {
    return decoded < host_positions.size() ? host_positions[decoded] : host.range.begin;
  };
  // An end offset is mapped through the last character before it, so a value
  // ending where a spliced-in string begins still ends after its own text.
  auto to_host = [&](size_t offset, bool end) {
    if (!end || offset == 0) return at_decoded(to_decoded(offset));
    const size_t last = to_decoded(offset - 1);
    return last == std::string_view::npos ? host.range.begin : at_decoded(last + 1);
  };
  auto error = detail::read_json(source->text(), options, "empty JSON document", *out, to_host);
  if (error) return core::Error{std::move(error->message), to_host(error->offset, false)};
  core::Node* root = out->roots().front();
  root->embedded_root = true;
  root->parent = &host;
  fix_inverted_ranges(root);
  return out;
}

}  // namespace genlens::parse
