#include "cli/stream_input.h"

#include <algorithm>
#include <memory>

#include <spdlog/spdlog.h>

#include <fmt/format.h>

#include "cli/terraform_scan.h"
#include "genlens/core/source.h"
#include "genlens/core/stream_split.h"

namespace genlens::cli {

std::string stdin_usage_error(const std::vector<std::string>& paths, const std::string& name,
                              bool name_given) {
  const auto count = std::count(paths.begin(), paths.end(), kStdinPath);
  if (count > 1) return "'-' (standard input) can be given only once";
  if (!name_given) return "";
  if (count == 0) return "--stdin-name names standard input: give '-' among the paths too";
  if (name.empty()) return "--stdin-name needs a non-empty NAME";
  if (is_terraform_path(name)) {
    return fmt::format(
        "--stdin-name {}: Terraform configuration is not read from standard input (name the "
        "stream without .tf / .tfvars)",
        name);
  }
  return "";
}

std::vector<std::string> paths_on_disk(const std::vector<std::string>& paths, bool& has_stdin) {
  std::vector<std::string> out;
  has_stdin = false;
  for (const std::string& p : paths) {
    if (p == kStdinPath) {
      has_stdin = true;
    } else {
      out.push_back(p);
    }
  }
  return out;
}

std::vector<core::DiscoveredFile> read_stream_files(int fd, const std::string& name,
                                                    const core::DiscoverOptions& options,
                                                    core::Diagnostics& diags) {
  std::vector<core::DiscoveredFile> files;
  auto content = core::read_capped(fd, 0, options.max_file_size);
  if (!content.ok()) {
    diags.error(core::DiagnosticKind::kInput, "io-error", name, {},
                "cannot read standard input: " + content.error().message);
    return files;
  }
  if (content->size() > options.max_file_size) {
    const core::SourceFile stream(name, std::move(content.value()));
    const size_t bom = stream.had_bom() ? 3 : 0;
    const size_t limit = static_cast<size_t>(options.max_file_size);
    diags.error(core::DiagnosticKind::kInput, "io-error", name,
                stream.position_at(limit > bom ? limit - bom : 0),
                fmt::format("standard input is over the {} byte limit (--max-file-size) from here "
                            "on; none of it was scanned",
                            options.max_file_size));
    return files;
  }
  std::vector<core::StreamPart> parts = core::split_stream(content.value(), name);
  spdlog::info("standard input ({}): {} bytes, {} file(s)", name, content->size(), parts.size());
  for (core::StreamPart& part : parts) {
    if (core::is_excluded(part.path, options)) continue;
    files.push_back(core::DiscoveredFile{
        std::move(part.path), true, std::make_shared<const std::string>(std::move(part.text))});
  }
  return files;
}

}  // namespace genlens::cli
