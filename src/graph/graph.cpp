#include "genlens/graph/graph.h"

#include <map>

namespace genlens::graph {

const char* edge_kind_name(EdgeKind k) {
  switch (k) {
    case EdgeKind::kReference:
      return "reference";
    case EdgeKind::kDependsOn:
      return "depends_on";
    case EdgeKind::kContains:
      return "contains";
    case EdgeKind::kSelects:
      return "selects";
    case EdgeKind::kAttaches:
      return "attaches";
  }
  return "reference";
}

Graph::Graph(std::vector<formats::Unit> units) : units_(std::move(units)) {
  for (size_t u = 0; u < units_.size(); ++u) {
    for (const formats::Resource& r : units_[u].resources) {
      resources_.push_back(&r);
      unit_index_.push_back(u);
    }
  }
  out_.resize(resources_.size());
  in_.resize(resources_.size());
  // CloudFormation logical IDs are scoped to their template (unit).
  std::map<std::pair<size_t, std::string>, size_t> by_name;
  for (size_t i = 0; i < resources_.size(); ++i) by_name[{unit_index_[i], resources_[i]->name}] = i;
  for (size_t i = 0; i < resources_.size(); ++i) {
    for (const formats::Reference& ref : resources_[i]->references) {
      auto it = by_name.find({unit_index_[i], ref.target});
      if (it == by_name.end()) continue;
      const EdgeKind kind = ref.kind == formats::ReferenceKind::kDependsOn ? EdgeKind::kDependsOn
                                                                           : EdgeKind::kReference;
      out_[i].push_back(edges_.size());
      in_[it->second].push_back(edges_.size());
      edges_.push_back(Edge{kind, i, it->second, ref.from_path, ref.at});
    }
  }
}

std::vector<const Edge*> Graph::outgoing(size_t resource) const {
  std::vector<const Edge*> out;
  for (size_t e : out_.at(resource)) out.push_back(&edges_[e]);
  return out;
}

std::vector<const Edge*> Graph::incoming(size_t resource) const {
  std::vector<const Edge*> out;
  for (size_t e : in_.at(resource)) out.push_back(&edges_[e]);
  return out;
}

const formats::Unit& Graph::unit_of(size_t resource) const {
  return units_.at(unit_index_.at(resource));
}

}  // namespace genlens::graph
