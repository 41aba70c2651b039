#pragma once
// Helpers shared by the fuzz targets (tests/fuzz/*_fuzz.cpp). Each target
// defines LLVMFuzzerTestOneInput; it is linked either with libFuzzer
// (build-fuzz/, -fsanitize=fuzzer) or with standalone_main.cpp, which runs it
// over files and directories (the regression tests of every other build).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "genlens/core/document.h"
#include "genlens/core/source.h"

namespace genlens::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline core::SourcePtr make_source(std::string path, std::string_view text) {
  return std::make_shared<const core::SourceFile>(std::move(path), std::string(text));
}

// Every node of a document, roots first, in document order (iterative: fuzz
// inputs nest deeply).
inline std::vector<const core::Node*> all_nodes(const core::Document& doc) {
  std::vector<const core::Node*> out;
  std::vector<const core::Node*> todo(doc.roots().rbegin(), doc.roots().rend());
  while (!todo.empty()) {
    const core::Node* n = todo.back();
    todo.pop_back();
    out.push_back(n);
    todo.insert(todo.end(), n->children.rbegin(), n->children.rend());
  }
  return out;
}

// Uses what a parser produced the way later stages do (logical paths,
// anchors, positions mapped back to offsets and lines), so a node with a
// dangling parent or a position outside the file shows up under ASan.
inline size_t touch_document(const core::Document& doc, size_t max_nodes = 4096) {
  size_t sum = 0;
  const core::SourceFile& file = doc.source();
  size_t seen = 0;
  for (const core::Node* n : all_nodes(doc)) {
    if (++seen > max_nodes) break;
    sum += n->path().size();
    const core::SourceRange anchor = n->anchor();
    for (core::Position p : {anchor.begin, anchor.end, n->range.begin, n->range.end}) {
      if (!p.known()) continue;
      sum += file.offset_of(p);
      sum += file.line_text(p.line).size();
    }
  }
  for (const core::Comment& c : doc.comments()) {
    if (c.pos.known()) sum += file.offset_of(c.pos);
  }
  return sum;
}

}  // namespace genlens::fuzz
