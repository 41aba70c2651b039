#include "cli/changed_files.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "cli/stream_input.h"
#include "cli/terraform_scan.h"

namespace genlens::cli {
namespace {

namespace fs = std::filesystem;

std::string normal(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return p.lexically_normal().generic_string();
}

}  // namespace

std::vector<std::string> scan_paths_for_changed(const std::vector<std::string>& changed) {
  std::vector<std::string> dirs;
  std::vector<std::string> files;
  std::set<std::string> seen;
  for (const std::string& file : changed) {
    if (file == kStdinPath || !is_terraform_path(file)) {
      if (seen.insert(normal(file)).second) files.push_back(file);
      continue;
    }
    fs::path parent = fs::path(file).parent_path();
    if (parent.empty()) parent = fs::path(".");
    const std::string dir = parent.generic_string();
    if (seen.insert(normal(dir)).second) dirs.push_back(dir);
  }
  // A file inside a scanned directory is scanned with it, not twice.
  std::vector<std::string> out = dirs;
  for (const std::string& file : files) {
    const std::string f = normal(file);
    const bool covered = std::any_of(dirs.begin(), dirs.end(), [&](const std::string& d) {
      std::string prefix = normal(d);
      prefix.push_back('/');
      return f.compare(0, prefix.size(), prefix) == 0;
    });
    if (!covered || file == kStdinPath) out.push_back(file);
  }
  return out;
}

void keep_findings_in(const std::vector<std::string>& changed, report::ScanResult& result) {
  std::set<std::string> files;
  for (const std::string& f : changed) files.insert(normal(f));
  auto inside = [&](const rules::Location& l) { return files.count(normal(l.path)) != 0; };
  std::erase_if(result.findings, [&](const rules::Finding& f) {
    return !inside(f.location) && std::none_of(f.related.begin(), f.related.end(), inside);
  });
}

}  // namespace genlens::cli
