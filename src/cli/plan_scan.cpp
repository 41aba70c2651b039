#include "cli/plan_scan.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "genlens/formats/terraform_plan.h"

namespace genlens::cli {
namespace {

namespace fs = std::filesystem;

bool is_below(const fs::path& path, const fs::path& root) {
  const fs::path rel = path.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

PlanScan::PlanScan(const TerraformFiles& scanned, const ScanOptions& options)
    : scanned_(scanned), options_(options) {
  for (const std::string& p : options.paths) {
    if (p == kStdinPath) continue;
    std::error_code ec;
    const fs::path dir = fs::is_directory(p, ec) ? fs::path(p) : fs::path(p).parent_path();
    const fs::path canonical = fs::weakly_canonical(dir.empty() ? fs::path(".") : dir, ec);
    if (!ec) roots_.push_back(canonical.lexically_normal().string());
  }
}

bool PlanScan::inside_tree(const std::string& dir) const {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(dir, ec).lexically_normal();
  if (ec) return false;
  return std::any_of(roots_.begin(), roots_.end(),
                     [&](const std::string& root) { return is_below(canonical, root); });
}

formats::terraform::Directory PlanScan::load(const std::string& dir) const {
  formats::terraform::Directory d;
  d.path = dir;
  if (!inside_tree(dir)) {
    spdlog::info("{}: outside the scanned tree; not read for plan locations", dir);
    return d;
  }
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const std::string shown = dir == "." ? name : dir + "/" + name;
    std::error_code ec2;
    if (!formats::terraform::is_configuration_file(shown) ||
        core::is_excluded(shown, options_.discover) || it->is_symlink(ec2) ||
        !it->is_regular_file(ec2)) {
      continue;
    }
    names.push_back(shown);
  }
  std::sort(names.begin(), names.end());
  core::Diagnostics ignored;  // files outside the scan: their problems are not reported
  for (const std::string& name : names) {
    if (auto doc = parse_terraform_file(name, options_, ignored)) {
      d.configuration.push_back(std::move(doc));
    }
  }
  if (!d.configuration.empty()) {
    spdlog::info("{}: {} .tf file(s) read to place the findings of a Terraform plan{}", dir,
                 d.configuration.size(),
                 ignored.empty() ? "" : " (they have problems, not reported: not scanned)");
  }
  return d;
}

const formats::terraform::Directory* PlanScan::directory(const std::string& dir, bool read_disk) {
  const formats::terraform::Directory* d = nullptr;
  if (auto it = scanned_.dirs.find(dir); it != scanned_.dirs.end()) {
    d = &it->second;
  } else if (!read_disk) {
    return nullptr;
  } else {
    auto [at, fresh] = loaded_.try_emplace(dir);
    if (fresh) at->second = load(dir);
    d = &at->second;
  }
  return d->configuration.empty() ? nullptr : d;
}

bool PlanScan::adapt(std::shared_ptr<core::Document> doc, std::vector<formats::Unit>& units,
                     core::Diagnostics& diags, bool in_memory) {
  const std::string path = doc->source().path();
  formats::terraform::PlanResult r = formats::terraform::adapt_plan(
      std::move(doc),
      [this, in_memory](const std::string& dir) { return directory(dir, !in_memory); }, diags);
  for (formats::Unit& u : r.units) units.push_back(std::move(u));
  if (!r.read) return false;
  if (r.root_dir.empty()) {
    spdlog::info("{}: Terraform plan; no .tf files beside it, findings point into the plan", path);
  } else if (auto it = scanned_.dirs.find(r.root_dir);
             it != scanned_.dirs.end() && !it->second.configuration.empty()) {
    covered_.insert(r.root_dir);
    spdlog::info(
        "{}: Terraform plan of the root module in {}: its resources are checked "
        "through the plan, not again from the .tf files",
        path, r.root_dir);
  } else {
    spdlog::info("{}: Terraform plan; findings are placed in the .tf files of {}", path,
                 r.root_dir);
  }
  return true;
}

}  // namespace genlens::cli
