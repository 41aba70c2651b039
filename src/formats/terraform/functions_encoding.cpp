// Encoding functions: jsonencode/jsondecode, base64encode/base64decode,
// urlencode. jsonencode of a value holding Unknowns is a partial string
// (kUnknownMark where the unknown goes), which the JSON reader accepts with
// ParseOptions::allow_unknown_marker. The result keeps the encoded value
// (Value::encoded): @json and the policy predicates read that instead of the
// text, so findings land on the lines inside jsonencode(...).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "formats/terraform/eval_support.h"
#include "genlens/core/source.h"

namespace genlens::formats::terraform::detail {
namespace {

void json_string(std::string_view s, std::string& out) {
  out += '"';
  for (const char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':  // Terraform (Go's encoding/json) escapes HTML characters
      case '>':
      case '&':
        out += fmt::format("\\u{:04x}", u);
        break;
      default:
        if (ch == core::kUnknownMark) {
          out += ch;
        } else if (u < 0x20) {
          out += fmt::format("\\u{:04x}", u);
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

bool json_into(const Value* v, std::string& out, std::string& why, int depth) {
  if (depth > kMaxDepth) {
    why = "value nested too deeply to encode";
    return false;
  }
  if (out.size() > kMaxStringBytes) {
    why = "result too large to evaluate";
    return false;
  }
  switch (v->kind) {
    case ValueKind::kUnknown:
      out += core::kUnknownMark;
      if (why.empty()) why = v->reason.empty() ? "value is not known before apply" : v->reason;
      return true;
    case ValueKind::kNull:
      out += "null";
      return true;
    case ValueKind::kBool:
      out += v->boolean ? "true" : "false";
      return true;
    case ValueKind::kNumber:
      out += number_text(v->number);
      return true;
    case ValueKind::kString:
      if (v->partial && why.empty()) why = v->reason;
      json_string(v->text, out);
      return true;
    case ValueKind::kList:
      out += '[';
      for (size_t i = 0; i < v->items.size(); ++i) {
        if (i > 0) out += ',';
        if (!json_into(v->items[i], out, why, depth + 1)) return false;
      }
      out += ']';
      return true;
    case ValueKind::kMap: {
      out += '{';
      bool first = true;
      for (const auto& [k, e] : sorted_entries(v)) {
        if (!first) out += ',';
        first = false;
        json_string(k, out);
        out += ':';
        if (!json_into(e, out, why, depth + 1)) return false;
      }
      out += '}';
      return true;
    }
  }
  return false;
}

const Value* fn_jsonencode(const Ctx& c, const Args& a) {
  std::string out;
  std::string why;
  if (!json_into(a[0], out, why, 0)) {
    return why == "result too large to evaluate" ? c.too_large() : c.unknown(why);
  }
  Value* s = c.str(std::move(out));
  if (s == nullptr) return s;
  s->encoded = a[0];
  if (s->text.find(core::kUnknownMark) != std::string::npos) {
    s->partial = true;
    s->reason = why;
  }
  return s;
}

const Value* from_json(const Ctx& c, const nlohmann::json& j, int depth) {
  if (depth > kMaxDepth) return c.unknown("jsondecode: document nested too deeply to evaluate");
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return c.null();
    case nlohmann::json::value_t::boolean:
      return c.boolean(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return c.num(j.get<double>());
    case nlohmann::json::value_t::string:
      return c.str(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      Value* out = c.list();
      if (out == nullptr) return nullptr;
      for (const auto& e : j) {
        const Value* v = from_json(c, e, depth + 1);
        if (v == nullptr) return nullptr;
        out->items.push_back(v);
      }
      return out;
    }
    case nlohmann::json::value_t::object: {
      Value* out = c.map();
      if (out == nullptr) return nullptr;
      for (const auto& [k, e] : j.items()) {
        const Value* v = from_json(c, e, depth + 1);
        if (v == nullptr) return nullptr;
        out->entries.emplace_back(k, v);
      }
      return out;
    }
    default:
      return c.error("unsupported JSON value");
  }
}

const Value* fn_jsondecode(const Ctx& c, const Args& a) {
  std::string s;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  // nlohmann's parser recurses per nesting level: refuse deep documents first.
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (in_string) {
      if (ch == '\\') ++i;
      if (ch == '"') in_string = false;
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > kMaxDepth)
        return c.unknown("jsondecode: document nested too deeply to evaluate");
    } else if (ch == ']' || ch == '}') {
      --depth;
    }
  }
  const nlohmann::json j = nlohmann::json::parse(s, nullptr, false);
  if (j.is_discarded()) return c.error("invalid JSON");
  return from_json(c, j, 0);
}

constexpr std::string_view kB64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string b64(std::string_view in) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const uint32_t n = (uint32_t{static_cast<unsigned char>(in[i])} << 16) |
                       (uint32_t{static_cast<unsigned char>(in[i + 1])} << 8) |
                       uint32_t{static_cast<unsigned char>(in[i + 2])};
    for (int k = 18; k >= 0; k -= 6) out += kB64[(n >> k) & 63];
  }
  if (i < in.size()) {
    uint32_t n = uint32_t{static_cast<unsigned char>(in[i])} << 16;
    if (i + 1 < in.size()) n |= uint32_t{static_cast<unsigned char>(in[i + 1])} << 8;
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += i + 1 < in.size() ? kB64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace

std::optional<std::string> to_json(const Value* v, std::string& why, int depth) {
  std::string out;
  if (!json_into(v, out, why, depth)) return std::nullopt;
  return out;
}

std::string base64_encode(std::string_view in) { return b64(in); }

namespace {

const Value* fn_base64encode(const Ctx& c, const Args& a) {
  std::string s;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  if (s.size() > kMaxStringBytes / 2) return c.too_large();
  return c.str(b64(s));
}

const Value* fn_base64decode(const Ctx& c, const Args& a) {
  std::string s;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  if (s.size() % 4 != 0) return c.error("invalid base64 data (length)");
  std::string out;
  uint32_t n = 0;
  int bits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '=') {
      if (i + 2 < s.size() || (i + 1 < s.size() && s[i + 1] != '=')) {
        return c.error("invalid base64 data (padding)");
      }
      break;
    }
    const size_t d = kB64.find(s[i]);
    if (d == std::string_view::npos) return c.error("invalid base64 data");
    n = (n << 6) | static_cast<uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((n >> bits) & 0xFF);
    }
  }
  if (core::find_invalid_utf8(out) != std::string::npos) {
    return c.error("the decoded result is not valid UTF-8");
  }
  return c.str(std::move(out));
}

const Value* fn_urlencode(const Ctx& c, const Args& a) {
  std::string s;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  std::string out;
  for (const char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if (std::isalnum(u) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += ch;
    } else if (ch == ' ') {
      out += '+';
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return c.str(std::move(out));
}

}  // namespace

void add_encoding_functions(Registry& r) {
  r["jsonencode"] = {fn_jsonencode, 1, 1, true};
  r["jsondecode"] = {fn_jsondecode, 1, 1, false};
  r["base64encode"] = {fn_base64encode, 1, 1, false};
  r["base64decode"] = {fn_base64decode, 1, 1, false};
  r["urlencode"] = {fn_urlencode, 1, 1, false};
}

}  // namespace genlens::formats::terraform::detail
