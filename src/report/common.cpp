#include "common.h"

#include <filesystem>
#include <set>
#include <system_error>
#include <vector>

namespace genlens::report::internal {
namespace fs = std::filesystem;

Counts count(const ScanResult& result) {
  Counts c;
  for (const rules::Finding& f : result.findings) {
    if (f.suppression) {
      ++c.suppressed;
      continue;
    }
    ++c.findings;
    switch (f.level) {
      case core::Severity::kError:
        ++c.errors;
        break;
      case core::Severity::kWarning:
        ++c.warnings;
        break;
      case core::Severity::kNote:
        ++c.notes;
        break;
    }
    if (f.verdict == rules::Verdict::kUnknown) ++c.unknown;
  }
  std::set<std::string_view> unprocessed;
  for (const core::Diagnostic& d : result.diagnostics.all()) {
    if (d.severity != core::Severity::kError) continue;
    if (d.kind == core::DiagnosticKind::kConfig) {
      ++c.config_errors;
    } else if (!d.path.empty()) {
      unprocessed.insert(d.path);
    }
  }
  c.files_not_processed = unprocessed.size();
  return c;
}

std::string plural(size_t n, std::string_view singular, std::string_view plural_form) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural_form);
}

std::string summary(const ScanResult& result) {
  const Counts c = count(result);
  std::string line;
  if (c.findings == 0) {
    line = "no findings";
  } else {
    std::vector<std::string> parts;
    if (c.errors != 0) parts.push_back(plural(c.errors, "error", "errors"));
    if (c.warnings != 0) parts.push_back(plural(c.warnings, "warning", "warnings"));
    if (c.notes != 0) parts.push_back(plural(c.notes, "note", "notes"));
    line = plural(c.findings, "finding", "findings") + " (";
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i != 0) line += ", ";
      line += parts[i];
    }
    line += ")";
  }
  if (c.suppressed != 0) line += ", " + std::to_string(c.suppressed) + " suppressed";
  line += " in " + plural(result.files_scanned, "file", "files") + ", " +
          plural(result.resources, "resource", "resources");
  if (c.files_not_processed != 0) {
    line += "; " + plural(c.files_not_processed, "file", "files") + " could not be processed";
  }
  if (c.config_errors != 0) {
    line += "; " + plural(c.config_errors, "configuration error", "configuration errors");
  }
  if (result.baselined != 0) {
    line +=
        "; " + plural(result.baselined, "baselined finding", "baselined findings") + " not shown";
  }
  return line;
}

std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

bool is_pseudo_path(std::string_view path) { return path.empty() || path.front() == '<'; }

namespace {

fs::path absolute_normal(std::string_view path) {
  fs::path p{std::string(path)};
  if (p.is_relative()) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (!ec) p = cwd / p;
  }
  p = p.lexically_normal();
  // "/a/b/" -> "/a/b", so that lexically_relative compares whole components.
  if (!p.has_filename() && p.has_relative_path()) p = p.parent_path();
  return p;
}

}  // namespace

UriMapper::UriMapper(std::string_view root) {
  root_ = absolute_normal(root.empty() ? std::string_view(".") : root).generic_string();
  root_uri_ = "file://" + percent_encode_path(root_);
  if (root_uri_.back() != '/') root_uri_ += '/';
}

ArtifactUri UriMapper::map(std::string_view path) const {
  const fs::path abs = absolute_normal(path);
  const fs::path rel = abs.lexically_relative(fs::path(root_));
  const bool under_root = !rel.empty() && rel != "." && *rel.begin() != "..";
  if (under_root) return {percent_encode_path(rel.generic_string()), true};
  std::string uri = "file://";
  const std::string text = abs.generic_string();
  if (text.empty() || text.front() != '/') uri += '/';  // "C:/x" -> "file:///C:/x"
  uri += percent_encode_path(text);
  return {uri, false};
}

}  // namespace genlens::report::internal
