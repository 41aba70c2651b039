#include "rules/engine/path_parser.h"

#include <algorithm>
#include <cctype>

namespace genlens::rules::detail {
namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return std::string(s);
}

std::string parse_filter(std::string_view body, PathStep& step) {
  step.kind = PathStep::Kind::kFilter;
  auto set_key = [&](size_t end) -> std::string {
    step.key = trim(body.substr(0, end));
    return step.key.empty() ? "filter has no key" : "";
  };
  if (size_t op = body.find("!="); op != std::string_view::npos) {
    step.filter_negated = true;
    step.values.push_back(trim(body.substr(op + 2)));
    return set_key(op);
  }
  if (size_t op = body.find("=="); op != std::string_view::npos) {
    step.values.push_back(trim(body.substr(op + 2)));
    return set_key(op);
  }
  size_t op = body.find(" not in ");
  size_t skip = 8;
  if (op != std::string_view::npos) {
    step.filter_negated = true;
  } else {
    op = body.find(" in ");
    skip = 4;
  }
  if (op == std::string_view::npos) {
    return "filter must be [Key == V], [Key != V], [Key in (A, B)] or [Key not in (A, B)]";
  }
  std::string_view list = body.substr(op + skip);
  while (!list.empty() && list.front() == ' ') list.remove_prefix(1);
  while (!list.empty() && list.back() == ' ') list.remove_suffix(1);
  if (list.size() < 2 || list.front() != '(' || list.back() != ')') {
    return "filter values must be in parentheses: [Key in (A, B)]";
  }
  list = list.substr(1, list.size() - 2);
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    std::string v = trim(list.substr(start, comma - start));
    if (v.empty()) return "empty value in filter list";
    step.values.push_back(std::move(v));
    start = comma + 1;
  }
  return set_key(op);
}

}  // namespace

std::string parse_path(std::string_view text, Path& out) {
  out.text = std::string(text);
  out.steps.clear();
  size_t i = 0;
  const size_t n = text.size();
  bool expect_key = true;
  while (i < n) {
    const char c = text[i];
    if (c == '.') {
      if (expect_key) return "empty key in path";
      expect_key = true;
      ++i;
      continue;
    }
    if (c == '@') {
      if (text.substr(i, 5) != "@json")
        return "unknown step '@" + std::string(text.substr(i + 1)) + "' (only @json)";
      out.steps.push_back({PathStep::Kind::kJson, "", 0, false, {}});
      i += 5;
      expect_key = false;
      continue;
    }
    if (c == '[') {
      const size_t close = text.find(']', i);
      if (close == std::string_view::npos) return "unclosed '[' in path";
      const std::string body = trim(text.substr(i + 1, close - i - 1));
      PathStep step;
      if (body == "*") {
        step.kind = PathStep::Kind::kWildcard;
      } else if (!body.empty() && std::all_of(body.begin(), body.end(), [](char d) {
                   return std::isdigit(static_cast<unsigned char>(d)) != 0;
                 })) {
        step.kind = PathStep::Kind::kIndex;
        step.index = std::stoul(body);
      } else if (std::string err = parse_filter(body, step); !err.empty()) {
        return err;
      }
      out.steps.push_back(std::move(step));
      i = close + 1;
      expect_key = false;
      continue;
    }
    if (!expect_key) return "expected '.', '[' or '@json' after a step";
    PathStep step;
    if (c == '\'' || c == '"') {
      const size_t close = text.find(c, i + 1);
      if (close == std::string_view::npos) return "unclosed quote in path";
      step.key = std::string(text.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      size_t j = i;
      while (j < n && text[j] != '.' && text[j] != '[' && text[j] != '@') ++j;
      step.key = trim(text.substr(i, j - i));
      i = j;
    }
    if (step.key.empty()) return "empty key in path";
    out.steps.push_back(std::move(step));
    expect_key = false;
  }
  if (expect_key && !out.steps.empty()) return "path ends with '.'";
  return "";
}

}  // namespace genlens::rules::detail
