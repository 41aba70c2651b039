// A hand-written JSON reader (RFC 8259) that records an exact range for every
// node. It is iterative: nesting is tracked on an explicit stack, so deep
// input costs memory proportional to options.max_depth, never stack frames.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "genlens/core/value.h"
#include "genlens/parse/parse.h"
#include "parse/json/json_reader.h"
#include "parse/scalar_offset.h"

namespace genlens::parse {

namespace detail {
namespace {

using core::Node;
using core::NodeKind;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool valid_number(std::string_view w, bool& is_float) {
  size_t k = 0;
  auto digits = [&] {
    const size_t from = k;
    while (k < w.size() && is_digit(w[k])) ++k;
    return k > from;
  };
  if (k < w.size() && w[k] == '-') ++k;
  if (k < w.size() && w[k] == '0') {
    ++k;
  } else if (!digits()) {
    return false;
  }
  is_float = false;
  if (k < w.size() && w[k] == '.') {
    ++k;
    is_float = true;
    if (!digits()) return false;
  }
  if (k < w.size() && (w[k] == 'e' || w[k] == 'E')) {
    ++k;
    is_float = true;
    if (k < w.size() && (w[k] == '+' || w[k] == '-')) ++k;
    if (!digits()) return false;
  }
  return k == w.size();
}

// A token quoted for a message, shortened when long.
std::string quote_token(std::string_view w) {
  constexpr size_t kMax = 40;
  if (w.size() <= kMax) return fmt::format("'{}'", w);
  return fmt::format("'{}...'", w.substr(0, kMax));
}

class JsonReader {
 public:
  JsonReader(std::string_view text, const ParseOptions& options, core::Document& doc,
             const JsonPositionFn& position)
      : text_(text), options_(options), doc_(doc), position_(position) {}

  std::optional<JsonReadError> run(std::string_view empty_message) {
    if (const size_t bad = core::find_invalid_utf8(text_); bad != std::string_view::npos) {
      return JsonReadError{
          fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text_[bad])), bad};
    }
    skip_space();
    if (at_end()) return JsonReadError{std::string(empty_message), 0};
    bool ok = true;
    while (ok && state_ != State::kDone) {
      switch (state_) {
        case State::kValue:
          ok = value();
          break;
        case State::kFirstElement:
          ok = first_element();
          break;
        case State::kNextElement:
          ok = next_element();
          break;
        case State::kFirstMember:
          ok = first_member();
          break;
        case State::kNextMember:
          ok = next_member();
          break;
        case State::kDone:
          break;
      }
    }
    if (!ok) return std::move(error_);
    skip_space();
    if (!at_end()) {
      return JsonReadError{"expected end of input after the JSON value, " + found(i_), i_};
    }
    doc_.add_root(root_);
    return std::nullopt;
  }

 private:
  enum class State { kValue, kFirstElement, kNextElement, kFirstMember, kNextMember, kDone };

  [[nodiscard]] bool at_end() const { return i_ >= text_.size(); }
  void skip_space() {
    while (i_ < text_.size() && is_space(text_[i_])) ++i_;
  }
  [[nodiscard]] bool marks_allowed() const { return options_.allow_unknown_marker; }

  bool fail(std::string message, size_t offset) {
    error_ = JsonReadError{std::move(message), offset};
    return false;
  }

  // "found 'x'", with a hint for the usual non-JSON suspects.
  [[nodiscard]] std::string found(size_t i) const {
    if (i >= text_.size()) return "found end of input";
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n' || c == '\r') return "found end of line";
    if (c < 0x20 || c == 0x7F) return fmt::format("found control character U+{:04X}", c);
    if (c == '\'') return "found '''; JSON strings use double quotes";
    if (c == '/') return "found '/'; JSON has no comments";
    if (c < 0x80) return fmt::format("found '{}'", static_cast<char>(c));
    size_t len = 2;
    uint32_t cp = c & 0x1Fu;
    if (c >= 0xF0) {
      len = 4;
      cp = c & 0x07u;
    } else if (c >= 0xE0) {
      len = 3;
      cp = c & 0x0Fu;
    }
    len = std::min(len, text_.size() - i);
    for (size_t k = 1; k < len; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text_[i + k]) & 0x3Fu);
    }
    return fmt::format("found '{}' (U+{:04X})", text_.substr(i, len), cp);
  }

  Node* new_node(NodeKind kind) {
    if (nodes_ >= options_.max_nodes) {
      fail(fmt::format("document has more than {} nodes", options_.max_nodes), i_);
      return nullptr;
    }
    ++nodes_;
    return doc_.make_node(kind);
  }

  void attach(Node* node) {
    if (stack_.empty()) {
      root_ = node;
      return;
    }
    Node* parent = stack_.back();
    core::Document::append(parent, node);
    if (parent->is_map()) {
      node->key = std::move(key_);
      node->key_range = key_range_;
    }
  }

  void after_value() {
    if (stack_.empty()) {
      state_ = State::kDone;
    } else {
      state_ = stack_.back()->is_map() ? State::kNextMember : State::kNextElement;
    }
  }

  bool value() {
    skip_space();
    if (at_end()) return fail("expected a value, " + found(i_), i_);
    const char c = text_[i_];
    if (c == '{' || c == '[') {
      if (stack_.size() >= options_.max_depth) {
        return fail(fmt::format("nesting deeper than {} levels", options_.max_depth), i_);
      }
      Node* node = new_node(c == '{' ? NodeKind::kMap : NodeKind::kSequence);
      if (node == nullptr) return false;
      node->range.begin = position_(i_, false);
      attach(node);
      stack_.push_back(node);
      ++i_;
      state_ = c == '{' ? State::kFirstMember : State::kFirstElement;
      return true;
    }
    Node* node = scalar();
    if (node == nullptr) return false;
    attach(node);
    after_value();
    return true;
  }

  [[nodiscard]] bool is_word_char(char c) const {
    return is_alpha(c) || is_digit(c) || c == '.' || c == '+' || c == '-' || c == '_' ||
           (c == core::kUnknownMark && marks_allowed());
  }

  Node* scalar() {
    const size_t start = i_;
    const char c = text_[i_];
    if (c == '"') {
      Node* node = new_node(NodeKind::kScalar);
      if (node == nullptr || !string(node->text)) return nullptr;
      node->scalar_type = core::ScalarType::kString;
      node->style = core::ScalarStyle::kDoubleQuoted;
      node->range = {position_(start, false), position_(i_, true)};
      return node;
    }
    if (!is_word_char(c) || c == '_') {
      fail("expected a value, " + found(i_), i_);
      return nullptr;
    }
    size_t end = i_;
    while (end < text_.size() && is_word_char(text_[end])) ++end;
    const std::string_view word = text_.substr(i_, end - i_);
    Node* node = nullptr;
    if (marks_allowed() && word.find(core::kUnknownMark) != std::string_view::npos) {
      node = new_node(NodeKind::kUnknown);  // e.g. "${Port}" or "${Port}0" spliced in
      if (node == nullptr) return nullptr;
    } else if (is_alpha(c)) {
      const bool is_null = word == "null";
      if (!is_null && word != "true" && word != "false") {
        fail("invalid literal " + quote_token(word) + "; expected true, false or null", i_);
        return nullptr;
      }
      node = new_node(NodeKind::kScalar);
      if (node == nullptr) return nullptr;
      node->scalar_type = is_null ? core::ScalarType::kNull : core::ScalarType::kBool;
      node->text = std::string(word);
    } else {
      bool is_float = false;
      if (!valid_number(word, is_float)) {
        fail("invalid number " + quote_token(word), i_);
        return nullptr;
      }
      node = new_node(NodeKind::kScalar);
      if (node == nullptr) return nullptr;
      node->scalar_type = is_float ? core::ScalarType::kFloat : core::ScalarType::kInt;
      node->text = std::string(word);
    }
    i_ = end;
    node->range = {position_(start, false), position_(end, true)};
    return node;
  }

  // Reads the string at i_ (on its opening quote), decoded, into `out`.
  bool string(std::string& out) {
    const size_t start = i_++;
    while (true) {
      size_t j = i_;
      while (j < text_.size()) {
        const auto ch = static_cast<unsigned char>(text_[j]);
        if (ch == '"' || ch == '\\' || ch < 0x20) break;
        ++j;
      }
      out.append(text_.substr(i_, j - i_));
      i_ = j;
      if (at_end()) return fail("unterminated string", start);
      const char ch = text_[i_];
      if (ch == '"') {
        ++i_;
        return true;
      }
      if (ch == '\\') {
        if (!escape(start, out)) return false;
      } else if (ch == core::kUnknownMark && marks_allowed()) {
        out += ch;
        ++i_;
      } else if (ch == '\n' || ch == '\r') {
        return fail("line break in string (missing closing '\"'?)", i_);
      } else {
        return fail(fmt::format("unescaped control character U+{:04X} in string",
                                static_cast<unsigned char>(ch)),
                    i_);
      }
    }
  }

  // Decodes the escape at i_ (a backslash) inside the string opened at `start`.
  bool escape(size_t start, std::string& out) {
    const size_t bs = i_;
    if (bs + 1 >= text_.size()) return fail("unterminated string", start);
    const char e = text_[bs + 1];
    i_ = bs + 2;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        if (static_cast<unsigned char>(e) > 0x20 && static_cast<unsigned char>(e) < 0x7F) {
          return fail(fmt::format("invalid escape '\\{}' in string", e), bs);
        }
        return fail("invalid escape in string: '\\' followed by " + found(bs + 1).substr(6), bs);
    }
    uint32_t cp = 0;
    if (!core::read_hex(text_, bs + 2, 4, cp)) {
      return fail("invalid \\u escape; expected 4 hex digits", bs);
    }
    i_ = bs + 6;
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      uint32_t low = 0;
      if (cp > 0xDBFF || bs + 7 >= text_.size() || text_[bs + 6] != '\\' || text_[bs + 7] != 'u' ||
          !core::read_hex(text_, bs + 8, 4, low) || low < 0xDC00 || low > 0xDFFF) {
        return fail(fmt::format("unpaired UTF-16 surrogate '{}' in string", text_.substr(bs, 6)),
                    bs);
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i_ = bs + 12;
    }
    core::append_utf8(cp, out);
    return true;
  }

  bool close_container() {
    Node* node = stack_.back();
    ++i_;
    node->range.end = position_(i_, true);
    stack_.pop_back();
    after_value();
    return true;
  }

  bool first_element() {
    skip_space();
    if (!at_end() && text_[i_] == ']') return close_container();
    state_ = State::kValue;
    return true;
  }

  bool next_element() {
    skip_space();
    if (at_end() || (text_[i_] != ',' && text_[i_] != ']')) {
      return fail("expected ',' or ']' after array element, " + found(i_), i_);
    }
    if (text_[i_] == ']') return close_container();
    const size_t comma = i_++;
    skip_space();
    if (!at_end() && text_[i_] == ']') return fail("trailing comma before ']'", comma);
    state_ = State::kValue;
    return true;
  }

  bool first_member() {
    skip_space();
    if (!at_end() && text_[i_] == '}') return close_container();
    if (at_end() || text_[i_] != '"') return fail("expected string key or '}', " + found(i_), i_);
    return key();
  }

  bool next_member() {
    skip_space();
    if (at_end() || (text_[i_] != ',' && text_[i_] != '}')) {
      return fail("expected ',' or '}' after object member, " + found(i_), i_);
    }
    if (text_[i_] == '}') return close_container();
    const size_t comma = i_++;
    skip_space();
    if (!at_end() && text_[i_] == '}') return fail("trailing comma before '}'", comma);
    if (at_end() || text_[i_] != '"') {
      return fail("expected string key after ',', " + found(i_), i_);
    }
    return key();
  }

  // Reads `"key" :` starting at the key's opening quote.
  bool key() {
    const size_t start = i_;
    key_.clear();
    if (!string(key_)) return false;
    key_range_ = {position_(start, false), position_(i_, true)};
    skip_space();
    if (at_end() || text_[i_] != ':') {
      return fail("expected ':' after object key, " + found(i_), i_);
    }
    ++i_;
    state_ = State::kValue;
    return true;
  }

  std::string_view text_;
  const ParseOptions& options_;
  core::Document& doc_;
  const JsonPositionFn& position_;
  size_t i_ = 0;
  size_t nodes_ = 0;
  State state_ = State::kValue;
  std::vector<Node*> stack_;
  Node* root_ = nullptr;
  std::string key_;  // key of the member being read
  core::SourceRange key_range_;
  std::optional<JsonReadError> error_;
};

}  // namespace

std::optional<JsonReadError> read_json(std::string_view text, const ParseOptions& options,
                                       std::string_view empty_message, core::Document& doc,
                                       const JsonPositionFn& position) {
  return JsonReader(text, options, doc, position).run(empty_message);
}

}  // namespace detail

DocResult parse_json(core::SourcePtr source, const ParseOptions& options) {
  if (source == nullptr) return core::Error{"no input", {}};
  auto doc = std::make_shared<core::Document>(source);
  detail::PositionCursor cursor(source->text(), 0, core::Position{1, 1});
  auto error =
      detail::read_json(source->text(), options, "empty file", *doc,
                        [&cursor](size_t offset, bool /*end*/) { return cursor.advance(offset); });
  if (error) return core::Error{std::move(error->message), source->position_at(error->offset)};
  return doc;
}

}  // namespace genlens::parse
