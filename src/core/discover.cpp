#include "genlens/core/discover.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <set>

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

// Why `p` (with status `st`, from following symlinks) is not a file to
// read: a FIFO, socket or device, a broken or looping symlink; "" when it is
// simply missing.
std::string not_a_file(const fs::path& p, const fs::file_status& st, const std::error_code& ec) {
  switch (st.type()) {
    case fs::file_type::fifo:
      return "not a regular file (a FIFO)";
    case fs::file_type::socket:
      return "not a regular file (a socket)";
    case fs::file_type::block:
    case fs::file_type::character:
      return "not a regular file (a device)";
    case fs::file_type::unknown:
      return "not a regular file";
    case fs::file_type::regular:
    case fs::file_type::directory:
      return "";
    default:
      break;
  }
  std::error_code ec2;
  if (!fs::is_symlink(fs::symlink_status(p, ec2))) {
    if (st.type() == fs::file_type::not_found || !ec) return "";
    return fmt::format("cannot read: {}", ec.message());
  }
  if (st.type() == fs::file_type::not_found) {
    return "broken symbolic link (its target does not exist)";
  }
  return fmt::format("cannot follow symbolic link: {}", ec ? ec.message() : "unknown file type");
}

class Walker {
 public:
  Walker(const DiscoverOptions& options, Diagnostics& diags) : options_(options), diags_(diags) {}

  void walk(const fs::path& dir, int depth) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
      const std::pair<uint64_t, uint64_t> id{static_cast<uint64_t>(st.st_dev),
                                             static_cast<uint64_t>(st.st_ino)};
      if (std::find(stack_.begin(), stack_.end(), id) != stack_.end()) {
        diags_.warning(DiagnosticKind::kInput, "symlink-loop", display_path(dir), {},
                       "directory is its own ancestor (symlink loop); skipped");
        return;
      }
      // Reached twice (named twice, or through a symlink): scanned once.
      if (!visited_.insert(id).second) return;
      stack_.push_back(id);
      walk_entries(dir, depth);
      stack_.pop_back();
      return;
    }
    walk_entries(dir, depth);
  }

 private:
  void walk_entries(const fs::path& dir, int depth) {
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
      // Globs match the path as shown and the path below the named root.
      if (is_excluded(shown, options_) ||
          is_excluded(display_path(e.path().lexically_relative(root_)), options_)) {
        continue;
      }
      std::error_code ec2;
      if (e.is_symlink(ec2) && !inside_root(e.path())) {
        // A link out of the tree (to a CI runner's home, say) is never read:
        // its contents could end up in a published report.
        diags_.warning(DiagnosticKind::kInput, "symlink-outside", shown, {},
                       "symbolic link points outside the scanned tree; skipped");
        continue;
      }
      const fs::file_status st = e.status(ec2);  // follows symlinks
      if (fs::is_directory(st)) {
        if (!skipped_dir(e.path())) walk(e.path(), depth + 1);
      } else if (!has_scannable_extension(shown)) {
        continue;
      } else if (fs::is_regular_file(st)) {
        files_.push_back({shown, false, nullptr});
      } else if (std::string why = not_a_file(e.path(), st, ec2); !why.empty()) {
        // Never opened: a FIFO would block, a device would never end.
        diags_.warning(DiagnosticKind::kInput, "not-a-file", shown, {}, why + "; skipped");
      }
    }
  }

 public:
  void add_named(const std::string& path) {
    std::error_code ec;
    const fs::path p(path);
    const fs::file_status st = fs::status(p, ec);  // follows symlinks
    if (fs::is_directory(st)) {
      root_ = p;
      root_canonical_ = fs::weakly_canonical(p, ec);
      walk(p, 0);
    } else if (fs::is_regular_file(st)) {
      files_.push_back({display_path(p), true, nullptr});
    } else if (std::string why = not_a_file(p, st, ec); !why.empty()) {
      diags_.error(DiagnosticKind::kInput, "not-a-file", path, {}, why);
    } else {
      diags_.error(DiagnosticKind::kInput, "io-error", path, {}, "no such file or directory");
    }
  }

  std::vector<DiscoveredFile> take() { return std::move(files_); }

 private:
  bool inside_root(const fs::path& link) const {
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(link, ec);
    if (ec) return true;  // broken links are reported where they are read
    const auto rel = target.lexically_relative(root_canonical_);
    return !rel.empty() && *rel.begin() != "..";
  }

  fs::path root_;  // the named directory being walked
  fs::path root_canonical_;
  const DiscoverOptions& options_;
  Diagnostics& diags_;
  std::set<std::pair<uint64_t, uint64_t>> visited_;
  std::vector<std::pair<uint64_t, uint64_t>> stack_;  // directories being walked
  std::vector<DiscoveredFile> files_;
};

}  // namespace

bool is_excluded(const std::string& path, const DiscoverOptions& options) {
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

bool has_scannable_extension(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template" || ext == ".tf" ||
         ext == ".tfvars";
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
  // O_NONBLOCK: a FIFO that appeared since discovery must not hang the scan.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    return Error{err == ENOENT
                     ? std::string("cannot open file for reading")
                     : fmt::format("cannot open file for reading: {}", std::strerror(err)),
                 {}};
  }
  struct Closer {
    int handle;
    ~Closer() { ::close(handle); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Error{"cannot read file", {}};
  if (!S_ISREG(st.st_mode)) return Error{"not a regular file (a FIFO, socket or device)", {}};
  max_size = std::min<uintmax_t>(max_size, std::numeric_limits<size_t>::max() / 2);
  const auto size = static_cast<uintmax_t>(st.st_size);
  if (size > max_size) {
    return Error{
        fmt::format("file is {} bytes, over the {} byte limit (--max-file-size)", size, max_size),
        {}};
  }
  auto out = read_capped(fd, size, max_size);
  if (out.ok() && out->size() > max_size) {
    return Error{fmt::format("file is over the {} byte limit (--max-file-size)", max_size), {}};
  }
  return out;
}

Result<std::string> read_capped(int fd, uintmax_t size_hint, uintmax_t max_size) {
  max_size = std::min<uintmax_t>(max_size, std::numeric_limits<size_t>::max() / 2);
  // Never more than max_size + 1 bytes, even if a file grows while read
  // (or is a /proc file that reports size 0).
  const auto cap = static_cast<size_t>(max_size) + 1;
  std::string out(static_cast<size_t>(std::min<uintmax_t>(size_hint + 1, cap)), '\0');
  size_t got = 0;
  while (true) {
    if (got == out.size()) {
      if (got >= cap) break;
      out.resize(std::min(cap, got * 2 + 4096));
    }
    const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error{fmt::format("read error: {}", std::strerror(errno)), {}};
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  out.resize(got);
  return out;
}

}  // namespace genlens::core
