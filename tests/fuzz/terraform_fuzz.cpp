// terraform_fuzz: bytes -> a Terraform module directory -> terraform::adapt
// (the evaluator, its functions, module calls, count/for_each, dynamic
// blocks, aws_iam_policy_document) -> graph::Graph (reference, name and
// policy edges).
//
// The input is split at lines "#--" (kSeparator) into up to three files:
//
//   part 1   fuzz/main.tf          the root module
//   part 2   fuzz/mod/main.tf      a local module (`source = "./mod"` calls it)
//   part 3   fuzz/terraform.tfvars variables of the root module
//
// A part whose first non-blank byte is `{` is Terraform JSON instead
// (main.tf.json, read by parse_tf_json; terraform.tfvars.json, plain JSON).
// Nothing is read from the disk: file() finds nothing, installed modules
// are not looked for.
//
// Besides ASan/UBSan it checks: every diagnostic names one of the files and
// a position inside it; every resource's body, and every node its value or
// an edge points at, is inside one of the files (or a document parsed out
// of one) that the units still keep alive (the fuzz target drops its own
// references to the documents after adapt()); edges join existing
// resources.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "genlens/formats/terraform.h"
#include "genlens/graph/graph.h"
#include "genlens/parse/hcl.h"

using namespace genlens;

namespace {

constexpr std::string_view kSeparator = "\n#--\n";
constexpr size_t kMaxValues = 4096;  // values visited per resource

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "terraform_fuzz: %s\n", what.c_str());
  std::abort();
}

bool json_syntax(std::string_view text) {
  const size_t i = text.find_first_not_of(" \t\r\n");
  return i != std::string_view::npos && text[i] == '{';
}

struct Files {
  std::map<std::string, core::SourcePtr> sources;  // every input file
  // Root node of each parsed file -> its source. The documents themselves
  // are held only by `dirs`, which is released after adapt(): what the
  // units and the graph point into must be kept alive by them.
  std::map<const core::Node*, core::SourcePtr> roots;
  std::vector<formats::terraform::Directory> dirs;

  // Parses `text` as `path` (HCL, or Terraform JSON / JSON when it looks
  // like JSON) into directory `dir`; syntax errors become diagnostics.
  void add(const std::string& dir, const std::string& name, std::string_view text, bool vars,
           core::Diagnostics& diags) {
    const bool json = json_syntax(text);
    const std::string path = dir + "/" + name + (json ? ".json" : "");
    auto source = fuzz::make_source(path, text);
    sources[path] = source;
    parse::ParseOptions options;
    options.max_nodes = 100'000;
    std::shared_ptr<core::Document> doc;
    std::vector<core::Error> errors;
    if (json && vars) {
      parse::DocResult r = parse::parse_json(source, options);
      if (r.ok()) doc = r.value();
      if (!r.ok()) errors.push_back(r.error());
    } else {
      parse::HclResult r =
          json ? parse::parse_tf_json(source, options) : parse::parse_hcl(source, options);
      doc = r.doc;
      errors = r.errors;
    }
    for (const core::Error& e : errors) {
      diags.error(core::DiagnosticKind::kInput, "parse-error", path, e.pos, e.message);
    }
    if (doc == nullptr) return;
    for (const core::Node* root : doc->roots()) roots[root] = source;
    formats::terraform::Directory* d = nullptr;
    for (auto& existing : dirs) {
      if (existing.path == dir) d = &existing;
    }
    if (d == nullptr) {
      d = &dirs.emplace_back();
      d->path = dir;
    }
    (vars ? d->variables : d->configuration).push_back(doc);
  }

  // The file a node belongs to (through the hosts of embedded documents);
  // walking up a freed document is a use-after-free under ASan.
  [[nodiscard]] const core::SourceFile* owner(const core::Node* n) const {
    while (n->parent != nullptr) n = n->parent;
    auto it = roots.find(n);
    return it == roots.end() ? nullptr : it->second.get();
  }
};

bool inside(const core::SourceFile& file, core::Position p) {
  if (!p.known()) return false;
  const core::Position end = file.position_at(file.text().size());
  return !(end < p) && file.position_at(file.offset_of(p)) == p;
}

void check_node(const Files& files, const core::Node* n, const char* what) {
  const core::SourceFile* file = files.owner(n);
  if (file == nullptr) fail(std::string(what) + " is in no input file: " + n->path());
  for (core::Position p : {n->range.begin, n->range.end}) {
    if (p.known() && !inside(*file, p)) {
      fail(std::string(what) + " position outside " + file->path() + ": " + n->path());
    }
  }
}

// The nodes a resource's value points at, breadth first, at most kMaxValues.
void check_value(const Files& files, const core::Value* root) {
  std::vector<const core::Value*> todo{root};
  for (size_t i = 0; i < todo.size() && i < kMaxValues; ++i) {
    const core::Value* v = todo[i];
    if (v == nullptr) continue;
    if (v->origin != nullptr) check_node(files, v->origin, "value origin");
    for (const core::Node* p : v->provenance) check_node(files, p, "value provenance");
    for (const auto& [k, e] : v->entries) todo.push_back(e);
    for (const core::Value* e : v->items) todo.push_back(e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  std::vector<std::string_view> parts;
  for (size_t from = 0;;) {
    const size_t at = parts.size() < 2 ? text.find(kSeparator, from) : std::string_view::npos;
    parts.push_back(
        text.substr(from, at == std::string_view::npos ? text.size() - from : at - from));
    if (at == std::string_view::npos) break;
    from = at + kSeparator.size();
  }
  core::Diagnostics diags;
  Files files;
  files.add("fuzz", "main.tf", parts[0], false, diags);
  if (parts.size() > 1) files.add("fuzz/mod", "main.tf", parts[1], false, diags);
  if (parts.size() > 2) files.add("fuzz", "terraform.tfvars", parts[2], true, diags);
  // A directory of tfvars alone is not a module.
  std::vector<formats::terraform::Directory> dirs;
  for (auto& d : files.dirs) {
    if (!d.configuration.empty()) dirs.push_back(d);
  }

  formats::terraform::Options options;
  options.max_instances = 1000;
  std::vector<formats::Unit> units = formats::terraform::adapt(dirs, options, diags);
  dirs.clear();
  files.dirs.clear();  // from here on, only the units keep documents alive
  const graph::Graph g(std::move(units));

  for (const core::Diagnostic& d : diags.all()) {
    auto f = files.sources.find(d.path);
    if (f == files.sources.end()) fail("diagnostic for an unknown file: " + d.to_string());
    if (!inside(*f->second, d.pos)) fail("diagnostic outside its file: " + d.to_string());
    if (d.message.empty()) fail("diagnostic without a message");
  }
  const auto& resources = g.resources();
  for (size_t i = 0; i < resources.size(); ++i) {
    const formats::Resource* r = resources[i];
    if (r->node == nullptr || r->value == nullptr) fail("resource without body: " + r->name);
    check_node(files, r->node, "resource");
    if (files.sources.count(g.file_of(i)) == 0) fail("resource in an unknown file: " + r->name);
    const core::SourceRange anchor = r->node->anchor();
    if (!inside(*files.owner(r->node), anchor.begin)) fail("anchor outside: " + r->name);
    check_value(files, r->value);
    for (const formats::Reference& ref : r->references) {
      if (ref.at != nullptr) check_node(files, ref.at, "reference");
    }
  }
  for (const graph::Edge& e : g.edges()) {
    if (e.from >= resources.size() || e.to >= resources.size()) fail("edge to nowhere");
    if (e.at != nullptr) check_node(files, e.at, "edge");
  }
  return 0;
}
