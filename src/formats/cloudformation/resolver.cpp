#include "formats/cloudformation/resolver.h"

#include <fmt/format.h>

namespace genlens::formats::cloudformation {
namespace {

using core::Node;
using core::Value;
using core::ValueKind;

constexpr int kMaxDepth = 200;

bool is_intrinsic_key(const std::string& k) { return k == "Ref" || k.rfind("Fn::", 0) == 0; }

const Node* item(const Node* seq, size_t i) {
  if (seq == nullptr || !seq->is_sequence() || i >= seq->children.size()) return nullptr;
  return seq->children[i];
}

bool is_pseudo(const std::string& name) { return name.rfind("AWS::", 0) == 0; }

}  // namespace

Resolver::Resolver(const Node* root, core::ValueArena& arena) : arena_(arena) {
  if (root != nullptr && root->is_map()) {
    parameters_ = root->find("Parameters");
    mappings_ = root->find("Mappings");
    conditions_ = root->find("Conditions");
    if (const Node* res = root->find("Resources"); res != nullptr && res->is_map()) {
      for (const Node* r : res->children) resources_.insert(r->key);
    }
  }
}

const Value* Resolver::resolve(const Node* node) { return resolve_depth(node, 0); }

const Value* Resolver::unknown(const Node* at, std::string reason) {
  Value* v = arena_.make(ValueKind::kUnknown, at);
  if (v != nullptr) v->reason = std::move(reason);
  return v;
}

const Value* Resolver::with_provenance(const Value* v, std::vector<const Node*> chain) {
  // chain = {use site, origin, ...}: the value is reported at its use site
  // and lists where it came from.
  if (v == nullptr || chain.empty()) return v;
  Value* copy = arena_.make(v->kind, chain.front());
  if (copy == nullptr) return nullptr;
  *copy = *v;
  copy->origin = chain.front();
  std::vector<const Node*> prov(chain.begin() + 1, chain.end());
  prov.insert(prov.end(), v->provenance.begin(), v->provenance.end());
  copy->provenance = std::move(prov);
  return copy;
}

void Resolver::record(ReferenceKind kind, const Node* at, std::string target, std::string attr) {
  refs_.push_back(
      Reference{kind, std::move(target), std::move(attr), at, at->path(), {}, {}, true});
}

const Value* Resolver::resolve_depth(const Node* node, int depth) {
  if (node == nullptr) return nullptr;
  if (depth > kMaxDepth) return unknown(node, "expression nested too deeply");
  if (node->is_map() && node->children.size() == 1 && is_intrinsic_key(node->children[0]->key)) {
    return intrinsic(node, node->children[0], depth);
  }
  switch (node->kind) {
    case core::NodeKind::kMap: {
      Value* v = arena_.make(ValueKind::kMap, node);
      if (v == nullptr) return nullptr;
      for (const Node* c : node->children) {
        const Value* cv = resolve_depth(c, depth + 1);
        if (cv != nullptr) v->entries.emplace_back(c->key, cv);
        if (arena_.exhausted()) return nullptr;
      }
      return v;
    }
    case core::NodeKind::kSequence: {
      Value* v = arena_.make(ValueKind::kList, node);
      if (v == nullptr) return nullptr;
      for (const Node* c : node->children) {
        const Value* cv = resolve_depth(c, depth + 1);
        if (cv != nullptr) v->items.push_back(cv);
        if (arena_.exhausted()) return nullptr;
      }
      return v;
    }
    case core::NodeKind::kScalar:
      if (node->scalar_type == core::ScalarType::kString &&
          node->text.find("{{resolve:") != std::string::npos) {
        return unknown(node, "dynamic reference resolved at deploy time");
      }
      return core::literal_value(arena_, node);
    default:
      return core::literal_value(arena_, node);
  }
}

const Value* Resolver::intrinsic(const Node* fn, const Node* entry, int depth) {
  const std::string& name = entry->key;
  if (name == "Ref") return ref(fn, entry);
  if (name == "Fn::GetAtt") {
    std::string target;
    std::string attr;
    if (entry->is_sequence() && !entry->children.empty()) {
      target = entry->children[0]->text;
      if (entry->children.size() > 1) attr = entry->children[1]->text;
    } else if (entry->is_scalar()) {
      const size_t dot = entry->text.find('.');
      target = entry->text.substr(0, dot);
      if (dot != std::string::npos) attr = entry->text.substr(dot + 1);
    }
    if (!target.empty()) record(ReferenceKind::kGetAtt, fn, target, attr);
    return unknown(fn, fmt::format("{}.{} is known after deployment", target, attr));
  }
  if (name == "Fn::Sub") return sub(fn, entry, depth);
  if (name == "Fn::Join") return join(fn, entry, depth);
  if (name == "Fn::Select") return select(fn, entry, depth);
  if (name == "Fn::Split") return split(fn, entry, depth);
  if (name == "Fn::FindInMap") return find_in_map(fn, entry, depth);
  if (name == "Fn::If") return if_(fn, entry, depth);
  // Fn::ImportValue, Fn::GetAZs, Fn::Base64, Fn::Cidr, Fn::Transform, ...:
  // walk the argument for references, then Unknown.
  if (entry->is_map() || entry->is_sequence()) (void)resolve_depth(entry, depth + 1);
  return unknown(fn, fmt::format("{} is evaluated at deploy time", name));
}

const Value* Resolver::ref(const Node* fn, const Node* arg) {
  const std::string& name = arg->text;
  if (name == "AWS::NoValue") return nullptr;
  if (auto b = bindings_.find(name); b != bindings_.end()) {
    Value* v = arena_.make(ValueKind::kString, fn);
    if (v != nullptr) v->text = b->second;
    return v;
  }
  if (is_pseudo(name))
    return unknown(fn, fmt::format("pseudo parameter {} is known at deploy time", name));
  if (const Node* p = parameters_ != nullptr ? parameters_->find(name) : nullptr; p != nullptr) {
    const Node* def = p->is_map() ? p->find("Default") : nullptr;
    const Node* type = p->is_map() ? p->find("Type") : nullptr;
    const std::string type_name = type != nullptr ? type->text : "String";
    if (def == nullptr || type_name.rfind("AWS::SSM::Parameter::Value", 0) == 0) {
      return unknown(fn, def == nullptr ? fmt::format("parameter {} has no default", name)
                                        : fmt::format("parameter {} is read from SSM", name));
    }
    const Value* v = nullptr;
    if (def->is_scalar() &&
        (type_name.rfind("List<", 0) == 0 || type_name == "CommaDelimitedList")) {
      Value* list = arena_.make(ValueKind::kList, def);
      if (list == nullptr) return nullptr;
      size_t start = 0;
      const std::string& s = def->text;
      while (start <= s.size()) {
        const size_t comma = std::min(s.find(',', start), s.size());
        Value* piece = arena_.make(ValueKind::kString, def);
        if (piece == nullptr) return nullptr;
        piece->text = s.substr(start, comma - start);
        list->items.push_back(piece);
        start = comma + 1;
      }
      v = list;
    } else {
      v = core::literal_value(arena_, def);
    }
    return with_provenance(v, {fn, def});
  }
  if (resources_.count(name) != 0) {
    record(ReferenceKind::kRef, fn, name, "");
    return unknown(fn, fmt::format("Ref {} is known after deployment", name));
  }
  return unknown(
      fn, fmt::format("Ref {} does not name a parameter or resource in this template", name));
}

const Value* Resolver::sub(const Node* fn, const Node* entry, int depth) {
  const Node* tmpl = entry;
  const Node* vars = nullptr;
  if (entry->is_sequence()) {
    tmpl = item(entry, 0);
    vars = item(entry, 1);
  }
  if (tmpl == nullptr || !tmpl->is_scalar()) return unknown(fn, "malformed Fn::Sub");
  Value* out = arena_.make(ValueKind::kString, tmpl);
  if (out == nullptr) return nullptr;
  const std::string& s = tmpl->text;
  std::vector<const Node*> chain;
  size_t i = 0;
  auto literal = [&](size_t from, size_t to) {
    if (to <= from) return;
    out->segments.push_back({out->text.size(), from, tmpl});
    out->text.append(s, from, to - from);
  };
  auto mark = [&](std::string reason) {
    out->text.push_back(core::kUnknownMark);
    out->partial = true;
    if (out->reason.empty()) out->reason = std::move(reason);
  };
  while (i < s.size()) {
    const size_t open = s.find("${", i);
    if (open == std::string::npos) {
      literal(i, s.size());
      break;
    }
    literal(i, open);
    const size_t close = s.find('}', open + 2);
    if (close == std::string::npos) {
      literal(open, s.size());
      break;
    }
    std::string var = s.substr(open + 2, close - open - 2);
    i = close + 1;
    if (!var.empty() && var[0] == '!') {  // ${!Literal} -> "${Literal}"
      out->segments.push_back({out->text.size(), open, tmpl});
      out->text += "${";
      out->segments.push_back({out->text.size(), open + 3, tmpl});
      out->text += var.substr(1) + "}";
      continue;
    }
    while (!var.empty() && var.front() == ' ') var.erase(0, 1);
    while (!var.empty() && var.back() == ' ') var.pop_back();
    const Value* v = nullptr;
    if (auto b = bindings_.find(var); b != bindings_.end()) {
      out->text += b->second;
      continue;
    }
    if (const Node* local = vars != nullptr ? vars->find(var) : nullptr; local != nullptr) {
      v = resolve_depth(local, depth + 1);
    } else if (const size_t dot = var.find('.'); dot != std::string::npos && !is_pseudo(var)) {
      record(ReferenceKind::kSub, fn, var.substr(0, dot), var.substr(dot + 1));
      mark(fmt::format("{} is known after deployment", var));
      continue;
    } else if (resources_.count(var) != 0) {
      record(ReferenceKind::kSub, fn, var, "");
      mark(fmt::format("{} is known after deployment", var));
      continue;
    } else if (is_pseudo(var)) {
      mark(fmt::format("pseudo parameter {} is known at deploy time", var));
      continue;
    } else {
      const Node* p = parameters_ != nullptr ? parameters_->find(var) : nullptr;
      const Node* def = (p != nullptr && p->is_map()) ? p->find("Default") : nullptr;
      if (def != nullptr && def->is_scalar()) {
        v = core::literal_value(arena_, def);
        chain.push_back(def);
      } else {
        mark(p != nullptr ? fmt::format("parameter {} has no default", var)
                          : fmt::format("${{{}}} is not defined in this template", var));
        continue;
      }
    }
    if (v != nullptr && v->known() && !v->is_map() && !v->is_list()) {
      out->text += v->scalar_text();
      out->partial = out->partial || v->partial;
    } else {
      mark(v != nullptr && !v->reason.empty() ? v->reason
                                              : fmt::format("${{{}}} is not known", var));
    }
  }
  if (!chain.empty()) out->provenance = std::move(chain);
  return out;
}

const Value* Resolver::join(const Node* fn, const Node* entry, int depth) {
  const Node* delim = item(entry, 0);
  const Value* list = resolve_depth(item(entry, 1), depth + 1);
  if (delim == nullptr || list == nullptr || !list->is_list()) {
    return unknown(fn, "Fn::Join over a list that is not known");
  }
  Value* out = arena_.make(ValueKind::kString, fn);
  if (out == nullptr) return nullptr;
  for (size_t k = 0; k < list->items.size(); ++k) {
    if (k > 0) out->text += delim->text;
    const Value* v = list->items[k];
    if (v->known() && !v->is_map() && !v->is_list()) {
      out->text += v->scalar_text();
      out->partial = out->partial || v->partial;
    } else {
      out->text.push_back(core::kUnknownMark);
      out->partial = true;
      if (out->reason.empty()) out->reason = v->reason;
    }
  }
  return out;
}

const Value* Resolver::select(const Node* fn, const Node* entry, int depth) {
  const Value* index = resolve_depth(item(entry, 0), depth + 1);
  const Value* list = resolve_depth(item(entry, 1), depth + 1);
  if (index == nullptr || list == nullptr || !index->known() || !list->is_list()) {
    return unknown(fn, "Fn::Select over values that are not known");
  }
  const std::string t = index->scalar_text();
  char* end = nullptr;
  const unsigned long i = std::strtoul(t.c_str(), &end, 10);
  if (t.empty() || *end != '\0' || i >= list->items.size()) {
    return unknown(fn, "Fn::Select index out of range");
  }
  return list->items[i];
}

const Value* Resolver::split(const Node* fn, const Node* entry, int depth) {
  const Node* delim = item(entry, 0);
  const Value* str = resolve_depth(item(entry, 1), depth + 1);
  if (delim == nullptr || delim->text.empty() || str == nullptr || !str->is_string() ||
      str->partial) {
    return unknown(fn, "Fn::Split of a string that is not known");
  }
  Value* out = arena_.make(ValueKind::kList, fn);
  if (out == nullptr) return nullptr;
  size_t start = 0;
  while (true) {
    const size_t at = str->text.find(delim->text, start);
    Value* piece = arena_.make(ValueKind::kString, fn);
    if (piece == nullptr) return nullptr;
    piece->text = str->text.substr(start, at == std::string::npos ? std::string::npos : at - start);
    out->items.push_back(piece);
    if (at == std::string::npos) break;
    start = at + delim->text.size();
  }
  return out;
}

const Value* Resolver::find_in_map(const Node* fn, const Node* entry, int depth) {
  const Value* keys[3] = {nullptr, nullptr, nullptr};
  for (size_t k = 0; k < 3; ++k) {
    keys[k] = resolve_depth(item(entry, k), depth + 1);
    if (keys[k] == nullptr || !keys[k]->known() || keys[k]->partial || keys[k]->is_map() ||
        keys[k]->is_list()) {
      return unknown(fn, "Fn::FindInMap with a key that is not known");
    }
  }
  const Node* m = mappings_ != nullptr ? mappings_->find(keys[0]->scalar_text()) : nullptr;
  const Node* top = m != nullptr ? m->find(keys[1]->scalar_text()) : nullptr;
  const Node* leaf = top != nullptr ? top->find(keys[2]->scalar_text()) : nullptr;
  if (leaf == nullptr) return unknown(fn, "Fn::FindInMap entry not found");
  return with_provenance(core::literal_value(arena_, leaf), {fn, leaf});
}

const Value* Resolver::if_(const Node* fn, const Node* entry, int depth) {
  const Node* cond = item(entry, 0);
  const Node* a = item(entry, 1);
  const Node* b = item(entry, 2);
  if (cond == nullptr || a == nullptr || b == nullptr) return unknown(fn, "malformed Fn::If");
  const std::optional<bool> truth = condition(cond->text);
  if (truth.has_value()) return resolve_depth(*truth ? a : b, depth + 1);
  const Value* va = resolve_depth(a, depth + 1);
  const Value* vb = resolve_depth(b, depth + 1);
  if (va == nullptr && vb == nullptr) return nullptr;
  if (same_value(va, vb)) return va;
  return unknown(fn, fmt::format("depends on condition {}", cond->text));
}

std::optional<bool> Resolver::condition(const std::string& name) {
  if (auto it = condition_cache_.find(name); it != condition_cache_.end()) return it->second;
  const Node* c = conditions_ != nullptr ? conditions_->find(name) : nullptr;
  if (c == nullptr || evaluating_.count(name) != 0) return std::nullopt;
  evaluating_.insert(name);
  const std::optional<bool> r = eval_condition(c, 0);
  evaluating_.erase(name);
  condition_cache_[name] = r;
  return r;
}

std::optional<bool> Resolver::eval_condition(const Node* c, int depth) {
  if (c == nullptr || depth > kMaxDepth || !c->is_map() || c->children.size() != 1) {
    return std::nullopt;
  }
  const Node* e = c->children[0];
  if (e->key == "Condition") return condition(e->text);
  if (e->key == "Fn::Equals") {
    const Value* a = resolve_depth(item(e, 0), depth + 1);
    const Value* b = resolve_depth(item(e, 1), depth + 1);
    if (a == nullptr || b == nullptr || !a->known() || !b->known() || a->partial || b->partial) {
      return std::nullopt;
    }
    return a->scalar_text() == b->scalar_text();
  }
  if (e->key == "Fn::Not") {
    const std::optional<bool> r = eval_condition(item(e, 0), depth + 1);
    if (!r) return std::nullopt;
    return !*r;
  }
  if (e->key == "Fn::And" || e->key == "Fn::Or") {
    const bool is_and = e->key == "Fn::And";
    bool unknown_seen = false;
    for (const Node* sub_cond : e->children) {
      const std::optional<bool> r = eval_condition(sub_cond, depth + 1);
      if (!r) {
        unknown_seen = true;
      } else if (*r != is_and) {
        return !is_and;
      }
    }
    if (unknown_seen) return std::nullopt;
    return is_and;
  }
  return std::nullopt;
}

bool same_value(const Value* a, const Value* b) {
  if (a == nullptr || b == nullptr) return a == b;
  if (a->kind != b->kind || a->kind == ValueKind::kUnknown || a->partial || b->partial) {
    return false;
  }
  switch (a->kind) {
    case ValueKind::kMap:
      if (a->entries.size() != b->entries.size()) return false;
      for (size_t i = 0; i < a->entries.size(); ++i) {
        if (a->entries[i].first != b->entries[i].first ||
            !same_value(a->entries[i].second, b->entries[i].second)) {
          return false;
        }
      }
      return true;
    case ValueKind::kList:
      if (a->items.size() != b->items.size()) return false;
      for (size_t i = 0; i < a->items.size(); ++i) {
        if (!same_value(a->items[i], b->items[i])) return false;
      }
      return true;
    default:
      return a->scalar_text() == b->scalar_text();
  }
}

}  // namespace genlens::formats::cloudformation
