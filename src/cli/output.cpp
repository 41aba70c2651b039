#include "cli/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

namespace genlens::cli {
namespace {

// The temporary file being written, for the signal handler: it removes the
// file and dies of the same signal, so an interrupted scan leaves neither a
// half-written report nor a stray temporary file. (SIGKILL cannot be caught;
// even then the report itself is never half-written.)
char g_tmp_path[4096];
volatile std::sig_atomic_t g_tmp_active = 0;

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

void remove_tmp_and_die(int sig) {
  if (g_tmp_active != 0) ::unlink(g_tmp_path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Installs the handlers for the lifetime of one write; restores the previous
// dispositions afterwards.
class TmpGuard {
 public:
  explicit TmpGuard(const std::string& tmp) {
    if (tmp.size() >= sizeof(g_tmp_path)) return;  // not guarded; still removed on errors
    std::memcpy(g_tmp_path, tmp.c_str(), tmp.size() + 1);
    g_tmp_active = 1;
    struct sigaction sa {};
    sa.sa_handler = remove_tmp_and_die;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < std::size(kSignals); ++i) {
      ::sigaction(kSignals[i], nullptr, &old_[i]);
      // An ignored signal (nohup, a background job) stays ignored.
      if (old_[i].sa_handler != SIG_IGN) ::sigaction(kSignals[i], &sa, nullptr);
    }
    // A file size limit (ulimit -f) makes the write fail instead of killing
    // the process, so the temporary file is removed below.
    struct sigaction ign {};
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    ::sigaction(SIGXFSZ, &ign, &old_xfsz_);
    installed_ = true;
  }
  ~TmpGuard() {
    if (!installed_) return;
    g_tmp_active = 0;  // renamed or removed by now
    for (size_t i = 0; i < std::size(kSignals); ++i) ::sigaction(kSignals[i], &old_[i], nullptr);
    ::sigaction(SIGXFSZ, &old_xfsz_, nullptr);
  }
  TmpGuard(const TmpGuard&) = delete;
  TmpGuard& operator=(const TmpGuard&) = delete;

 private:
  struct sigaction old_[std::size(kSignals)]{};
  struct sigaction old_xfsz_ {};
  bool installed_ = false;
};

std::string errno_text(int err) { return err != 0 ? fmt::format(": {}", std::strerror(err)) : ""; }

// Flushes the file's data to disk, so a crash after the rename never leaves
// an empty report in place of the old one.
bool sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

std::string write_output(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  if (path.empty() || path == "-") {
    fill(std::cout);
    std::cout.flush();
    return std::cout ? "" : "cannot write to standard output";
  }
  const std::string tmp = fmt::format("{}.tmp.{}", path, ::getpid());
  TmpGuard guard(tmp);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fmt::format("cannot create {}{}", tmp, errno_text(errno));
    fill(out);
    out.flush();
    if (!out) {
      const int err = errno;
      out.close();
      std::remove(tmp.c_str());
      return fmt::format("cannot write {}{}; {} was left as it was", tmp, errno_text(err), path);
    }
  }
  if (!sync_file(tmp)) {
    const int err = errno;
    std::remove(tmp.c_str());
    return fmt::format("cannot write {}{}; {} was left as it was", tmp, errno_text(err), path);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return fmt::format("cannot rename {} to {}: {}", tmp, path, ec.message());
  }
  return "";
}

}  // namespace genlens::cli
