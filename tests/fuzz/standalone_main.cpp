// main() for a fuzz target built without libFuzzer (gcc, build-asan/): runs
// LLVMFuzzerTestOneInput once on every file given, and on every file under
// every directory given (recursively, sorted). Used by the `fuzz.<target>.
// regress` ctest cases: the seed corpus plus the crash reproducers in
// testdata/parse/<format>/ must all pass in every build.
//
// Like libFuzzer's -timeout and -rss_limit_mb, an input fails when it takes
// longer than GENLENS_FUZZ_TIMEOUT seconds (default 10) or makes the process
// use more than GENLENS_FUZZ_RSS_LIMIT_MB (default 2048): a reproducer for a
// hang or a memory blow-up fails here too, instead of passing slowly.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

#if defined(__SANITIZE_ADDRESS__)
#define GENLENS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GENLENS_ASAN 1
#endif
#endif

#ifdef GENLENS_ASAN
// ASan reserves terabytes of address space, so RLIMIT_AS cannot be used; its
// own watchdog thread enforces the RSS limit (ASAN_OPTIONS can override).
extern "C" const char* __asan_default_options() { return "hard_rss_limit_mb=2048"; }
#endif

namespace {

const char* current_input = "?";

void on_alarm(int /*signal*/) {
  // Only async-signal-safe calls here.
  const char msg[] = "standalone fuzz driver: timeout on input ";
  (void)!write(STDERR_FILENO, msg, sizeof msg - 1);
  (void)!write(STDERR_FILENO, current_input, std::strlen(current_input));
  (void)!write(STDERR_FILENO, "\n", 1);
  _exit(70);
}

unsigned env_or(const char* name, unsigned fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? static_cast<unsigned>(std::strtoul(v, nullptr, 10))
                                    : fallback;
}

bool read_all(const std::filesystem::path& path, std::vector<uint8_t>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg(argv[i]);
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(arg)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else if (fs::is_regular_file(arg, ec)) {
      files.push_back(arg);
    } else {
      std::fprintf(stderr, "%s: no such file or directory\n", argv[i]);
      return 2;
    }
  }
  std::sort(files.begin(), files.end());
  const unsigned timeout = env_or("GENLENS_FUZZ_TIMEOUT", 10);
  const unsigned rss_limit_mb = env_or("GENLENS_FUZZ_RSS_LIMIT_MB", 2048);
#ifndef GENLENS_ASAN
  // A runaway allocation stops at twice the limit instead of taking the
  // machine with it; the RSS check below then fails the input.
  const rlim_t cap = static_cast<rlim_t>(rss_limit_mb) * 2 * 1024 * 1024;
  const struct rlimit as_limit = {cap, cap};
  setrlimit(RLIMIT_AS, &as_limit);
#endif
  std::signal(SIGALRM, on_alarm);
  std::vector<uint8_t> bytes;
  for (const fs::path& f : files) {
    if (!read_all(f, bytes)) {
      std::fprintf(stderr, "%s: cannot read\n", f.c_str());
      return 2;
    }
    std::fprintf(stderr, "running %s (%zu bytes)\n", f.c_str(), bytes.size());
    // A copy of exactly `size` bytes, so reading past the end is caught.
    const std::vector<uint8_t> input(bytes);
    current_input = f.c_str();
    alarm(timeout);
    LLVMFuzzerTestOneInput(input.data(), input.size());
    alarm(0);
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    if (static_cast<unsigned long>(usage.ru_maxrss) / 1024 > rss_limit_mb) {
      std::fprintf(stderr, "standalone fuzz driver: out of memory (%ld MB > %u MB) on input %s\n",
                   usage.ru_maxrss / 1024, rss_limit_mb, f.c_str());
      return 71;
    }
  }
  std::printf("%zu inputs ran without a crash\n", files.size());
  return 0;
}
