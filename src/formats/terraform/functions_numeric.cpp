// Numeric functions: min, max, abs, ceil, floor, signum, pow, parseint,
// tonumber, tobool, range, and IPv4 cidrsubnet/cidrhost.
#include <fmt/format.h>

#include <cmath>
#include <cstdint>

#include "formats/terraform/eval_support.h"

namespace genlens::formats::terraform::detail {
namespace {

const Value* min_max(const Ctx& c, const Args& a, bool is_max) {
  double best = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    double d = 0;
    if (const Value* e = arg_number(c, a[i], d)) return e;
    if (i == 0 || (is_max ? d > best : d < best)) best = d;
  }
  return c.num(best);
}
const Value* fn_min(const Ctx& c, const Args& a) { return min_max(c, a, false); }
const Value* fn_max(const Ctx& c, const Args& a) { return min_max(c, a, true); }

template <double (*F)(double)>
const Value* unary_math(const Ctx& c, const Args& a) {
  double d = 0;
  if (const Value* e = arg_number(c, a[0], d)) return e;
  return c.num(F(d));
}
double signum(double d) { return d > 0 ? 1 : d < 0 ? -1 : 0; }
double absd(double d) { return std::fabs(d); }
double ceild(double d) { return std::ceil(d); }
double floord(double d) { return std::floor(d); }

const Value* fn_pow(const Ctx& c, const Args& a) {
  double x = 0;
  double y = 0;
  if (const Value* e = arg_number(c, a[0], x)) return e;
  if (const Value* e = arg_number(c, a[1], y)) return e;
  return c.num(std::pow(x, y));
}

const Value* fn_parseint(const Ctx& c, const Args& a) {
  std::string s;
  long long base = 0;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  if (const Value* e = arg_integer(c, a[1], base)) return e;
  if (base < 2 || base > 62) return c.error("base must be between 2 and 62");
  size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  if (i >= s.size())
    return c.error(fmt::format("cannot parse \"{}\" as a base {} integer", s, base));
  double n = 0;
  for (; i < s.size(); ++i) {
    const char ch = s[i];
    int d = ch >= '0' && ch <= '9'   ? ch - '0'
            : ch >= 'a' && ch <= 'z' ? ch - 'a' + 10
            : ch >= 'A' && ch <= 'Z' ? ch - 'A' + (base <= 36 ? 10 : 36)
                                     : 99;
    if (d >= base) return c.error(fmt::format("cannot parse \"{}\" as a base {} integer", s, base));
    n = n * static_cast<double>(base) + d;
  }
  return c.num(s[0] == '-' ? -n : n);
}

const Value* fn_tonumber(const Ctx& c, const Args& a) {
  const Value* v = a[0];
  if (v->kind == ValueKind::kNull) return c.null();
  if (v->kind == ValueKind::kNumber) return v;
  if (v->partial) return c.propagate(v);
  const std::optional<double> d = v->is_string() ? to_number(v) : std::nullopt;
  if (!d)
    return c.error(fmt::format("cannot convert {} to a number",
                               v->is_string() ? "\"" + v->text + "\"" : type_name(v)));
  return c.num(*d);
}

const Value* fn_tobool(const Ctx& c, const Args& a) {
  const Value* v = a[0];
  if (v->kind == ValueKind::kNull) return c.null();
  if (v->kind == ValueKind::kBool) return v;
  if (v->partial) return c.propagate(v);
  const std::optional<bool> b = v->is_string() ? to_bool(v) : std::nullopt;
  if (!b)
    return c.error(fmt::format("cannot convert {} to a bool",
                               v->is_string() ? "\"" + v->text + "\"" : type_name(v)));
  return c.boolean(*b);
}

const Value* fn_range(const Ctx& c, const Args& a) {
  double start = 0;
  double limit = 0;
  double step = 1;
  if (a.size() == 1) {
    if (const Value* e = arg_number(c, a[0], limit)) return e;
  } else {
    if (const Value* e = arg_number(c, a[0], start)) return e;
    if (const Value* e = arg_number(c, a[1], limit)) return e;
    if (a.size() > 2) {
      if (const Value* e = arg_number(c, a[2], step)) return e;
    } else if (limit < start) {
      step = -1;
    }
  }
  if (step == 0) return c.error("step must not be zero");
  if ((step > 0 && limit < start) || (step < 0 && limit > start)) {
    return c.error("the step's sign does not lead from start to limit");
  }
  const double count = std::ceil((limit - start) / step);
  if (!(count <= static_cast<double>(kMaxElements))) return c.too_large();
  Value* out = c.list();
  if (out == nullptr) return nullptr;
  for (double i = 0; i < count; ++i) {
    Value* v = c.num(start + i * step);
    if (v == nullptr) return nullptr;
    out->items.push_back(v);
  }
  return out;
}

bool parse_ipv4_cidr(const std::string& s, uint32_t& addr, int& bits) {
  unsigned a = 0, b = 0, c = 0, d = 0;
  int n = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%u.%u.%u.%u/%d%c", &a, &b, &c, &d, &n, &tail) != 5) return false;
  if (a > 255 || b > 255 || c > 255 || d > 255 || n < 0 || n > 32) return false;
  addr = (a << 24) | (b << 16) | (c << 8) | d;
  bits = n;
  return true;
}

std::string ipv4(uint32_t x) {
  return fmt::format("{}.{}.{}.{}", x >> 24, (x >> 16) & 255, (x >> 8) & 255, x & 255);
}

uint32_t mask(int bits) { return bits == 0 ? 0 : ~uint32_t{0} << (32 - bits); }

const Value* fn_cidrsubnet(const Ctx& c, const Args& a) {
  std::string prefix;
  long long newbits = 0;
  long long netnum = 0;
  if (const Value* e = arg_string(c, a[0], prefix)) return e;
  if (const Value* e = arg_integer(c, a[1], newbits)) return e;
  if (const Value* e = arg_integer(c, a[2], netnum)) return e;
  uint32_t addr = 0;
  int bits = 0;
  if (prefix.find(':') != std::string::npos) return c.unknown("cidrsubnet: IPv6 is not evaluated");
  if (!parse_ipv4_cidr(prefix, addr, bits))
    return c.error(fmt::format("invalid CIDR \"{}\"", prefix));
  if (newbits < 0 || bits + newbits > 32) return c.error("not enough remaining address space");
  if (netnum < 0 || (newbits < 32 && netnum >= (1LL << newbits))) {
    return c.error(fmt::format("prefix extension of {} does not accommodate a subnet numbered {}",
                               newbits, netnum));
  }
  const int nb = bits + static_cast<int>(newbits);
  const uint32_t base = addr & mask(bits);
  const uint32_t sub = nb == 32 ? base | static_cast<uint32_t>(netnum)
                                : base | (static_cast<uint32_t>(netnum) << (32 - nb));
  return c.str(fmt::format("{}/{}", ipv4(sub), nb));
}

const Value* fn_cidrhost(const Ctx& c, const Args& a) {
  std::string prefix;
  long long hostnum = 0;
  if (const Value* e = arg_string(c, a[0], prefix)) return e;
  if (const Value* e = arg_integer(c, a[1], hostnum)) return e;
  uint32_t addr = 0;
  int bits = 0;
  if (prefix.find(':') != std::string::npos) return c.unknown("cidrhost: IPv6 is not evaluated");
  if (!parse_ipv4_cidr(prefix, addr, bits))
    return c.error(fmt::format("invalid CIDR \"{}\"", prefix));
  const long long size = 1LL << (32 - bits);
  if (hostnum < 0) hostnum += size;
  if (hostnum < 0 || hostnum >= size) return c.error("host number out of range");
  return c.str(ipv4((addr & mask(bits)) | static_cast<uint32_t>(hostnum)));
}

}  // namespace

void add_numeric_functions(Registry& r) {
  r["min"] = {fn_min, 1, -1, false};
  r["max"] = {fn_max, 1, -1, false};
  r["abs"] = {unary_math<absd>, 1, 1, false};
  r["ceil"] = {unary_math<ceild>, 1, 1, false};
  r["floor"] = {unary_math<floord>, 1, 1, false};
  r["signum"] = {unary_math<signum>, 1, 1, false};
  r["pow"] = {fn_pow, 2, 2, false};
  r["parseint"] = {fn_parseint, 2, 2, false};
  r["tonumber"] = {fn_tonumber, 1, 1, false};
  r["tobool"] = {fn_tobool, 1, 1, false};
  r["range"] = {fn_range, 1, 3, false};
  r["cidrsubnet"] = {fn_cidrsubnet, 3, 3, false};
  r["cidrhost"] = {fn_cidrhost, 2, 2, false};
}

}  // namespace genlens::formats::terraform::detail
