// Nested stacks (AWS::CloudFormation::Stack, AWS::Serverless::Application)
// whose template is a local file of the scan, as `aws cloudformation package`
// and `sam build` take them: the stack contains every resource of it.
#include <filesystem>
#include <map>
#include <string>

#include "graph/builders.h"

namespace genlens::graph::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::pair<std::string_view, std::string_view> kStackTypes[] = {
    {"AWS::CloudFormation::Stack", "TemplateURL"},
    {"AWS::Serverless::Application", "Location"},
};

std::string normal(const fs::path& p) { return p.lexically_normal().generic_string(); }

}  // namespace

std::vector<Edge> nested_stack_edges(const Inputs& in) {
  std::vector<Edge> out;
  std::map<std::string, size_t> unit_by_path;
  for (size_t u = 0; u < in.units.size(); ++u) {
    unit_by_path.emplace(normal(in.units[u].document->source().path()), u);
  }
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const formats::Resource& r = *in.resources[i];
    for (const auto& [type, key] : kStackTypes) {
      if (r.type != type || r.value == nullptr) continue;
      const core::Value* props = r.value->find("Properties");
      const core::Value* url = props != nullptr ? props->find(key) : nullptr;
      if (url == nullptr || !url->is_string() || url->partial) continue;
      if (url->text.find("://") != std::string::npos || url->text.rfind("s3", 0) == 0) continue;
      const fs::path file = in.units[in.unit_index[i]].document->source().path();
      auto it = unit_by_path.find(normal(file.parent_path() / url->text));
      if (it == unit_by_path.end()) continue;
      for (size_t k = 0; k < in.resources.size(); ++k) {
        if (in.unit_index[k] == it->second) {
          out.push_back(Edge{EdgeKind::kContains, i, k, {}, written_at(url)});
        }
      }
    }
  }
  return out;
}

}  // namespace genlens::graph::detail
