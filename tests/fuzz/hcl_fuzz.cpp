// hcl_fuzz: bytes -> parse::parse_hcl (tree-sitter-hcl and its external
// scanner, then the conversion to a Document). Besides ASan/UBSan, it checks
// what the reader promises: a document unless the input is unreadable (then
// exactly one error), every error and node positioned inside the file, every
// node's range inside its parent's, has_error on the ancestors of every
// marked node, and the expression source text reachable through
// parse::source_text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_util.h"
#include "genlens/parse/hcl.h"

using namespace genlens;

namespace {

[[noreturn]] void fail(const char* what, const core::Node* n) {
  std::fprintf(stderr, "hcl_fuzz: %s at %s (%u:%u-%u:%u)\n", what, n->path().c_str(),
               n->range.begin.line, n->range.begin.column, n->range.end.line, n->range.end.column);
  std::abort();
}

bool inside(core::Position p, core::Position end) { return p.known() && !(end < p); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  parse::ParseOptions options;
  options.max_nodes = 100'000;
  const parse::HclResult r = parse::parse_hcl(fuzz::make_source("fuzz.tf", text), options);
  if (r.doc == nullptr) {
    if (r.errors.size() != 1) std::abort();
    return 0;
  }
  const core::SourceFile& file = r.doc->source();
  const core::Position end = file.position_at(file.text().size());
  for (const core::Error& e : r.errors) {
    if (!inside(e.pos, end) || e.message.empty()) std::abort();
  }
  if (r.doc->roots().size() != 1) std::abort();
  if (!r.errors.empty() && !r.doc->roots().front()->has_error) {
    fail("errors but the root is not marked", r.doc->roots().front());
  }
  size_t sink = fuzz::touch_document(*r.doc);
  for (const core::Node* n : fuzz::all_nodes(*r.doc)) {
    if (!inside(n->range.begin, end) || !inside(n->range.end, end) ||
        n->range.end < n->range.begin) {
      fail("range outside the file", n);
    }
    const core::Node* p = n->parent;
    if (p != nullptr && (n->range.begin < p->range.begin || p->range.end < n->range.end)) {
      fail("range outside the parent's", n);
    }
    if (p != nullptr && n->has_error && !p->has_error) fail("has_error not propagated", n);
    if (n->kind == core::NodeKind::kUnknown && !n->has_error) fail("unknown without error", n);
    if (n->kind == core::NodeKind::kExpression) {
      sink += parse::source_text(file, n->range).size() + n->tag.size();
    }
  }
  for (const core::Comment& c : r.doc->comments()) {
    if (!inside(c.pos, end)) std::abort();
  }
  return sink == 0xdeadbeef ? 1 : 0;
}
