#pragma once
// `genlens graph`: what genlens understood, as Graphviz DOT or JSON.
#include <ostream>

#include "genlens/graph/graph.h"

namespace genlens::report {

// One cluster per file, one box per resource (name, type, line), one arrow
// per edge labelled with its kind and attribute path; uncertain edges dashed.
void write_graph_dot(std::ostream& out, const graph::Graph& g);
// {"resources": [{id, name, type, format, file, line, column}],
//  "edges": [{from, to, kind, path, certain, line, column}]}
void write_graph_json(std::ostream& out, const graph::Graph& g);

}  // namespace genlens::report
