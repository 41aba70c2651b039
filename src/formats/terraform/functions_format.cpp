// format and formatlist: Go's verbs as Terraform implements them (%s %d %v
// %q %t %f %e %g %x %X %o %b %%, flags - + 0, width and precision).
// Unknown arguments give unknown runs in a partial string.
#include <fmt/format.h>

#include <cctype>
#include <cstring>

#include "formats/terraform/eval_support.h"

namespace genlens::formats::terraform::detail {
namespace {

// Literal text of a known string argument, mapped back to its scalar.
const Node* literal_origin(const Value* v) {
  return v->origin != nullptr && v->origin->is_scalar() && v->origin->text == v->text ? v->origin
                                                                                      : nullptr;
}

std::string pad(std::string s, size_t width, bool left, char fill) {
  const size_t n = utf8_chars(s).size();
  if (n >= width) return s;
  if (left) return s + std::string(width - n, ' ');
  if (fill == '0' && !s.empty() && (s[0] == '-' || s[0] == '+')) {
    return s.substr(0, 1) + std::string(width - n, '0') + s.substr(1);
  }
  return std::string(width - n, fill) + s;
}

// Formats `args` from `first` on into `sb` following `spec`; nullptr on
// success, else the value to return.
const Value* format_into(const Ctx& c, const Value* spec, const Args& args, size_t first,
                         StringBuilder& sb) {
  const std::string& s = spec->text;
  const Node* origin = literal_origin(spec);
  size_t argi = first;
  size_t lit = 0;
  auto flush = [&](size_t to) {
    if (to > lit) sb.literal(std::string_view(s).substr(lit, to - lit), origin, lit);
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') continue;
    flush(i);
    size_t j = i + 1;
    if (j < s.size() && s[j] == '%') {
      sb.literal("%");
      lit = i = j;
      lit = j + 1;
      continue;
    }
    bool left = false;
    bool plus = false;
    char fill = ' ';
    while (j < s.size() && std::strchr("-+# 0", s[j]) != nullptr) {
      if (s[j] == '-') left = true;
      if (s[j] == '+') plus = true;
      if (s[j] == '0') fill = '0';
      ++j;
    }
    size_t width = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && width < 10000) {
      width = width * 10 + static_cast<size_t>(s[j++] - '0');
    }
    int precision = -1;
    if (j < s.size() && s[j] == '.') {
      precision = 0;
      ++j;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && precision < 1000) {
        precision = precision * 10 + (s[j++] - '0');
      }
    }
    if (j >= s.size()) return c.error("unterminated format verb");
    const char verb = s[j];
    if (verb == '[' || verb == '*') return c.unknown("format: argument indexes are not evaluated");
    i = j;
    lit = j + 1;
    if (argi >= args.size()) return c.error("not enough arguments for the format string");
    const Value* v = args[argi++];
    if (!v->known()) {
      sb.mark(v->reason);
      continue;
    }
    if (v->partial && (verb == 's' || verb == 'v')) {
      sb.value(v);
      continue;
    }
    if (v->partial) return c.propagate(v);
    std::string piece;
    switch (verb) {
      case 's':
      case 'v': {
        if (const std::optional<std::string> t = to_text(v)) {
          piece = *t;
        } else if (verb == 's') {
          return c.error(fmt::format("%s cannot format a {}", type_name(v)));
        } else {
          std::string why;
          const std::optional<std::string> j2 = to_json(v, why);
          if (!j2) return c.unknown(why);
          piece = *j2;
        }
        if (precision >= 0) {
          const auto chars = utf8_chars(piece);
          if (chars.size() > static_cast<size_t>(precision)) {
            std::string cut;
            for (size_t k = 0; k < static_cast<size_t>(precision); ++k) cut += chars[k];
            piece = cut;
          }
        }
        break;
      }
      case 'q': {
        std::string t;
        if (const Value* e = arg_string(c, v, t)) return e;
        std::string why;
        Value tmp;
        tmp.kind = ValueKind::kString;
        tmp.text = t;
        piece = *to_json(&tmp, why);
        break;
      }
      case 't': {
        const std::optional<bool> b = to_bool(v);
        if (!b) return c.error(fmt::format("%t cannot format a {}", type_name(v)));
        piece = *b ? "true" : "false";
        break;
      }
      case 'd':
      case 'x':
      case 'X':
      case 'o':
      case 'b': {
        long long n = 0;
        if (const Value* e = arg_integer(c, v, n)) return e;
        const unsigned long long mag =
            n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
        const char* f = verb == 'd'   ? "{}"
                        : verb == 'x' ? "{:x}"
                        : verb == 'X' ? "{:X}"
                        : verb == 'o' ? "{:o}"
                                      : "{:b}";
        // One format call: GCC 12 at -O3 reports a false -Wrestrict on
        // assigning or prepending the sign as a C string.
        piece = fmt::format("{}{}",
                            n < 0  ? "-"
                            : plus ? "+"
                                   : "",
                            fmt::format(fmt::runtime(f), mag));
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'g':
      case 'G': {
        double d = 0;
        if (const Value* e = arg_number(c, v, d)) return e;
        const std::string f =
            precision >= 0 ? fmt::format("{{:{}.{}{}}}", plus ? "+" : "", precision, verb)
            : verb == 'g' || verb == 'G' ? fmt::format("{{:{}{}}}", plus ? "+" : "", verb)
                                         : fmt::format("{{:{}.6{}}}", plus ? "+" : "", verb);
        piece = fmt::format(fmt::runtime(f), d);
        break;
      }
      default:
        return c.error(fmt::format("unsupported format verb %{}", verb));
    }
    sb.literal(pad(std::move(piece), width, left, fill));
    if (sb.too_large()) return c.too_large();
  }
  flush(s.size());
  if (argi < args.size()) return c.error("too many arguments for the format string");
  return nullptr;
}

const Value* fn_format(const Ctx& c, const Args& a) {
  if (!a[0]->known() || a[0]->partial) return c.propagate(a[0]);
  if (!a[0]->is_string()) return c.error("the format must be a string");
  StringBuilder sb(c);
  if (const Value* e = format_into(c, a[0], a, 1, sb)) return e;
  return sb.finish();
}

const Value* fn_formatlist(const Ctx& c, const Args& a) {
  if (!a[0]->known() || a[0]->partial) return c.propagate(a[0]);
  if (!a[0]->is_string()) return c.error("the format must be a string");
  size_t n = 0;
  bool any_list = false;
  for (size_t i = 1; i < a.size(); ++i) {
    if (!a[i]->known()) return c.propagate(a[i]);
    if (!a[i]->is_list()) continue;
    if (any_list && a[i]->items.size() != n) return c.error("all lists must have the same length");
    n = a[i]->items.size();
    any_list = true;
  }
  if (!any_list) n = 1;
  Value* out = c.list();
  if (out == nullptr) return nullptr;
  for (size_t k = 0; k < n; ++k) {
    Args row{a[0]};
    for (size_t i = 1; i < a.size(); ++i) row.push_back(a[i]->is_list() ? a[i]->items[k] : a[i]);
    StringBuilder sb(c);
    if (const Value* e = format_into(c, a[0], row, 1, sb)) return e;
    const Value* s = sb.finish();
    if (s == nullptr) return nullptr;
    out->items.push_back(s);
  }
  return out;
}

}  // namespace

void add_format_functions(Registry& r) {
  r["format"] = {fn_format, 1, -1, true};
  r["formatlist"] = {fn_formatlist, 1, -1, true};
}

}  // namespace genlens::formats::terraform::detail
