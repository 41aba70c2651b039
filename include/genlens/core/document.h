#pragma once
// The format-neutral document tree. Every node has a source range and a
// logical path. No third-party type (YAML::Node, TSNode, nlohmann::json)
// appears here, so a parser can be swapped without touching the rules.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/source.h"

namespace genlens::core {

enum class NodeKind : uint8_t { kMap, kSequence, kScalar, kExpression, kUnknown };
enum class ScalarType : uint8_t { kString, kInt, kFloat, kBool, kNull };
// How a scalar was written; used to map offsets inside it back to the file.
enum class ScalarStyle : uint8_t { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

struct Node {
  NodeKind kind = NodeKind::kScalar;
  ScalarType scalar_type = ScalarType::kString;
  ScalarStyle style = ScalarStyle::kPlain;
  SourceRange range;      // the value
  SourceRange key_range;  // the key, when the parent is a map
  const Node* parent = nullptr;
  std::string key;              // key in the parent map
  uint32_t index = 0;           // index in the parent sequence
  bool embedded_root = false;   // root of a document parsed out of a string ("@json")
  bool has_error = false;       // holds a syntax error, or is an ancestor of one (HCL)
  std::string text;             // scalar value (decoded); HCL expression: name or operator
  std::string tag;              // YAML tag as written ("!Sub"); HCL expression kind
  std::vector<Node*> children;  // map entries (with key), sequence items or operands, in order

  [[nodiscard]] bool is_map() const { return kind == NodeKind::kMap; }
  [[nodiscard]] bool is_sequence() const { return kind == NodeKind::kSequence; }
  [[nodiscard]] bool is_scalar() const { return kind == NodeKind::kScalar; }
  [[nodiscard]] const Node* find(std::string_view k) const;
  // Logical path from the document root: "Resources/Api/Properties/Tags/0/Key".
  // A document parsed from a string adds "@json" to the string's path.
  // Operands of an expression are numbered like sequence items.
  [[nodiscard]] std::string path() const;
  // Where a finding about this node starts: the key when it has one.
  [[nodiscard]] SourceRange anchor() const;
};

struct Comment {
  Position pos;      // position of '#'
  std::string text;  // text after '#', untrimmed
};

// One parsed file: its source, one or more roots (YAML streams may hold
// several documents) and a side table of comments.
class Document {
 public:
  explicit Document(SourcePtr source) : source_(std::move(source)) {}
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  [[nodiscard]] const SourceFile& source() const { return *source_; }
  [[nodiscard]] const SourcePtr& source_ptr() const { return source_; }
  [[nodiscard]] const std::vector<Node*>& roots() const { return roots_; }
  [[nodiscard]] const std::vector<Comment>& comments() const { return comments_; }
  [[nodiscard]] size_t node_count() const { return nodes_.size(); }

  Node* make_node(NodeKind kind) {
    Node& n = nodes_.emplace_back();
    n.kind = kind;
    return &n;
  }
  void add_root(Node* root) { roots_.push_back(root); }
  void add_comment(Comment c) { comments_.push_back(std::move(c)); }
  // Appends a child and sets its parent/index.
  static void append(Node* parent, Node* child);

 private:
  SourcePtr source_;
  std::deque<Node> nodes_;
  std::vector<Node*> roots_;
  std::vector<Comment> comments_;
};

using DocumentPtr = std::shared_ptr<const Document>;

}  // namespace genlens::core
