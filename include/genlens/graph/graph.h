#pragma once
// The resource graph: resources from every scanned unit plus typed edges that
// can be walked both ways. Edges come from references written in the source
// (CloudFormation Ref / GetAtt / Sub / DependsOn), from ARN-shaped values and
// names that identify a resource defined in the scan, from OpenSearch
// Serverless policies selecting collections by name pattern, from nested
// stacks whose template is one of the scanned files, and between Kubernetes
// objects of one namespace (label selectors, scale targets, names).
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "genlens/formats/embedded_json.h"
#include "genlens/formats/resource.h"

namespace genlens::graph {

enum class EdgeKind { kReference, kDependsOn, kContains, kSelects, kAttaches };
[[nodiscard]] const char* edge_kind_name(EdgeKind k);
// "reference" -> kReference; false when the name is not an edge kind.
bool parse_edge_kind(std::string_view name, EdgeKind& out);

struct Edge {
  EdgeKind kind = EdgeKind::kReference;
  size_t from = 0;  // resource index
  size_t to = 0;
  // The attribute of `from` the edge comes from, in rule-path form relative
  // to the resource ("Properties.Roles[0]", "Properties.Policy").
  std::string path;
  const core::Node* at = nullptr;  // the expression or value in the source
  // False when the edge may or may not exist: a policy whose text is only
  // known at deploy time may select a collection. Rules treat the other end
  // as an Unknown member, never as a certain one.
  bool certain = true;
};

class Graph {
 public:
  // Takes ownership of the units and builds the edges.
  explicit Graph(std::vector<formats::Unit> units);

  [[nodiscard]] const std::vector<const formats::Resource*>& resources() const {
    return resources_;
  }
  [[nodiscard]] const std::vector<formats::Unit>& units() const { return units_; }
  [[nodiscard]] const std::vector<Edge>& edges() const { return edges_; }
  [[nodiscard]] std::vector<const Edge*> outgoing(size_t resource) const;
  [[nodiscard]] std::vector<const Edge*> incoming(size_t resource) const;
  // The unit (file) a resource belongs to, and that file's path.
  [[nodiscard]] const formats::Unit& unit_of(size_t resource) const;
  [[nodiscard]] const std::string& file_of(size_t resource) const;
  // The file a node of any document of the scan is in (a Terraform variable
  // default in variables.tf, a tfvars line, a module argument in the calling
  // module; for JSON parsed out of a string, the string's file); nullptr
  // for a node of no scanned document.
  [[nodiscard]] const std::string* file_of(const core::Node* node) const;

 private:
  void add_edge(Edge e);

  std::vector<formats::Unit> units_;
  std::vector<const formats::Resource*> resources_;
  std::vector<size_t> unit_index_;
  std::vector<Edge> edges_;
  std::vector<std::vector<size_t>> out_, in_;
  // Policies parsed out of strings while building edges; Edge::at may point
  // into them.
  std::unique_ptr<formats::JsonCache> json_;
  // The scanned documents (configuration, a module's variables and tfvars
  // files, its callers') by root node.
  std::unordered_map<const core::Node*, const core::Document*> documents_;
};

// Rule-path form of `at` relative to the resource body `resource`
// ("Properties.Roles[0]"); the full logical path when `at` is outside it.
[[nodiscard]] std::string relative_path(const core::Node* resource, const core::Node* at);

}  // namespace genlens::graph
