// Hostile Terraform, through the real binary: a module cycle, count =
// 100000000, module sources outside the scanned tree, a local that refers to
// itself, a 100,000-deep expression. Each ends quickly with a clear
// diagnostic (or an Unknown), and the good template beside it is reported.
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"
#include "hostile_util.h"

namespace genlens::hostile {
namespace {

using testutil::TempDir;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

ScanRun scan(const TempDir& dir, const std::string& name) {
  const ScanRun r = run_genlens({"scan", "in", "--report-unknown"}, dir.path(), 10);
  record(name, r);
  return r;
}

TEST(HostileTerraform, ModuleCycleIsReported) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  dir.write("in/a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n");
  dir.write("in/b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
  const ScanRun r = scan(dir, "tf_module_cycle");
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out, "in/b/main.tf:2:12: error: module cycle: in/a -> in/b -> in/a"))
      << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
  EXPECT_LT(r.seconds, testutil::time_budget(2.0)) << describe(r);
}

TEST(HostileTerraform, HugeCountIsBounded) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  dir.write("in/tf/main.tf",
            "resource \"aws_sqs_queue\" \"q\" {\n  count = 100000000\n}\n"
            "resource \"aws_s3_bucket\" \"b\" {\n  for_each = toset([for i in range(100000000) : "
            "tostring(i)])\n}\n");
  const ScanRun r = scan(dir, "tf_huge_count");
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "in/tf/main.tf:2:11: error: evaluation truncated: 100000000 "
                       "instances exceed the limit of 10000"))
      << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
  EXPECT_LT(r.seconds, testutil::time_budget(5.0)) << describe(r);
  EXPECT_LT(r.max_rss_kb, 512 * 1024) << describe(r);
}

TEST(HostileTerraform, ModuleSourcesOutsideTheTreeAreNeverRead) {
  TempDir dir;
  dir.write("secret/main.tf", "resource \"aws_s3_bucket\" \"leak\" {}\n");
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  dir.write("in/tf/main.tf",
            "module \"up\" {\n  source = \"../../secret\"\n}\n"
            "module \"abs\" {\n  source = \"/etc\"\n}\n"
            "locals {\n  x = file(\"/etc/passwd\")\n  y = local.y\n}\n"
            "resource \"aws_s3_bucket\" \"b\" {\n  bucket = local.x\n  tags = local.y\n}\n");
  const ScanRun r = scan(dir, "tf_outside_modules");
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 1) << describe(r);  // the good template's finding
  EXPECT_FALSE(contains(r.out, "leak")) << r.out;
  EXPECT_FALSE(contains(r.out, "root:")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

TEST(HostileTerraform, DeepExpressionIsAnErrorNotACrash) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  std::string deep = "locals {\n  x = ";
  for (int i = 0; i < 100'000; ++i) deep += "[";
  for (int i = 0; i < 100'000; ++i) deep += "]";
  deep += "\n}\n";
  dir.write("in/tf/deep.tf", deep);
  const ScanRun r = scan(dir, "tf_deep_expression");
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.out, "in/tf/deep.tf:2:")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
}

}  // namespace
}  // namespace genlens::hostile
