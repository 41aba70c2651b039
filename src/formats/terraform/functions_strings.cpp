// String functions: join, split, case, trimming,
// substr, replace (with the /regex/ form), regex/regexall (RE2, which
// accepts Go's regexp syntax), startswith/endswith, tostring.
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "formats/terraform/eval_support.h"

namespace genlens::formats::terraform::detail {
namespace {

const Value* fn_join(const Ctx& c, const Args& a) {
  std::string sep;
  if (const Value* e = arg_string(c, a[0], sep)) return e;
  StringBuilder sb(c);
  bool first = true;
  for (size_t i = 1; i < a.size(); ++i) {
    if (const Value* e = arg_list(c, a[i])) return e;
    for (const Value* item : a[i]->items) {
      if (!first) sb.literal(sep);
      first = false;
      if (const Value* e = sb.value(item)) return e;
      if (sb.too_large()) return c.too_large();
    }
  }
  return sb.finish();
}

const Value* fn_split(const Ctx& c, const Args& a) {
  std::string sep;
  std::string s;
  if (const Value* e = arg_string(c, a[0], sep)) return e;
  if (const Value* e = arg_string(c, a[1], s)) return e;
  std::vector<std::string> parts;
  if (sep.empty()) {
    for (std::string_view ch : utf8_chars(s)) parts.emplace_back(ch);
  } else {
    size_t start = 0;
    while (true) {
      const size_t at = s.find(sep, start);
      parts.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
      if (at == std::string::npos) break;
      start = at + sep.size();
    }
  }
  if (parts.size() > kMaxElements) return c.too_large();
  Value* out = c.list();
  if (out == nullptr) return nullptr;
  for (std::string& p : parts) {
    Value* v = c.str(std::move(p));
    if (v == nullptr) return nullptr;
    out->items.push_back(v);
  }
  return out;
}

// lower/upper keep unknown runs (case mapping does not move them); ASCII only.
const Value* map_case(const Ctx& c, const Value* v, int (*f)(int)) {
  if (!v->is_string() && !v->partial) {
    std::string t;
    if (const Value* e = arg_string(c, v, t)) return e;
  }
  Value* out = c.str(v->kind == ValueKind::kString ? v->text : *to_text(v));
  if (out == nullptr) return nullptr;
  for (char& ch : out->text) {
    if (static_cast<unsigned char>(ch) < 0x80) ch = static_cast<char>(f(ch));
  }
  out->partial = v->partial;
  out->reason = v->reason;
  out->segments = v->segments;
  return out;
}
const Value* fn_lower(const Ctx& c, const Args& a) { return map_case(c, a[0], ::tolower); }
const Value* fn_upper(const Ctx& c, const Args& a) { return map_case(c, a[0], ::toupper); }

const Value* fn_title(const Ctx& c, const Args& a) {
  std::string s;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  bool start = true;
  for (char& ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if (u >= 0x80 || std::isalnum(u) || ch == '_' || ch == '\'') {
      if (start && u < 0x80) ch = static_cast<char>(std::toupper(u));
      start = false;
    } else {
      start = true;
    }
  }
  return c.str(std::move(s));
}

bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

const Value* fn_trimspace(const Ctx& c, const Args& a) {
  std::string s;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  size_t b = 0;
  size_t e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return c.str(s.substr(b, e - b));
}

const Value* fn_trim(const Ctx& c, const Args& a) {
  std::string s;
  std::string cut;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  if (const Value* e = arg_string(c, a[1], cut)) return e;
  const auto chars = utf8_chars(s);
  const auto cutset = utf8_chars(cut);
  auto in_set = [&](std::string_view ch) {
    return std::find(cutset.begin(), cutset.end(), ch) != cutset.end();
  };
  size_t b = 0;
  size_t e = chars.size();
  while (b < e && in_set(chars[b])) ++b;
  while (e > b && in_set(chars[e - 1])) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) out += chars[i];
  return c.str(std::move(out));
}

const Value* trim_affix(const Ctx& c, const Args& a, bool prefix) {
  std::string s;
  std::string x;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  if (const Value* e = arg_string(c, a[1], x)) return e;
  if (prefix && s.rfind(x, 0) == 0) return c.str(s.substr(x.size()));
  if (!prefix && s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0) {
    return c.str(s.substr(0, s.size() - x.size()));
  }
  return c.str(std::move(s));
}
const Value* fn_trimprefix(const Ctx& c, const Args& a) { return trim_affix(c, a, true); }
const Value* fn_trimsuffix(const Ctx& c, const Args& a) { return trim_affix(c, a, false); }

// startswith/endswith decide on a partial string when the known end of it
// is long enough (or already differs).
const Value* affix_test(const Ctx& c, const Args& a, bool start) {
  std::string x;
  if (const Value* e = arg_string(c, a[1], x)) return e;
  const Value* v = a[0];
  if (v->kind == ValueKind::kString && v->partial) {
    const std::string& t = v->text;
    const std::string part =
        start ? t.substr(0, t.find(core::kUnknownMark)) : t.substr(t.rfind(core::kUnknownMark) + 1);
    const size_t n = std::min(part.size(), x.size());
    const bool agree = start ? part.compare(0, n, x, 0, n) == 0
                             : part.compare(part.size() - n, n, x, x.size() - n, n) == 0;
    if (!agree) return c.boolean(false);
    if (part.size() >= x.size()) return c.boolean(true);
    return c.propagate(v);
  }
  std::string s;
  if (const Value* e = arg_string(c, v, s)) return e;
  if (start) return c.boolean(s.rfind(x, 0) == 0);
  return c.boolean(s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0);
}
const Value* fn_startswith(const Ctx& c, const Args& a) { return affix_test(c, a, true); }
const Value* fn_endswith(const Ctx& c, const Args& a) { return affix_test(c, a, false); }

const Value* fn_substr(const Ctx& c, const Args& a) {
  std::string s;
  long long off = 0;
  long long len = 0;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  if (const Value* e = arg_integer(c, a[1], off)) return e;
  if (const Value* e = arg_integer(c, a[2], len)) return e;
  const auto chars = utf8_chars(s);
  const auto n = static_cast<long long>(chars.size());
  if (off < 0) off += n;
  if (off < 0 || off > n) return c.error("offset out of range");
  const long long end = len < 0 ? n : std::min(n, off + len);
  std::string out;
  for (long long i = off; i < end; ++i) out += chars[static_cast<size_t>(i)];
  return c.str(std::move(out));
}

const Value* fn_strrev(const Ctx& c, const Args& a) {
  std::string s;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  auto chars = utf8_chars(s);
  std::reverse(chars.begin(), chars.end());
  std::string out;
  for (std::string_view ch : chars) out += ch;
  return c.str(std::move(out));
}

const Value* fn_chomp(const Ctx& c, const Args& a) {
  std::string s;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return c.str(std::move(s));
}

const Value* fn_indent(const Ctx& c, const Args& a) {
  long long n = 0;
  std::string s;
  if (const Value* e = arg_integer(c, a[0], n)) return e;
  if (const Value* e = arg_string(c, a[1], s)) return e;
  if (n < 0 || n > 1000) return c.error("indent out of range");
  const std::string ind(static_cast<size_t>(n), ' ');
  std::string out;
  for (char ch : s) {
    out += ch;
    if (ch == '\n') out += ind;
    if (out.size() > kMaxStringBytes) return c.too_large();
  }
  return c.str(std::move(out));
}

// Go's replacement syntax ($1, ${1}, $$) to RE2's (\1); false for named groups.
bool go_rewrite(const std::string& rep, std::string& out) {
  for (size_t i = 0; i < rep.size(); ++i) {
    const char ch = rep[i];
    if (ch == '\\') {
      out += "\\\\";
    } else if (ch != '$') {
      out += ch;
    } else if (i + 1 < rep.size() && rep[i + 1] == '$') {
      out += '$';
      ++i;
    } else {
      size_t j = i + 1;
      const bool brace = j < rep.size() && rep[j] == '{';
      if (brace) ++j;
      const size_t digits = j;
      while (j < rep.size() && std::isdigit(static_cast<unsigned char>(rep[j]))) ++j;
      if (j == digits || j - digits > 1 || (brace && (j >= rep.size() || rep[j] != '}'))) {
        return false;
      }
      out += '\\';
      out += rep.substr(digits, j - digits);
      i = brace ? j : j - 1;
    }
  }
  return true;
}

const Value* fn_replace(const Ctx& c, const Args& a) {
  std::string s;
  std::string from;
  std::string to;
  if (const Value* e = arg_string(c, a[0], s)) return e;
  if (const Value* e = arg_string(c, a[1], from)) return e;
  if (const Value* e = arg_string(c, a[2], to)) return e;
  if (from.size() >= 2 && from.front() == '/' && from.back() == '/') {
    const RE2 re(from.substr(1, from.size() - 2), RE2::Quiet);
    if (!re.ok()) return c.error(fmt::format("invalid regular expression: {}", re.error()));
    std::string rewrite;
    if (!go_rewrite(to, rewrite))
      return c.unknown("replace: named capture references are not evaluated");
    if ((s.size() + 1) * to.size() + s.size() > kMaxStringBytes) {
      size_t matches = 0;
      re2::StringPiece in(s);
      while (matches <= s.size() && RE2::FindAndConsume(&in, re)) {
        ++matches;
        if (in.empty()) break;
        if (in.data() == s.data() + s.size()) break;
      }
      if (matches * to.size() * 2 + s.size() > kMaxStringBytes) return c.too_large();
    }
    RE2::GlobalReplace(&s, re, rewrite);
    if (s.size() > kMaxStringBytes) return c.too_large();
    return c.str(std::move(s));
  }
  if (from.empty()) return c.str(std::move(s));
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(from, start);
    if (at == std::string::npos) break;
    out.append(s, start, at - start);
    out += to;
    if (out.size() > kMaxStringBytes) return c.too_large();
    start = at + from.size();
  }
  out.append(s, start);
  return c.str(std::move(out));
}

// One match of `re` as Terraform's regex gives it: the matched text without
// capture groups, a list of the groups, or an object of the named groups.
const Value* match_value(const Ctx& c, const RE2& re, const re2::StringPiece* groups) {
  const int n = re.NumberOfCapturingGroups();
  if (n == 0) return c.str(std::string(groups[0]));
  auto group = [&](int i) -> const Value* {
    if (groups[i].data() == nullptr) return c.null();
    return c.str(std::string(groups[i]));
  };
  const auto& named = re.NamedCapturingGroups();
  Value* out = named.empty() ? c.list() : c.map();
  if (out == nullptr) return nullptr;
  if (named.empty()) {
    for (int i = 1; i <= n; ++i) out->items.push_back(group(i));
  } else {
    if (static_cast<int>(named.size()) != n) {
      return c.error("a pattern must not mix named and unnamed capture groups");
    }
    for (const auto& [name, i] : named) out->entries.emplace_back(name, group(i));
  }
  return out;
}

const Value* regex_common(const Ctx& c, const Args& a, bool all) {
  std::string pattern;
  std::string s;
  if (const Value* e = arg_string(c, a[0], pattern)) return e;
  if (const Value* e = arg_string(c, a[1], s)) return e;
  const RE2 re(pattern, RE2::Quiet);
  if (!re.ok()) return c.error(fmt::format("invalid regular expression: {}", re.error()));
  std::vector<re2::StringPiece> groups(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  Value* list = all ? c.list() : nullptr;
  if (all && list == nullptr) return nullptr;
  size_t pos = 0;
  while (pos <= s.size()) {
    if (!re.Match(s, pos, s.size(), RE2::UNANCHORED, groups.data(),
                  static_cast<int>(groups.size()))) {
      break;
    }
    const Value* m = match_value(c, re, groups.data());
    if (m == nullptr || !all || is_error(m)) return m;
    list->items.push_back(m);
    if (list->items.size() > kMaxElements) return c.too_large();
    const size_t end = static_cast<size_t>(groups[0].data() - s.data()) + groups[0].size();
    pos = groups[0].empty() ? end + 1 : end;
  }
  if (all) return list;
  return c.error("pattern did not match the string");
}
const Value* fn_regex(const Ctx& c, const Args& a) { return regex_common(c, a, false); }
const Value* fn_regexall(const Ctx& c, const Args& a) { return regex_common(c, a, true); }

const Value* fn_tostring(const Ctx& c, const Args& a) {
  const Value* v = a[0];
  if (v->kind == ValueKind::kNull) return c.null();
  if (v->kind == ValueKind::kString) return v;
  const std::optional<std::string> t = to_text(v);
  if (!t) return c.error(fmt::format("cannot convert a {} to a string", type_name(v)));
  return c.str(*t);
}

}  // namespace

void add_string_functions(Registry& r) {
  r["join"] = {fn_join, 2, -1, false};
  r["split"] = {fn_split, 2, 2, false};
  r["lower"] = {fn_lower, 1, 1, false};
  r["upper"] = {fn_upper, 1, 1, false};
  r["title"] = {fn_title, 1, 1, false};
  r["trimspace"] = {fn_trimspace, 1, 1, false};
  r["trim"] = {fn_trim, 2, 2, false};
  r["trimprefix"] = {fn_trimprefix, 2, 2, false};
  r["trimsuffix"] = {fn_trimsuffix, 2, 2, false};
  r["startswith"] = {fn_startswith, 2, 2, false};
  r["endswith"] = {fn_endswith, 2, 2, false};
  r["substr"] = {fn_substr, 3, 3, false};
  r["strrev"] = {fn_strrev, 1, 1, false};
  r["chomp"] = {fn_chomp, 1, 1, false};
  r["indent"] = {fn_indent, 2, 2, false};
  r["replace"] = {fn_replace, 3, 3, false};
  r["tostring"] = {fn_tostring, 1, 1, false};
  r["regex"] = {fn_regex, 2, 2, false};
  r["regexall"] = {fn_regexall, 2, 2, false};
}

}  // namespace genlens::formats::terraform::detail
