#include "tf_scan_util.h"

#include <gtest/gtest.h>

#include <utility>

#include "../test_support.h"
#include "cli/terraform_scan.h"
#include "genlens/core/discover.h"

namespace genlens::testutil {

std::vector<std::string> TfScan::names() const {
  std::vector<std::string> out;
  for (const formats::Resource* r : graph->resources()) out.push_back(r->name);
  return out;
}

size_t TfScan::index(const std::string& name) const {
  for (size_t i = 0; i < graph->resources().size(); ++i) {
    if (graph->resources()[i]->name == name) return i;
  }
  ADD_FAILURE() << "no resource " << name;
  return 0;
}

const formats::Resource& TfScan::at(const std::string& name) const {
  return *graph->resources().at(index(name));
}

std::string TfScan::where(const std::string& name) const {
  const size_t i = index(name);
  return strip(graph->file_of(i)) + ":" +
         std::to_string(graph->resources().at(i)->node->anchor().begin.line);
}

std::string TfScan::value(const std::string& name, const std::string& key) const {
  const core::Value* v = at(name).value->find(key);
  if (v == nullptr) return "<absent>";
  return v->known() ? describe(v) : "<unknown: " + v->reason + ">";
}

bool TfScan::has_edge(const std::string& from, const std::string& to) const {
  const size_t t = index(to);
  for (const graph::Edge* e : graph->outgoing(index(from))) {
    if (e->to == t) return true;
  }
  return false;
}

std::string TfScan::strip(std::string s) const {
  for (size_t p = s.find(base); p != std::string::npos; p = s.find(base)) s.erase(p, base.size());
  return s;
}

TfScan scan_terraform_dir(const std::filesystem::path& dir) {
  TfScan out;
  out.base = dir.parent_path().generic_string() + "/";
  cli::ScanOptions options;
  options.paths = {dir.generic_string()};
  core::Diagnostics diags;
  std::vector<formats::Unit> units;
  size_t read = 0;
  cli::TerraformFiles files = cli::parse_terraform(
      core::discover(options.paths, options.discover, diags), options, diags, read);
  cli::adapt_terraform(std::move(files), options, {}, units, diags, read);
  out.graph = std::make_unique<graph::Graph>(std::move(units));
  diags.sort();
  for (const core::Diagnostic& d : diags.all()) out.diagnostics.push_back(out.strip(d.to_string()));
  return out;
}

}  // namespace genlens::testutil
