#pragma once
// Test helpers for the Terraform evaluator: a Scope over a map of names and
// a fake file system, and a fixture that parses `a = <expr>` with parse_hcl
// and evaluates it.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "formats/terraform/evaluator.h"
#include "genlens/core/value.h"
#include "genlens/parse/hcl.h"

namespace genlens::testutil {

class FakeScope : public formats::terraform::Scope {
 public:
  explicit FakeScope(core::ValueArena& arena) : arena_(arena) {}
  // "var.region", "local.tags": consumes the root and one attribute;
  // "each": the root alone. A resource type root (aws_*) with two
  // attribute steps is Unknown "TYPE.NAME.ATTR is known after apply" and
  // is recorded in `refs`.
  std::map<std::string, const core::Value*> names;
  std::map<std::string, std::string> files;
  std::vector<std::string> refs;
  int reads = 0;

  const core::Value* resolve(std::string_view root,
                             const std::vector<formats::terraform::Step>& steps,
                             const core::Node* at, size_t& consumed) override;
  bool read_file(const std::string& path, std::string& out, std::string& reason) override;

 private:
  core::ValueArena& arena_;
};

class TfEvalTest : public ::testing::Test {
 protected:
  // Evaluates `a = <expr>` (the text may span lines).
  const core::Value* eval(const std::string& expr);
  // describe() of the result; an Unknown shows its reason: <unknown: why>.
  std::string show(const std::string& expr);
  // Binds `name` ("var.x") to the value of `expr`, evaluated as written in
  // a separate file "vars.tf" (its origin is there).
  const core::Value* bind(const std::string& name, const std::string& expr);
  // A value that is Unknown with `reason`.
  const core::Value* unknown(const std::string& reason);
  // The last parsed document.
  const core::Document& doc() const { return *docs_.back().doc; }

  core::ValueArena arena_;
  FakeScope scope_{arena_};
  std::vector<parse::HclResult> docs_;
};

std::string show_value(const core::Value* v);

}  // namespace genlens::testutil
