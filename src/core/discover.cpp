#include "genlens/core/discover.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

namespace genlens::core {
namespace fs = std::filesystem;
namespace {

const std::set<std::string> kSkippedDirs = {".git",         ".hg",           ".svn",
                                            "node_modules", ".terraform",    ".terragrunt-cache",
                                            ".aws-sam",     ".serverless",   "__pycache__",
                                            ".venv",        "venv",          ".tox",
                                            ".mypy_cache",  ".pytest_cache", "build",
                                            "dist",         "target",        "out"};

bool excluded(const std::string& path, const DiscoverOptions& options) {
  const std::string name = fs::path(path).filename().string();
  for (const std::string& glob : options.excludes) {
    if (fnmatch(glob.c_str(), path.c_str(), 0) == 0 ||
        fnmatch(glob.c_str(), name.c_str(), 0) == 0) {
      return true;
    }
    // "dir/" or "dir" excludes everything under it.
    std::string prefix = glob;
    while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
    if (!prefix.empty() && (path == prefix || path.rfind(prefix + "/", 0) == 0)) return true;
  }
  return false;
}

bool skipped_dir(const fs::path& dir) {
  const std::string name = dir.filename().string();
  if (kSkippedDirs.count(name) != 0) return true;
  // cdk.out keeps synthesized templates (scanned) and asset folders (not).
  return dir.parent_path().filename() == "cdk.out" && name.rfind("asset.", 0) == 0;
}

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().string();
  if (s.rfind("./", 0) == 0) s.erase(0, 2);
  return s;
}

class Walker {
 public:
  Walker(const DiscoverOptions& options, Diagnostics& diags) : options_(options), diags_(diags) {}

  void walk(const fs::path& dir, int depth) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0 &&
        !visited_.insert({static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino)})
             .second) {
      diags_.warning(DiagnosticKind::kInput, "symlink-loop", display_path(dir), {},
                     "directory already visited (symlink loop?); skipped");
      return;
    }
    if (depth > 64) {
      diags_.warning(DiagnosticKind::kInput, "too-deep", display_path(dir), {},
                     "directory nesting deeper than 64 levels; skipped");
      return;
    }
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      diags_.error(DiagnosticKind::kInput, "io-error", display_path(dir), {},
                   fmt::format("cannot read directory: {}", ec.message()));
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& e : entries) {
      const std::string shown = display_path(e.path());
      if (excluded(shown, options_)) continue;
      std::error_code ec2;
      if (e.is_directory(ec2)) {
        if (!skipped_dir(e.path())) walk(e.path(), depth + 1);
      } else if (e.is_regular_file(ec2) && has_scannable_extension(shown)) {
        files_.push_back({shown, false});
      }
    }
  }

  void add_named(const std::string& path) {
    std::error_code ec;
    const fs::path p(path);
    if (fs::is_directory(p, ec)) {
      walk(p, 0);
    } else if (fs::exists(p, ec)) {
      files_.push_back({display_path(p), true});
    } else {
      diags_.error(DiagnosticKind::kInput, "io-error", path, {}, "no such file or directory");
    }
  }

  std::vector<DiscoveredFile> take() { return std::move(files_); }

 private:
  const DiscoverOptions& options_;
  Diagnostics& diags_;
  std::set<std::pair<uint64_t, uint64_t>> visited_;
  std::vector<DiscoveredFile> files_;
};

}  // namespace

bool has_scannable_extension(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

std::vector<DiscoveredFile> discover(const std::vector<std::string>& paths,
                                     const DiscoverOptions& options, Diagnostics& diags) {
  Walker w(options, diags);
  for (const std::string& p : paths) w.add_named(p);
  std::vector<DiscoveredFile> files = w.take();
  // The same file named twice (or reached twice) is scanned once.
  std::set<std::string> seen;
  files.erase(std::remove_if(files.begin(), files.end(),
                             [&](const DiscoveredFile& f) { return !seen.insert(f.path).second; }),
              files.end());
  return files;
}

Result<std::string> read_file(const std::string& path, uintmax_t max_size) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > max_size) {
    return Error{
        fmt::format("file is {} bytes, over the {} byte limit (--max-file-size)", size, max_size),
        {}};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot open file for reading", {}};
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Error{"read error", {}};
  return ss.str();
}

}  // namespace genlens::core
