// hcl_fuzz: bytes -> the pinned tree-sitter runtime and HCL grammar
// (grammars/), the parser the coming Terraform reader (src/parse/hcl) will
// use; that reader does not exist yet, so this target fuzzes the grammar and
// its external scanner (heredocs, template interpolation) directly: parse,
// then walk every node and check that its byte range and points lie inside
// the input, reading its text as the reader will.
#include <genlens_hcl_language.h>
#include <tree_sitter/api.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, TSNode node) {
  std::fprintf(stderr, "hcl_fuzz: %s: node %s [%u, %u)\n", what, ts_node_type(node),
               ts_node_start_byte(node), ts_node_end_byte(node));
  std::abort();
}

TSParser* parser() {
  static TSParser* p = [] {
    TSParser* made = ts_parser_new();
    if (!ts_parser_set_language(made, tree_sitter_hcl())) std::abort();
    return made;
  }();
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > UINT32_MAX) return 0;
  const std::string_view src(reinterpret_cast<const char*>(data), size);
  TSParser* p = parser();
  ts_parser_reset(p);
  TSTree* tree = ts_parser_parse_string(p, nullptr, src.data(), static_cast<uint32_t>(size));
  if (tree == nullptr) return 0;
  const TSNode root = ts_tree_root_node(tree);
  size_t sink = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    const uint32_t start = ts_node_start_byte(node);
    const uint32_t end = ts_node_end_byte(node);
    if (start > end || end > size) fail("byte range outside the input", node);
    const TSPoint sp = ts_node_start_point(node);
    const TSPoint ep = ts_node_end_point(node);
    if (sp.row > ep.row || (sp.row == ep.row && sp.column > ep.column)) {
      fail("end point before start point", node);
    }
    // What the reader will do with a node: its kind, its field, its text.
    sink += std::strlen(ts_node_type(node));
    if (const char* field = ts_tree_cursor_current_field_name(&cursor)) sink += std::strlen(field);
    const std::string_view text = src.substr(start, end - start);
    if (!text.empty()) sink += static_cast<unsigned char>(text.back());
    sink += ts_node_is_error(node) ? 1u : 0u;
    sink += ts_node_is_missing(node) ? 1u : 0u;
    sink += ts_node_named_child_count(node);
    // Depth-first, without recursion.
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool more = false;
    while (!(more = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    }
    if (!more) break;
  }
  ts_tree_cursor_delete(&cursor);
  if (size < 1024) {
    char* sexp = ts_node_string(root);
    sink += std::strlen(sexp);
    std::free(sexp);
  }
  ts_tree_delete(tree);
  return sink == 0xdeadbeef ? 1 : 0;
}
