#include "cli/baseline.h"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

#include "cli/output.h"
#include "genlens/core/discover.h"
#include "genlens/core/document.h"
#include "genlens/core/source.h"
#include "genlens/parse/parse.h"
#include "genlens/rules/rule.h"

namespace genlens::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr uintmax_t kMaxBaselineBytes = 64ULL * 1024 * 1024;
constexpr const char* kCode = "baseline-error";
constexpr std::string_view kAbout =
    "genlens baseline: `genlens scan --baseline FILE` does not report the findings listed "
    "here. A finding matches on rule_id and fingerprint only; path, resource and message are "
    "for people. Regenerate with --write-baseline.";

std::string rule_id(const rules::Finding& f) { return f.rule != nullptr ? f.rule->id : ""; }

// The string value of `key` in `entry`, or "" (after a diagnostic) when it
// is missing, not a string or empty.
std::string required_string(const core::Node& entry, std::string_view key, const std::string& path,
                            core::Diagnostics& diags) {
  const core::Node* n = entry.find(key);
  if (n == nullptr) {
    diags.error(core::DiagnosticKind::kConfig, kCode, path, entry.range.begin,
                fmt::format("baseline entry has no \"{}\"", key));
    return "";
  }
  if (!n->is_scalar() || n->scalar_type != core::ScalarType::kString || n->text.empty()) {
    diags.error(core::DiagnosticKind::kConfig, kCode, path, n->range.begin,
                fmt::format("baseline \"{}\" must be a non-empty string", key));
    return "";
  }
  return n->text;
}

}  // namespace

std::string write_baseline(const std::string& path, const std::vector<rules::Finding>& findings) {
  // Line numbers are left out on purpose; the order does not depend on them.
  std::vector<const rules::Finding*> sorted;
  for (const rules::Finding& f : findings) {
    if (!f.fingerprint.empty()) sorted.push_back(&f);
  }
  auto key = [](const rules::Finding* f) {
    return std::make_tuple(std::string_view(f->location.path), rule_id(*f),
                           std::string_view(f->fingerprint));
  };
  std::sort(sorted.begin(), sorted.end(),
            [&](const rules::Finding* a, const rules::Finding* b) { return key(a) < key(b); });
  sorted.erase(std::unique(sorted.begin(), sorted.end(),
                           [&](const rules::Finding* a, const rules::Finding* b) {
                             return key(a) == key(b);
                           }),
               sorted.end());
  Json entries = Json::array();
  for (const rules::Finding* f : sorted) {
    entries.push_back(Json{{"rule_id", rule_id(*f)},
                           {"fingerprint", f->fingerprint},
                           {"path", f->location.path},
                           {"resource", f->resource_name},
                           {"logical_path", f->location.logical_path},
                           {"message", f->message}});
  }
  const Json doc{
      {"version", kBaselineVersion}, {"about", kAbout}, {"findings", std::move(entries)}};
  return write_output(path, [&](std::ostream& out) {
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  });
}

std::optional<Baseline> read_baseline(const std::string& path, core::Diagnostics& diags) {
  auto content = core::read_file(path, kMaxBaselineBytes);
  if (!content.ok()) {
    diags.error(core::DiagnosticKind::kConfig, kCode, path, {},
                "cannot read baseline: " + content.error().message);
    return std::nullopt;
  }
  auto source = std::make_shared<core::SourceFile>(path, std::move(content.value()));
  auto parsed = parse::parse_json(source);
  if (!parsed.ok()) {
    diags.error(core::DiagnosticKind::kConfig, kCode, path, parsed.error().pos,
                "invalid baseline JSON: " + parsed.error().message);
    return std::nullopt;
  }
  const core::Document& doc = *parsed.value();
  const core::Node* root = doc.roots().empty() ? nullptr : doc.roots().front();
  if (root == nullptr || !root->is_map()) {
    diags.error(core::DiagnosticKind::kConfig, kCode, path,
                root != nullptr ? root->range.begin : core::Position{1, 1},
                "a baseline is a JSON object with \"version\" and \"findings\" (write one with "
                "--write-baseline)");
    return std::nullopt;
  }
  const size_t errors_before = diags.all().size();
  const core::Node* version = root->find("version");
  if (version == nullptr) {
    diags.error(core::DiagnosticKind::kConfig, kCode, path, root->range.begin,
                "baseline has no \"version\"");
  } else if (!version->is_scalar() || version->scalar_type != core::ScalarType::kInt ||
             version->text != std::to_string(kBaselineVersion)) {
    diags.error(core::DiagnosticKind::kConfig, kCode, path, version->range.begin,
                fmt::format("unsupported baseline version {} (this genlens reads version {})",
                            version->text.empty() ? "?" : version->text, kBaselineVersion));
  }
  Baseline baseline;
  const core::Node* findings = root->find("findings");
  if (findings == nullptr || !findings->is_sequence()) {
    diags.error(core::DiagnosticKind::kConfig, kCode, path,
                findings != nullptr ? findings->range.begin : root->range.begin,
                "baseline \"findings\" must be an array");
  } else {
    for (const core::Node* entry : findings->children) {
      if (!entry->is_map()) {
        diags.error(core::DiagnosticKind::kConfig, kCode, path, entry->range.begin,
                    "baseline entry must be an object with \"rule_id\" and \"fingerprint\"");
        continue;
      }
      std::string id = required_string(*entry, "rule_id", path, diags);
      std::string fingerprint = required_string(*entry, "fingerprint", path, diags);
      if (!id.empty() && !fingerprint.empty()) {
        baseline.keys.emplace(std::move(id), std::move(fingerprint));
      }
    }
  }
  if (diags.all().size() != errors_before) return std::nullopt;
  return baseline;
}

size_t apply_baseline(const Baseline& baseline, std::vector<rules::Finding>& findings) {
  const size_t before = findings.size();
  findings.erase(
      std::remove_if(
          findings.begin(), findings.end(),
          [&](const rules::Finding& f) {
            return !f.fingerprint.empty() && baseline.keys.count({rule_id(f), f.fingerprint}) != 0;
          }),
      findings.end());
  return before - findings.size();
}

}  // namespace genlens::cli
