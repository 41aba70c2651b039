// rule_loader_fuzz: bytes -> rules::load_rules as a user's rule file (what
// --rules-dir reads). A rule that loads is then used everywhere a rule is:
// evaluated (with --report-unknown) over a graph built once from the rule
// fixtures and the examples, documented (rule_markdown, the index) and
// described in SARIF and text reports.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "genlens/formats/cloudformation.h"
#include "genlens/graph/graph.h"
#include "genlens/parse/parse.h"
#include "genlens/report/report.h"
#include "genlens/rules/engine.h"
#include "genlens/rules/rule.h"

using namespace genlens;

namespace {

// Templates to evaluate fuzzed rules on: every CloudFormation fixture and
// example of the source tree, adapted once.
const graph::Graph& fixture_graph() {
  static const graph::Graph* g = [] {
    spdlog::set_level(spdlog::level::off);
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const char* dir : {"/testdata/rules", "/examples/cloudformation"}) {
      std::error_code ec;
      for (fs::recursive_directory_iterator it(std::string(GENLENS_SOURCE_DIR) + dir, ec), end;
           !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->is_regular_file() && name.find(".expect.") == std::string::npos) {
          files.push_back(it->path());
        }
      }
    }
    std::sort(files.begin(), files.end());
    std::vector<formats::Unit> units;
    core::Diagnostics diags;
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto source = std::make_shared<const core::SourceFile>(f.string(), std::move(text));
      auto doc = f.extension() == ".json" ? parse::parse_json(source) : parse::parse_yaml(source);
      if (!doc.ok()) continue;
      std::shared_ptr<core::Document> d = std::move(doc.value());
      for (const core::Node* root : d->roots()) {
        if (formats::cloudformation::is_template(root)) {
          units.push_back(formats::cloudformation::adapt(d, root, diags));
        }
      }
    }
    return new graph::Graph(std::move(units));
  }();
  return *g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const graph::Graph& graph = fixture_graph();
  core::Diagnostics diags;
  std::vector<rules::RuleSource> sources{
      {"fuzz-rules/fuzz.yaml", std::string(fuzz::as_text(data, size)), false}};
  auto set = std::make_unique<rules::RuleSet>(rules::load_rules(sources, diags));
  size_t sink = diags.all().size();
  if (set->rules().empty()) return 0;
  rules::EvalOptions eval;
  eval.report_unknown = true;
  eval.diagnostics = &diags;
  report::ScanResult result;
  result.findings = rules::evaluate(*set, graph, eval);
  result.diagnostics = std::move(diags);
  result.rules = set.get();
  result.resources = graph.resources().size();
  for (const auto& rule : set->rules()) sink += rules::rule_markdown(*rule).size();
  sink += rules::rules_index_markdown(*set).size();
  report::ReportOptions ro;
  ro.version = "fuzz";
  ro.srcroot = "/src";
  ro.docs_base_url = "https://example.invalid/rules/";
  std::ostringstream out;
  report::write_sarif(out, result, ro);
  report::write_text(out, result, ro);
  sink += out.str().size();
  return sink == 0xdeadbeef ? 1 : 0;
}
