#include "tf_eval_util.h"

#include "../parse/hcl_test_util.h"
#include "../test_support.h"

namespace genlens::testutil {

const core::Value* FakeScope::resolve(std::string_view root,
                                      const std::vector<formats::terraform::Step>& steps,
                                      const core::Node* at, size_t& consumed) {
  using formats::terraform::Step;
  if (!steps.empty() && steps[0].kind == Step::Kind::kAttr) {
    if (auto it = names.find(std::string(root) + "." + steps[0].name); it != names.end()) {
      consumed = 1;
      return it->second;
    }
  }
  if (auto it = names.find(std::string(root)); it != names.end()) {
    consumed = 0;
    return it->second;
  }
  if (root.rfind("aws_", 0) == 0 && steps.size() >= 2 && steps[0].kind == Step::Kind::kAttr &&
      steps[1].kind == Step::Kind::kAttr) {
    refs.push_back(std::string(root) + "." + steps[0].name);
    consumed = 2;
    core::Value* v = arena_.make(core::ValueKind::kUnknown, at);
    if (v != nullptr) {
      v->reason =
          std::string(root) + "." + steps[0].name + "." + steps[1].name + " is known after apply";
    }
    return v;
  }
  return nullptr;
}

bool FakeScope::read_file(const std::string& path, std::string& out, std::string& reason) {
  ++reads;
  auto it = files.find(path);
  if (it == files.end()) {
    reason = "no such file in the scanned tree";
    return false;
  }
  out = it->second;
  return true;
}

const core::Value* TfEvalTest::eval(const std::string& expr) {
  docs_.push_back(hcl("a = " + expr + "\n"));
  const core::Node* root = hcl_root(docs_.back());
  if (root == nullptr) return nullptr;
  formats::terraform::Evaluator ev(arena_, scope_);
  return ev.eval(root->find("a"));
}

std::string show_value(const core::Value* v) {
  if (v != nullptr && !v->known()) return "<unknown: " + v->reason + ">";
  return describe(v);
}

std::string TfEvalTest::show(const std::string& expr) { return show_value(eval(expr)); }

const core::Value* TfEvalTest::bind(const std::string& name, const std::string& expr) {
  docs_.push_back(
      parse::parse_hcl(std::make_shared<const core::SourceFile>("vars.tf", "v = " + expr + "\n")));
  const core::Node* root = hcl_root(docs_.back());
  if (root == nullptr) return nullptr;
  formats::terraform::Evaluator ev(arena_, scope_);
  const core::Value* v = ev.eval(root->find("v"));
  scope_.names[name] = v;
  return v;
}

const core::Value* TfEvalTest::unknown(const std::string& reason) {
  core::Value* v = arena_.make(core::ValueKind::kUnknown, nullptr);
  v->reason = reason;
  return v;
}

}  // namespace genlens::testutil
