// A stand-in for `/usr/bin/time -f '%M %U %S' -o FILE` where GNU time is
// not installed: runs a command, waits for it and writes "maxrss_kb user_s
// sys_s wall_s" to FILE. maxrss is that of the largest process in the tree
// (getrusage semantics), as GNU time reports it. Exits with the command's code.
//
// Usage: genlens_measure -o FILE [--] COMMAND [ARGS...]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>

namespace {

double seconds(const timeval& tv) {
  return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  int cmd = 3;
  if (argc > 3 && std::strcmp(argv[3], "--") == 0) ++cmd;
  if (argc <= cmd || std::strcmp(argv[1], "-o") != 0) {
    std::fprintf(stderr, "usage: %s -o FILE [--] COMMAND [ARGS...]\n", argv[0]);
    return 125;
  }
  const char* out_path = argv[2];
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("fork");
    return 125;
  }
  if (pid == 0) {
    execvp(argv[cmd], argv + cmd);
    std::perror(argv[cmd]);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) {
    std::perror("wait4");
    return 125;
  }
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  FILE* out = std::fopen(out_path, "w");
  if (out == nullptr) {
    std::perror(out_path);
    return 125;
  }
  // The same fields as GNU time's '%M %U %S'; the wall time last.
  std::fprintf(out, "%ld %.3f %.3f %.3f\n", usage.ru_maxrss, seconds(usage.ru_utime),
               seconds(usage.ru_stime), wall.count());
  std::fclose(out);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}
