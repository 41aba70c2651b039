#include "cli/config.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "genlens/core/discover.h"
#include "genlens/parse/parse.h"

namespace genlens::cli {

const std::vector<std::string> kConfigKeys = {"fail_on", "exclude", "var_files", "rules_dirs",
                                              "disable", "enable",  "rules",     "kubernetes"};
const std::vector<std::string> kFailOnLevels = {"error", "warning", "note", "never"};

namespace {

namespace fs = std::filesystem;
using core::Node;

class ConfigReader {
 public:
  ConfigReader(std::string path, core::Diagnostics& diags)
      : path_(std::move(path)), diags_(diags) {}

  void error(const Node* at, const std::string& message) {
    diags_.error(
        core::DiagnosticKind::kConfig, "config-error", path_,
        core::Position{at != nullptr ? at->key_range.begin.line != 0 ? at->key_range.begin.line
                                                                     : at->range.begin.line
                                     : 1,
                       0},
        message);
  }

  std::vector<std::string> strings(const Node* n) {
    std::vector<std::string> out;
    if (!n->is_sequence()) {
      error(n, fmt::format("'{}' must be a list of strings", n->key));
      return out;
    }
    for (const Node* c : n->children) {
      if (c->is_scalar()) {
        out.push_back(c->text);
      } else {
        error(c, fmt::format("'{}' must be a list of strings", n->key));
      }
    }
    return out;
  }

  std::vector<RuleSelector> selectors(const Node* n) {
    std::vector<RuleSelector> out;
    if (!n->is_sequence()) {
      error(n, fmt::format("'{}' must be a list of rule IDs, globs or pillars", n->key));
      return out;
    }
    for (const Node* c : n->children) {
      if (c->is_scalar() && !c->text.empty()) {
        out.push_back({c->text, c->range.begin.line});
      } else {
        error(c, fmt::format("'{}' must be a list of rule IDs, globs or pillars", n->key));
      }
    }
    return out;
  }

  std::string fail_on(const Node* n) {
    if (n->is_scalar() &&
        std::find(kFailOnLevels.begin(), kFailOnLevels.end(), n->text) != kFailOnLevels.end()) {
      return n->text;
    }
    error(n, fmt::format("'fail_on' takes {}", fmt::join(kFailOnLevels, ", ")));
    return "";
  }

  // `kubernetes:` model_server_images (added to the defaults) and
  // workload_label.
  void kubernetes(const Node* n, formats::kubernetes::Options& out) {
    if (!n->is_map()) {
      error(n, "'kubernetes' takes a map of model_server_images and workload_label");
      return;
    }
    for (const Node* k : n->children) {
      if (k->key == "model_server_images") {
        for (std::string& image : strings(k)) {
          if (image.empty()) {
            error(k, "'model_server_images' takes image repositories such as vllm/vllm-openai");
            continue;
          }
          out.model_server_images.push_back(std::move(image));
        }
      } else if (k->key == "workload_label") {
        if (!k->is_scalar() || k->scalar_type != core::ScalarType::kString || k->text.empty()) {
          error(k, "'workload_label' takes a label key such as genai.workload/role");
          continue;
        }
        out.workload_label = k->text;
      } else {
        error(k,
              fmt::format(
                  "unknown key '{}' in kubernetes; expected model_server_images or workload_label",
                  k->key));
      }
    }
  }

  RuleOverride rule(const Node* n) {
    RuleOverride o;
    o.id = n->key;
    o.line = n->key_range.begin.line;
    if (!n->is_map()) {
      error(n, fmt::format("rule {} takes a map of enabled, severity and params", n->key));
      return o;
    }
    for (const Node* k : n->children) {
      if (k->key == "enabled") {
        if (k->scalar_type != core::ScalarType::kBool) error(k, "'enabled' takes true or false");
        o.enabled = k->text == "true" || k->text == "True";
      } else if (k->key == "severity") {
        if (k->text == "error") {
          o.severity = core::Severity::kError;
        } else if (k->text == "warning") {
          o.severity = core::Severity::kWarning;
        } else if (k->text == "note") {
          o.severity = core::Severity::kNote;
        } else {
          error(k, fmt::format("unknown severity '{}'; expected error, warning or note", k->text));
        }
      } else if (k->key == "params") {
        if (!k->is_map()) {
          error(k, "'params' takes a map of name: value");
          continue;
        }
        for (const Node* p : k->children) {
          rules::Param param;
          param.name = p->key;
          if (p->is_sequence()) {
            param.is_list = true;
            param.list = strings(p);
          } else if (p->is_scalar()) {
            param.text = p->text;
          } else {
            error(p, fmt::format("param '{}' must be a scalar or a list", p->key));
          }
          o.params.push_back(std::move(param));
        }
      } else {
        error(k, fmt::format("unknown key '{}' in rule {}; expected enabled, severity or params",
                             k->key, n->key));
      }
    }
    return o;
  }

 private:
  std::string path_;
  core::Diagnostics& diags_;
};

}  // namespace

std::string find_config(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start.empty() ? "." : start, ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    const fs::path candidate = dir / ".genlens.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (dir == dir.root_path()) break;
  }
  return "";
}

Config load_config(const std::string& path, core::Diagnostics& diags) {
  Config config;
  config.path = path;
  auto text = core::read_file(path, 1u << 20);
  if (!text.ok()) {
    diags.error(core::DiagnosticKind::kConfig, "config-error", path, {}, text.error().message);
    return config;
  }
  auto doc = parse::parse_yaml(std::make_shared<core::SourceFile>(path, std::move(text.value())));
  if (!doc.ok()) {
    diags.error(core::DiagnosticKind::kConfig, "config-error", path, doc.error().pos,
                doc.error().message);
    return config;
  }
  if (doc.value()->roots().empty()) return config;
  const Node* root = doc.value()->roots().front();
  if (root->is_scalar() && root->scalar_type == core::ScalarType::kNull) return config;
  ConfigReader reader(path, diags);
  if (!root->is_map()) {
    reader.error(root, "the configuration must be a map");
    return config;
  }
  const fs::path base = fs::path(path).parent_path();
  auto relative_paths = [&](const Node* k, std::vector<std::string>& out) {
    for (const std::string& d : reader.strings(k)) {
      out.push_back(fs::path(d).is_absolute() || base.empty() ? d : (base / d).string());
    }
  };
  for (const Node* k : root->children) {
    if (k->key == "exclude") {
      config.exclude = reader.strings(k);
    } else if (k->key == "rules_dirs") {
      relative_paths(k, config.rules_dirs);
    } else if (k->key == "var_files") {
      relative_paths(k, config.var_files);
    } else if (k->key == "fail_on") {
      config.fail_on = reader.fail_on(k);
    } else if (k->key == "disable") {
      config.disable = reader.selectors(k);
    } else if (k->key == "enable") {
      config.enable = reader.selectors(k);
    } else if (k->key == "rules") {
      if (!k->is_map()) {
        reader.error(k, "'rules' takes a map of rule ID to settings");
        continue;
      }
      for (const Node* r : k->children) config.rules.push_back(reader.rule(r));
    } else if (k->key == "kubernetes") {
      reader.kubernetes(k, config.kubernetes);
    } else {
      const std::string underscored = [&] {
        std::string u = k->key;
        std::replace(u.begin(), u.end(), '-', '_');
        return u;
      }();
      const bool near = underscored != k->key && std::find(kConfigKeys.begin(), kConfigKeys.end(),
                                                           underscored) != kConfigKeys.end();
      reader.error(k, near ? fmt::format("unknown key '{}'; did you mean {}?", k->key, underscored)
                           : fmt::format("unknown key '{}'; expected {}", k->key,
                                         fmt::join(kConfigKeys, ", ")));
    }
  }
  return config;
}

namespace {

bool selects(const RuleSelector& s, const rules::RuleMeta& meta) {
  return s.pattern == meta.pillar || ::fnmatch(s.pattern.c_str(), meta.id.c_str(), 0) == 0;
}

bool any_selects(const std::vector<RuleSelector>& selectors, const rules::RuleMeta& meta) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const RuleSelector& s) { return selects(s, meta); });
}

// An entry that selects no rule is a typo: a config diagnostic.
void check_selectors(const Config& config, const std::vector<RuleSelector>& selectors,
                     const char* key, const rules::RuleSet& rules, core::Diagnostics& diags) {
  std::set<std::string> pillars;
  for (const auto& r : rules.rules()) pillars.insert(r->meta.pillar);
  for (const RuleSelector& s : selectors) {
    const bool used = std::any_of(rules.rules().begin(), rules.rules().end(),
                                  [&](const auto& r) { return selects(s, r->meta); });
    if (used) continue;
    diags.error(core::DiagnosticKind::kConfig, "config-error", config.path,
                core::Position{s.line, 0},
                fmt::format("'{}' in {} matches no rule ID and no pillar ({}; see `genlens rules`)",
                            s.pattern, key, fmt::join(pillars, ", ")));
  }
}

}  // namespace

std::vector<std::string> apply_config(const Config& config, rules::RuleSet& rules,
                                      core::Diagnostics& diags) {
  check_selectors(config, config.disable, "disable", rules, diags);
  check_selectors(config, config.enable, "enable", rules, diags);
  std::set<std::string> disabled_set;
  for (const auto& r : rules.rules()) {
    if (any_selects(config.disable, r->meta) && !any_selects(config.enable, r->meta)) {
      disabled_set.insert(r->meta.id);
    }
  }
  for (const RuleOverride& o : config.rules) {
    if (o.enabled == std::optional<bool>(false)) disabled_set.insert(o.id);
    if (o.enabled == std::optional<bool>(true)) disabled_set.erase(o.id);
  }
  std::vector<std::string> disabled(disabled_set.begin(), disabled_set.end());
  for (const RuleOverride& o : config.rules) {
    const core::Position at{o.line, 0};
    rules::Rule* rule = rules.find_mutable(o.id);
    if (rule == nullptr) {
      diags.error(core::DiagnosticKind::kConfig, "config-error", config.path, at,
                  fmt::format("unknown rule ID {} (see `genlens rules`)", o.id));
      continue;
    }
    if (o.severity) {
      rule->meta.severity = *o.severity;
      for (rules::Target& t : rule->targets) t.severity.reset();
    }
    for (const rules::Param& p : o.params) {
      bool found = false;
      for (rules::Param& existing : rule->meta.params) {
        if (existing.name != p.name) continue;
        found = true;
        if (existing.is_list != p.is_list) {
          diags.error(core::DiagnosticKind::kConfig, "config-error", config.path, at,
                      fmt::format("param {} of {} takes a {}", p.name, o.id,
                                  existing.is_list ? "list" : "single value"));
          continue;
        }
        existing = p;
      }
      if (!found) {
        diags.error(core::DiagnosticKind::kConfig, "config-error", config.path, at,
                    fmt::format("{} has no param '{}'", o.id, p.name));
      }
    }
  }
  return disabled;
}

}  // namespace genlens::cli
