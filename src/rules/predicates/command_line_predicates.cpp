// Predicates over a container's command line: the `command` and `args` of a
// Kubernetes container (KServe model specs and Ray/Kubeflow replicas use the
// same shape). A flag is found as its own item (`--api-key`, `sk-1`), as
// `--flag=value`, or as a word of a shell script item (`sh -c "vllm serve
// ... --api-key sk-1"`).
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "rules/engine/regex_cache.h"
#include "rules/predicates/functions.h"

namespace genlens::rules::predicates {
namespace {

using core::Value;
using detail::Outcome;

struct Word {
  std::string text;
  const Value* item = nullptr;  // the command/args item the word is in
  bool unknown = false;
};

std::string unquote(std::string s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return s;
}

void split_words(const Value* item, std::vector<Word>& out) {
  if (!item->known() || item->partial || item->is_map() || item->is_list()) {
    out.push_back({"", item, true});
    return;
  }
  const std::string text = item->scalar_text();
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
    size_t j = i;
    while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j])) == 0) ++j;
    if (j > i) out.push_back({unquote(text.substr(i, j - i)), item, false});
    i = j;
  }
}

std::vector<Word> words_of(const Value* container) {
  std::vector<Word> out;
  for (const char* key : {"command", "args"}) {
    const Value* list = container->find(key);
    if (list == nullptr) continue;
    if (!list->is_list()) {
      out.push_back({"", list, true});
      continue;
    }
    for (const Value* item : list->items) split_words(item, out);
  }
  return out;
}

enum class Source { kLiteral, kRunTime };

struct FlagValue {
  Source source = Source::kLiteral;
  std::string text;
  std::string reason;  // run time: where the value comes from
};

// `$(NAME)` is expanded by the kubelet from the container's environment: a
// literal `value` is written in the manifest, `valueFrom`/`envFrom` are not;
// a reference to no variable stays as written. A word starting with `$`
// is otherwise a shell expansion.
FlagValue resolve(const Value* container, const std::string& text) {
  if (text.size() > 3 && text.compare(0, 2, "$(") == 0 && text.back() == ')') {
    const std::string name = text.substr(2, text.size() - 3);
    const Value* env = container->find("env");
    if (env != nullptr && env->is_list()) {
      for (const Value* var : env->items) {
        const Value* n = var->is_map() ? var->find("name") : nullptr;
        if (n == nullptr || n->scalar_text() != name) continue;
        const Value* literal = var->find("value");
        if (literal != nullptr && literal->known() && !literal->partial) {
          return {Source::kLiteral, literal->scalar_text(), {}};
        }
        return {Source::kRunTime, {}, "$(" + name + ") is set from valueFrom at run time"};
      }
    }
    if (container->find("envFrom") != nullptr) {
      return {Source::kRunTime, {}, "$(" + name + ") may come from envFrom at run time"};
    }
    return {Source::kLiteral, text, {}};
  }
  if (!text.empty() && text.front() == '$') {
    return {Source::kRunTime, {}, text + " is expanded by the shell at run time"};
  }
  return {Source::kLiteral, text, {}};
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool matches_one(const std::vector<std::string>& patterns, const std::string& text) {
  for (const std::string& p : patterns) {
    const RE2& re = detail::cached_regex(p);
    if (re.ok() && RE2::PartialMatch(text, re)) return true;
  }
  return false;
}

}  // namespace

Outcome command_line_flag(const Context&, const Value* container, const Args& args) {
  if (container == nullptr || !container->is_map()) return Outcome{Verdict::kFail, {}, {}, {}};
  const std::vector<Word> words = words_of(container);
  const bool boolean = args.flag("boolean");
  const bool literal = args.flag("literal");
  const std::vector<std::string>& values = args.list("values");
  Outcome out{Verdict::kFail, {}, {}, {}};
  std::string unknown;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.unknown) {
      unknown = w.item->reason.empty() ? "the command line is not known" : w.item->reason;
      continue;
    }
    for (const std::string& flag : args.list("flags")) {
      const bool alone = w.text == flag;
      const bool joined = w.text.size() > flag.size() + 1 &&
                          w.text.compare(0, flag.size(), flag) == 0 && w.text[flag.size()] == '=';
      if (!alone && !joined) continue;
      const Value* where = w.item;
      std::string raw;
      bool has_value = joined;
      if (joined) {
        raw = w.text.substr(flag.size() + 1);
      } else if (!boolean && i + 1 < words.size() && !words[i + 1].unknown &&
                 words[i + 1].text.rfind('-', 0) != 0) {
        raw = words[i + 1].text;
        where = words[i + 1].item;
        has_value = true;
      }
      bool holds = false;
      if (boolean) {
        const std::string v = lower(unquote(raw));
        holds = !has_value || (v != "false" && v != "0" && v != "no" && v != "off");
      } else if (has_value) {
        const FlagValue fv = resolve(container, raw);
        if (fv.source == Source::kRunTime) {
          if (!values.empty() && !literal) unknown = flag + ": " + fv.reason;
          holds = values.empty() && !literal;
        } else if (!fv.text.empty()) {
          holds = values.empty() || matches_one(values, fv.text);
        }
      }
      if (holds) {
        out.verdict = Verdict::kPass;
        out.witnesses.push_back({where, false});
      }
    }
  }
  if (out.verdict == Verdict::kFail && !unknown.empty()) {
    return Outcome{Verdict::kUnknown, {}, unknown, {}};
  }
  return out;
}

}  // namespace genlens::rules::predicates
