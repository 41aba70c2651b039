// Helm chart templates are Go templates, not manifests: they are recognised
// by their text before any YAML parse (which would fail or read nonsense).
#include <cctype>
#include <filesystem>
#include <string>
#include <string_view>

#include "genlens/formats/kubernetes.h"

namespace genlens::formats::kubernetes {
namespace {

namespace fs = std::filesystem;

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// `word` in `action` as a whole word (for `.Values`: not `.Spec.Values`,
// which a KServe configuration template could hold).
bool has_word(std::string_view action, std::string_view word) {
  for (size_t at = action.find(word); at != std::string_view::npos;
       at = action.find(word, at + 1)) {
    const bool starts = at == 0 || !(ident_char(action[at - 1]) || action[at - 1] == '.');
    const size_t end = at + word.size();
    const bool ends = end == action.size() || !ident_char(action[end]);
    if (starts && ends) return true;
  }
  return false;
}

// Helm's built-in objects and the functions only Helm templates use.
bool helm_action(std::string_view action) {
  for (std::string_view word : {".Values", ".Release", ".Chart", ".Capabilities", ".Files",
                                "include", "toYaml", "nindent", "tpl", "required"}) {
    if (has_word(action, word)) return true;
  }
  return false;
}

// Under `<chart>/templates/` (any depth), where `<chart>` holds Chart.yaml.
bool in_chart_templates(const std::string& path) {
  std::error_code ec;
  const fs::path p = fs::absolute(path, ec);
  if (ec) return false;
  for (fs::path dir = p.parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    if (dir.filename() == "templates" &&
        fs::is_regular_file(dir.parent_path() / "Chart.yaml", ec)) {
      return true;
    }
  }
  return false;
}

}  // namespace

size_t helm_template_offset(std::string_view text, const std::string& path) {
  const size_t first = text.find("{{");
  if (first == std::string_view::npos) return std::string_view::npos;
  for (size_t open = first; open != std::string_view::npos; open = text.find("{{", open + 2)) {
    const size_t close = text.find("}}", open + 2);
    const std::string_view action = text.substr(
        open + 2, close == std::string_view::npos ? std::string_view::npos : close - open - 2);
    if (helm_action(action)) return first;
    if (close == std::string_view::npos) break;
  }
  return in_chart_templates(path) ? first : std::string_view::npos;
}

}  // namespace genlens::formats::kubernetes
