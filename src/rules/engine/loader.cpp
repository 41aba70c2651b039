// Loads and validates rule files. Every problem is "file:line: error: ...".
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "genlens/parse/parse.h"
#include "rules/engine/loader_parts.h"
#include "rules/engine/path_parser.h"

namespace genlens::rules {
namespace {

using core::Node;

const std::set<std::string> kRuleKeys = {"id",      "name",     "summary",     "description",
                                         "pillar",  "severity", "lens",        "params",
                                         "targets", "message",  "remediation", "references"};
const std::set<std::string> kTargetKeys = {"format", "resource", "when",
                                           "assert", "severity", "message"};
const std::set<std::string> kPillars = {
    "operational-excellence", "security",          "reliability",
    "performance-efficiency", "cost-optimization", "sustainability"};
const std::map<std::string, Condition::Op> kOps = {
    {"exists", Condition::Op::kExists},   {"absent", Condition::Op::kAbsent},
    {"equals", Condition::Op::kEquals},   {"not_equals", Condition::Op::kNotEquals},
    {"in", Condition::Op::kIn},           {"not_in", Condition::Op::kNotIn},
    {"matches", Condition::Op::kMatches}, {"lt", Condition::Op::kLt},
    {"le", Condition::Op::kLe},           {"gt", Condition::Op::kGt},
    {"ge", Condition::Op::kGe},           {"each", Condition::Op::kEach},
    {"any", Condition::Op::kAny},         {"all", Condition::Op::kAll},
    {"any_of", Condition::Op::kAnyOf},    {"not", Condition::Op::kNot},
    {"related", Condition::Op::kRelated}, {"predicate", Condition::Op::kPredicate}};

std::string op_list() {
  std::string s;
  for (const auto& [k, v] : kOps) s += (s.empty() ? "" : ", ") + k;
  return s;
}

class Loader : public detail::ConditionParser {
 public:
  Loader(const RuleSource& src, core::Diagnostics& diags) : src_(src), diags_(diags) {}

  std::unique_ptr<Rule> load() {
    auto file = std::make_shared<core::SourceFile>(src_.path, src_.text);
    auto doc = parse::parse_yaml(file);
    if (!doc.ok()) {
      error(doc.error().pos.line, doc.error().message);
      return nullptr;
    }
    if (doc.value()->roots().size() != 1 || !doc.value()->roots()[0]->is_map()) {
      error(1, "a rule file holds one YAML map");
      return nullptr;
    }
    const Node* root = doc.value()->roots()[0];
    auto rule = std::make_unique<Rule>();
    RuleMeta& m = rule->meta;
    m.source = src_.path;
    m.builtin = src_.builtin;
    check_keys(root, kRuleKeys, "rule");
    m.id = required_string(root, "id");
    m.id_line = line_of(root, "id");
    m.name = required_string(root, "name");
    m.summary = required_string(root, "summary");
    m.description = optional_string(root, "description");
    m.pillar = required_string(root, "pillar");
    m.message = required_string(root, "message");
    m.remediation = optional_string(root, "remediation");
    if (!m.id.empty() && !std::regex_match(m.id, std::regex("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+"))) {
      error(line_of(root, "id"), fmt::format("rule id '{}' must look like GAI-SEC-001", m.id));
    }
    if (!m.name.empty() && !std::regex_match(m.name, std::regex("[a-z0-9]+(-[a-z0-9]+)*"))) {
      error(line_of(root, "name"), fmt::format("rule name '{}' must be kebab-case", m.name));
    }
    if (!m.pillar.empty() && kPillars.count(m.pillar) == 0) {
      error(line_of(root, "pillar"), fmt::format("unknown pillar '{}'", m.pillar));
    }
    m.severity = severity(root->find("severity"), true).value_or(core::Severity::kWarning);
    m.lens = string_list(root->find("lens"));
    m.references = string_list(root->find("references"));
    load_params(root->find("params"), m);
    const Node* targets = root->find("targets");
    if (targets == nullptr || !targets->is_sequence() || targets->children.empty()) {
      error(targets != nullptr ? targets->range.begin.line : 1,
            "'targets' must be a non-empty list");
    } else {
      for (const Node* t : targets->children) load_target(t, *rule);
    }
    return failed_ ? nullptr : std::move(rule);
  }

 private:
  void error(uint32_t line, const std::string& message) override {
    failed_ = true;
    diags_.error(core::DiagnosticKind::kConfig, "rule-error", src_.path, core::Position{line, 0},
                 message);
  }

  static uint32_t line_of(const Node* map, std::string_view key) {
    const Node* n = map->find(key);
    return n != nullptr ? n->key_range.begin.line : map->range.begin.line;
  }

  void check_keys(const Node* map, const std::set<std::string>& allowed, std::string_view what) {
    for (const Node* c : map->children) {
      if (allowed.count(c->key) == 0) {
        std::string list;
        for (const auto& k : allowed) list += (list.empty() ? "" : ", ") + k;
        error(c->key_range.begin.line,
              fmt::format("unknown key '{}' in {}; expected one of: {}", c->key, what, list));
      }
    }
  }

  std::string required_string(const Node* map, std::string_view key) {
    const Node* n = map->find(key);
    if (n == nullptr || !n->is_scalar() || n->text.empty()) {
      error(n != nullptr ? n->key_range.begin.line : map->range.begin.line,
            fmt::format("'{}' is required and must be a non-empty string", key));
      return {};
    }
    return n->text;
  }

  std::string optional_string(const Node* map, std::string_view key) {
    const Node* n = map->find(key);
    if (n == nullptr) return {};
    if (!n->is_scalar()) {
      error(n->key_range.begin.line, fmt::format("'{}' must be a string", key));
      return {};
    }
    return n->text;
  }

  std::vector<std::string> string_list(const Node* n) {
    std::vector<std::string> out;
    if (n == nullptr) return out;
    if (!n->is_sequence()) {
      error(n->key_range.begin.line, fmt::format("'{}' must be a list of strings", n->key));
      return out;
    }
    for (const Node* c : n->children) {
      if (!c->is_scalar()) {
        error(c->range.begin.line, fmt::format("'{}' must be a list of strings", n->key));
        continue;
      }
      out.push_back(c->text);
    }
    return out;
  }

  std::optional<core::Severity> severity(const Node* n, bool required) {
    if (n == nullptr) {
      if (required) error(1, "'severity' is required (error, warning or note)");
      return std::nullopt;
    }
    if (n->text == "error") return core::Severity::kError;
    if (n->text == "warning") return core::Severity::kWarning;
    if (n->text == "note") return core::Severity::kNote;
    error(n->key_range.begin.line,
          fmt::format("unknown severity '{}'; expected error, warning or note", n->text));
    return std::nullopt;
  }

  void load_params(const Node* n, RuleMeta& m) {
    if (n == nullptr) return;
    if (!n->is_map()) {
      error(n->key_range.begin.line, "'params' must be a map of name: default");
      return;
    }
    for (const Node* p : n->children) {
      Param param;
      param.name = p->key;
      if (p->is_sequence()) {
        param.is_list = true;
        param.list = string_list(p);
      } else if (p->is_scalar()) {
        param.text = p->text;
      } else {
        error(p->key_range.begin.line,
              fmt::format("param '{}' must be a scalar or a list", p->key));
      }
      m.params.push_back(std::move(param));
    }
  }

  void load_target(const Node* t, Rule& rule) {
    if (!t->is_map()) {
      error(t->range.begin.line, "a target must be a map with format, resource and assert");
      return;
    }
    check_keys(t, kTargetKeys, "target");
    Target target;
    const std::string format = required_string(t, "format");
    if (format == "cloudformation") {
      target.format = formats::Format::kCloudFormation;
    } else if (format == "terraform") {
      target.format = formats::Format::kTerraform;
    } else if (format == "kubernetes") {
      target.format = formats::Format::kKubernetes;
    } else if (!format.empty()) {
      error(line_of(t, "format"),
            fmt::format("unknown format '{}'; expected cloudformation, terraform or kubernetes",
                        format));
    }
    const Node* res = t->find("resource");
    if (res != nullptr && res->is_scalar() && !res->text.empty()) {
      target.resources.push_back(res->text);
    } else if (res != nullptr && res->is_sequence()) {
      target.resources = string_list(res);
    } else {
      error(res != nullptr ? res->key_range.begin.line : t->range.begin.line,
            "'resource' is required: a resource type or a list of them");
    }
    if (const Node* w = t->find("when"); w != nullptr) target.when = condition(w, rule.meta);
    if (const Node* a = t->find("assert"); a != nullptr) {
      target.assertion = condition(a, rule.meta);
    } else {
      error(t->range.begin.line, "'assert' is required: the compliant state");
    }
    if (const Node* s = t->find("severity"); s != nullptr) target.severity = severity(s, false);
    target.message = optional_string(t, "message");
    rule.targets.push_back(std::move(target));
  }

  Operand operand(const Node* n, const RuleMeta& m) override {
    Operand o;
    if (n->is_map()) {
      const Node* p = n->find("param");
      if (p == nullptr || n->children.size() != 1 || !p->is_scalar()) {
        error(n->range.begin.line, "an operand map must be {param: NAME}");
        return o;
      }
      if (m.param(p->text) == nullptr) {
        error(p->range.begin.line,
              fmt::format("unknown param '{}'; declare it under params", p->text));
      }
      o.param = p->text;
      return o;
    }
    if (n->is_sequence()) {
      o.is_list = true;
      for (const Node* c : n->children) o.list.push_back(operand(c, m));
      return o;
    }
    o.text = n->text;
    if (n->scalar_type == core::ScalarType::kBool) {
      o.is_bool = true;
      o.boolean = n->text == "true" || n->text == "True" || n->text == "TRUE";
    } else if (n->scalar_type == core::ScalarType::kInt ||
               n->scalar_type == core::ScalarType::kFloat) {
      o.is_number = true;
      o.number = std::strtod(n->text.c_str(), nullptr);
    }
    return o;
  }

  Condition condition(const Node* n, const RuleMeta& m) override {
    Condition c;
    c.line = static_cast<int>(n->range.begin.line);
    if (!n->is_map()) {
      error(n->range.begin.line, "a condition must be a map: {path: ..., <operator>: ...}");
      return c;
    }
    const Node* op_node = nullptr;
    for (const Node* k : n->children) {
      if (k->key == "path") continue;
      if (k->key == "args" && n->find("predicate") != nullptr) continue;
      if (kOps.count(k->key) == 0) {
        error(k->key_range.begin.line,
              fmt::format("unknown operator '{}'; expected one of: {}", k->key, op_list()));
        continue;
      }
      if (op_node != nullptr) {
        error(k->key_range.begin.line,
              fmt::format("a condition has exactly one operator; found '{}' and '{}'", op_node->key,
                          k->key));
        continue;
      }
      op_node = k;
    }
    if (const Node* p = n->find("path"); p != nullptr && !p->is_scalar()) {
      error(p->key_range.begin.line, "'path' must be a string such as Properties.KmsKeyId");
    } else if (p != nullptr) {
      if (std::string err = detail::parse_path(p->text, c.path); !err.empty()) {
        error(p->range.begin.line, fmt::format("bad path '{}': {}", p->text, err));
      }
    }
    if (op_node == nullptr) {
      error(n->range.begin.line,
            fmt::format("condition has no operator; expected one of: {}", op_list()));
      return c;
    }
    c.op = kOps.at(op_node->key);
    switch (c.op) {
      case Condition::Op::kExists:
      case Condition::Op::kAbsent:
        if (op_node->scalar_type != core::ScalarType::kBool) {
          error(op_node->key_range.begin.line,
                fmt::format("'{}' takes true or false", op_node->key));
        } else if (op_node->text == "false" || op_node->text == "False") {
          // `exists: false` is exactly `not: {exists: true}` (a null or empty
          // value is neither "existing" nor "absent").
          Condition outer;
          outer.op = Condition::Op::kNot;
          outer.line = c.line;
          outer.children.push_back(std::move(c));
          return outer;
        }
        break;
      case Condition::Op::kEach:
      case Condition::Op::kAny:
      case Condition::Op::kNot:
        c.children.push_back(condition(op_node, m));
        break;
      case Condition::Op::kAll:
      case Condition::Op::kAnyOf:
        if (!op_node->is_sequence() || op_node->children.empty()) {
          error(op_node->key_range.begin.line,
                fmt::format("'{}' takes a non-empty list of conditions", op_node->key));
          break;
        }
        for (const Node* child : op_node->children) c.children.push_back(condition(child, m));
        break;
      case Condition::Op::kIn:
      case Condition::Op::kNotIn:
        c.operand = operand(op_node, m);
        if (!c.operand.is_list && c.operand.param.empty()) {
          error(op_node->key_range.begin.line, fmt::format("'{}' takes a list", op_node->key));
        }
        break;
      case Condition::Op::kRelated:
        if (!c.path.steps.empty()) {
          error(n->range.begin.line,
                "'related' takes no 'path': 'via' is read from the resource, or from the item of "
                "an enclosing quantifier");
        }
        detail::load_related(op_node, m, *this, c);
        break;
      case Condition::Op::kPredicate:
        detail::load_predicate(op_node, n, m, *this, c);
        break;
      case Condition::Op::kMatches:
        c.operand = operand(op_node, m);
        check_regex(op_node, c.operand, m);
        break;
      default:
        c.operand = operand(op_node, m);
        if (c.operand.is_list) {
          error(op_node->key_range.begin.line,
                fmt::format("'{}' takes a single value", op_node->key));
        }
        break;
    }
    return c;
  }

  void check_regex(const Node* at, const Operand& o, const RuleMeta& m) {
    std::string pattern = o.text;
    if (!o.param.empty()) {
      const Param* p = m.param(o.param);
      if (p == nullptr) return;
      pattern = p->text;
    }
    RE2 re(pattern, RE2::Quiet);
    if (!re.ok()) {
      error(at->key_range.begin.line,
            fmt::format("invalid RE2 pattern '{}': {}", pattern, re.error()));
    }
  }

  const RuleSource& src_;
  core::Diagnostics& diags_;
  bool failed_ = false;
};

}  // namespace

RuleSet load_rules(const std::vector<RuleSource>& sources, core::Diagnostics& diags) {
  RuleSet set;
  std::map<std::string, std::string> seen;  // id -> file
  for (const RuleSource& src : sources) {
    std::unique_ptr<Rule> rule = Loader(src, diags).load();
    if (rule == nullptr) continue;
    if (auto it = seen.find(rule->meta.id); it != seen.end()) {
      diags.error(
          core::DiagnosticKind::kConfig, "rule-error", src.path,
          core::Position{rule->meta.id_line, 0},
          fmt::format("duplicate rule ID {} (first defined in {})", rule->meta.id, it->second));
      continue;
    }
    seen.emplace(rule->meta.id, src.path);
    set.add(std::move(rule));
  }
  set.sort();
  return set;
}

std::vector<RuleSource> read_rule_dir(const std::string& dir, core::Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::vector<RuleSource> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error(core::DiagnosticKind::kConfig, "rule-error", dir, {},
                "rules directory does not exist or is not a directory");
    return out;
  }
  std::vector<fs::path> files;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (it->is_regular_file() && (p.extension() == ".yaml" || p.extension() == ".yml")) {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      diags.error(core::DiagnosticKind::kConfig, "rule-error", p.string(), {},
                  "cannot read rule file");
      continue;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    out.push_back({p.string(), ss.str(), false});
  }
  return out;
}

}  // namespace genlens::rules
