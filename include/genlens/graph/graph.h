#pragma once
// The resource graph: resources from every scanned unit plus typed edges that
// can be walked both ways.
#include <string>
#include <string_view>
#include <vector>

#include "genlens/formats/resource.h"

namespace genlens::graph {

enum class EdgeKind { kReference, kDependsOn, kContains, kSelects, kAttaches };
[[nodiscard]] const char* edge_kind_name(EdgeKind k);

struct Edge {
  EdgeKind kind = EdgeKind::kReference;
  size_t from = 0;  // resource index
  size_t to = 0;
  std::string path;  // attribute path the edge comes from
  const core::Node* at = nullptr;
};

class Graph {
 public:
  // Takes ownership of the units and builds edges from their references.
  explicit Graph(std::vector<formats::Unit> units);

  [[nodiscard]] const std::vector<const formats::Resource*>& resources() const {
    return resources_;
  }
  [[nodiscard]] const std::vector<formats::Unit>& units() const { return units_; }
  [[nodiscard]] const std::vector<Edge>& edges() const { return edges_; }
  [[nodiscard]] std::vector<const Edge*> outgoing(size_t resource) const;
  [[nodiscard]] std::vector<const Edge*> incoming(size_t resource) const;
  // The unit (file) a resource belongs to.
  [[nodiscard]] const formats::Unit& unit_of(size_t resource) const;

 private:
  std::vector<formats::Unit> units_;
  std::vector<const formats::Resource*> resources_;
  std::vector<size_t> unit_index_;
  std::vector<Edge> edges_;
  std::vector<std::vector<size_t>> out_, in_;
};

}  // namespace genlens::graph
