// json_fuzz: bytes -> parse::parse_json (with and without the Unknown
// marker), and the same bytes as JSON embedded in a string of another
// document (parse::parse_embedded_json) with and without an offset map: the
// host is a double-quoted JSON string, a YAML literal block and, when the
// bytes cannot be written in either, a short unrelated string (as for
// strings spliced together by Fn::Sub).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "genlens/core/value.h"
#include "genlens/parse/parse.h"

using namespace genlens;

namespace {

// Maps offsets like a spliced string: some bytes have no origin (npos),
// others come from shifted places; derived from the input so libFuzzer can
// steer it.
class FuzzOffsetMap : public parse::OffsetMap {
 public:
  explicit FuzzOffsetMap(uint8_t seed) : seed_(seed) {}
  [[nodiscard]] size_t to_host(size_t offset) const override {
    const size_t block = offset / (static_cast<size_t>(seed_ % 13) + 1);
    if ((block + seed_) % 5 == 0) return std::string_view::npos;
    return offset + (seed_ >> 4);
  }

 private:
  uint8_t seed_;
};

std::string json_quoted(std::string_view text) {
  static const char* const kHex = "0123456789abcdef";
  std::string out = "{\"Policy\": \"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  out += "\"}";
  return out;
}

std::string yaml_literal(std::string_view text) {
  std::string out = "Policy: |-\n  ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  out += '\n';
  return out;
}

// The string scalar holding the embedded text in a host document, when the
// host parsed and decoded to exactly `text`.
const core::Node* host_scalar(const parse::DocResult& host, std::string_view text) {
  if (!host.ok() || host.value()->roots().empty()) return nullptr;
  const core::Node* root = host.value()->roots().front();
  const core::Node* n = root->find("Policy");
  if (n == nullptr || !n->is_scalar() || n->text != text) return nullptr;
  return n;
}

size_t embed(const core::Document& doc, const core::Node& host, std::string_view text,
             const parse::OffsetMap* map) {
  parse::ParseOptions options;
  options.allow_unknown_marker = true;
  options.max_nodes = 100'000;
  auto inner = parse::parse_embedded_json(doc, host, text, map, options);
  return inner.ok() ? fuzz::touch_document(*inner.value()) : inner.error().pos.line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  size_t sink = 0;
  {
    parse::ParseOptions options;
    options.max_nodes = 100'000;
    auto doc = parse::parse_json(fuzz::make_source("fuzz.json", text), options);
    sink += doc.ok() ? fuzz::touch_document(*doc.value()) : doc.error().pos.column;
  }
  const bool has_marker = text.find(core::kUnknownMark) != std::string_view::npos;
  if (has_marker) {
    parse::ParseOptions options;
    options.allow_unknown_marker = true;
    options.max_nodes = 100'000;
    auto doc = parse::parse_json(fuzz::make_source("fuzz.json", text), options);
    sink += doc.ok() ? fuzz::touch_document(*doc.value()) : doc.error().pos.column;
  }
  const FuzzOffsetMap map(size > 0 ? data[size - 1] : 0);
  bool embedded = false;
  for (int style = 0; style < 2; ++style) {
    const std::string host_text = style == 0 ? json_quoted(text) : yaml_literal(text);
    auto host_source = fuzz::make_source("host", host_text);
    auto host = style == 0 ? parse::parse_json(host_source) : parse::parse_yaml(host_source);
    const core::Node* scalar = host_scalar(host, text);
    if (scalar == nullptr) continue;
    embedded = true;
    sink += embed(*host.value(), *scalar, text, nullptr);
    sink += embed(*host.value(), *scalar, text, &map);
  }
  if (!embedded) {
    auto host_source = fuzz::make_source("host", "{\"Policy\": \"{}\"}");
    auto host = parse::parse_json(host_source);
    if (const core::Node* scalar = host_scalar(host, "{}")) {
      sink += embed(*host.value(), *scalar, text, &map);
    }
  }
  return sink == 0xdeadbeef ? 1 : 0;
}
