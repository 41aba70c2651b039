#include "tf_plan_util.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../test_support.h"
#include "genlens/parse/hcl.h"
#include "genlens/parse/parse.h"

namespace genlens::testutil {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::shared_ptr<core::Document> hcl_doc(const std::string& path, const std::string& text) {
  auto r = parse::parse_hcl(std::make_shared<core::SourceFile>(path, text));
  EXPECT_TRUE(r.errors.empty()) << path << ": " << r.errors.front().message;
  return r.doc;
}

}  // namespace

std::string plan_data(const std::string& rel) {
  return std::string(GENLENS_SOURCE_DIR) + "/testdata/terraform/plan/" + rel;
}

std::shared_ptr<core::Document> json_doc(const std::string& path, const std::string& text) {
  auto r = parse::parse_json(std::make_shared<core::SourceFile>(path, text));
  if (!r.ok()) {
    ADD_FAILURE() << path << ":" << pos_str(r.error().pos) << ": " << r.error().message;
    return nullptr;
  }
  return r.value();
}

std::shared_ptr<core::Document> json_file(const std::string& path) {
  return json_doc(path, slurp(path));
}

void TfDirs::add(const std::string& dir, const std::vector<std::string>& files) {
  formats::terraform::Directory& d = dirs_[formats::terraform::normal_dir(dir)];
  d.path = formats::terraform::normal_dir(dir);
  for (const std::string& f : files) d.configuration.push_back(hcl_doc(f, slurp(f)));
}

void TfDirs::add_text(const std::string& dir, const std::string& name, const std::string& text) {
  formats::terraform::Directory& d = dirs_[formats::terraform::normal_dir(dir)];
  d.path = formats::terraform::normal_dir(dir);
  d.configuration.push_back(hcl_doc(dir + "/" + name, text));
}

formats::terraform::DirectoryLookup TfDirs::lookup() const {
  return [this](const std::string& dir) -> const formats::terraform::Directory* {
    asked_->push_back(dir);
    auto it = dirs_.find(dir);
    return it == dirs_.end() ? nullptr : &it->second;
  };
}

std::vector<std::string> AdaptedPlan::names() const {
  std::vector<std::string> out;
  for (const formats::Unit& u : result.units) {
    for (const formats::Resource& r : u.resources) out.push_back(r.name);
  }
  return out;
}

const formats::Unit* AdaptedPlan::unit_of(const std::string& name) const {
  for (const formats::Unit& u : result.units) {
    for (const formats::Resource& r : u.resources) {
      if (r.name == name) return &u;
    }
  }
  ADD_FAILURE() << "no resource " << name;
  return nullptr;
}

const formats::Resource* AdaptedPlan::find(const std::string& name) const {
  const formats::Unit* u = unit_of(name);
  if (u == nullptr) return nullptr;
  for (const formats::Resource& r : u->resources) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

std::vector<std::string> AdaptedPlan::diagnostics() const {
  std::vector<std::string> out;
  for (const core::Diagnostic& d : diags.all()) {
    out.push_back(pos_str(d.pos) + ": " + d.message);
  }
  return out;
}

std::unique_ptr<AdaptedPlan> adapt_plan_doc(std::shared_ptr<core::Document> doc,
                                            const TfDirs* dirs) {
  auto a = std::make_unique<AdaptedPlan>();
  if (doc == nullptr) return a;
  a->result = formats::terraform::adapt_plan(
      std::move(doc), dirs != nullptr ? dirs->lookup() : formats::terraform::DirectoryLookup{},
      a->diags);
  a->diags.sort();
  return a;
}

std::string spot(const core::Node* n) {
  return n == nullptr ? "<none>" : pos_str(n->anchor().begin);
}

}  // namespace genlens::testutil
