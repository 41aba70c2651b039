#include "bench_support.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace genlens::bench {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string corpus_root(int& argc, char** argv) {
  std::string root;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--corpus=")) {
      root = std::string(arg.substr(std::strlen("--corpus=")));
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  if (root.empty()) {
    const char* env = std::getenv("GENLENS_CORPUS");
    root = env != nullptr && *env != '\0' ? env : GENLENS_SOURCE_DIR "/../shared/corpus";
  }
  return root;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench: cannot read %s (set GENLENS_CORPUS or --corpus=DIR)\n",
                 path.c_str());
    std::exit(2);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

bool looks_like_json(std::string_view text, const std::string& path) {
  if (ends_with(path, ".json")) return true;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{';
  }
  return false;
}

bool scan_would_parse(const std::string& path, std::string_view text) {
  if (path.find(".cfn.") != std::string::npos || ends_with(path, ".template") ||
      path.find(".template.") != std::string::npos) {
    return true;
  }
  return text.find("AWSTemplateFormatVersion") != std::string_view::npos ||
         text.find("AWS::") != std::string_view::npos ||
         text.find("Resources") != std::string_view::npos;
}

parse::DocResult parse_any(const core::SourcePtr& source) {
  return looks_like_json(source->text(), source->path()) ? parse::parse_json(source)
                                                         : parse::parse_yaml(source);
}

}  // namespace genlens::bench
