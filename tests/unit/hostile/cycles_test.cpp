// CloudFormation reference and condition cycles: evaluation ends, what can
// be known is reported, the rest is Unknown.
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"
#include "hostile_util.h"

namespace genlens::hostile {
namespace {

namespace fs = std::filesystem;
using testutil::TempDir;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(HostileCycles, SubRefGetAttAndDependsOnCyclesEnd) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  fs::copy_file(hostile_data("sub-ref-cycle.cfn.yaml"), dir.path() / "in/cycle.cfn.yaml");
  const ScanRun r = run_genlens({"scan", "in", "--report-unknown"}, dir.path(), 5);
  record("sub_ref_cycle", r);
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 1) << describe(r);  // the good file's error
  EXPECT_TRUE(r.err.empty()) << r.err;
  // A known value is still reported in a template full of cycles...
  EXPECT_TRUE(contains(r.out, "in/cycle.cfn.yaml:37:7: warning[GAI-SEC-011] OpenModel")) << r.out;
  // ...and a self-reference is Unknown, never a guess.
  EXPECT_TRUE(
      contains(r.out, "in/cycle.cfn.yaml:25:3: note[GAI-SEC-011] Could not check SelfModel"))
      << r.out;
  EXPECT_TRUE(contains(r.out, ": Ref SelfModel is known after deployment.")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
  EXPECT_LT(r.seconds, 2.0);
}

TEST(HostileCycles, ConditionCyclesAreUnknownAndEnd) {
  TempDir dir;
  dir.write("in/good.cfn.yaml", kGoodTemplate);
  fs::copy_file(hostile_data("condition-cycle.cfn.yaml"), dir.path() / "in/cycle.cfn.yaml");
  const ScanRun r = run_genlens({"scan", "in", "--report-unknown"}, dir.path(), 5);
  record("condition_cycle", r);
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(r.err.empty()) << r.err;
  // Condition C is Unknown, so OpenModel is checked; both branches of its
  // Fn::If are false, so the value is known whatever D is.
  EXPECT_TRUE(contains(r.out, "in/cycle.cfn.yaml:21:39: warning[GAI-SEC-011] OpenModel")) << r.out;
  // CycleModel's isolation depends on B, which depends on itself through A.
  EXPECT_TRUE(
      contains(r.out, "in/cycle.cfn.yaml:12:3: note[GAI-SEC-011] Could not check CycleModel"))
      << r.out;
  EXPECT_TRUE(contains(r.out, ": depends on condition B.")) << r.out;
  EXPECT_TRUE(contains(r.out, good_finding("in"))) << r.out;
  EXPECT_LT(r.seconds, 2.0);
}

}  // namespace
}  // namespace genlens::hostile
