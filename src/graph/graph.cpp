#include "genlens/graph/graph.h"

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "graph/builders.h"

namespace genlens::graph {
namespace {

constexpr std::pair<EdgeKind, const char*> kEdgeNames[] = {
    {EdgeKind::kReference, "reference"}, {EdgeKind::kDependsOn, "depends_on"},
    {EdgeKind::kContains, "contains"},   {EdgeKind::kSelects, "selects"},
    {EdgeKind::kAttaches, "attaches"},
};

}  // namespace

const char* edge_kind_name(EdgeKind k) {
  for (const auto& [kind, name] : kEdgeNames) {
    if (kind == k) return name;
  }
  return "reference";
}

bool parse_edge_kind(std::string_view name, EdgeKind& out) {
  for (const auto& [kind, n] : kEdgeNames) {
    if (name == n) {
      out = kind;
      return true;
    }
  }
  return false;
}

std::string relative_path(const core::Node* resource, const core::Node* at) {
  if (at == nullptr) return "";
  std::vector<const core::Node*> chain;
  for (const core::Node* n = at; n != nullptr && n != resource; n = n->parent) chain.push_back(n);
  if (!chain.empty() && chain.back()->parent != resource) return at->path();
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const core::Node* n = *it;
    // The attribute ends where an intrinsic function (CloudFormation) or an
    // expression (Terraform) starts.
    if (n->key == "Ref" || n->key.rfind("Fn::", 0) == 0) break;
    if (n->embedded_root) {  // JSON in a string, also one built by jsonencode()
      out += "@json";
      continue;
    }
    if (n->parent != nullptr && n->parent->kind == core::NodeKind::kExpression) break;
    if (n->parent != nullptr && n->parent->is_sequence()) {
      out += "[" + std::to_string(n->index) + "]";
    } else {
      if (!out.empty()) out += '.';
      out += n->key;
    }
  }
  return out;
}

Graph::Graph(std::vector<formats::Unit> units) : units_(std::move(units)) {
  std::set<const void*> shared;  // keep_alive lists already indexed
  for (size_t u = 0; u < units_.size(); ++u) {
    auto add = [&](const core::Document* d) {
      for (const core::Node* root : d->roots()) documents_.emplace(root, d);
    };
    add(units_[u].document.get());
    if (units_[u].keep_alive != nullptr && shared.insert(units_[u].keep_alive.get()).second) {
      for (const auto& doc : *units_[u].keep_alive) add(doc.get());
    }
    for (const formats::Resource& r : units_[u].resources) {
      resources_.push_back(&r);
      unit_index_.push_back(u);
    }
  }
  out_.resize(resources_.size());
  in_.resize(resources_.size());
  json_ = std::make_unique<formats::JsonCache>(nullptr);
  const detail::Inputs in{units_, resources_, unit_index_, *json_, documents_};
  // One edge per (from, to, attribute path, kind): a reference and the name
  // it evaluates to (bucket = aws_s3_bucket.b.bucket) are one edge, certain
  // when either is.
  std::map<std::tuple<size_t, size_t, std::string, EdgeKind>, size_t> seen;
  for (auto* build :
       {&detail::reference_edges, &detail::name_edges, &detail::policy_selection_edges,
        &detail::nested_stack_edges, &detail::kubernetes_edges}) {
    for (Edge& e : build(in)) {
      if (e.from == e.to) continue;
      if (e.path.empty()) e.path = relative_path(resources_[e.from]->node, e.at);
      e.kind = detail::classify(*resources_[e.from], e.path, e.kind);
      auto [it, fresh] = seen.try_emplace({e.from, e.to, e.path, e.kind}, edges_.size());
      if (!fresh) {
        edges_[it->second].certain = edges_[it->second].certain || e.certain;
        continue;
      }
      add_edge(std::move(e));
    }
  }
}

void Graph::add_edge(Edge e) {
  out_[e.from].push_back(edges_.size());
  in_[e.to].push_back(edges_.size());
  edges_.push_back(std::move(e));
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

const std::string& Graph::file_of(size_t resource) const {
  return unit_of(resource).document->source().path();
}

const std::string* Graph::file_of(const core::Node* node) const {
  const core::Document* d = detail::document_of(documents_, node);
  return d != nullptr ? &d->source().path() : nullptr;
}

}  // namespace genlens::graph
