#pragma once
// Builds a resource graph from CloudFormation templates written inline, and
// prints its edges compactly for exact assertions.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../test_support.h"
#include "genlens/formats/cloudformation.h"
#include "genlens/graph/graph.h"

namespace genlens::testutil {

// Templates as (file name, YAML text); the graph owns the adapted units.
inline std::unique_ptr<graph::Graph> build_graph(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<formats::Unit> units;
  for (const auto& [name, text] : files) {
    auto doc = parse_yaml_ok(text, name);
    if (doc == nullptr) return nullptr;
    core::Diagnostics diags;
    units.push_back(formats::cloudformation::adapt(doc, doc->roots().front(), diags));
    EXPECT_TRUE(diags.empty()) << name << ": " << diags.all().front().to_string();
  }
  return std::make_unique<graph::Graph>(std::move(units));
}

inline std::string edge_str(const graph::Graph& g, const graph::Edge& e) {
  std::string s = g.resources()[e.from]->name + " -" + graph::edge_kind_name(e.kind) + "-> " +
                  g.resources()[e.to]->name + " @" + e.path;
  if (!e.certain) s += " (maybe)";
  return s;
}

// Every edge, in graph order.
inline std::vector<std::string> edges(const graph::Graph& g) {
  std::vector<std::string> out;
  for (const graph::Edge& e : g.edges()) out.push_back(edge_str(g, e));
  return out;
}

inline size_t index_of(const graph::Graph& g, const std::string& name) {
  for (size_t i = 0; i < g.resources().size(); ++i) {
    if (g.resources()[i]->name == name) return i;
  }
  ADD_FAILURE() << "no resource " << name;
  return 0;
}

}  // namespace genlens::testutil
