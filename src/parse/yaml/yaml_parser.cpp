// YAML -> Document with yaml-cpp. yaml-cpp exceptions stop here.
//
// yaml-cpp 0.7 gives start marks only and rejects a tag in front of a block
// scalar in some positions (`!Sub |` on its own line, `- !Sub >-`). When a
// parse fails, the reader retries with such tags blanked out (same byte
// length, so every position stays exact) and restores them from a side table.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "genlens/parse/parse.h"
#include "parse/yaml/cfn_tags.h"
#include "parse/yaml/document_guard.h"
#include "parse/yaml/yaml_text.h"

namespace genlens::parse {
namespace {

using core::Node;
using core::NodeKind;
using core::ScalarStyle;
using core::ScalarType;

class Converter {
 public:
  Converter(core::Document& doc, const ParseOptions& options,
            const std::unordered_map<size_t, detail::BlankedTag>& block_tags)
      : doc_(doc),
        src_(doc.source()),
        options_(options),
        block_tags_(block_tags),
        aliases_(doc.source().text().find('&') != std::string_view::npos) {}

  Node* convert(const YAML::Node& yn, size_t depth) {
    if (error_) return nullptr;
    if (depth > options_.max_depth) {
      fail(fmt::format("nesting deeper than {} levels", options_.max_depth), yn.Mark());
      return nullptr;
    }
    if (++count_ > options_.max_nodes) {
      fail(fmt::format("document expands to more than {} nodes{}", options_.max_nodes,
                       aliases_ ? " (alias bomb?)" : ""),
           yn.Mark());
      return nullptr;
    }
    size_t off = offset_of(yn.Mark());
    std::string tag = yn.Tag();
    size_t vstart = off;
    if (tag.size() > 1 && tag[0] == '!') {
      vstart = detail::skip_tag(src_.text(), off);
    } else if (auto it = block_tags_.find(off); it != block_tags_.end()) {
      tag = it->second.tag;  // restored after blanking
      off = it->second.offset;
    }
    Node* value = make_value(yn, vstart, depth);
    if (value == nullptr) return nullptr;
    if (tag.size() > 1 && tag[0] == '!' && tag != "!") value->tag = tag;
    const std::string long_form = detail::cfn_long_form(tag);
    if (long_form.empty()) return value;
    return wrap_intrinsic(long_form, off, tag, value);
  }

  [[nodiscard]] const std::optional<core::Error>& error() const { return error_; }
  [[nodiscard]] const std::vector<std::pair<uint32_t, uint32_t>>& block_spans() const {
    return block_spans_;
  }
  [[nodiscard]] const std::map<uint32_t, size_t>& quoted_tails() const { return quoted_tails_; }

 private:
  size_t offset_of(const YAML::Mark& m) const {
    if (m.is_null()) return 0;
    return src_.line_start(static_cast<uint32_t>(m.line + 1)) + static_cast<size_t>(m.column);
  }
  core::Position pos(size_t offset) const { return src_.position_at(offset); }

  void fail(std::string message, const YAML::Mark& m) {
    if (!error_)
      error_ = core::Error{std::move(message), m.is_null() ? core::Position{} : pos(offset_of(m))};
  }

  Node* make_value(const YAML::Node& yn, size_t vstart, size_t depth) {
    switch (yn.Type()) {
      case YAML::NodeType::Map:
        return make_map(yn, vstart, depth);
      case YAML::NodeType::Sequence:
        return make_sequence(yn, vstart, depth);
      case YAML::NodeType::Scalar:
        return make_scalar(yn, vstart);
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined: {
        Node* n = doc_.make_node(NodeKind::kScalar);
        n->scalar_type = ScalarType::kNull;
        const std::string_view word = detail::null_word_at(src_.text(), vstart);
        n->range = {pos(vstart), pos(vstart + word.size())};
        return n;
      }
    }
    return nullptr;
  }

  Node* make_scalar(const YAML::Node& yn, size_t vstart) {
    Node* n = doc_.make_node(NodeKind::kScalar);
    n->text = yn.Scalar();
    const std::string_view text = src_.text();
    const char c = vstart < text.size() ? text[vstart] : '\0';
    // "?" is an untagged plain scalar; `!!str 12` stays a string.
    const bool plain_tag = yn.Tag() == "?" || (yn.Tag().size() > 1 && c != '"' && c != '\'' &&
                                               yn.Tag() != "tag:yaml.org,2002:str");
    switch (c) {
      case '"':
        n->style = ScalarStyle::kDoubleQuoted;
        break;
      case '\'':
        n->style = ScalarStyle::kSingleQuoted;
        break;
      case '|':
        n->style = ScalarStyle::kLiteral;
        break;
      case '>':
        n->style = ScalarStyle::kFolded;
        break;
      default:
        n->style = ScalarStyle::kPlain;
    }
    n->scalar_type = (n->style == ScalarStyle::kPlain && plain_tag)
                         ? detail::resolve_plain_type(n->text)
                         : ScalarType::kString;
    size_t end = vstart;
    if (n->style == ScalarStyle::kLiteral || n->style == ScalarStyle::kFolded) {
      const auto first = pos(vstart).line;
      const auto last = detail::block_scalar_end_line(src_, vstart);
      end = src_.line_start(last) + src_.line_text(last).size();
      if (last > first) block_spans_.emplace_back(first + 1, last);
    } else {
      end = detail::scalar_end(text, vstart, n->style, n->text);
      const bool quoted =
          n->style == ScalarStyle::kDoubleQuoted || n->style == ScalarStyle::kSingleQuoted;
      if (quoted && (end <= vstart + 1 || text[end - 1] != c)) {
        // yaml-cpp 0.7 accepts a quoted scalar left open at the end of input.
        if (!error_) error_ = core::Error{"invalid YAML: unterminated quoted string", pos(vstart)};
      } else if (quoted) {
        // A '#' on the continuation lines of a quoted scalar is text.
        const uint32_t first = pos(vstart).line;
        const uint32_t last = pos(end).line;
        if (last > first) {
          if (last > first + 1) block_spans_.emplace_back(first + 1, last - 1);
          quoted_tails_[last] = end - src_.line_start(last);
        }
      }
    }
    n->range = {pos(vstart), pos(end)};
    return n;
  }

  Node* make_sequence(const YAML::Node& yn, size_t vstart, size_t depth) {
    Node* n = doc_.make_node(NodeKind::kSequence);
    n->range.begin = pos(vstart);
    n->range.end = n->range.begin;
    for (const auto& item : yn) {
      Node* c = convert(item, depth + 1);
      if (c == nullptr) return nullptr;
      core::Document::append(n, c);
      n->range.end = std::max(n->range.end, c->range.end);
    }
    close_flow(n, vstart, '[', ']');
    return n;
  }

  // Empty flow collections end after their brackets; others after the
  // closing bracket that follows the last child.
  void close_flow(Node* n, size_t vstart, char opener, char closer) {
    const std::string_view text = src_.text();
    if (n->children.empty()) {
      n->range.end = pos(detail::flow_end(text, vstart));
    } else if (vstart < text.size() && text[vstart] == opener) {
      const size_t last = src_.offset_of(n->range.end);
      n->range.end = pos(detail::flow_close(text, last, closer));
    }
  }

  Node* make_map(const YAML::Node& yn, size_t vstart, size_t depth) {
    Node* n = doc_.make_node(NodeKind::kMap);
    n->range.begin = pos(vstart);
    n->range.end = n->range.begin;
    for (const auto& entry : yn) {
      const YAML::Node& key = entry.first;
      Node* c = convert(entry.second, depth + 1);
      if (c == nullptr) return nullptr;
      const size_t koff = offset_of(key.Mark());
      if (key.IsScalar()) {
        c->key = key.Scalar();
      } else if (key.IsNull()) {
        c->key = std::string(detail::null_word_at(src_.text(), koff));  // `Null:` in IAM
      } else {
        c->key = "<complex key>";
      }
      const size_t kend =
          detail::scalar_end(src_.text(), koff, detail::style_at(src_.text(), koff), c->key);
      c->key_range = {pos(koff), pos(kend)};
      // `key:` with nothing after it: yaml-cpp marks the next token; keep the
      // empty value on the key's line, just after the colon.
      if (c->is_scalar() && c->scalar_type == ScalarType::kNull && c->range.begin == c->range.end &&
          c->range.begin.line != c->key_range.begin.line) {
        const size_t colon = src_.text().find(':', kend);
        const core::Position after = pos(colon == std::string_view::npos ? kend : colon + 1);
        c->range = {after, after};
      }
      core::Document::append(n, c);
      n->range.end = std::max(n->range.end, c->range.end);
    }
    close_flow(n, vstart, '{', '}');
    return n;
  }

  // `!GetAtt A.B` -> {"Fn::GetAtt": [A, B]}; `!Sub x` -> {"Fn::Sub": x}.
  Node* wrap_intrinsic(const std::string& long_form, size_t tag_off, const std::string& tag,
                       Node* value) {
    Node* w = doc_.make_node(NodeKind::kMap);
    w->range = {pos(tag_off), value->range.end};
    w->tag = tag;
    if (long_form == "Fn::GetAtt" && value->is_scalar()) {
      value = split_getatt(value);
    }
    value->key = long_form;
    value->key_range = {pos(tag_off), pos(tag_off + tag.size())};
    core::Document::append(w, value);
    return w;
  }

  Node* split_getatt(Node* scalar) {
    Node* seq = doc_.make_node(NodeKind::kSequence);
    seq->range = scalar->range;
    const std::string& s = scalar->text;
    const size_t dot = s.find('.');
    Node* res = doc_.make_node(NodeKind::kScalar);
    res->text = s.substr(0, dot);
    core::Position start = scalar->range.begin;
    if (scalar->style == ScalarStyle::kDoubleQuoted ||
        scalar->style == ScalarStyle::kSingleQuoted) {
      ++start.column;  // past the opening quote
    }
    res->range = {
        start, core::Position{start.line, start.column + static_cast<uint32_t>(res->text.size())}};
    core::Document::append(seq, res);
    if (dot != std::string::npos) {
      Node* att = doc_.make_node(NodeKind::kScalar);
      att->text = s.substr(dot + 1);
      core::Position end = scalar->range.end;
      if (start.column != scalar->range.begin.column && end.column > 1) --end.column;
      att->range = {core::Position{res->range.end.line, res->range.end.column + 1}, end};
      core::Document::append(seq, att);
    }
    return seq;
  }

  core::Document& doc_;
  const core::SourceFile& src_;
  const ParseOptions& options_;
  const std::unordered_map<size_t, detail::BlankedTag>& block_tags_;
  bool aliases_;  // the text defines anchors, so aliases can multiply nodes
  size_t count_ = 0;
  std::optional<core::Error> error_;
  std::vector<std::pair<uint32_t, uint32_t>> block_spans_;
  std::map<uint32_t, size_t> quoted_tails_;  // last line of a multi-line quoted scalar -> its end
};

core::Error yaml_error(const core::SourceFile& src, const YAML::Exception& e, size_t max_depth) {
  core::Position p;
  if (!e.mark.is_null()) {
    p = src.position_at(src.line_start(static_cast<uint32_t>(e.mark.line + 1)) +
                        static_cast<size_t>(e.mark.column));
  }
  // yaml-cpp's own recursion guard says "bad file"; say what it means.
  if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
    return core::Error{fmt::format("nesting deeper than {} levels", max_depth), p};
  }
  std::string msg = e.msg.empty() ? std::string(e.what()) : e.msg;
  return core::Error{"invalid YAML: " + msg, p};
}

}  // namespace

DocResult parse_yaml(core::SourcePtr source, const ParseOptions& options) {
  const std::string_view text = source->text();
  if (const size_t bad = core::find_invalid_utf8(text); bad != std::string_view::npos) {
    return core::Error{
        fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[bad])),
        source->position_at(bad)};
  }
  if (text.find('\0') != std::string_view::npos) {
    return core::Error{"file contains NUL bytes (binary file?)",
                       source->position_at(text.find('\0'))};
  }
  std::vector<YAML::Node> roots;
  std::unordered_map<size_t, detail::BlankedTag> block_tags;
  // LoadAll only after the event stream is known to end (document_guard.h).
  auto load_all = [&](const std::string& t) -> std::optional<core::Error> {
    if (auto e = detail::check_document_count(*source, t)) return e;
    roots = YAML::LoadAll(t);
    return std::nullopt;
  };
  try {
    if (auto e = load_all(std::string(text))) return *e;
  } catch (const YAML::Exception& first) {
    std::string blanked(text);
    block_tags = detail::blank_block_scalar_tags(blanked);
    if (block_tags.empty()) return yaml_error(*source, first, options.max_depth);
    try {
      if (auto e = load_all(blanked)) return *e;
    } catch (const YAML::Exception&) {
      return yaml_error(*source, first, options.max_depth);
    }
  } catch (const std::exception& e) {
    return core::Error{std::string("invalid YAML: ") + e.what(), {}};
  }

  auto doc = std::make_shared<core::Document>(source);
  Converter conv(*doc, options, block_tags);
  try {
    for (const YAML::Node& r : roots) {
      Node* n = conv.convert(r, 0);
      if (conv.error()) return *conv.error();
      if (n != nullptr) doc->add_root(n);
    }
  } catch (const YAML::Exception& e) {
    return yaml_error(*source, e, options.max_depth);
  }
  detail::collect_comments(*doc, conv.block_spans(), conv.quoted_tails());
  return doc;
}

}  // namespace genlens::parse
