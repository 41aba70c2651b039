// yaml_fuzz: bytes -> parse::parse_yaml (yaml-cpp plus the CloudFormation
// short-form tag rewriting), then every node is used the way later stages use
// it, and string scalars are mapped back into the file (map_scalar_offset)
// and read as embedded JSON, as the rule engine does for `@json` paths.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "genlens/parse/parse.h"

using namespace genlens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  core::SourcePtr source = fuzz::make_source("fuzz.yaml", fuzz::as_text(data, size));
  parse::ParseOptions options;
  options.max_nodes = 100'000;  // keeps alias bombs fast; the limit itself is tested
  auto parsed = parse::parse_yaml(source, options);
  if (!parsed.ok()) return 0;
  const core::Document& doc = *parsed.value();
  size_t sink = fuzz::touch_document(doc);
  size_t embedded = 0;
  for (const core::Node* n : fuzz::all_nodes(doc)) {
    if (!n->is_scalar() || n->scalar_type != core::ScalarType::kString) continue;
    const size_t len = n->text.size();
    for (size_t off : {size_t{0}, len / 2, len, len + 1}) {
      sink += parse::map_scalar_offset(doc.source(), *n, off).line;
    }
    if (embedded < 8 && !n->text.empty() && (n->text.front() == '{' || n->text.front() == '[')) {
      ++embedded;
      parse::ParseOptions eo;
      eo.allow_unknown_marker = true;
      eo.max_nodes = 20'000;
      auto inner = parse::parse_embedded_json(doc, *n, n->text, nullptr, eo);
      if (inner.ok()) sink += fuzz::touch_document(*inner.value());
    }
  }
  return sink == 0xdeadbeef ? 1 : 0;
}
