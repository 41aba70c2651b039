#include "provenance.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace genlens::rules::detail {
namespace {

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string base_name(const std::string& file) {
  const size_t slash = file.find_last_of('/');
  return slash == std::string::npos ? file : file.substr(slash + 1);
}

}  // namespace

std::string provenance_note(const core::Node* node, const std::string& file) {
  const std::string path = node->path();
  const std::vector<std::string_view> p = split(path);
  if (ends_with(file, ".tfvars") || ends_with(file, ".tfvars.json")) {
    return fmt::format("the value comes from variable \"{}\" set in {}", p.front(),
                       base_name(file));
  }
  if (ends_with(file, ".tf") || ends_with(file, ".tf.json")) {
    if (p.size() >= 3 && p[0] == "variable" && p[2] == "default") {
      return fmt::format("the value comes from the default of variable \"{}\"", p[1]);
    }
    if (p.size() >= 3 && p[0] == "locals") {
      return fmt::format("the value comes from local.{}", p[2]);
    }
    // A for_each map written in the block itself (resource, module call,
    // dynamic block): each.value came from this entry.
    for (size_t i = 0; i + 1 < p.size(); ++i) {
      if (p[i] == "for_each") {
        return fmt::format("the value comes from for_each entry \"{}\"", p[i + 1]);
      }
    }
    if (p.size() >= 3 && p[0] == "module") {
      return fmt::format("the value comes from argument {} of module \"{}\"", p[2], p[1]);
    }
    if (p.size() >= 3 && p[0] == "output" && p[2] == "value") {
      return fmt::format("the value comes from output \"{}\"", p[1]);
    }
    // An argument of another resource, read as written
    // (aws_sagemaker_endpoint_configuration.chat.name).
    if (p.size() >= 4 && (p[0] == "resource" || p[0] == "data")) {
      return fmt::format("the value comes from {}{}.{}.{}", p[0] == "data" ? "data." : "", p[1],
                         p[2], p[3]);
    }
  }
  return fmt::format("the value comes from {}", path);
}

bool is_within(const core::Node* node, const core::Node* within) {
  for (; node != nullptr; node = node->parent) {
    if (node == within) return true;
  }
  return false;
}

std::vector<const core::Node*> provenance_steps(const std::vector<const core::Node*>& provenance,
                                                const core::Node* finding) {
  std::vector<const core::Node*> out;
  for (const core::Node* p : provenance) {
    if (finding != nullptr && is_within(p, finding)) continue;
    bool inner = false;
    for (const core::Node* q : provenance) {
      if (q != p && is_within(p, q)) inner = true;
    }
    if (!inner) out.push_back(p);
  }
  return out;
}

}  // namespace genlens::rules::detail
