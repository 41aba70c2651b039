// Plan JSON: structure checks, addresses and the configuration section.
#include <fmt/format.h>

#include "formats/terraform/plan.h"

namespace genlens::formats::terraform::plan {
namespace {

using core::Node;
using core::NodeKind;

const char* kind_name(const Node* n) {
  switch (n->kind) {
    case NodeKind::kMap:
      return "an object";
    case NodeKind::kSequence:
      return "a list";
    case NodeKind::kScalar:
      switch (n->scalar_type) {
        case core::ScalarType::kString:
          return "a string";
        case core::ScalarType::kNull:
          return "null";
        case core::ScalarType::kBool:
          return "a boolean";
        default:
          return "a number";
      }
    default:
      return "not a JSON value";
  }
}

const char* wanted_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::kMap:
      return "an object";
    case NodeKind::kSequence:
      return "a list";
    default:
      return "a string";
  }
}

// The key or index path of a node in the plan, for messages:
// planned_values.root_module.resources[2].values
std::string where(const Node* n) {
  std::vector<const Node*> chain;
  for (; n != nullptr && n->parent != nullptr; n = n->parent) chain.push_back(n);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node* c = *it;
    if (c->parent->is_sequence()) {
      out += fmt::format("[{}]", c->index);
    } else {
      out += (out.empty() ? "" : ".") + c->key;
    }
  }
  return out;
}

// Reads a module call's `[KEY]` at text[i] == '['; returns the index past
// `]`, or npos.
size_t skip_key(std::string_view text, size_t i) {
  if (i >= text.size() || text[i] != '[') return std::string_view::npos;
  ++i;
  if (i < text.size() && text[i] == '"') {
    for (++i; i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\') ++i;
    }
    if (i >= text.size()) return std::string_view::npos;
    ++i;
  } else {
    const size_t from = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == from) return std::string_view::npos;
  }
  return i < text.size() && text[i] == ']' ? i + 1 : std::string_view::npos;
}

// The identifier at text[i] (up to '.', '[' or the end).
std::string_view name_at(std::string_view text, size_t i) {
  if (i >= text.size()) return {};
  const size_t end = text.find_first_of(".[", i);
  return text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
}

}  // namespace

void Issues::error(const Node* at, const std::string& message) {
  ++count_;
  const std::string path = where(at);
  diags_.error(core::DiagnosticKind::kInput, "plan-error", doc_.source().path(),
               at != nullptr ? at->range.begin : core::Position{},
               path.empty() ? fmt::format("Terraform plan: {}", message)
                            : fmt::format("Terraform plan: {}: {}", path, message));
}

const Node* Issues::member(const Node* parent, std::string_view key, NodeKind kind, bool required) {
  if (parent == nullptr || !parent->is_map()) return nullptr;
  const Node* n = parent->find(key);
  if (n == nullptr) {
    if (required) error(parent, fmt::format("{} is missing", key));
    return nullptr;
  }
  if (n->kind == kind && (kind != NodeKind::kScalar || n->scalar_type != core::ScalarType::kNull)) {
    return n;
  }
  // null stands for "none" in Terraform's JSON for optional parts.
  if (!required && n->is_scalar() && n->scalar_type == core::ScalarType::kNull) return nullptr;
  error(n, fmt::format("must be {}, not {}", wanted_name(kind), kind_name(n)));
  return nullptr;
}

std::string Issues::text(const Node* parent, std::string_view key, bool required) {
  const Node* n = member(parent, key, NodeKind::kScalar, required);
  if (n == nullptr) return "";
  if (n->scalar_type != core::ScalarType::kString) {
    error(n, fmt::format("must be a string, not {}", kind_name(n)));
    return "";
  }
  if (n->text.empty() && required) error(n, "must not be empty");
  return n->text;
}

const Node* config_resource(const ModuleInstance& m, bool data, std::string_view type,
                            std::string_view name, Issues& issues) {
  const Node* rs = issues.member(m.config, "resources", NodeKind::kSequence, false);
  if (rs == nullptr) return nullptr;
  const std::string_view mode = data ? "data" : "managed";
  for (const Node* r : rs->children) {
    if (!r->is_map()) continue;
    const Node* t = r->find("type");
    const Node* n = r->find("name");
    const Node* md = r->find("mode");
    if (t != nullptr && n != nullptr && t->text == type && n->text == name &&
        (md == nullptr || md->text == mode)) {
      return r;
    }
  }
  return nullptr;
}

std::string path_text(const std::vector<PathStep>& steps) {
  std::string out;
  for (const PathStep& s : steps) {
    if (s.index.has_value()) {
      out += fmt::format("[{}]", *s.index);
    } else {
      out += (out.empty() ? "" : ".") + s.key;
    }
  }
  return out;
}

std::optional<std::string> reference_target(std::string_view ref) {
  const std::string_view root = name_at(ref, 0);
  if (root.empty() || root.size() >= ref.size() || ref[root.size()] != '.') return std::nullopt;
  if (root == "var" || root == "local" || root == "each" || root == "count" || root == "path" ||
      root == "terraform" || root == "self") {
    return std::nullopt;
  }
  const std::string_view second = name_at(ref, root.size() + 1);
  if (second.empty()) return std::nullopt;
  if (root == "module") return "module." + std::string(second);
  if (root != "data") return std::string(root) + "." + std::string(second);
  const size_t at = root.size() + 1 + second.size();
  if (at >= ref.size() || ref[at] != '.') return std::nullopt;
  const std::string_view third = name_at(ref, at + 1);
  if (third.empty()) return std::nullopt;
  return "data." + std::string(second) + "." + std::string(third);
}

std::optional<std::string> module_call_name(std::string_view parent, std::string_view address) {
  std::string_view rest = address;
  if (!parent.empty()) {
    if (rest.substr(0, parent.size()) != parent || rest.size() <= parent.size() ||
        rest[parent.size()] != '.') {
      return std::nullopt;
    }
    rest.remove_prefix(parent.size() + 1);
  }
  constexpr std::string_view kModule = "module.";
  if (rest.substr(0, kModule.size()) != kModule) return std::nullopt;
  const std::string_view name = name_at(rest, kModule.size());
  if (name.empty()) return std::nullopt;
  size_t end = kModule.size() + name.size();
  if (end < rest.size()) end = skip_key(rest, end);
  if (end != rest.size()) return std::nullopt;
  return std::string(name);
}

}  // namespace genlens::formats::terraform::plan
