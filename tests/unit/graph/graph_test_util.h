#pragma once
// Builds a resource graph from CloudFormation templates, Terraform
// directories and Kubernetes manifests written inline, and prints its edges compactly for exact
// assertions.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../test_support.h"
#include "genlens/formats/cloudformation.h"
#include "genlens/formats/kubernetes.h"
#include "genlens/formats/terraform.h"
#include "genlens/graph/graph.h"
#include "genlens/parse/hcl.h"

namespace genlens::testutil {

// (file name, text)
using Files = std::vector<std::pair<std::string, std::string>>;
// (directory, its files); a file ending in .tfvars holds variables.
using TfDirs = std::vector<std::pair<std::string, Files>>;

// CloudFormation templates (YAML), adapted; a parse or adapter diagnostic
// fails the test.
inline std::vector<formats::Unit> cfn_units(const Files& files) {
  std::vector<formats::Unit> units;
  for (const auto& [name, text] : files) {
    auto doc = parse_yaml_ok(text, name);
    if (doc == nullptr) continue;
    core::Diagnostics diags;
    units.push_back(formats::cloudformation::adapt(doc, doc->roots().front(), diags));
    EXPECT_TRUE(diags.empty()) << name << ": " << diags.all().front().to_string();
  }
  return units;
}

// Terraform directories adapted together (local module calls between them
// are followed); a syntax error or diagnostic fails the test.
inline std::vector<formats::Unit> tf_units(const TfDirs& dirs) {
  namespace tf = formats::terraform;
  std::vector<tf::Directory> list;
  for (const auto& [dir, files] : dirs) {
    tf::Directory d;
    d.path = dir;
    for (const auto& [name, text] : files) {
      auto r = parse::parse_hcl(std::make_shared<core::SourceFile>(dir + "/" + name, text));
      EXPECT_TRUE(r.errors.empty()) << name << ": " << r.errors.front().message;
      (tf::is_variables_file(name) ? d.variables : d.configuration).push_back(r.doc);
    }
    list.push_back(std::move(d));
  }
  core::Diagnostics diags;
  std::vector<formats::Unit> units = tf::adapt(list, {}, diags);
  EXPECT_TRUE(diags.empty()) << diags.all().front().to_string();
  return units;
}

// Kubernetes manifests (YAML streams), adapted; a parse or adapter
// diagnostic fails the test.
inline std::vector<formats::Unit> k8s_units(const Files& files) {
  std::vector<formats::Unit> units;
  for (const auto& [name, text] : files) {
    auto doc = parse_yaml_ok(text, name);
    if (doc == nullptr) continue;
    core::Diagnostics diags;
    const std::vector<const core::Node*> roots(doc->roots().begin(), doc->roots().end());
    units.push_back(formats::kubernetes::adapt(doc, roots, {}, diags));
    EXPECT_TRUE(diags.empty()) << name << ": " << diags.all().front().to_string();
  }
  return units;
}

// Templates as (file name, YAML text); the graph owns the adapted units.
inline std::unique_ptr<graph::Graph> build_graph(const Files& files) {
  return std::make_unique<graph::Graph>(cfn_units(files));
}

// Terraform directories, and CloudFormation templates scanned with them.
inline std::unique_ptr<graph::Graph> build_tf_graph(const TfDirs& dirs, const Files& cfn = {}) {
  std::vector<formats::Unit> units = tf_units(dirs);
  for (formats::Unit& u : cfn_units(cfn)) units.push_back(std::move(u));
  return std::make_unique<graph::Graph>(std::move(units));
}

// Kubernetes manifests, with Terraform directories and CloudFormation
// templates scanned with them.
inline std::unique_ptr<graph::Graph> build_k8s_graph(const Files& manifests, const TfDirs& tf = {},
                                                     const Files& cfn = {}) {
  std::vector<formats::Unit> units = k8s_units(manifests);
  for (formats::Unit& u : tf.empty() ? std::vector<formats::Unit>{} : tf_units(tf)) {
    units.push_back(std::move(u));
  }
  for (formats::Unit& u : cfn_units(cfn)) units.push_back(std::move(u));
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
