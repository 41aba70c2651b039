#include "genlens/report/graph_output.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace genlens::report {
namespace {

// A DOT double-quoted string.
std::string dot_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

void write_graph_dot(std::ostream& out, const graph::Graph& g) {
  out << "digraph genlens {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n"
         "  edge [fontsize=9];\n";
  std::map<std::string, std::vector<size_t>> by_file;
  for (size_t i = 0; i < g.resources().size(); ++i) by_file[g.file_of(i)].push_back(i);
  size_t cluster = 0;
  for (const auto& [file, ids] : by_file) {
    out << "  subgraph cluster_" << cluster++ << " {\n    label=" << dot_string(file) << ";\n";
    for (size_t i : ids) {
      const formats::Resource& r = *g.resources()[i];
      out << "    r" << i << " [label="
          << dot_string(r.name + "\n" + r.type + "\nline " +
                        std::to_string(formats::header(r).line))
          << "];\n";
    }
    out << "  }\n";
  }
  for (const graph::Edge& e : g.edges()) {
    out << "  r" << e.from << " -> r" << e.to
        << " [label=" << dot_string(std::string(graph::edge_kind_name(e.kind)) + "\n" + e.path);
    if (!e.certain) out << ", style=dashed";
    out << "];\n";
  }
  out << "}\n";
}

void write_graph_json(std::ostream& out, const graph::Graph& g) {
  using Json = nlohmann::ordered_json;
  Json resources = Json::array();
  for (size_t i = 0; i < g.resources().size(); ++i) {
    const formats::Resource& r = *g.resources()[i];
    resources.push_back({{"id", i},
                         {"name", r.name},
                         {"type", r.type},
                         {"format", formats::format_name(r.format)},
                         {"file", g.file_of(i)},
                         {"line", formats::header(r).line},
                         {"column", formats::header(r).column}});
  }
  Json edges = Json::array();
  for (const graph::Edge& e : g.edges()) {
    const core::Position at = e.at != nullptr ? e.at->anchor().begin : core::Position{};
    edges.push_back({{"from", e.from},
                     {"to", e.to},
                     {"kind", graph::edge_kind_name(e.kind)},
                     {"path", e.path},
                     {"certain", e.certain},
                     {"line", at.line},
                     {"column", at.column}});
  }
  out << Json{{"resources", std::move(resources)}, {"edges", std::move(edges)}}.dump(2) << "\n";
}

}  // namespace genlens::report
