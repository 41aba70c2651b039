#include "cli/output.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

namespace genlens::cli {

std::string write_output(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  if (path.empty() || path == "-") {
    fill(std::cout);
    std::cout.flush();
    return std::cout ? "" : "cannot write to standard output";
  }
  const std::string tmp = fmt::format("{}.tmp.{}", path, ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fmt::format("cannot create {}", tmp);
    fill(out);
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return fmt::format("cannot write {}", tmp);
    }
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
