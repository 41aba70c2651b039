// .terraform/modules/modules.json and the module directories it lists.
#include "formats/terraform/installed_modules.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace genlens::formats::terraform {
namespace {

namespace fs = std::filesystem;
using core::Node;

constexpr const char* kCode = "module-manifest";

// Whether `inner` is `outer` or below it (both canonical).
bool inside(const fs::path& inner, const fs::path& outer) {
  const std::string i = inner.generic_string();
  const std::string o = outer.generic_string();
  if (i.compare(0, o.size(), o) != 0) return false;
  return i.size() == o.size() || i[o.size()] == '/' || o == "/";
}

const Node* string_field(const Node* entry, std::string_view name) {
  const Node* f = entry->find(name);
  return f != nullptr && f->is_scalar() && f->scalar_type == core::ScalarType::kString ? f
                                                                                       : nullptr;
}

}  // namespace

bool is_local_source(std::string_view s) { return s.rfind("./", 0) == 0 || s.rfind("../", 0) == 0; }

std::optional<Manifest> read_manifest(const std::string& root, const FileParser& parse,
                                      core::Diagnostics& diags) {
  if (!parse) return std::nullopt;
  const std::string path = normal_dir(root + "/" + std::string(kManifestPath));
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::shared_ptr<core::Document> doc = parse(path);
  if (doc == nullptr) return std::nullopt;
  Manifest m;
  m.root = root;
  m.doc = doc;
  const Node* top = doc->roots().empty() ? nullptr : doc->roots().front();
  const Node* list = top != nullptr && top->is_map() ? top->find("Modules") : nullptr;
  if (list == nullptr || !list->is_sequence()) {
    diags.error(core::DiagnosticKind::kInput, kCode, path,
                list != nullptr  ? list->range.begin
                : top != nullptr ? top->range.begin
                                 : core::Position{1, 1},
                "not a module manifest: expected {\"Modules\": [...]}; installed modules of " +
                    root + " are not loaded");
    return m;
  }
  for (const Node* entry : list->children) {
    const Node* key = entry->is_map() ? string_field(entry, "Key") : nullptr;
    const Node* dir = entry->is_map() ? string_field(entry, "Dir") : nullptr;
    if (key == nullptr || dir == nullptr) {
      diags.error(core::DiagnosticKind::kInput, kCode, path, entry->range.begin,
                  "module manifest entry needs string \"Key\" and \"Dir\"; entry ignored");
      continue;
    }
    if (!m.modules.emplace(key->text, ManifestEntry{dir->text, dir}).second) {
      diags.error(
          core::DiagnosticKind::kInput, kCode, path, key->range.begin,
          fmt::format("module key \"{}\" is listed twice; the first entry is used", key->text));
    }
  }
  return m;
}

std::optional<Directory> load_installed(const Manifest& manifest, const ManifestEntry& entry,
                                        const FileParser& parse, core::Diagnostics& diags) {
  const std::string where = manifest.doc->source().path();
  auto refuse = [&](const std::string& why) -> std::optional<Directory> {
    diags.error(
        core::DiagnosticKind::kInput, kCode, where, entry.at->range.begin,
        fmt::format("module directory \"{}\" {}; the module is not loaded", entry.dir, why));
    return std::nullopt;
  };
  const fs::path rel(entry.dir);
  if (entry.dir.empty() || rel.is_absolute() || rel.has_root_name() || rel.has_root_directory()) {
    return refuse("is not a relative path");
  }
  for (const fs::path& step : rel) {
    if (step == "..") return refuse("leaves the root module (`..`)");
  }
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(fs::path(manifest.root), ec);
  const std::string shown = normal_dir(manifest.root + "/" + entry.dir);
  const fs::path real = ec ? fs::path() : fs::weakly_canonical(fs::path(shown), ec);
  if (ec || !inside(real, root)) return refuse("resolves outside the root module");
  if (!fs::is_directory(real, ec)) return refuse("is not a directory (run terraform init?)");

  std::vector<fs::path> files;
  for (fs::directory_iterator it(real, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!is_configuration_file(name)) continue;
    std::error_code fe;
    const fs::path target = fs::weakly_canonical(it->path(), fe);
    if (fe || !inside(target, root) || !fs::is_regular_file(target, fe)) continue;
    files.push_back(it->path().filename());
  }
  if (ec) return refuse(fmt::format("cannot be read: {}", ec.message()));
  std::sort(files.begin(), files.end());
  Directory d;
  d.path = shown;
  for (const fs::path& f : files) {
    std::shared_ptr<core::Document> doc = parse(shown + "/" + f.generic_string());
    if (doc != nullptr) d.configuration.push_back(std::move(doc));
  }
  return d;
}

}  // namespace genlens::formats::terraform
