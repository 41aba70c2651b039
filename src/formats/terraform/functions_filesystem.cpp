// Filesystem functions, through Scope::read_file only: file, filebase64,
// fileexists, plus the pure path functions dirname/basename.
// (templatefile is evaluated by the Evaluator: it needs the template's vars.)
#include <fmt/format.h>

#include "formats/terraform/eval_support.h"
#include "genlens/core/source.h"

namespace genlens::formats::terraform::detail {
namespace {

const Value* read(const Ctx& c, const Value* path, std::string& out) {
  std::string p;
  if (const Value* e = arg_string(c, path, p)) return e;
  std::string why;
  if (!c.scope.read_file(p, out, why)) {
    return c.unknown(fmt::format("{}: {} is not readable: {}", c.name, p, why));
  }
  if (out.size() > kMaxStringBytes) return c.too_large();
  return nullptr;
}

const Value* fn_file(const Ctx& c, const Args& a) {
  std::string content;
  if (const Value* e = read(c, a[0], content)) return e;
  if (core::find_invalid_utf8(content) != std::string::npos) {
    return c.error("the file is not valid UTF-8 (use filebase64)");
  }
  return c.str(std::move(content));
}

const Value* fn_filebase64(const Ctx& c, const Args& a) {
  std::string content;
  if (const Value* e = read(c, a[0], content)) return e;
  if (content.size() > kMaxStringBytes / 2) return c.too_large();
  return c.str(base64_encode(content));
}

// true when readable; otherwise Unknown (outside the scanned tree, too large
// or missing: the scanner cannot tell what Terraform would see).
const Value* fn_fileexists(const Ctx& c, const Args& a) {
  std::string content;
  if (const Value* e = read(c, a[0], content)) return e;
  return c.boolean(true);
}

const Value* fn_dirname(const Ctx& c, const Args& a) {
  std::string p;
  if (const Value* e = arg_string(c, a[0], p)) return e;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  const size_t slash = p.rfind('/');
  if (slash == std::string::npos) return c.str(".");
  if (slash == 0) return c.str("/");
  std::string dir = p.substr(0, slash);
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return c.str(std::move(dir));
}

const Value* fn_basename(const Ctx& c, const Args& a) {
  std::string p;
  if (const Value* e = arg_string(c, a[0], p)) return e;
  if (p.empty()) return c.str(".");
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  if (p == "/") return c.str("/");
  const size_t slash = p.rfind('/');
  return c.str(slash == std::string::npos ? p : p.substr(slash + 1));
}

}  // namespace

void add_filesystem_functions(Registry& r) {
  r["file"] = {fn_file, 1, 1, false};
  r["filebase64"] = {fn_filebase64, 1, 1, false};
  r["fileexists"] = {fn_fileexists, 1, 1, false};
  r["dirname"] = {fn_dirname, 1, 1, false};
  r["basename"] = {fn_basename, 1, 1, false};
}

}  // namespace genlens::formats::terraform::detail
