#pragma once
#include <functional>
#include <ostream>
#include <string>

namespace genlens::cli {

// Writes through `fill` to `path` atomically (temporary file + rename), or
// to stdout when `path` is empty or "-". Returns an error message or "".
std::string write_output(const std::string& path, const std::function<void(std::ostream&)>& fill);

}  // namespace genlens::cli
