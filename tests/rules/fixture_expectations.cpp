#include "fixture_expectations.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "genlens/parse/parse.h"

namespace genlens::testing {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<Expectation> from_comments(const std::string& text, std::string& error) {
  // `# expect: ID[, ID] [+N]`: +N puts the finding N lines below the line
  // the comment stands above (for lines inside block scalars).
  static const std::regex kExpect(
      R"(^\s*#\s*(todo-)?expect(-unknown|-related)?:\s*([A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*)(\s+\+([0-9]+))?\s*$)");
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
  }
  std::vector<Expectation> out;
  std::vector<Expectation> pending;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    const std::string& l = lines[i];
    if (std::regex_match(l, m, kExpect)) {
      std::string ids = m[3];
      const Expectation::Kind kind = m[2] == "-unknown"   ? Expectation::Kind::kUnknown
                                     : m[2] == "-related" ? Expectation::Kind::kRelated
                                                          : Expectation::Kind::kFinding;
      std::regex comma(R"(\s*,\s*)");
      for (std::sregex_token_iterator it(ids.begin(), ids.end(), comma, -1), end; it != end; ++it) {
        Expectation e;
        e.rule = *it;
        e.todo = m[1].matched;
        e.offset = m[6].matched ? static_cast<unsigned>(std::stoul(m[6])) : 0;
        e.kind = kind;
        pending.push_back(e);
      }
      continue;
    }
    if (l.find("expect:") != std::string::npos && l.find('#') != std::string::npos &&
        l.find_first_not_of(" \t") == l.find('#')) {
      error = "line " + std::to_string(i + 1) + ": malformed expectation comment: " + l;
    }
    const bool blank_or_comment =
        l.find_first_not_of(" \t") == std::string::npos || l[l.find_first_not_of(" \t")] == '#';
    if (blank_or_comment || pending.empty()) continue;
    for (Expectation& e : pending) {
      e.line = static_cast<unsigned>(i + 1) + e.offset;
      out.push_back(e);
    }
    pending.clear();
  }
  if (!pending.empty())
    error = "an `# expect:` comment at the end of the file has no line below it";
  return out;
}

std::vector<Expectation> from_sidecar(const std::string& sidecar, std::string& error) {
  std::vector<Expectation> out;
  if (!std::filesystem::exists(sidecar)) return out;
  auto src = std::make_shared<core::SourceFile>(sidecar, slurp(sidecar));
  auto doc = parse::parse_yaml(src);
  if (!doc.ok()) {
    error = sidecar + ": " + doc.error().message;
    return out;
  }
  if (doc.value()->roots().empty()) return out;
  const core::Node* root = doc.value()->roots()[0];
  if (root->is_scalar() && root->scalar_type == core::ScalarType::kNull) return out;
  if (!root->is_sequence()) {
    error = sidecar + ": expected a list of {rule, path}";
    return out;
  }
  for (const core::Node* item : root->children) {
    const core::Node* rule = item->find("rule");
    const core::Node* path = item->find("path");
    const core::Node* todo = item->find("todo");
    const core::Node* kind = item->find("kind");
    if (rule == nullptr || path == nullptr) {
      error = sidecar + ": every entry needs rule and path";
      continue;
    }
    Expectation e;
    e.rule = rule->text;
    e.path = path->text;
    e.todo = todo != nullptr && todo->text == "true";
    if (kind != nullptr && kind->text == "unknown") {
      e.kind = Expectation::Kind::kUnknown;
    } else if (kind != nullptr && kind->text == "related") {
      e.kind = Expectation::Kind::kRelated;
    } else if (kind != nullptr) {
      error = sidecar + ": kind is unknown or related";
    }
    out.push_back(e);
  }
  return out;
}

std::vector<Expectation> read_file_expectations(const std::string& fixture, std::string& error) {
  if (ends_with(fixture, ".json")) return from_sidecar(fixture + ".expect.yaml", error);
  return from_comments(slurp(fixture), error);
}

}  // namespace

std::vector<Expectation> read_expectations(const std::string& fixture, std::string& error) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(fixture)) return read_file_expectations(fixture, error);
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(fixture)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && !ends_with(name, ".expect.yaml")) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Expectation> out;
  for (const std::string& f : files) {
    std::string file_error;
    for (Expectation& e : read_file_expectations(f, file_error)) {
      e.file = fs::path(f).lexically_relative(fixture).generic_string();
      out.push_back(std::move(e));
    }
    if (!file_error.empty() && error.empty()) error = f + ": " + file_error;
  }
  return out;
}

std::string expectation_key(const std::string& file, bool json, unsigned line,
                            const std::string& path) {
  const std::string where = json ? path : std::to_string(line);
  return file.empty() ? where : file + ":" + where;
}

}  // namespace genlens::testing
