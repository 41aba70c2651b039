#include "cli/terraform_scan.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "genlens/formats/terraform.h"
#include "genlens/parse/hcl.h"

namespace genlens::cli {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::shared_ptr<core::Document> parse_terraform_file(const std::string& path,
                                                     const ScanOptions& options,
                                                     core::Diagnostics& diags) {
  auto content = core::read_file(path, options.discover.max_file_size);
  if (!content.ok()) {
    diags.error(core::DiagnosticKind::kInput, "io-error", path, {}, content.error().message);
    return nullptr;
  }
  auto source = std::make_shared<core::SourceFile>(path, std::move(content.value()));
  parse::ParseOptions popts;
  popts.max_nodes = std::max<size_t>(options.max_nodes, 1);
  popts.max_seconds = options.file_timeout_seconds;
  if (ends_with(path, ".json") && !ends_with(path, ".tf.json")) {
    auto parsed = parse::parse_json(source, popts);
    if (!parsed.ok()) {
      diags.error(core::DiagnosticKind::kInput, "parse-error", path, parsed.error().pos,
                  parsed.error().message);
      return nullptr;
    }
    return parsed.value();
  }
  parse::HclResult r = ends_with(path, ".tf.json") ? parse::parse_tf_json(source, popts)
                                                   : parse::parse_hcl(source, popts);
  for (const core::Error& e : r.errors) {
    diags.error(core::DiagnosticKind::kInput, "parse-error", path, e.pos, e.message);
  }
  return r.doc;
}

bool is_terraform_path(const std::string& path) {
  return formats::terraform::is_configuration_file(path) ||
         formats::terraform::is_variables_file(path);
}

bool is_terraform_file(const core::DiscoveredFile& f) {
  return !f.in_memory() && is_terraform_path(f.path);
}

TerraformFiles parse_terraform(const std::vector<core::DiscoveredFile>& files,
                               const ScanOptions& options, core::Diagnostics& diags, size_t& read) {
  TerraformFiles out;
  for (const core::DiscoveredFile& f : files) {
    if (!is_terraform_file(f)) continue;
    const std::string dir =
        formats::terraform::normal_dir(fs::path(f.path).parent_path().generic_string());
    const std::string name = fs::path(f.path).filename().string();
    const bool vars = formats::terraform::is_variables_file(f.path);
    // Terraform reads terraform.tfvars(.json) and *.auto.tfvars(.json) by
    // itself; other tfvars files only with --var-file.
    if (vars && name.rfind("terraform.tfvars", 0) != 0 &&
        name.find(".auto.tfvars") == std::string::npos) {
      continue;
    }
    std::shared_ptr<core::Document> doc = parse_terraform_file(f.path, options, diags);
    if (doc == nullptr) continue;
    ++read;
    formats::terraform::Directory& d = out.dirs[dir];
    d.path = dir;
    (vars ? d.variables : d.configuration).push_back(std::move(doc));
  }
  return out;
}

void adapt_terraform(TerraformFiles files, const ScanOptions& options,
                     const std::set<std::string>& covered, std::vector<formats::Unit>& units,
                     core::Diagnostics& diags, size_t& read) {
  std::vector<formats::terraform::Directory> list;
  for (auto& [path, d] : files.dirs) {
    if (d.configuration.empty()) continue;
    // terraform.tfvars first, then *.auto.tfvars in name order (discovery is sorted).
    std::stable_partition(d.variables.begin(), d.variables.end(), [](const auto& doc) {
      return fs::path(doc->source().path()).filename().string().rfind("terraform.tfvars", 0) == 0;
    });
    list.push_back(std::move(d));
  }
  if (list.empty()) return;
  formats::terraform::Options topts;
  topts.covered_roots = covered;
  topts.parse_file = [&](const std::string& path) {
    std::shared_ptr<core::Document> doc = parse_terraform_file(path, options, diags);
    if (doc != nullptr) ++read;
    return doc;
  };
  for (const std::string& vf : options.var_files) {
    std::shared_ptr<core::Document> doc = parse_terraform_file(vf, options, diags);
    if (doc != nullptr) topts.var_files.push_back(std::move(doc));
  }
  for (const std::string& kv : options.vars) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos) {
      diags.error(core::DiagnosticKind::kConfig, "usage", "--var", {},
                  fmt::format("--var takes NAME=VALUE, not '{}'", kv));
      continue;
    }
    topts.vars[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  std::vector<formats::Unit> adapted = formats::terraform::adapt(list, topts, diags);
  for (formats::Unit& u : adapted) units.push_back(std::move(u));
}

}  // namespace genlens::cli
