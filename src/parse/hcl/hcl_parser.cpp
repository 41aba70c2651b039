// parse_hcl: bytes -> tree-sitter-hcl syntax tree -> core::Document.
//
// Bounds: tree-sitter's parser and tree are iterative (100,000 levels of
// nesting parse in linear time without deep recursion); the conversion uses
// an explicit stack and stops descending at options.max_depth. The parse
// itself is cancelled through its progress callback when it has done more
// than kOpsPerByte operations per input byte (real files need under 3, the
// worst hostile inputs tried under 8), when its memory grows past
// kBytesPerByte per input byte plus kBaseBytes, at most kMaxBytes (real files
// take 40-200 bytes per byte, a file of long strings about 200; hostile ones
// up to 620), or when options.max_seconds is over.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "genlens/parse/hcl.h"
#include "parse/hcl/converter.h"
#include "parse/hcl/syntax.h"
#include "parse/hcl/ts_util.h"

namespace genlens::parse {

namespace {

using Clock = std::chrono::steady_clock;

constexpr uint64_t kOpsPerByte = 32;
constexpr uint64_t kBaseOps = 1'000'000;
constexpr uint64_t kOpsPerCallback = 100;  // tree-sitter calls back every 100 operations
constexpr int64_t kBytesPerByte = 256;
constexpr int64_t kBaseBytes = int64_t{64} << 20;
constexpr int64_t kMaxBytes = int64_t{1} << 30;

enum class Stop { kNone, kWork, kMemory, kTime };

struct Budget {
  uint64_t calls = 0;
  uint64_t max_calls = 0;
  int64_t base_bytes = 0;
  int64_t max_bytes = 0;
  bool has_deadline = false;
  Clock::time_point deadline;
  Stop stop = Stop::kNone;
};

bool progress(TSParseState* state) {
  auto* b = static_cast<Budget*>(state->payload);
  if (++b->calls > b->max_calls) {
    b->stop = Stop::kWork;
    return true;
  }
  if (hcl::allocated_bytes() - b->base_bytes > b->max_bytes) {
    b->stop = Stop::kMemory;
    return true;
  }
  if (b->has_deadline && Clock::now() > b->deadline) {
    b->stop = Stop::kTime;
    return true;
  }
  return false;
}

const char* read_input(void* payload, uint32_t byte_index, TSPoint /*position*/,
                       uint32_t* bytes_read) {
  const auto* text = static_cast<const std::string_view*>(payload);
  if (byte_index >= text->size()) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = static_cast<uint32_t>(text->size() - byte_index);
  return text->data() + byte_index;
}

bool has_lone_cr(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) return true;
  }
  return false;
}

HclResult fail(core::Error e) {
  HclResult r;
  r.errors.push_back(std::move(e));
  return r;
}

}  // namespace

std::string_view source_text(const core::SourceFile& file, const core::SourceRange& range) {
  const size_t b = file.offset_of(range.begin);
  const size_t e = std::max(b, file.offset_of(range.end));
  return file.text().substr(b, e - b);
}

HclResult parse_hcl(core::SourcePtr source, const ParseOptions& options) {
  if (source == nullptr) return fail({"no input", {}});
  const std::string_view text = source->text();
  if (const size_t bad = core::find_invalid_utf8(text); bad != std::string_view::npos) {
    return fail({fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[bad])),
                 source->position_at(bad)});
  }
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return fail({"file contains NUL bytes (binary file?)", source->position_at(nul)});
  }
  if (text.size() >= std::numeric_limits<uint32_t>::max() - 1) {
    return fail({"file is too large for the HCL parser (4 GiB or more)", {}});
  }
  // tree-sitter-hcl's scanner ends a heredoc only at a line feed: give it one
  // at the end of the file and instead of lone CRs (same offsets).
  std::string buffer;
  std::string_view src = text;
  const bool lone_cr = has_lone_cr(text);
  const bool open_end = !text.empty() && text.back() != '\n';
  if (lone_cr || open_end) {
    buffer.assign(text);
    if (lone_cr) {
      for (size_t i = 0; i < buffer.size(); ++i) {
        if (buffer[i] == '\r' && (i + 1 == buffer.size() || buffer[i + 1] != '\n'))
          buffer[i] = '\n';
      }
    }
    if (buffer.back() != '\n') buffer += '\n';
    src = buffer;
  }

  hcl::install_counting_allocator();
  hcl::ParserPtr parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), tree_sitter_hcl())) {
    return fail({"internal error: the HCL grammar does not match the tree-sitter runtime", {}});
  }
  Budget budget;
  budget.max_calls = (kOpsPerByte * src.size() + kBaseOps) / kOpsPerCallback;
  budget.base_bytes = hcl::allocated_bytes();
  budget.max_bytes =
      std::min(kMaxBytes, kBytesPerByte * static_cast<int64_t>(src.size()) + kBaseBytes);
  if (options.max_seconds > 0) {
    budget.has_deadline = true;
    budget.deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(options.max_seconds));
  }
  TSInput input{&src, read_input, TSInputEncodingUTF8, nullptr};
  TSParseOptions parse_options{&budget, progress};
  hcl::TreePtr tree(ts_parser_parse_with_options(parser.get(), nullptr, input, parse_options));
  if (tree == nullptr) {
    switch (budget.stop) {
      case Stop::kTime:
        return fail(
            {fmt::format("HCL parsing stopped after {:g} s (time limit)", options.max_seconds),
             core::Position{1, 1}});
      case Stop::kMemory:
        return fail({fmt::format("HCL parsing stopped: the parser needed more than {} MiB for "
                                 "this {}-byte file (pathological input?)",
                                 budget.max_bytes >> 20, text.size()),
                     core::Position{1, 1}});
      default:
        return fail(
            {"HCL parsing stopped: the file needs far more parser work than its size "
             "(pathological input?)",
             core::Position{1, 1}});
    }
  }
  const TSNode root = ts_tree_root_node(tree.get());

  auto doc = std::make_shared<core::Document>(source);
  hcl::PositionTable positions;
  std::vector<hcl::PendingError> pending;
  std::vector<hcl::PendingComment> comments;
  hcl::walk_syntax(root, src, *source, pending, comments);
  hcl::Converter(*doc, src, options, positions, pending).run(root);

  std::stable_sort(pending.begin(), pending.end(),
                   [](const auto& a, const auto& b) { return a.offset < b.offset; });
  HclResult result;
  result.errors.resize(pending.size());
  for (size_t i = 0; i < pending.size(); ++i) {
    result.errors[i].message = std::move(pending[i].message);
    positions.request(pending[i].offset, &result.errors[i].pos);
  }
  std::vector<core::Comment> cs(comments.size());
  for (size_t i = 0; i < comments.size(); ++i) {
    cs[i].text = std::move(comments[i].text);
    positions.request(comments[i].offset, &cs[i].pos);
  }
  positions.resolve(*source);
  for (core::Comment& c : cs) doc->add_comment(std::move(c));
  result.doc = std::move(doc);
  return result;
}

}  // namespace genlens::parse
