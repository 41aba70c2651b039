// terraform::adapt: modules per directory, instances, variables, module
// arguments, expansion, references and the diagnostics of hostile modules.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../test_support.h"
#include "genlens/formats/terraform.h"
#include "genlens/parse/hcl.h"

namespace {

using genlens::core::Diagnostics;
using genlens::formats::Resource;
using genlens::formats::Unit;
using genlens::formats::terraform::Directory;
using genlens::testutil::describe;
using Strings = std::vector<std::string>;
namespace tf = genlens::formats::terraform;

std::shared_ptr<genlens::core::Document> hcl(const std::string& path, const std::string& text) {
  auto r = genlens::parse::parse_hcl(std::make_shared<genlens::core::SourceFile>(path, text));
  EXPECT_TRUE(r.errors.empty()) << path << ": " << r.errors.front().message;
  return r.doc;
}

struct Adapted {
  std::vector<Unit> units;
  Diagnostics diags;
  [[nodiscard]] Strings names() const {
    Strings out;
    for (const Unit& u : units) {
      for (const Resource& r : u.resources) out.push_back(r.name);
    }
    return out;
  }
  [[nodiscard]] const Resource* find(const std::string& name) const {
    for (const Unit& u : units) {
      for (const Resource& r : u.resources) {
        if (r.name == name) return &r;
      }
    }
    ADD_FAILURE() << "no resource " << name;
    return nullptr;
  }
};

// dirs: (directory, [(file name, text)]); files ending in .tfvars are variables.
std::unique_ptr<Adapted> adapt(
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>&
        dirs,
    const tf::Options& options = {}) {
  std::vector<Directory> list;
  for (const auto& [dir, files] : dirs) {
    Directory d;
    d.path = dir;
    for (const auto& [name, text] : files) {
      auto doc = hcl(dir + "/" + name, text);
      (tf::is_variables_file(name) ? d.variables : d.configuration).push_back(doc);
    }
    list.push_back(std::move(d));
  }
  auto a = std::make_unique<Adapted>();
  a->units = tf::adapt(list, options, a->diags);
  return a;
}

std::string prop(const Resource* r, const std::string& key) {
  if (r == nullptr) return "<no resource>";
  const auto* v = r->value->find(key);
  return v == nullptr ? "<absent>" : describe(v);
}

TEST(TfAdapter, CountAndForEachInstancesWithAddresses) {
  auto a = adapt({{"infra", {{"main.tf", R"(locals { names = ["raw", "clean"] }
resource "aws_s3_bucket" "docs" {
  for_each = toset(local.names)
  bucket   = "kb-${each.key}"
}
resource "aws_sqs_queue" "q" {
  count = 2
  name  = "q-${count.index}"
}
resource "aws_kms_key" "k" {}
)"}}}});
  EXPECT_TRUE(a->diags.empty());
  EXPECT_EQ(a->names(), (Strings{"aws_s3_bucket.docs[\"clean\"]", "aws_s3_bucket.docs[\"raw\"]",
                                 "aws_sqs_queue.q[0]", "aws_sqs_queue.q[1]", "aws_kms_key.k"}));
  EXPECT_EQ(prop(a->find("aws_s3_bucket.docs[\"raw\"]"), "bucket"), "\"kb-raw\"");
  EXPECT_EQ(prop(a->find("aws_sqs_queue.q[1]"), "name"), "\"q-1\"");
  EXPECT_EQ(prop(a->find("aws_sqs_queue.q[1]"), "count"), "<absent>");
}

TEST(TfAdapter, VariablesFromDefaultsTfvarsAndVarFlag) {
  tf::Options options;
  options.vars["size"] = "large";
  auto a = adapt({{"infra",
                   {{"vars.tf", R"(variable "env" { default = "dev" }
variable "region" {}
variable "size" { default = "small" }
variable "unset" {}
)"},
                    {"main.tf", R"(resource "aws_s3_bucket" "b" {
  bucket = "kb-${var.env}-${var.region}"
  size   = var.size
  other  = var.unset
}
)"},
                    {"terraform.tfvars", "region = \"eu-west-1\"\n"}}}},
                 options);
  const Resource* b = a->find("aws_s3_bucket.b");
  EXPECT_EQ(prop(b, "bucket"), "\"kb-dev-eu-west-1\"");
  EXPECT_EQ(prop(b, "size"), "\"large\"");
  EXPECT_EQ(prop(b, "other"), "<unknown>");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->value->find("other")->reason, "variable unset has no value");
  // The tfvars line is where the region came from.
  const auto* bucket = b->value->find("bucket");
  bool from_tfvars = false;
  for (const auto& seg : bucket->segments) {
    from_tfvars = from_tfvars || (seg.origin != nullptr && seg.origin->path() == "region");
  }
  for (const auto* p : bucket->provenance) from_tfvars = from_tfvars || p->path() == "region";
  EXPECT_TRUE(from_tfvars) << describe(bucket);
}

TEST(TfAdapter, LocalModuleGetsItsArgumentsAndFullAddresses) {
  auto a = adapt({{"infra", {{"main.tf", R"(variable "public" { default = true }
module "kb" {
  source       = "./modules/kb"
  allow_public = var.public
}
resource "aws_s3_bucket" "docs" { bucket = module.kb.name }
)"}}},
                  {"infra/modules/kb", {{"main.tf", R"(variable "allow_public" {}
resource "aws_opensearchserverless_security_policy" "net" {
  name   = "kb-net"
  public = var.allow_public
}
output "name" { value = "from-module" }
)"}}}});
  EXPECT_TRUE(a->diags.empty());
  EXPECT_EQ(a->names(), (Strings{"aws_s3_bucket.docs",
                                 "module.kb.aws_opensearchserverless_security_policy.net"}));
  const Resource* net = a->find("module.kb.aws_opensearchserverless_security_policy.net");
  EXPECT_EQ(prop(net, "public"), "true");
  ASSERT_NE(net, nullptr);
  EXPECT_EQ(net->node->anchor().begin.line, 2u);  // the line inside the module
  EXPECT_EQ(prop(a->find("aws_s3_bucket.docs"), "bucket"), "\"from-module\"");
}

// Module calls are kept by name; "a_kb" reads an output of "z_bucket",
// which comes later by name and must be loaded first, with its references.
TEST(TfAdapter, ModuleArgumentReadsTheOutputOfALaterSibling) {
  auto a = adapt({{"infra", {{"main.tf", R"(module "a_kb" {
  source = "./kb"
  s3_arn = "${module.z_bucket.arn}/docs"
}
module "z_bucket" { source = "./bucket" }
)"}}},
                  {"infra/kb", {{"main.tf", R"(variable "s3_arn" {}
resource "aws_bedrockagent_data_source" "docs" { bucket_arn = var.s3_arn }
)"}}},
                  {"infra/bucket", {{"main.tf", R"(resource "aws_s3_bucket" "this" {
  bucket = "kb-docs"
}
output "arn" { value = "arn:aws:s3:::${aws_s3_bucket.this.bucket}" }
)"}}}});
  EXPECT_TRUE(a->diags.empty());
  const Resource* source = a->find("module.a_kb.aws_bedrockagent_data_source.docs");
  EXPECT_EQ(prop(source, "bucket_arn"), "\"arn:aws:s3:::kb-docs/docs\"");
  ASSERT_NE(source, nullptr);
  Strings targets;
  for (const auto& r : source->references) targets.push_back(r.scope + " " + r.target);
  EXPECT_EQ(targets,
            (Strings{"infra module.z_bucket", "infra/bucket module.z_bucket. aws_s3_bucket.this"}));
}

TEST(TfAdapter, ModuleCycleIsADiagnostic) {
  auto a =
      adapt({{"a", {{"main.tf", "module \"b\" { source = \"../b\" }\n"}}},
             {"b",
              {{"main.tf",
                "module \"a\" { source = \"../a\" }\nresource \"aws_sqs_queue\" \"q\" {}\n"}}}});
  ASSERT_EQ(a->diags.all().size(), 1u);
  EXPECT_NE(a->diags.all()[0].message.find("module cycle: a -> b -> a"), std::string::npos)
      << a->diags.all()[0].to_string();
  EXPECT_EQ(a->names(), (Strings{"module.b.aws_sqs_queue.q"}));
}

TEST(TfAdapter, HugeCountIsBoundedWithADiagnostic) {
  auto a = adapt({{"infra", {{"main.tf", R"(resource "aws_sqs_queue" "many" { count = 100000000 }
resource "aws_sqs_queue" "one" {}
)"}}}});
  ASSERT_EQ(a->diags.all().size(), 1u);
  EXPECT_EQ(a->diags.all()[0].to_string(),
            "infra/main.tf:1:43: error: evaluation truncated: 100000000 instances exceed the "
            "limit of 10000; this resource is not checked");
  EXPECT_EQ(a->names(), (Strings{"aws_sqs_queue.one"}));
}

TEST(TfAdapter, UnitsKeepAliveTheDocumentsTheirValuesComeFrom) {
  // The module has no resource, so no unit of its own: its output's node
  // must still outlive the directories handed to adapt().
  std::weak_ptr<genlens::core::Document> module_doc;
  std::vector<Unit> units;
  {
    Directory root;
    root.path = "infra";
    root.configuration.push_back(hcl("infra/main.tf", R"(module "m" {
  source = "./m"
}
resource "aws_s3_bucket" "b" {
  bucket = module.m.name
}
)"));
    Directory m;
    m.path = "infra/m";
    m.configuration.push_back(
        hcl("infra/m/outputs.tf", "output \"name\" {\n  value = \"docs\"\n}\n"));
    module_doc = m.configuration.front();
    std::vector<Directory> dirs;
    dirs.push_back(std::move(root));
    dirs.push_back(std::move(m));
    Diagnostics diags;
    units = tf::adapt(dirs, {}, diags);
    EXPECT_TRUE(diags.empty());
  }
  ASSERT_FALSE(module_doc.expired());
  ASSERT_EQ(units.size(), 1u);
  ASSERT_EQ(units[0].resources.size(), 1u);
  const genlens::core::Value* bucket = units[0].resources[0].value->find("bucket");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(describe(bucket), "\"docs\"");
  const genlens::core::Node* origin =
      bucket->provenance.empty() ? bucket->origin : bucket->provenance.back();
  ASSERT_NE(origin, nullptr);
  while (origin->parent != nullptr) origin = origin->parent;
  EXPECT_EQ(origin, module_doc.lock()->roots().front());
}

TEST(TfAdapter, RemoteAndOutsideModulesAreNotLoaded) {
  auto a = adapt(
      {{"infra", {{"main.tf", R"(module "remote" { source = "terraform-aws-modules/s3-bucket/aws" }
module "outside" { source = "../../elsewhere" }
resource "aws_s3_bucket" "b" {
  a = module.remote.id
  b = module.outside.id
}
)"}}}});
  EXPECT_TRUE(a->diags.empty());
  const Resource* b = a->find("aws_s3_bucket.b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->value->find("a")->reason, "module remote is not loaded (remote or missing source)");
  EXPECT_EQ(b->value->find("b")->reason, "module outside is not loaded (remote or missing source)");
}

TEST(TfAdapter, ReferencesDependsOnDynamicAndPolicyDocuments) {
  auto a = adapt({{"infra", {{"main.tf", R"(resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
  depends_on         = [aws_kms_key.k]
  dynamic "inline_policy" {
    for_each = { a = "s3:GetObject", b = "bedrock:*" }
    content {
      name   = inline_policy.key
      action = inline_policy.value
    }
  }
}
resource "aws_kms_key" "k" {}
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
  }
}
)"}}}});
  EXPECT_TRUE(a->diags.empty());
  const Resource* r = a->find("aws_iam_role.r");
  ASSERT_NE(r, nullptr);
  Strings refs;
  for (const auto& ref : r->references) refs.push_back(ref.target);
  EXPECT_EQ(refs, (Strings{"aws_kms_key.k", "data.aws_iam_policy_document.trust"}));
  EXPECT_EQ(prop(r, "inline_policy"),
            "[{name: \"a\", action: \"s3:GetObject\"}, {name: \"b\", action: \"bedrock:*\"}]");
  EXPECT_EQ(prop(r, "assume_role_policy"),
            "{Version: \"2012-10-17\", Statement: [{Effect: \"Allow\", Action: "
            "[\"sts:AssumeRole\"], Principal: {Service: [\"bedrock.amazonaws.com\"]}}]}");
}

TEST(TfAdapter, ValuesFromModulesWithoutResourcesOutliveTheirDirectories) {
  // adapt() drops the parsed directories when it returns. A value may come
  // from a file no unit holds: the caller's (a module argument) or a called
  // module's without resources (an output); it lives on with the values.
  auto a = adapt({{"infra", {{"main.tf", R"(module "store" {
  source = "./kb"
  name   = module.names.bucket
  prefix = "kb-"
}
module "names" { source = "./names" }
)"}}},
                  {"infra/kb", {{"main.tf", R"(variable "name" {}
variable "prefix" {}
resource "aws_s3_bucket" "b" {
  bucket        = var.name
  bucket_prefix = var.prefix
}
)"}}},
                  {"infra/names", {{"outputs.tf", R"(output "bucket" { value = "kb-docs" })"}}}});
  const Resource* b = a->find("module.store.aws_s3_bucket.b");
  ASSERT_NE(b, nullptr);
  Strings written;
  for (const char* key : {"bucket", "bucket_prefix"}) {
    const genlens::core::Value* v = b->value->find(key);
    ASSERT_NE(v, nullptr);
    ASSERT_FALSE(v->provenance.empty());
    const genlens::core::Node* n = v->provenance.back();
    written.push_back(n->text + " " + genlens::testutil::pos_str(n->range.begin));
  }
  EXPECT_EQ(written, (Strings{"kb-docs 1:27", "kb- 4:12"}));
}

TEST(TfAdapter, ReferencesNameTheInstanceAndTheAttributeThatUsesAName) {
  auto a = adapt({{"infra", {{"main.tf", R"(variable "names" {}
locals { raw = aws_s3_bucket.b["raw"].arn }
resource "aws_s3_bucket" "b" {
  for_each = toset(["raw"])
  bucket   = each.key
}
resource "aws_s3_bucket" "c" {
  count  = 1
  bucket = "c"
}
resource "aws_sqs_queue" "q" {
  for_each = var.names
  name     = "${local.raw}-${aws_s3_bucket.c[0].id}-${aws_s3_bucket.b[each.key].id}"
  tags     = { all = aws_s3_bucket.c[*].id[0], again = local.raw }
}
)"}}}});
  const Resource* q = a->find("aws_sqs_queue.q");
  ASSERT_NE(q, nullptr);
  Strings refs;
  for (const auto& ref : q->references) {
    refs.push_back(ref.target + ref.instance + (ref.certain ? "" : "?") + " @" + ref.from_path);
  }
  // A reference is recorded at the root name of the traversal that makes it
  // (name/0/0/0: the `local` of the template's first interpolation); the
  // local's reference at each use of the local, not in the locals block.
  EXPECT_EQ(refs, (Strings{
                      "aws_s3_bucket.b[\"raw\"] @resource/aws_sqs_queue/q/name/0/0/0",
                      "aws_s3_bucket.c[0] @resource/aws_sqs_queue/q/name/2/0/0/0/0",
                      "aws_s3_bucket.b? @resource/aws_sqs_queue/q/name/4/0/0/0/0",
                      "aws_s3_bucket.c @resource/aws_sqs_queue/q/tags/all/0/0/0/0",
                      "aws_s3_bucket.b[\"raw\"] @resource/aws_sqs_queue/q/tags/again/0",
                  }));
  EXPECT_EQ(a->find("aws_s3_bucket.b[\"raw\"]")->instance, "[\"raw\"]");
  EXPECT_EQ(a->find("aws_s3_bucket.c[0]")->instance, "[0]");
}

}  // namespace

namespace {

// `for_each = aws_s3_bucket.b`: one instance per instance of the bucket, and
// each.value refers to the bucket instance of the same key where it is used.
TEST(TfAdapter, ForEachOverAResourceTakesItsKeysAndRefersToEachInstance) {
  auto a = adapt({{"infra", {{"main.tf", R"(resource "aws_s3_bucket" "b" {
  for_each = { raw = "r", curated = "c" }
  bucket   = "kb-${each.key}"
}
resource "aws_s3_bucket_versioning" "v" {
  for_each = aws_s3_bucket.b
  bucket   = each.value.id
  tags     = { key = each.key }
}
resource "aws_s3_bucket" "unknown_keys" {
  for_each = toset(var.names)
}
resource "aws_s3_bucket_versioning" "w" {
  for_each = aws_s3_bucket.unknown_keys
  bucket   = each.value.id
}
variable "names" {}
)"}}}});
  EXPECT_TRUE(a->diags.empty());
  const Resource* raw = a->find("aws_s3_bucket_versioning.v[\"raw\"]");
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(prop(raw, "tags"), "{key: \"raw\"}");
  EXPECT_EQ(raw->value->find("bucket")->reason, "aws_s3_bucket.b[\"raw\"] is known after apply");
  Strings refs;
  for (const auto& ref : raw->references) {
    refs.push_back(ref.target + ref.instance + (ref.certain ? "" : "?") + " @" + ref.from_path);
  }
  EXPECT_EQ(refs, (Strings{
                      "aws_s3_bucket.b[\"raw\"] @resource/aws_s3_bucket_versioning/v/for_each",
                      "aws_s3_bucket.b[\"raw\"] @resource/aws_s3_bucket_versioning/v/bucket/0/0",
                  }));
  EXPECT_NE(a->find("aws_s3_bucket_versioning.v[\"curated\"]"), nullptr);
  // The bucket's keys are only known at apply time: one instance standing
  // for all, as for any for_each that is not known.
  EXPECT_NE(a->find("aws_s3_bucket_versioning.w"), nullptr);
}

}  // namespace
