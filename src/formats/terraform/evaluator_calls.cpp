// Function calls: argument expansion, try/can (arguments not pre-evaluated)
// and templatefile (a file evaluated as a template with its vars).
#include <fmt/format.h>

#include <memory>
#include <utility>

#include "formats/terraform/eval_support.h"
#include "formats/terraform/evaluator.h"
#include "genlens/parse/hcl.h"

namespace genlens::formats::terraform {
namespace {

using core::Node;
using core::Value;
using core::ValueKind;
using detail::child;
using detail::Ctx;
using detail::Guard;
namespace tag = parse::hcl_tag;

constexpr int kMaxTemplatefileDepth = 8;

bool in_tree(const Node* n, const Node* root) {
  while (n != nullptr && n != root) n = n->parent;
  return n != nullptr;
}

// A copy of `v` with every origin inside the template document `root`
// moved to `at` (the template document does not outlive the call).
const Value* reorigin(core::ValueArena& arena, const Value* v, const Node* root, const Node* at,
                      int depth) {
  if (v == nullptr) return nullptr;
  Value* copy = arena.make(v->kind, at);
  if (copy == nullptr) return nullptr;
  *copy = *v;
  if (in_tree(v->origin, root)) copy->origin = at;
  std::erase_if(copy->segments,
                [&](const core::StringSegment& s) { return in_tree(s.origin, root); });
  std::erase_if(copy->provenance, [&](const Node* p) { return in_tree(p, root); });
  if (depth > kMaxDepth) return copy;
  for (auto& item : copy->items) {
    item = reorigin(arena, item, root, at, depth + 1);
    if (item == nullptr) return nullptr;
  }
  for (auto& entry : copy->entries) {
    entry.second = reorigin(arena, entry.second, root, at, depth + 1);
    if (entry.second == nullptr) return nullptr;
  }
  return copy;
}

}  // namespace

const Value* Evaluator::call(const Node* node) {
  std::string_view name = node->text;
  if (name.rfind("core::", 0) == 0) name.remove_prefix(6);
  const Ctx c{arena_, scope_, node, name};
  if (name.find("::") != std::string_view::npos) {
    return c.unknown(fmt::format("provider function {} is not evaluated", node->text));
  }
  if (name == "try") return try_(node);
  if (name == "can") return can(node);
  std::vector<const Value*> args;
  for (const Node* a : node->children) {
    const bool expand = detail::is_expr(a, tag::kExpand);
    const Value* v = eval_node(expand ? child(a, 0) : a);
    if (v == nullptr) return nullptr;
    if (is_error(v)) return c.propagate(v);
    if (!expand) {
      args.push_back(v);
      continue;
    }
    if (!v->known()) return c.propagate(v);
    if (!v->is_list()) return c.error("the expanded argument (...) must be a list");
    args.insert(args.end(), v->items.begin(), v->items.end());
  }
  if (name == "templatefile") return templatefile(node, args);
  return call_function(arena_, scope_, name, args, node);
}

const Value* Evaluator::try_(const Node* node) {
  const Ctx c{arena_, scope_, node, "try"};
  if (node->children.empty()) return c.error("at least one argument is required");
  std::string last;
  for (const Node* a : node->children) {
    const Value* v = nullptr;
    {
      Guard g(in_try_);
      v = eval_node(a);
    }
    if (v == nullptr) return nullptr;
    if (is_error(v)) {
      last = v->reason;
      continue;
    }
    // A value that is not wholly known might still fail once known.
    if (const Value* u = detail::first_unknown(v)) return c.propagate(u);
    return v;
  }
  return c.error(fmt::format("no expression succeeded (last: {})", last));
}

const Value* Evaluator::can(const Node* node) {
  const Ctx c{arena_, scope_, node, "can"};
  if (node->children.size() != 1) return c.error("exactly one argument is required");
  const Value* v = nullptr;
  {
    Guard g(in_try_);
    v = eval_node(node->children[0]);
  }
  if (v == nullptr) return nullptr;
  if (is_error(v)) return c.boolean(false);
  if (const Value* u = detail::first_unknown(v)) return c.propagate(u);
  return c.boolean(true);
}

const Value* Evaluator::templatefile(const Node* node, const std::vector<const Value*>& args) {
  const Ctx c{arena_, scope_, node, "templatefile"};
  if (args.size() != 2) return c.error("expects 2 arguments (path, vars)");
  for (const Value* a : args) {
    if (!a->known() || a->partial) return c.propagate(a);
  }
  if (!args[0]->is_string()) return c.error("path must be a string");
  if (!args[1]->is_map()) return c.error("vars must be an object or map");
  if (templatefile_depth_ >= kMaxTemplatefileDepth) {
    return c.unknown("templatefile nested too deeply to evaluate");
  }
  std::string content;
  std::string why;
  if (!scope_.read_file(args[0]->text, content, why)) {
    return c.unknown(fmt::format("templatefile: {} is not readable: {}", args[0]->text, why));
  }
  // parse_hcl reads a bare template as the body of a heredoc whose marker
  // does not occur in the file.
  std::string marker = "GENLENS_TEMPLATE";
  while (content.find(marker) != std::string::npos) marker += "_X";
  const bool newline = !content.empty() && content.back() == '\n';
  std::string text = "t = <<" + marker + "\n" + content + (newline ? "" : "\n") + marker + "\n";
  const parse::HclResult parsed =
      parse::parse_hcl(std::make_shared<const core::SourceFile>(args[0]->text, std::move(text)));
  if (parsed.doc == nullptr || !parsed.errors.empty() || parsed.doc->roots().empty()) {
    return c.error(fmt::format("{} is not a valid template{}{}", args[0]->text,
                               parsed.errors.empty() ? "" : ": ",
                               parsed.errors.empty() ? "" : parsed.errors.front().message));
  }
  const Node* root = parsed.doc->roots().front();
  const Node* body = root->find("t");
  if (body == nullptr) return c.error(fmt::format("{} is not a valid template", args[0]->text));

  std::map<std::string, const Value*> vars;
  for (const auto& [k, v] : detail::sorted_entries(args[1])) vars[k] = v;
  std::vector<std::map<std::string, const Value*>> saved = std::exchange(bindings_, {vars});
  const bool saved_isolated = std::exchange(isolated_, true);
  const Value* r = nullptr;
  {
    Guard g(templatefile_depth_);
    r = eval_node(body);
  }
  bindings_ = std::move(saved);
  isolated_ = saved_isolated;
  if (r == nullptr) return nullptr;
  if (!r->known()) return c.propagate(r);
  if (!r->is_string()) {
    const std::optional<std::string> t = detail::to_text(r);
    if (!t) return c.error("template result must be a string");
    return c.str(*t);
  }
  const Value* out = reorigin(arena_, r, root, node, 0);
  if (out == nullptr) return nullptr;
  Value* s = const_cast<Value*>(out);
  if (!newline && !s->text.empty() && s->text.back() == '\n') {
    s->text.pop_back();
    std::erase_if(s->segments,
                  [&](const core::StringSegment& g) { return g.out_offset >= s->text.size(); });
  }
  s->origin = node;
  return s;
}

}  // namespace genlens::formats::terraform
