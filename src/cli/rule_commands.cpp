#include "cli/rule_commands.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/app.h"

namespace genlens::cli {

int list_rules(const rules::RuleSet& rules, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : rules.rules()) {
      nlohmann::ordered_json formats = nlohmann::ordered_json::array();
      std::set<std::string> seen;
      for (const auto& t : r->targets) {
        if (seen.insert(formats::format_name(t.format)).second) {
          formats.push_back(formats::format_name(t.format));
        }
      }
      out.push_back({{"id", r->meta.id},
                     {"name", r->meta.name},
                     {"summary", r->meta.summary},
                     {"pillar", r->meta.pillar},
                     {"severity", core::severity_name(r->meta.severity)},
                     {"lens", r->meta.lens},
                     {"formats", formats},
                     {"source", r->meta.source}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitClean;
  }
  for (const auto& r : rules.rules()) {
    std::cout << fmt::format("{:<13} {:<8} {:<24} {}\n", r->meta.id,
                             core::severity_name(r->meta.severity), r->meta.pillar,
                             r->meta.summary);
  }
  return kExitClean;
}

int explain_rule(const rules::RuleSet& rules, const std::string& id) {
  const rules::Rule* r = rules.find(id);
  if (r == nullptr) {
    std::cerr << fmt::format("genlens: error: no rule with ID {} (see `genlens rules`)\n", id);
    return kExitUsage;
  }
  std::cout << rules::rule_markdown(*r);
  return kExitClean;
}

int write_docs(const rules::RuleSet& rules, const std::string& dir, bool check) {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> files;
  for (const auto& r : rules.rules()) {
    if (r->meta.builtin) files[r->meta.id + ".md"] = rules::rule_markdown(*r);
  }
  files["README.md"] = rules::rules_index_markdown(rules);
  int stale = 0;
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::set<std::string> expected;
  for (const auto& [name, text] : files) {
    expected.insert(name);
    const fs::path p = fs::path(dir) / name;
    std::ifstream in(p, std::ios::binary);
    std::ostringstream old;
    if (in) old << in.rdbuf();
    if (in && old.str() == text) continue;
    if (check) {
      std::cerr << fmt::format("{}: error: out of date; run `make docs`\n", p.string());
      ++stale;
      continue;
    }
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      std::cerr << fmt::format("{}: error: cannot write\n", p.string());
      return kExitInput;
    }
  }
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".md" && expected.count(name) == 0) {
      if (check) {
        std::cerr << fmt::format("{}: error: no rule has this page; run `make docs`\n",
                                 e.path().string());
        ++stale;
      } else {
        fs::remove(e.path(), ec);
      }
    }
  }
  return stale == 0 ? kExitClean : kExitFindings;
}

}  // namespace genlens::cli
