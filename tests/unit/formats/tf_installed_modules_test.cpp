// Remote modules from .terraform/modules/modules.json: loaded from the
// directory `terraform init` installed them to, through the whole Terraform
// scan (discovery skips .terraform/, the manifest leads there); a manifest
// that is broken or leads out of the root module is reported and loads
// nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../test_support.h"
#include "tf_scan_util.h"

namespace genlens {
namespace {

namespace fs = std::filesystem;
using testutil::TempDir;
using Strings = std::vector<std::string>;

using Scanned = testutil::TfScan;

Scanned scan(const fs::path& dir) { return testutil::scan_terraform_dir(dir); }

constexpr const char* kRootCallingStore = R"(module "store" {
  source = "example.test/acme/store/aws"
  name   = "docs"
}
resource "aws_sqs_queue" "q" {
  name = module.store.id
}
)";

constexpr const char* kStore = R"(variable "name" {}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
output "id" {
  value = var.name
}
)";

// The manifest of kRootCallingStore with `dir` as the Dir of "store".
std::string manifest(const std::string& dir) {
  return R"({"Modules":[{"Key":"","Source":"","Dir":"."},)"
         "\n"
         R"({"Key":"store","Source":"example.test/acme/store/aws","Dir":")" +
         dir + "\"}]}\n";
}

TEST(TfInstalledModules, RemoteModulesAreLoadedFromTheManifestWithTheirAddresses) {
  const Scanned s = scan(fs::path(GENLENS_SOURCE_DIR) / "testdata/terraform/installed-modules");
  EXPECT_EQ(s.diagnostics, Strings{});
  EXPECT_EQ(s.names(), (Strings{"aws_sqs_queue.events", "module.store.aws_s3_bucket.this",
                                "module.store.aws_s3_bucket_versioning.this",
                                "module.store.module.logs.aws_s3_bucket_logging.this"}));
  // Reported where they are written, under .terraform/modules/.
  EXPECT_EQ(s.where("module.store.aws_s3_bucket.this"),
            "installed-modules/.terraform/modules/store/main.tf:16");
  EXPECT_EQ(s.where("module.store.module.logs.aws_s3_bucket_logging.this"),
            "installed-modules/.terraform/modules/store/modules/logs/main.tf:5");
  // Arguments in, outputs out; "store.tags" is a remote module inside a
  // remote module, found by its dotted key.
  EXPECT_EQ(s.value("module.store.aws_s3_bucket.this", "bucket"), "\"kb-docs\"");
  EXPECT_EQ(s.value("module.store.aws_s3_bucket.this", "tags"),
            "{Name: \"kb-docs\", Owner: \"genlens\"}");
  EXPECT_EQ(s.value("module.store.aws_s3_bucket_versioning.this", "versioning_configuration"),
            "[{status: \"Enabled\"}]");
  EXPECT_EQ(s.value("aws_sqs_queue.events", "name"), "\"kb-docs-events\"");
  // Not in the manifest: not installed, Unknown.
  EXPECT_EQ(s.value("aws_sqs_queue.events", "kms_master_key_id"),
            "<unknown: module missing is not loaded (remote or missing source)>");
  EXPECT_TRUE(
      s.has_edge("module.store.aws_s3_bucket_versioning.this", "module.store.aws_s3_bucket.this"));
  EXPECT_TRUE(s.has_edge("module.store.module.logs.aws_s3_bucket_logging.this",
                         "module.store.aws_s3_bucket.this"));
}

TEST(TfInstalledModules, WithoutAManifestRemoteModulesStayUnknown) {
  TempDir dir;
  dir.write("root/main.tf", kRootCallingStore);
  dir.write("root/.terraform/modules/store/main.tf", kStore);  // present, but not listed
  const Scanned s = scan(dir.path() / "root");
  EXPECT_EQ(s.diagnostics, Strings{});
  EXPECT_EQ(s.names(), Strings{"aws_sqs_queue.q"});
  EXPECT_EQ(s.value("aws_sqs_queue.q", "name"),
            "<unknown: module store is not loaded (remote or missing source)>");
}

TEST(TfInstalledModules, ManifestInstalledModuleTakesItsArguments) {
  TempDir dir;
  dir.write("root/main.tf", kRootCallingStore);
  dir.write("root/.terraform/modules/modules.json", manifest(".terraform/modules/store"));
  dir.write("root/.terraform/modules/store/main.tf", kStore);
  const Scanned s = scan(dir.path() / "root");
  EXPECT_EQ(s.diagnostics, Strings{});
  EXPECT_EQ(s.names(), (Strings{"aws_sqs_queue.q", "module.store.aws_s3_bucket.b"}));
  EXPECT_EQ(s.value("module.store.aws_s3_bucket.b", "bucket"), "\"docs\"");
  EXPECT_EQ(s.value("aws_sqs_queue.q", "name"), "\"docs\"");
}

TEST(TfInstalledModules, MalformedManifestIsLocatedAndLoadsNothing) {
  struct Case {
    std::string json;
    std::string diagnostic;
  };
  const std::vector<Case> cases = {
      {"{\"Modules\": [\n  {\"Key\": \"store\", \"Dir\": }\n]}\n",
       "root/.terraform/modules/modules.json:2:27: error: "},
      {"{\"Modules\": {\"Key\": \"store\"}}\n",
       "root/.terraform/modules/modules.json:1:13: error: not a module manifest: expected "
       "{\"Modules\": [...]}; installed modules of root are not loaded"},
      {"[1, 2]\n",
       "root/.terraform/modules/modules.json:1:1: error: not a module manifest: expected "
       "{\"Modules\": [...]}; installed modules of root are not loaded"},
      {"{\"Modules\": [\n  {\"Key\": \"store\", \"Dir\": 7}\n]}\n",
       "root/.terraform/modules/modules.json:2:3: error: module manifest entry needs string "
       "\"Key\" and \"Dir\"; entry ignored"},
  };
  for (const Case& c : cases) {
    TempDir dir;
    dir.write("root/main.tf", kRootCallingStore);
    dir.write("root/.terraform/modules/modules.json", c.json);
    dir.write("root/.terraform/modules/store/main.tf", kStore);
    const Scanned s = scan(dir.path() / "root");
    ASSERT_EQ(s.diagnostics.size(), 1u) << c.json;
    EXPECT_EQ(s.diagnostics[0].substr(0, c.diagnostic.size()), c.diagnostic) << c.json;
    EXPECT_EQ(s.names(), Strings{"aws_sqs_queue.q"}) << c.json;
    EXPECT_EQ(s.value("aws_sqs_queue.q", "name"),
              "<unknown: module store is not loaded (remote or missing source)>")
        << c.json;
  }
}

TEST(TfInstalledModules, DirectoriesOutsideTheRootModuleAreNeverRead) {
  TempDir dir;
  dir.write("secret/main.tf", "resource \"aws_s3_bucket\" \"leak\" {}\n");
  dir.write("root/main.tf", kRootCallingStore);
  dir.write("root/.terraform/modules/linked/main.tf", "resource \"aws_s3_bucket\" \"leak\" {}\n");
  fs::remove_all(dir.path() / "root/.terraform/modules/linked");
  fs::create_directory_symlink(dir.path() / "secret",
                               dir.path() / "root/.terraform/modules/linked");
  const std::string prefix = "root/.terraform/modules/modules.json:2:61: error: module directory ";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"../secret", "\"../secret\" leaves the root module (`..`)"},
      {".terraform/modules/../../../secret",
       "\".terraform/modules/../../../secret\" leaves the root module (`..`)"},
      // (the temporary directory is stripped from the message)
      {(dir.path() / "secret").generic_string(), "\"secret\" is not a relative path"},
      {".terraform/modules/linked",
       "\".terraform/modules/linked\" resolves outside the root module"},
      {".terraform/modules/none",
       "\".terraform/modules/none\" is not a directory (run terraform "
       "init?)"},
  };
  for (const auto& [target, why] : cases) {
    dir.write("root/.terraform/modules/modules.json", manifest(target));
    const Scanned s = scan(dir.path() / "root");
    EXPECT_EQ(s.diagnostics, Strings{prefix + why + "; the module is not loaded"}) << target;
    EXPECT_EQ(s.names(), Strings{"aws_sqs_queue.q"}) << target;
  }
}

TEST(TfInstalledModules, FilesLinkedOutOfTheRootModuleAreSkipped) {
  TempDir dir;
  dir.write("secret.tf", "resource \"aws_s3_bucket\" \"leak\" {}\n");
  dir.write("root/main.tf", kRootCallingStore);
  dir.write("root/.terraform/modules/modules.json", manifest(".terraform/modules/store"));
  dir.write("root/.terraform/modules/store/main.tf", kStore);
  fs::create_symlink(dir.path() / "secret.tf", dir.path() / "root/.terraform/modules/store/x.tf");
  const Scanned s = scan(dir.path() / "root");
  EXPECT_EQ(s.diagnostics, Strings{});
  EXPECT_EQ(s.names(), (Strings{"aws_sqs_queue.q", "module.store.aws_s3_bucket.b"}));
}

TEST(TfInstalledModules, LocalSourcesOfTheScannedTreeDoNotUseTheManifest) {
  TempDir dir;
  dir.write("secret/main.tf", "resource \"aws_s3_bucket\" \"leak\" {}\n");
  dir.write("root/main.tf", "module \"up\" {\n  source = \"../secret\"\n}\n");
  dir.write("root/.terraform/modules/modules.json",
            R"({"Modules":[{"Key":"up","Source":"../secret","Dir":"../secret"}]})");
  const Scanned s = scan(dir.path() / "root");
  EXPECT_EQ(s.diagnostics, Strings{});
  EXPECT_EQ(s.names(), Strings{});
}

TEST(TfInstalledModules, AnInstalledModuleCallingItselfIsACycle) {
  TempDir dir;
  dir.write("root/main.tf", "module \"a\" {\n  source = \"example.test/acme/a/aws\"\n}\n");
  dir.write(
      "root/.terraform/modules/modules.json",
      R"({"Modules":[{"Key":"a","Source":"example.test/acme/a/aws","Dir":".terraform/modules/a"},
{"Key":"a.again","Source":"./","Dir":".terraform/modules/a"}]})");
  dir.write("root/.terraform/modules/a/vars.tf", "variable \"x\" {\n  default = 1\n}\n");
  dir.write("root/.terraform/modules/a/main.tf",
            "resource \"aws_sqs_queue\" \"q\" {}\nmodule \"again\" {\n  source = \"./\"\n}\n");
  const Scanned s = scan(dir.path() / "root");
  EXPECT_EQ(s.diagnostics,
            Strings{"root/.terraform/modules/a/main.tf:3:12: error: module cycle: root -> "
                    "root/.terraform/modules/a -> root/.terraform/modules/a (module again is not "
                    "loaded)"});
  EXPECT_EQ(s.names(), Strings{"module.a.aws_sqs_queue.q"});
}

}  // namespace
}  // namespace genlens
