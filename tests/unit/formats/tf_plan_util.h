#pragma once
// Plan JSON tests: reading the plans and .tf files under testdata/terraform/plan.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "genlens/core/diagnostic.h"
#include "genlens/core/document.h"
#include "genlens/formats/terraform.h"
#include "genlens/formats/terraform_plan.h"

namespace genlens::testutil {

// GENLENS_SOURCE_DIR/testdata/terraform/plan/<rel>
std::string plan_data(const std::string& rel);

// A JSON document (a parse error fails the test).
std::shared_ptr<core::Document> json_doc(const std::string& path, const std::string& text);
std::shared_ptr<core::Document> json_file(const std::string& path);

// .tf files by directory, for adapt_plan's lookup.
class TfDirs {
 public:
  // Adds `dir` (a path) with the given .tf files (paths); their directory is `dir`.
  void add(const std::string& dir, const std::vector<std::string>& files);
  // Adds `dir` with one .tf file holding `text`.
  void add_text(const std::string& dir, const std::string& name, const std::string& text);
  [[nodiscard]] formats::terraform::DirectoryLookup lookup() const;
  [[nodiscard]] const std::vector<std::string>& asked() const { return *asked_; }

 private:
  std::map<std::string, formats::terraform::Directory> dirs_;
  std::shared_ptr<std::vector<std::string>> asked_ = std::make_shared<std::vector<std::string>>();
};

struct AdaptedPlan {
  formats::terraform::PlanResult result;
  core::Diagnostics diags;
  [[nodiscard]] std::vector<std::string> names() const;
  // The resource named `name` (fails the test when there is none).
  [[nodiscard]] const formats::Resource* find(const std::string& name) const;
  // The unit holding the resource named `name`.
  [[nodiscard]] const formats::Unit* unit_of(const std::string& name) const;
  // "line:col: message", in file order.
  [[nodiscard]] std::vector<std::string> diagnostics() const;
};

std::unique_ptr<AdaptedPlan> adapt_plan_doc(std::shared_ptr<core::Document> doc,
                                            const TfDirs* dirs = nullptr);

// "line:col" where a finding about `n` starts (its anchor).
std::string spot(const core::Node* n);

}  // namespace genlens::testutil
