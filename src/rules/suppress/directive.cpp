// The text forms of suppression directives: comments and the Kubernetes
// annotation (include/genlens/rules/suppress.h).
#include <array>
#include <cctype>
#include <chrono>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "genlens/rules/suppress.h"

namespace genlens::rules {
namespace {

constexpr std::string_view kPrefix = "genlens:";
constexpr std::string_view kUntil = "until=";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || is_digit(c); }

// The rule ID syntax the loader accepts: [A-Z][A-Z0-9]*(-[A-Z0-9]+)+.
bool looks_like_rule_id(std::string_view id) {
  if (id.empty() || !(id[0] >= 'A' && id[0] <= 'Z')) return false;
  bool dash = false;
  for (size_t i = 1; i < id.size(); ++i) {
    if (id[i] == '-') {
      if (i + 1 >= id.size() || id[i + 1] == '-') return false;
      dash = true;
    } else if (!is_upper_or_digit(id[i])) {
      return false;
    }
  }
  return dash;
}

std::vector<std::string_view> split_blanks(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_blank(s[i])) ++i;
    const size_t start = i;
    while (i < s.size() && !is_blank(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Rule IDs and options before the reason: "A,B until=2027-01-31" (blanks
// after commas allowed). `reason_hint` says how a reason is written.
// Returns why it is malformed, or "".
std::string parse_head(std::string_view head, std::string_view reason_hint, Directive& d) {
  std::string ids;
  for (std::string_view token : split_blanks(head)) {
    if (token.substr(0, kUntil.size()) == kUntil) {
      if (!d.until.empty()) return "until= is given twice";
      const std::string_view date = token.substr(kUntil.size());
      if (!is_valid_date(date)) {
        return fmt::format("until={} is not a date written YYYY-MM-DD", date);
      }
      d.until = std::string(date);
    } else if (token.find('=') != std::string_view::npos) {
      return fmt::format("unknown option '{}' (the only option is until=YYYY-MM-DD)", token);
    } else {
      ids += std::string(token) + " ";
    }
  }
  if (trim(ids).empty()) return "names no rule ID";
  size_t start = 0;
  while (start <= ids.size()) {
    size_t comma = ids.find(',', start);
    if (comma == std::string::npos) comma = ids.size();
    const std::vector<std::string_view> words =
        split_blanks(std::string_view(ids).substr(start, comma - start));
    start = comma + 1;
    if (words.empty()) return "empty rule ID in the list (a stray comma)";
    for (std::string_view word : words) {
      if (!looks_like_rule_id(word)) {
        return fmt::format("'{}' is not a rule ID ({})", word, reason_hint);
      }
    }
    if (words.size() > 1) return "separate rule IDs with commas";
    d.rule_ids.emplace_back(words.front());
  }
  return "";
}

DirectiveParse finish(Directive d, const std::string& error) {
  DirectiveParse p;
  p.is_directive = true;
  if (error.empty()) {
    p.directive = std::move(d);
  } else {
    p.error = error;
  }
  return p;
}

}  // namespace

bool is_valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (!is_digit(s[i])) return false;
  }
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int year = num(0, 4);
  const int month = num(5, 2);
  const int day = num(8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int max_day = month == 2 && !leap ? 28 : kDays[static_cast<size_t>(month - 1)];
  return day <= max_day;
}

std::string today_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

DirectiveParse parse_directive(std::string_view text) {
  text = trim(text);
  if (text.substr(0, kPrefix.size()) != kPrefix) return {};
  text.remove_prefix(kPrefix.size());
  size_t word_end = 0;
  while (word_end < text.size() && !is_blank(text[word_end])) ++word_end;
  const std::string_view word = text.substr(0, word_end);
  Directive d;
  if (word == "ignore-file") {
    d.whole_file = true;
  } else if (word != "ignore") {
    return finish({}, fmt::format("unknown directive 'genlens:{}' (expected genlens:ignore or "
                                  "genlens:ignore-file)",
                                  word));
  }
  std::string_view rest = text.substr(word_end);
  // The reason follows the first `--` that starts a word.
  std::string_view head = rest;
  for (size_t i = 0; i + 1 < rest.size(); ++i) {
    if (rest[i] == '-' && rest[i + 1] == '-' && (i == 0 || is_blank(rest[i - 1]))) {
      head = rest.substr(0, i);
      d.reason = std::string(trim(rest.substr(i + 2)));
      break;
    }
  }
  const std::string error = parse_head(head, "write the reason after ' -- '", d);
  return finish(std::move(d), error);
}

std::vector<DirectiveParse> parse_annotation(std::string_view value) {
  std::vector<DirectiveParse> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find_first_of(";\n", start);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view entry = trim(value.substr(start, end - start));
    start = end + 1;
    if (entry.empty()) continue;
    Directive d;
    std::string_view head = entry;
    if (const size_t colon = entry.find(':'); colon != std::string_view::npos) {
      head = entry.substr(0, colon);
      d.reason = std::string(trim(entry.substr(colon + 1)));
    }
    const std::string error = parse_head(head, "write the reason after ': '", d);
    out.push_back(finish(std::move(d), error));
  }
  if (out.empty()) out.push_back(finish({}, "names no rule ID"));
  return out;
}

}  // namespace genlens::rules
