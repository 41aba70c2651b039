#pragma once
// Glob languages for IAM analysis: literal characters, '?' (exactly one
// character) and '*' (any run, possibly empty). Two questions are answered
// exactly: do two globs share a string (overlap), and is every string of one
// glob matched by at least one of several others (covers).
//
// Partly known strings (core::kUnknownMark runs) become globs too: a mark
// stands for any string, so the glob over-approximates every value the
// string can take. "No overlap" / "not covered" on that glob is therefore a
// definite answer; "overlap" / "covered" only means "possibly".
#include <cstdint>
#include <string_view>
#include <vector>

namespace genlens::rules::iam::detail {

enum class TokKind : uint8_t { kChar, kOne, kAny };
struct Tok {
  TokKind kind = TokKind::kChar;
  char c = 0;
};
using Glob = std::vector<Tok>;

enum class Case : uint8_t { kSensitive, kFold };

// An IAM pattern ("bedrock:Invoke*"): '*' and '?' are wildcards. A partial
// string's unknown runs are wildcards too (the result is a superset of what
// the pattern can match once the unknown runs are filled in).
Glob pattern_glob(std::string_view text, Case c = Case::kFold);
// A string compared literally ("Allow", "*" in Resource): only unknown runs
// are wildcards; '*' and '?' in the text are ordinary characters.
Glob literal_glob(std::string_view text, Case c = Case::kSensitive);
// Appends tokens to a glob (for building targets such as "<service>:?*").
void append_literal(Glob& g, std::string_view text, Case c = Case::kFold);
void append(Glob& g, TokKind kind);

// Some string is matched by both.
bool overlap(const Glob& a, const Glob& b);
// Every string matched by `inner` is matched by one of `outers` (exact, by a
// subset construction over the outers). Gives up as "not covered" after a
// work budget that IAM-sized patterns do not approach; callers keep hostile
// (very long) strings away from it.
bool covers(const std::vector<Glob>& outers, const Glob& inner);

}  // namespace genlens::rules::iam::detail
