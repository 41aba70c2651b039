// CustomResourceDefinitions keep only apiVersion, kind and metadata: their
// schema is not copied into the resource, the file's full parse is released
// when every manifest is trimmed or copied, and what is kept stays at its
// exact position.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../test_support.h"
#include "genlens/formats/kubernetes.h"

namespace {

using genlens::core::Diagnostics;
using genlens::core::Document;
using genlens::core::Node;
using genlens::formats::Resource;
using genlens::formats::Unit;
using genlens::formats::kubernetes::adapt;
using genlens::testutil::describe;
using genlens::testutil::parse_yaml_ok;
using genlens::testutil::pos_str;
using genlens::testutil::value_at;

constexpr const char* kCrd = R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: rayclusters.ray.io
  labels: {app: kuberay}
spec:
  group: ray.io
  versions:
    - name: v1
      schema:
        openAPIV3Schema:
          properties:
            spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
)";

constexpr const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  template:
    spec:
      containers: [{name: web, image: nginx}]
)";

struct Adapted {
  std::shared_ptr<Document> doc;
  Unit unit;
  Diagnostics diags;

  const Resource* res(const std::string& name) const {
    for (const Resource& r : unit.resources) {
      if (r.name == name) return &r;
    }
    ADD_FAILURE() << "no resource " << name;
    return nullptr;
  }
};

Adapted adapt_yaml(const std::string& text) {
  Adapted a;
  a.doc = parse_yaml_ok(text, "m.yaml");
  if (a.doc == nullptr) return a;
  std::vector<const Node*> roots(a.doc->roots().begin(), a.doc->roots().end());
  a.unit = adapt(a.doc, roots, {}, a.diags);
  EXPECT_TRUE(a.diags.empty()) << a.diags.all().front().to_string();
  return a;
}

std::vector<std::string> keys(const genlens::core::Value* v) {
  std::vector<std::string> out;
  if (v == nullptr) return {"<none>"};
  for (const auto& e : v->entries) out.push_back(e.first);
  return out;
}

using Strings = std::vector<std::string>;

TEST(K8sSummary, CrdKeepsIdentityNotSchema) {
  const Adapted a = adapt_yaml(kCrd);
  const Resource* crd = a.res("default/CustomResourceDefinition/rayclusters.ray.io");
  ASSERT_NE(crd, nullptr);
  EXPECT_EQ(crd->type, "CustomResourceDefinition");
  EXPECT_EQ(keys(crd->value), (Strings{"apiVersion", "kind", "metadata", "genlens"}));
  EXPECT_EQ(value_at(crd->value, "spec"), nullptr);
  EXPECT_EQ(describe(value_at(crd->value, "metadata/labels/app")), "\"kuberay\"");
  const genlens::core::Value* name = value_at(crd->value, "metadata/name");
  ASSERT_NE(name, nullptr);
  ASSERT_NE(name->origin, nullptr);
  EXPECT_EQ(pos_str(name->origin->range.begin), "4:9");
  EXPECT_EQ(name->origin->path(), "metadata/name");
  // The schema is not in the document the unit keeps either: the parse it
  // was read from is not held.
  EXPECT_NE(a.unit.document.get(), a.doc.get());
  EXPECT_EQ(crd->node->find("spec"), nullptr);
  EXPECT_LT(a.unit.document->node_count(), a.doc->node_count());
  EXPECT_EQ(&a.unit.document->source(), &a.doc->source());
}

TEST(K8sSummary, OtherManifestsOfTheFileAreKeptWhole) {
  const Adapted a =
      adapt_yaml(std::string(kDeployment) + "---\n" + "apiVersion: v1\nkind: List\nitems:\n  - " +
                 "apiVersion: apiextensions.k8s.io/v1\n" + "    kind: CustomResourceDefinition\n" +
                 "    metadata: {name: a.example.com}\n" + "    spec: {group: example.com}\n");
  ASSERT_EQ(a.unit.resources.size(), 2u);
  const Resource* web = a.res("default/Deployment/web");
  const Resource* crd = a.res("default/CustomResourceDefinition/a.example.com");
  ASSERT_NE(web, nullptr);
  ASSERT_NE(crd, nullptr);
  EXPECT_EQ(value_at(crd->value, "spec"), nullptr);
  const genlens::core::Value* replicas = value_at(web->value, "spec/replicas");
  ASSERT_NE(replicas, nullptr);
  EXPECT_EQ(replicas->text, "2");
  EXPECT_EQ(pos_str(replicas->origin->range.begin), "5:13");
  EXPECT_EQ(describe(value_at(web->value, "genlens/containers/0/image")), "\"nginx\"");
  EXPECT_EQ(describe(value_at(web->value, "genlens/replicas")), "2");
}

TEST(K8sSummary, FileWithoutCrdKeepsItsDocument) {
  const Adapted a = adapt_yaml(kDeployment);
  ASSERT_EQ(a.unit.resources.size(), 1u);
  EXPECT_EQ(a.unit.document.get(), a.doc.get());
}

TEST(K8sSummary, CrdOfAnotherGroupIsNotTrimmed) {
  const Adapted a = adapt_yaml(
      "apiVersion: example.com/v1\nkind: CustomResourceDefinition\nmetadata: {name: x}\n"
      "spec: {a: 1}\n");
  const Resource* r = a.res("default/CustomResourceDefinition/x");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->type, "example.com/CustomResourceDefinition");
  EXPECT_EQ(describe(value_at(r->value, "spec/a")), "1");
  EXPECT_EQ(a.unit.document.get(), a.doc.get());
}

}  // namespace
