#include "rules/suppress/sources.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "genlens/core/document.h"

namespace genlens::rules::suppress {
namespace {

constexpr const char* kCode = "suppression";

void malformed(core::Diagnostics& diags, const std::string& path, core::Position pos,
               std::string_view what, std::string_view why) {
  diags.error(core::DiagnosticKind::kInput, kCode, path, pos,
              fmt::format("malformed {}: {}; it suppresses nothing", what, why));
}

// The scanned documents by file (the first one of each path).
std::map<std::string, const core::Document*> documents(const graph::Graph& graph) {
  std::map<std::string, const core::Document*> out;
  auto add = [&](const core::Document* doc) {
    if (doc != nullptr) out.emplace(doc->source().path(), doc);
  };
  for (const formats::Unit& u : graph.units()) {
    add(u.document.get());
    if (u.keep_alive) {
      for (const auto& doc : *u.keep_alive) add(doc.get());
    }
  }
  return out;
}

// Lines whose first non-blank character starts a comment.
std::set<uint32_t> comment_only_lines(const core::Document& doc) {
  std::set<uint32_t> lines;
  for (const core::Comment& c : doc.comments()) {
    const std::string_view text = doc.source().line_text(c.pos.line);
    size_t first = 0;
    while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
    // Columns count code points; only blanks precede a comment-only line's marker.
    if (first + 1 == c.pos.column) lines.insert(c.pos.line);
  }
  return lines;
}

void comment_sources(const std::string& path, const core::Document& doc, std::vector<Source>& out,
                     core::Diagnostics& diags) {
  const std::set<uint32_t> comment_lines = comment_only_lines(doc);
  for (const core::Comment& c : doc.comments()) {
    DirectiveParse p = parse_directive(c.text);
    if (!p.is_directive) continue;
    if (!p.directive) {
      malformed(diags, path, c.pos, "suppression comment", p.error);
      continue;
    }
    Source s;
    s.scope = p.directive->whole_file ? Scope::kFile : Scope::kLines;
    s.directive = std::move(*p.directive);
    s.path = path;
    s.range = {c.pos, c.pos};
    s.line = c.pos.line;
    s.next_line = c.pos.line;  // a comment after code applies to its own line only
    if (comment_lines.count(c.pos.line) != 0) {
      s.next_line = c.pos.line + 1;
      while (comment_lines.count(s.next_line) != 0) ++s.next_line;
    }
    out.push_back(std::move(s));
  }
}

Source resource_source(Directive d, const std::string& path, const core::Node* at,
                       const formats::Resource* r, const char* kind) {
  Source s;
  s.directive = std::move(d);
  s.scope = Scope::kResource;
  s.path = path;
  s.range = at->anchor();
  s.kind = kind;
  s.resource = r;
  return s;
}

const core::Node* scalar(const core::Node* n) {
  return n != nullptr && n->is_scalar() ? n : nullptr;
}

// Metadata: {genlens: {ignore: [{id, reason, until}]}}
void metadata_sources(const std::string& path, const formats::Resource& r, std::vector<Source>& out,
                      core::Diagnostics& diags) {
  const core::Node* metadata = r.node->is_map() ? r.node->find("Metadata") : nullptr;
  const core::Node* genlens =
      metadata != nullptr && metadata->is_map() ? metadata->find("genlens") : nullptr;
  if (genlens == nullptr) return;
  constexpr std::string_view kWhat = "Metadata suppression";
  if (!genlens->is_map()) {
    malformed(diags, path, genlens->anchor().begin, kWhat, "genlens must be a map with 'ignore'");
    return;
  }
  for (const core::Node* key : genlens->children) {
    if (key->key != "ignore") {
      malformed(diags, path, key->anchor().begin, kWhat,
                fmt::format("unknown key '{}' (expected 'ignore')", key->key));
    }
  }
  const core::Node* ignore = genlens->find("ignore");
  if (ignore == nullptr) return;
  if (!ignore->is_sequence()) {
    malformed(diags, path, ignore->anchor().begin, kWhat,
              "ignore must be a list of {id, reason, until}");
    return;
  }
  for (const core::Node* entry : ignore->children) {
    const core::Position at = entry->range.begin;
    if (!entry->is_map()) {
      malformed(diags, path, at, kWhat, "an ignore entry must be a map {id, reason, until}");
      continue;
    }
    std::string error;
    for (const core::Node* key : entry->children) {
      if (key->key != "id" && key->key != "reason" && key->key != "until") {
        error = fmt::format("unknown key '{}' (expected id, reason, until)", key->key);
      } else if (!key->is_scalar()) {
        error = fmt::format("{} must be a string", key->key);
      }
    }
    const core::Node* id = scalar(entry->find("id"));
    const core::Node* reason = scalar(entry->find("reason"));
    const core::Node* until = scalar(entry->find("until"));
    if (error.empty() && id == nullptr) error = "an ignore entry needs an id";
    if (!error.empty()) {
      malformed(diags, path, at, kWhat, error);
      continue;
    }
    std::string text = "genlens:ignore " + id->text;
    if (until != nullptr) text += " until=" + until->text;
    DirectiveParse p = parse_directive(text);
    if (!p.directive) {
      malformed(diags, path, at, kWhat, p.error);
      continue;
    }
    if (reason != nullptr) p.directive->reason = reason->text;
    out.push_back(resource_source(std::move(*p.directive), path, entry, &r, "Metadata"));
  }
}

// metadata.annotations["genlens.io/ignore"]: "ID[,ID] [until=DATE][: reason]; ..."
void annotation_sources(const std::string& path, const formats::Resource& r,
                        std::vector<Source>& out, core::Diagnostics& diags) {
  const core::Node* metadata = r.node->is_map() ? r.node->find("metadata") : nullptr;
  const core::Node* annotations =
      metadata != nullptr && metadata->is_map() ? metadata->find("annotations") : nullptr;
  const core::Node* value = annotations != nullptr && annotations->is_map()
                                ? annotations->find("genlens.io/ignore")
                                : nullptr;
  if (value == nullptr) return;
  constexpr std::string_view kWhat = "genlens.io/ignore annotation";
  if (!value->is_scalar()) {
    malformed(diags, path, value->anchor().begin, kWhat, "the value must be a string");
    return;
  }
  for (DirectiveParse& p : parse_annotation(value->text)) {
    if (!p.directive) {
      malformed(diags, path, value->range.begin, kWhat, p.error);
      continue;
    }
    out.push_back(resource_source(std::move(*p.directive), path, value, &r, "annotation"));
  }
}

}  // namespace

std::vector<Source> collect_sources(const graph::Graph& graph, core::Diagnostics& diags) {
  std::vector<Source> out;
  for (const auto& [path, doc] : documents(graph)) comment_sources(path, *doc, out, diags);
  for (size_t i = 0; i < graph.resources().size(); ++i) {
    const formats::Resource& r = *graph.resources()[i];
    if (r.node == nullptr) continue;
    const std::string& path = graph.file_of(i);
    if (r.format == formats::Format::kCloudFormation) {
      metadata_sources(path, r, out, diags);
    } else if (r.format == formats::Format::kKubernetes) {
      annotation_sources(path, r, out, diags);
    }
  }
  return out;
}

}  // namespace genlens::rules::suppress
