#include "rules/predicates/iam_glob.h"

#include <algorithm>
#include <set>
#include <utility>

#include "genlens/core/value.h"

namespace genlens::rules::iam::detail {
namespace {

// Budget for covers(): state-set entries stored while searching.
constexpr size_t kMaxWork = 200'000;

char fold(char ch, Case c) {
  if (c == Case::kFold && ch >= 'A' && ch <= 'Z') return static_cast<char>(ch - 'A' + 'a');
  return ch;
}

Glob build(std::string_view text, Case c, bool wildcards) {
  Glob g;
  for (const char ch : text) {
    if (ch == core::kUnknownMark || (wildcards && ch == '*')) {
      append(g, TokKind::kAny);
    } else if (wildcards && ch == '?') {
      append(g, TokKind::kOne);
    } else {
      g.push_back({TokKind::kChar, fold(ch, c)});
    }
  }
  return g;
}

// Whether token `t` consumes input symbol `sym` (a character, or "other": a
// character that no literal token in play can match).
bool consumes(const Tok& t, bool other, char sym) {
  return t.kind != TokKind::kChar || (!other && t.c == sym);
}

size_t advance(const Tok& t, size_t pos) { return t.kind == TokKind::kAny ? pos : pos + 1; }

// A set of (outer index, position) states closed under "'*' matches nothing".
using StateSet = std::vector<std::pair<size_t, size_t>>;

void close(const std::vector<Glob>& outers, StateSet& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto [k, pos] = s[i];
    if (pos < outers[k].size() && outers[k][pos].kind == TokKind::kAny) s.emplace_back(k, pos + 1);
  }
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
}

bool accepting(const std::vector<Glob>& outers, const StateSet& s) {
  return std::any_of(s.begin(), s.end(),
                     [&](const auto& st) { return st.second == outers[st.first].size(); });
}

StateSet step(const std::vector<Glob>& outers, const StateSet& s, bool other, char sym) {
  StateSet out;
  for (const auto& [k, pos] : s) {
    if (pos < outers[k].size() && consumes(outers[k][pos], other, sym)) {
      out.emplace_back(k, advance(outers[k][pos], pos));
    }
  }
  close(outers, out);
  return out;
}

}  // namespace

void append(Glob& g, TokKind kind) {
  // "**" means the same as "*"; keeping one keeps the automata small.
  if (kind == TokKind::kAny && !g.empty() && g.back().kind == TokKind::kAny) return;
  g.push_back({kind, 0});
}

void append_literal(Glob& g, std::string_view text, Case c) {
  for (const char ch : text) g.push_back({TokKind::kChar, fold(ch, c)});
}

Glob pattern_glob(std::string_view text, Case c) { return build(text, c, true); }
Glob literal_glob(std::string_view text, Case c) { return build(text, c, false); }

bool overlap(const Glob& a, const Glob& b) {
  // Reachability in the product of the two automata; state (i, j) means
  // a[0, i) and b[0, j) have matched the same prefix.
  const size_t width = b.size() + 1;
  std::vector<char> seen((a.size() + 1) * width, 0);
  std::vector<std::pair<size_t, size_t>> todo{{0, 0}};
  while (!todo.empty()) {
    const auto [i, j] = todo.back();
    todo.pop_back();
    if (seen[i * width + j] != 0) continue;
    seen[i * width + j] = 1;
    if (i == a.size() && j == b.size()) return true;
    if (i < a.size() && a[i].kind == TokKind::kAny) todo.emplace_back(i + 1, j);
    if (j < b.size() && b[j].kind == TokKind::kAny) todo.emplace_back(i, j + 1);
    if (i < a.size() && j < b.size()) {
      const bool clash =
          a[i].kind == TokKind::kChar && b[j].kind == TokKind::kChar && a[i].c != b[j].c;
      if (!clash) todo.emplace_back(advance(a[i], i), advance(b[j], j));
    }
  }
  return false;
}

bool covers(const std::vector<Glob>& outers, const Glob& inner) {
  // Look for a string of `inner` that no outer matches: walk inner's
  // automaton together with the determinised union of the outers. Input
  // symbols: every literal character in play, plus one "other" character.
  std::string alphabet;
  auto collect = [&](const Glob& g) {
    for (const Tok& t : g) {
      if (t.kind == TokKind::kChar) alphabet.push_back(t.c);
    }
  };
  collect(inner);
  for (const Glob& g : outers) collect(g);
  std::sort(alphabet.begin(), alphabet.end());
  alphabet.erase(std::unique(alphabet.begin(), alphabet.end()), alphabet.end());

  StateSet start;
  for (size_t k = 0; k < outers.size(); ++k) start.emplace_back(k, 0);
  close(outers, start);
  std::set<std::pair<size_t, StateSet>> seen;
  size_t work = 0;
  std::vector<std::pair<size_t, StateSet>> todo{{0, std::move(start)}};
  while (!todo.empty()) {
    auto [j, s] = std::move(todo.back());
    todo.pop_back();
    if (j == inner.size() && !accepting(outers, s)) return false;  // a counterexample
    if (!seen.emplace(j, s).second) continue;
    work += s.size() + 1;
    if (work > kMaxWork) return false;
    if (j == inner.size()) continue;
    const Tok& t = inner[j];
    if (t.kind == TokKind::kAny) todo.emplace_back(j + 1, s);
    for (size_t a = 0; a <= alphabet.size(); ++a) {
      const bool other = a == alphabet.size();
      const char sym = other ? '\0' : alphabet[a];
      if (consumes(t, other, sym)) todo.emplace_back(advance(t, j), step(outers, s, other, sym));
    }
  }
  return true;
}

}  // namespace genlens::rules::iam::detail
