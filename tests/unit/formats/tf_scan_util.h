#pragma once
// Runs the Terraform part of a scan (discovery, reading, adaptation) over a
// directory and builds the graph, for tests that need real files: installed
// modules, .tf.json files.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "genlens/formats/resource.h"
#include "genlens/graph/graph.h"

namespace genlens::testutil {

struct TfScan {
  std::unique_ptr<graph::Graph> graph;
  std::vector<std::string> diagnostics;  // sorted, with `base` removed from paths
  std::string base;                      // the scanned directory's parent and '/'

  [[nodiscard]] std::vector<std::string> names() const;
  [[nodiscard]] size_t index(const std::string& name) const;  // fails the test when missing
  [[nodiscard]] const formats::Resource& at(const std::string& name) const;
  // "file:line" of a resource's header, relative to `base` (so paths start
  // with the scanned directory's name).
  [[nodiscard]] std::string where(const std::string& name) const;
  // describe() of a known attribute, "<unknown: reason>", or "<absent>".
  [[nodiscard]] std::string value(const std::string& name, const std::string& key) const;
  // Whether some edge leads from one resource to the other.
  [[nodiscard]] bool has_edge(const std::string& from, const std::string& to) const;
  [[nodiscard]] std::string strip(std::string s) const;
};

TfScan scan_terraform_dir(const std::filesystem::path& dir);

}  // namespace genlens::testutil
