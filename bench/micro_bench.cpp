// Google Benchmark micro-benchmarks of each pipeline stage, on real files
// from the corpus (read at run time, never copied into the repository):
//
//   Parse/{yaml,json}          one real template (the same stack in both forms)
//   ParseFolder/{yaml,json}    every template of the CloudFormation folder
//   CfnAdapt/{one,folder}      the CloudFormation adapter (intrinsic resolution)
//   LoadBuiltinRules           parsing and validating the embedded rules
//   Evaluate/N                 all built-in rules over a graph of N resources
//   RunScan/{cfn,corpus}       cli::run_scan over a directory (no reporter)
//
// Usage: genlens_microbench [--corpus=DIR] [benchmark flags]
// The corpus is --corpus=DIR, else $GENLENS_CORPUS, else ../shared/corpus
// next to the source tree.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bench_support.h"
#include "cli/scan.h"
#include "genlens/core/discover.h"
#include "genlens/formats/cloudformation.h"
#include "genlens/graph/graph.h"
#include "genlens/parse/parse.h"
#include "genlens/rules/engine.h"
#include "genlens/rules/rule.h"

namespace {

namespace core = genlens::core;
namespace cfn = genlens::formats::cloudformation;
using genlens::formats::Unit;

std::string g_corpus;  // NOLINT: set once in main

// The CloudFormation part of the corpus (see SOURCES.md in the corpus).
const char* const kCfnFolder = "aws-cloudformation__aws-cloudformation-templates";
const char* const kCfnFolders[] = {
    "aws-cloudformation__aws-cloudformation-templates",
    "aws-samples__amazon-bedrock-samples",
    "aws-samples__amazon-sagemaker-secure-mlops",
    "aws-samples__bedrock-agents-for-eks",
    "aws-samples__bedrock-kb-rag-workshop",
    "aws-samples__sagemaker-custom-project-templates",
    "aws-samples__secure-data-science-reference-architecture",
};
// The same stack written as YAML and as JSON (58 KB of JSON, 28 KB of YAML).
const char* const kYamlTemplate = "Solutions/WebApp/webapp.yaml";
const char* const kJsonTemplate = "Solutions/WebApp/webapp.json";

// `n` per iteration, as Set{Bytes,Items}Processed want it.
int64_t total(const benchmark::State& state, size_t n) {
  return static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n);
}

std::string cfn_path(const char* rel) { return g_corpus + "/" + kCfnFolder + "/" + rel; }

core::SourcePtr load_source(const std::string& path) {
  return std::make_shared<core::SourceFile>(path, genlens::bench::slurp(path));
}

std::shared_ptr<core::Document> parse_or_die(const core::SourcePtr& source) {
  auto parsed = genlens::bench::parse_any(source);
  if (!parsed.ok()) {
    std::fprintf(stderr, "bench: %s: %s\n", source->path().c_str(), parsed.error().message.c_str());
    std::exit(2);
  }
  return std::move(parsed.value());
}

// Every CloudFormation template under `folders`, parsed once.
struct Template {
  std::shared_ptr<core::Document> doc;
  const core::Node* root = nullptr;
};

std::vector<Template> load_templates(const std::vector<std::string>& folders) {
  core::Diagnostics diags;
  std::vector<Template> out;
  for (const core::DiscoveredFile& f : core::discover(folders, {}, diags)) {
    auto content = core::read_file(f.path, 10u << 20);
    if (!content.ok()) continue;
    auto source = std::make_shared<core::SourceFile>(f.path, std::move(content.value()));
    auto parsed = genlens::bench::parse_any(source);
    if (!parsed.ok()) continue;
    for (const core::Node* root : parsed.value()->roots()) {
      if (cfn::is_template(root)) out.push_back({parsed.value(), root});
    }
  }
  if (out.empty()) {
    std::fprintf(stderr, "bench: no CloudFormation template under %s\n", g_corpus.c_str());
    std::exit(2);
  }
  return out;
}

const std::vector<Template>& cfn_templates() {
  static const std::vector<Template> all = [] {
    std::vector<std::string> folders;
    for (const char* f : kCfnFolders) {
      if (std::filesystem::is_directory(g_corpus + "/" + f)) folders.push_back(g_corpus + "/" + f);
    }
    return load_templates(folders);
  }();
  return all;
}

void parse_one(benchmark::State& state, const char* rel) {
  const std::string path = cfn_path(rel);
  const std::string text = genlens::bench::slurp(path);
  for (auto _ : state) {
    // The line index built by SourceFile is part of what every parse costs.
    auto source = std::make_shared<core::SourceFile>(path, text);
    auto doc = genlens::bench::parse_any(source);
    if (!doc.ok()) state.SkipWithError(doc.error().message.c_str());
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(total(state, text.size()));
}

void BM_ParseYaml(benchmark::State& state) { parse_one(state, kYamlTemplate); }
BENCHMARK(BM_ParseYaml)->Name("Parse/yaml")->Unit(benchmark::kMicrosecond);

void BM_ParseJson(benchmark::State& state) { parse_one(state, kJsonTemplate); }
BENCHMARK(BM_ParseJson)->Name("Parse/json")->Unit(benchmark::kMicrosecond);

// Every file of the CloudFormation folder written in one syntax.
void parse_folder(benchmark::State& state, bool json) {
  std::vector<std::pair<std::string, std::string>> files;
  core::Diagnostics diags;
  size_t bytes = 0;
  for (const core::DiscoveredFile& f : core::discover({g_corpus + "/" + kCfnFolder}, {}, diags)) {
    std::string text = genlens::bench::slurp(f.path);
    if (genlens::bench::looks_like_json(text, f.path) != json) continue;
    bytes += text.size();
    files.emplace_back(f.path, std::move(text));
  }
  for (auto _ : state) {
    for (const auto& [path, text] : files) {
      auto doc = genlens::bench::parse_any(std::make_shared<core::SourceFile>(path, text));
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetBytesProcessed(total(state, bytes));
  state.counters["files"] = static_cast<double>(files.size());
}

void BM_ParseFolder_Yaml(benchmark::State& state) { parse_folder(state, false); }
BENCHMARK(BM_ParseFolder_Yaml)->Name("ParseFolder/yaml")->Unit(benchmark::kMillisecond);

void BM_ParseFolder_Json(benchmark::State& state) { parse_folder(state, true); }
BENCHMARK(BM_ParseFolder_Json)->Name("ParseFolder/json")->Unit(benchmark::kMillisecond);

void BM_CfnAdaptOne(benchmark::State& state) {
  auto doc = parse_or_die(load_source(cfn_path(kYamlTemplate)));
  const core::Node* root = doc->roots().front();
  size_t resources = 0;
  for (auto _ : state) {
    core::Diagnostics diags;
    Unit unit = cfn::adapt(doc, root, diags);
    resources = unit.resources.size();
    benchmark::DoNotOptimize(unit);
  }
  state.SetBytesProcessed(total(state, doc->source().text().size()));
  state.SetItemsProcessed(total(state, resources));
}
BENCHMARK(BM_CfnAdaptOne)->Name("CfnAdapt/one")->Unit(benchmark::kMicrosecond);

void BM_CfnAdaptFolder(benchmark::State& state) {
  const std::vector<Template>& templates = cfn_templates();
  size_t bytes = 0;
  for (const Template& t : templates) bytes += t.doc->source().text().size();
  size_t resources = 0;
  for (auto _ : state) {
    resources = 0;
    for (const Template& t : templates) {
      core::Diagnostics diags;
      Unit unit = cfn::adapt(t.doc, t.root, diags);
      resources += unit.resources.size();
      benchmark::DoNotOptimize(unit);
    }
  }
  state.SetBytesProcessed(total(state, bytes));
  state.SetItemsProcessed(total(state, resources));
  state.counters["templates"] = static_cast<double>(templates.size());
}
BENCHMARK(BM_CfnAdaptFolder)->Name("CfnAdapt/folder")->Unit(benchmark::kMillisecond);

void BM_LoadBuiltinRules(benchmark::State& state) {
  size_t count = 0;
  for (auto _ : state) {
    core::Diagnostics diags;
    auto rules = genlens::cli::load_all_rules({}, diags);
    count = rules->rules().size();
    benchmark::DoNotOptimize(rules);
  }
  state.counters["rules"] = static_cast<double>(count);
}
BENCHMARK(BM_LoadBuiltinRules)->Name("LoadBuiltinRules")->Unit(benchmark::kMicrosecond);

// All built-in rules over a graph of at least N resources: the corpus's
// templates adapted in turn (again from the start when they run out).
void BM_Evaluate(benchmark::State& state) {
  const auto wanted = static_cast<size_t>(state.range(0));
  const std::vector<Template>& templates = cfn_templates();
  std::vector<Unit> units;
  size_t resources = 0;
  for (size_t i = 0; resources < wanted; ++i) {
    if (i == templates.size() && resources == 0) break;  // templates without resources
    const Template& t = templates[i % templates.size()];
    core::Diagnostics diags;
    units.push_back(cfn::adapt(t.doc, t.root, diags));
    resources += units.back().resources.size();
  }
  const genlens::graph::Graph graph(std::move(units));
  core::Diagnostics rule_diags;
  auto rules = genlens::cli::load_all_rules({}, rule_diags);
  size_t findings = 0;
  for (auto _ : state) {
    core::Diagnostics diags;
    genlens::rules::EvalOptions options;
    options.diagnostics = &diags;
    auto out = genlens::rules::evaluate(*rules, graph, options);
    findings = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(total(state, graph.resources().size()));
  state.counters["resources"] = static_cast<double>(graph.resources().size());
  state.counters["rules"] = static_cast<double>(rules->rules().size());
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_Evaluate)
    ->Name("Evaluate")
    ->RangeMultiplier(10)
    ->Range(100, 10000)
    ->Unit(benchmark::kMicrosecond);

// The whole pipeline minus the reporter: discover, read, parse, adapt, graph,
// evaluate. Rule loading is outside the timed region.
void run_scan(benchmark::State& state, const std::string& dir) {
  genlens::cli::ScanOptions options;
  options.paths = {dir};
  core::Diagnostics walk_diags;
  uintmax_t bytes = 0;
  size_t files = 0;
  for (const core::DiscoveredFile& f : core::discover(options.paths, {}, walk_diags)) {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(f.path, ec);
    if (!ec) bytes += size;
    ++files;
  }
  size_t templates = 0;
  size_t resources = 0;
  for (auto _ : state) {
    state.PauseTiming();
    core::Diagnostics diags;
    auto rules = genlens::cli::load_all_rules({}, diags);
    state.ResumeTiming();
    genlens::cli::ScanOutput out = genlens::cli::run_scan(options, std::move(rules), diags);
    templates = out.result.files_scanned;
    resources = out.result.resources;
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(total(state, bytes));
  state.counters["files"] = static_cast<double>(files);
  state.counters["templates"] = static_cast<double>(templates);
  state.counters["resources"] = static_cast<double>(resources);
}

void BM_RunScanCfn(benchmark::State& state) { run_scan(state, g_corpus + "/" + kCfnFolder); }
BENCHMARK(BM_RunScanCfn)->Name("RunScan/cfn-folder")->Unit(benchmark::kMillisecond);

void BM_RunScanCorpus(benchmark::State& state) { run_scan(state, g_corpus); }
BENCHMARK(BM_RunScanCorpus)->Name("RunScan/corpus")->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  g_corpus = genlens::bench::corpus_root(argc, argv);
  if (!std::filesystem::is_directory(g_corpus + "/" + kCfnFolder)) {
    std::fprintf(stderr, "bench: no corpus at %s (want %s/): set GENLENS_CORPUS or --corpus=DIR\n",
                 g_corpus.c_str(), kCfnFolder);
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
