// A template or expression written in a JSON string, parsed by parse_hcl
// as the value of an attribute in a small synthetic file:
//
//   template:   x = <<MARKER\n<text>\nMARKER\n   (a heredoc: no escapes but
//               $${ and %%{, as Terraform reads a JSON string's template)
//   expression: x = <text>\n
//
// then copied into the JSON document with every position moved from the
// synthetic file to where that byte of the string is written in the JSON
// file (through its escapes).
#include "parse/hcl/embedded.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "genlens/parse/hcl.h"
#include "parse/scalar_offset.h"

namespace genlens::parse::hcl {
namespace {

using core::Node;
using core::NodeKind;
using core::Position;

constexpr std::string_view kMarker = "GENLENS_EOT";

// A heredoc marker that does not occur in `text`: kMarker followed by more
// underscores than follow any kMarker in the text.
std::string marker_for(std::string_view text) {
  size_t longest = 0;
  for (size_t at = text.find(kMarker); at != std::string_view::npos;
       at = text.find(kMarker, at + 1)) {
    size_t n = 0;
    while (at + kMarker.size() + n < text.size() && text[at + kMarker.size() + n] == '_') ++n;
    longest = std::max(longest, n);
  }
  return std::string(kMarker) + std::string(longest + 1, '_');
}

// Positions of the synthetic file -> positions of the host string's bytes.
// The synthetic positions are converted to offsets in one forward sweep
// (a string can be one long line with many parts).
class Mapper {
 public:
  Mapper(const core::SourceFile& synthetic, const core::Document* parsed,
         const std::vector<core::Error>& errors, size_t begin, size_t size,
         const core::SourceFile& host, const Node& s, size_t host_start)
      : begin_(begin),
        size_(size),
        bytes_(detail::scalar_byte_positions_at(host, s, host_start)),
        fallback_(s.range.begin) {
    std::vector<Position> wanted;
    for (const core::Error& e : errors) wanted.push_back(e.pos);
    if (parsed != nullptr) {
      std::vector<const Node*> todo(parsed->roots().begin(), parsed->roots().end());
      while (!todo.empty()) {
        const Node* n = todo.back();
        todo.pop_back();
        wanted.insert(wanted.end(),
                      {n->range.begin, n->range.end, n->key_range.begin, n->key_range.end});
        todo.insert(todo.end(), n->children.begin(), n->children.end());
      }
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    detail::OffsetCursor cursor(synthetic);
    offsets_.reserve(wanted.size());
    for (Position p : wanted) offsets_.emplace_back(p, cursor.advance(p));
  }

  [[nodiscard]] Position at(Position p) const {
    auto it = std::lower_bound(offsets_.begin(), offsets_.end(), p,
                               [](const auto& e, Position q) { return e.first < q; });
    const size_t off = it != offsets_.end() && it->first == p ? it->second : 0;
    const size_t d = std::min(off < begin_ ? 0 : off - begin_, size_);
    if (d < bytes_.size()) return bytes_[d];
    return bytes_.empty() ? fallback_ : bytes_.back();  // past what could be matched
  }
  [[nodiscard]] core::SourceRange range(core::SourceRange r) const {
    return {at(r.begin), at(r.end)};
  }

 private:
  size_t begin_;
  size_t size_;
  std::vector<Position> bytes_;
  Position fallback_;
  std::vector<std::pair<Position, size_t>> offsets_;  // sorted by position
};

// Depth is bounded by parse_hcl's max_depth (deeper nodes are kUnknown leaves).
Node* copy(core::Document& doc, const Node& from, const Mapper& m) {
  Node* n = doc.make_node(from.kind);
  n->scalar_type = from.scalar_type;
  n->style = from.style;
  n->text = from.text;
  n->tag = from.tag;
  n->key = from.key;
  n->has_error = from.has_error;
  n->range = m.range(from.range);
  n->key_range = m.range(from.key_range);
  for (const Node* c : from.children) core::Document::append(n, copy(doc, *c, m));
  return n;
}

// A heredoc's text ends with the line break before its closing marker,
// which the JSON string does not have.
void drop_final_line_break(Node* n) {
  Node* last = n;
  if (n->kind == NodeKind::kExpression) {
    if (n->children.empty() || !n->children.back()->is_scalar()) return;
    last = n->children.back();
  }
  if (last->text.empty() || last->text.back() != '\n') return;
  last->text.pop_back();
  if (last != n && last->text.empty()) n->children.pop_back();
}

Node* failed(core::Document& doc, const Node& s) {
  Node* n = doc.make_node(NodeKind::kUnknown);
  n->range = s.range;
  n->has_error = true;
  return n;
}

}  // namespace

Node* parse_embedded(core::Document& doc, const Node& s, size_t start, EmbedMode mode,
                     const ParseOptions& options, std::vector<core::Error>& errors) {
  std::string text = "x = ";
  std::string marker;
  if (mode == EmbedMode::kTemplate) {
    marker = marker_for(s.text);
    text += "<<" + marker + "\n";
  }
  const size_t begin = text.size();
  text += s.text;
  text += mode == EmbedMode::kTemplate ? "\n" + marker + "\n" : "\n";
  auto synthetic = std::make_shared<core::SourceFile>(doc.source().path(), std::move(text));
  const HclResult r = parse_hcl(synthetic, options);
  const Mapper m(*synthetic, r.doc.get(), r.errors, begin, s.text.size(), doc.source(), s, start);
  for (const core::Error& e : r.errors) errors.push_back({e.message, m.at(e.pos)});
  if (r.doc == nullptr) return failed(doc, s);
  const Node* body = r.doc->roots().empty() ? nullptr : r.doc->roots().front();
  if (body == nullptr || !body->is_map() || body->children.size() != 1 ||
      body->children.front()->key != "x") {
    if (r.errors.empty()) errors.push_back({"expected one expression", s.range.begin});
    return failed(doc, s);
  }
  Node* n = copy(doc, *body->children.front(), m);
  if (!r.errors.empty()) n->has_error = true;  // an error after the value is the string's too
  n->key.clear();
  n->key_range = {};
  n->range = s.range;
  if (mode == EmbedMode::kTemplate) {
    drop_final_line_break(n);
    n->style = s.style;  // written as a JSON string
  }
  return n;
}

}  // namespace genlens::parse::hcl
