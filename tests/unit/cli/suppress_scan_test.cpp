// In-source suppressions through the whole scan: comments in YAML and HCL
// (`#`, `//`), ignore-file, CloudFormation Metadata (JSON), the Kubernetes
// annotation, expiry against an injected date, --require-reason,
// --show-suppressed, SARIF suppressions and exit codes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "cli/scan.h"
#include "cli_test_util.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

// Two rules with a target per format, so every finding lands on a line the
// test knows: `mode` must be `safe`, and `size`, where set, `small`.
constexpr const char* kRules[] = {R"(id: ACME-TST-001
name: mode-is-safe
summary: Mode is not safe.
pillar: security
severity: error
targets:
  - format: cloudformation
    resource: AWS::S3::Bucket
    assert: {path: Properties.Mode, equals: safe}
  - format: terraform
    resource: aws_s3_bucket
    assert: {path: "settings[0].mode", equals: safe}
  - format: kubernetes
    resource: ConfigMap
    assert: {path: data.mode, equals: safe}
message: "{resource} is not safe."
)",
                                  R"(id: ACME-TST-002
name: size-is-small
summary: Size is not small.
pillar: security
severity: error
targets:
  - format: cloudformation
    resource: AWS::S3::Bucket
    when: {path: Properties.Size, exists: true}
    assert: {path: Properties.Size, equals: small}
  - format: kubernetes
    resource: ConfigMap
    when: {path: data.size, exists: true}
    assert: {path: data.size, equals: small}
message: "{resource} is too big."
)"};

// A scan directory with the two rules beside it.
fs::path setup(const std::string& name) {
  const fs::path d = temp_dir("suppress-" + name);
  write(d / "rules" / "mode.yaml", kRules[0]);
  write(d / "rules" / "size.yaml", kRules[1]);
  return d;
}

std::string rule_args(const fs::path& d) {
  return "scan --no-config --rules-dir '" + (d / "rules").string() +
         "' --rule ACME-TST-001 --rule ACME-TST-002 ";
}

struct Scan {
  int exit_code = -1;
  nlohmann::json report;
  std::string err;
  // "resource rule" -> justification, or "-" when not suppressed.
  std::map<std::string, std::string> findings;
};

Scan scan(const fs::path& d, const std::string& extra = "") {
  const CliRun r =
      run_cli(rule_args(d) + "--format json " + extra + " '" + (d / "in").string() + "'");
  Scan s;
  s.exit_code = r.exit_code;
  s.err = r.err;
  s.report = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(s.report.is_discarded()) << r.out << r.err;
  if (s.report.is_discarded()) return s;
  for (const auto& f : s.report["findings"]) {
    const std::string key =
        f["resource"]["name"].get<std::string>() + " " + f["rule_id"].get<std::string>();
    EXPECT_EQ(f["suppressed"].get<bool>(), !f["suppression"].is_null());
    s.findings[key] = f["suppressed"].get<bool>()
                          ? f["suppression"]["justification"].get<std::string>()
                          : std::string("-");
  }
  return s;
}

std::string diagnostics(const Scan& s) {
  std::string out;
  for (const auto& d : s.report["diagnostics"]) {
    out += d["level"].get<std::string>() + " " + std::to_string(d["line"].get<int>()) + ": " +
           d["message"].get<std::string>() + "\n";
  }
  return out;
}

constexpr const char* kYamlTemplate = R"(Resources:
  # genlens:ignore ACME-TST-001 -- sandbox bucket
  Quiet:
    Type: AWS::S3::Bucket
    Properties:
      Mode: open
  Attr:
    Type: AWS::S3::Bucket
    Properties:
      Mode: open # genlens:ignore ACME-TST-001 -- on the attribute's line
  Above:
    Type: AWS::S3::Bucket
    Properties:
      # genlens:ignore ACME-TST-002 -- another rule
      # genlens:ignore ACME-TST-001, ACME-TST-002 -- stacked comments
      Mode: open
  Loud:
    Type: AWS::S3::Bucket
    Properties:
      Note: "# genlens:ignore ACME-TST-001 -- in a string"
      Text: |
        # genlens:ignore ACME-TST-001 -- in a block scalar
      Mode: open
  Other: # genlens:ignore ACME-TST-002 -- names the other rule
    Type: AWS::S3::Bucket
    Properties:
      Mode: open
)";

TEST(SuppressScan, YamlCommentsOnAndAboveResourcesAndAttributes) {
  const fs::path d = setup("yaml");
  write(d / "in" / "t.cfn.yaml", kYamlTemplate);
  const Scan s = scan(d);
  EXPECT_EQ(s.findings, (std::map<std::string, std::string>{
                            {"Quiet ACME-TST-001", "sandbox bucket"},
                            {"Attr ACME-TST-001", "on the attribute's line"},
                            {"Above ACME-TST-001", "stacked comments"},
                            {"Loud ACME-TST-001", "-"},
                            {"Other ACME-TST-001", "-"},
                        }))
      << s.report.dump(2);
  EXPECT_EQ(diagnostics(s), "");
  EXPECT_EQ(s.report["summary"]["findings"], 2);
  EXPECT_EQ(s.report["summary"]["suppressed"], 3);
  EXPECT_EQ(s.exit_code, 1);
}

TEST(SuppressScan, IgnoreFileAndAllSuppressedExitsZero) {
  const fs::path d = setup("file");
  write(d / "in" / "t.cfn.yaml",
        std::string(kYamlTemplate) + "# genlens:ignore-file ACME-TST-001 -- generated file\n");
  write(d / "in" / "other.cfn.yaml",
        "Resources:\n  Elsewhere:\n    Type: AWS::S3::Bucket\n    Properties: {Mode: safe}\n");
  const Scan s = scan(d);
  EXPECT_EQ(s.findings.at("Loud ACME-TST-001"), "generated file");
  EXPECT_EQ(s.findings.at("Other ACME-TST-001"), "generated file");
  // A line directive is more specific than the file's.
  EXPECT_EQ(s.findings.at("Quiet ACME-TST-001"), "sandbox bucket");
  EXPECT_EQ(s.report["summary"]["findings"], 0);
  EXPECT_EQ(s.exit_code, 0) << s.err;
}

TEST(SuppressScan, JsonTemplateMetadata) {
  const fs::path d = setup("metadata");
  write(d / "in" / "t.cfn.json", R"({"Resources": {
  "Meta": {"Type": "AWS::S3::Bucket",
    "Metadata": {"genlens": {"ignore": [
      {"id": "ACME-TST-001", "reason": "json template"},
      {"id": "ACME-TST-002", "until": "2999-12-31"}]}},
    "Properties": {"Mode": "open", "Size": "large"}},
  "Bad": {"Type": "AWS::S3::Bucket",
    "Metadata": {"genlens": {"ignore": [{"id": "ACME-TST-001", "why": "x"}]}},
    "Properties": {"Mode": "open"}}
}}
)");
  const Scan s = scan(d);
  EXPECT_EQ(s.findings, (std::map<std::string, std::string>{
                            {"Meta ACME-TST-001", "json template"},
                            {"Meta ACME-TST-002", ""},
                            {"Bad ACME-TST-001", "-"},
                        }))
      << s.report.dump(2);
  EXPECT_EQ(diagnostics(s),
            "error 8: malformed Metadata suppression: unknown key 'why' (expected id, reason, "
            "until); it suppresses nothing\n");
  EXPECT_EQ(s.exit_code, 2);
}

TEST(SuppressScan, HclHashAndSlashCommentsAboveResourcesAndBlocks) {
  const fs::path d = setup("hcl");
  write(d / "in" / "main.tf", R"(# genlens:ignore ACME-TST-001 -- hash comment above the resource
resource "aws_s3_bucket" "hash" {
  settings {
    mode = "open"
  }
}

resource "aws_s3_bucket" "slash" {
  // genlens:ignore ACME-TST-001 -- slash comment above the block
  settings {
    mode = "open"
  }
}

resource "aws_s3_bucket" "loud" {
  settings {
    mode = "open # genlens:ignore ACME-TST-001 -- in a string"
  }
}
)");
  const Scan s = scan(d);
  EXPECT_EQ(s.findings, (std::map<std::string, std::string>{
                            {"aws_s3_bucket.hash ACME-TST-001", "hash comment above the resource"},
                            {"aws_s3_bucket.slash ACME-TST-001", "slash comment above the block"},
                            {"aws_s3_bucket.loud ACME-TST-001", "-"},
                        }))
      << s.report.dump(2);
  EXPECT_EQ(diagnostics(s), "");
}

TEST(SuppressScan, HclBlockCommentIgnoreFileAndYamlMetadata) {
  const fs::path d = setup("hcl-file");
  write(d / "in" / "main.tf", R"(resource "aws_s3_bucket" "block" {
  /* genlens:ignore ACME-TST-001 -- block comment */
  settings {
    mode = "open"
  }
}
)");
  write(d / "in" / "other.tf", R"(resource "aws_s3_bucket" "file" {
  settings {
    mode = "open"
  }
}
// genlens:ignore-file ACME-TST-001 -- whole file
)");
  write(d / "in" / "t.cfn.yaml", R"(Resources:
  Meta:
    Type: AWS::S3::Bucket
    Metadata:
      genlens:
        ignore:
          - {id: ACME-TST-001, reason: yaml metadata, until: 2999-01-01}
    Properties: {Mode: open}
)");
  const Scan s = scan(d);
  EXPECT_EQ(s.findings, (std::map<std::string, std::string>{
                            {"aws_s3_bucket.block ACME-TST-001", "block comment"},
                            {"aws_s3_bucket.file ACME-TST-001", "whole file"},
                            {"Meta ACME-TST-001", "yaml metadata"},
                        }))
      << s.report.dump(2);
  EXPECT_EQ(diagnostics(s), "");
  EXPECT_EQ(s.exit_code, 0);
}

TEST(SuppressScan, KubernetesAnnotation) {
  const fs::path d = setup("k8s");
  write(d / "in" / "cm.yaml", R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: quiet
  annotations:
    genlens.io/ignore: "ACME-TST-002: not read; ACME-TST-001: test config"
data: {mode: open, size: large}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: loud
  annotations:
    genlens.io/ignore: "ACME-TST-001 reads nothing"
data: {mode: open, size: small}
)");
  const Scan s = scan(d);
  EXPECT_EQ(s.findings, (std::map<std::string, std::string>{
                            {"default/ConfigMap/quiet ACME-TST-001", "test config"},
                            {"default/ConfigMap/quiet ACME-TST-002", "not read"},
                            {"default/ConfigMap/loud ACME-TST-001", "-"},
                        }))
      << s.report.dump(2);
  EXPECT_EQ(diagnostics(s),
            "error 14: malformed genlens.io/ignore annotation: 'reads' is not a rule ID (write "
            "the reason after ': '); it suppresses nothing\n");
}

TEST(SuppressScan, MalformedAndUnknownDirectivesSuppressNothing) {
  const fs::path d = setup("malformed");
  write(d / "in" / "t.cfn.yaml", R"(Resources:
  # genlens:ignore ACME-TST-001 because it is dev
  A:
    Type: AWS::S3::Bucket
    Properties: {Mode: open}
  # genlens:ignore ACME-TST-01 -- typo
  B:
    Type: AWS::S3::Bucket
    Properties: {Mode: open}
)");
  const Scan s = scan(d);
  EXPECT_EQ(s.findings,
            (std::map<std::string, std::string>{{"A ACME-TST-001", "-"}, {"B ACME-TST-001", "-"}}));
  EXPECT_EQ(diagnostics(s),
            "error 2: malformed suppression comment: 'because' is not a rule ID (write the "
            "reason after ' -- '); it suppresses nothing\n"
            "warning 6: unknown rule ID 'ACME-TST-01' in suppression; it suppresses nothing\n");
  EXPECT_EQ(s.exit_code, 2);
}

constexpr const char* kReasonless = R"(Resources:
  # genlens:ignore ACME-TST-001
  A:
    Type: AWS::S3::Bucket
    Properties: {Mode: open}
)";

TEST(SuppressScan, RequireReason) {
  const fs::path d = setup("reason");
  write(d / "in" / "t.cfn.yaml", kReasonless);
  const Scan lax = scan(d);
  EXPECT_EQ(lax.findings, (std::map<std::string, std::string>{{"A ACME-TST-001", ""}}));
  EXPECT_EQ(lax.exit_code, 0);
  const Scan strict = scan(d, "--require-reason");
  EXPECT_EQ(strict.findings, (std::map<std::string, std::string>{{"A ACME-TST-001", "-"}}));
  EXPECT_EQ(diagnostics(strict),
            "error 2: suppression of ACME-TST-001 gives no reason (--require-reason: write '-- "
            "reason'); it suppresses nothing\n");
  EXPECT_EQ(strict.exit_code, 2);
}

TEST(SuppressScan, TextHidesSuppressedUnlessShown) {
  const fs::path d = setup("text");
  write(d / "in" / "t.cfn.yaml", kYamlTemplate);
  const std::string args = rule_args(d) + "--fail-on error '" + (d / "in").string() + "'";
  const CliRun hidden = run_cli(args);
  EXPECT_EQ(hidden.exit_code, 1);
  EXPECT_EQ(hidden.out.find("Quiet"), std::string::npos) << hidden.out;
  EXPECT_NE(hidden.out.find("Loud is not safe"), std::string::npos) << hidden.out;
  EXPECT_NE(hidden.out.find("2 findings (2 errors), 3 suppressed in 1 file"), std::string::npos)
      << hidden.out;
  const CliRun shown = run_cli(args + " --show-suppressed");
  EXPECT_EQ(shown.exit_code, 1);
  const std::string quiet = "t.cfn.yaml:6:7: error[ACME-TST-001] Quiet is not safe.\n";
  const size_t at = shown.out.find(quiet);
  ASSERT_NE(at, std::string::npos) << shown.out;
  const size_t next = at + quiet.size();
  EXPECT_EQ(
      shown.out.substr(next, shown.out.find('\n', next) - next),
      "  " + (d / "in" / "t.cfn.yaml").string() + ":2:3: note: suppressed here: sandbox bucket")
      << shown.out;
}

TEST(SuppressScan, SarifSuppressions) {
  const fs::path d = setup("sarif");
  write(d / "in" / "t.cfn.yaml", kYamlTemplate);
  const CliRun r = run_cli(rule_args(d) + "--format sarif '" + (d / "in").string() + "'");
  const nlohmann::json sarif = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(sarif.is_discarded()) << r.out;
  std::map<int, std::string> by_line;
  for (const auto& res : sarif["runs"][0]["results"]) {
    const int line = res["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>();
    if (!res.contains("suppressions")) {
      by_line[line] = "-";
      continue;
    }
    ASSERT_EQ(res["suppressions"].size(), 1u);
    const auto& sup = res["suppressions"][0];
    EXPECT_EQ(sup["kind"], "inSource");
    EXPECT_EQ(sup["status"], "accepted");
    by_line[line] =
        sup["justification"].get<std::string>() + " @" +
        std::to_string(sup["location"]["physicalLocation"]["region"]["startLine"].get<int>());
  }
  EXPECT_EQ(by_line, (std::map<int, std::string>{{6, "sandbox bucket @2"},
                                                 {10, "on the attribute's line @10"},
                                                 {16, "stacked comments @15"},
                                                 {23, "-"},
                                                 {27, "-"}}));
}

// The clock is injected: `until` is the last day a suppression holds.
TEST(SuppressScan, ExpiryAgainstAnInjectedDate) {
  const fs::path d = setup("expiry");
  write(d / "in" / "t.cfn.yaml", R"(Resources:
  # genlens:ignore ACME-TST-001 until=2027-05-31 -- until May
  Old:
    Type: AWS::S3::Bucket
    Properties: {Mode: open}
  # genlens:ignore ACME-TST-001 until=2027-06-01 -- until today
  Today:
    Type: AWS::S3::Bucket
    Properties: {Mode: open}
)");
  core::Diagnostics diags;
  cli::ScanOptions options;
  options.paths = {(d / "in").string()};
  options.only_rules = {"ACME-TST-001"};
  options.suppress.today = "2027-06-01";
  cli::ScanOutput out =
      cli::run_scan(options, cli::load_all_rules({(d / "rules").string()}, diags), diags);
  std::map<std::string, bool> suppressed;
  for (const rules::Finding& f : out.result.findings) {
    suppressed[f.resource_name] = f.suppression.has_value();
  }
  EXPECT_EQ(suppressed, (std::map<std::string, bool>{{"Old", false}, {"Today", true}}));
  ASSERT_EQ(out.result.diagnostics.all().size(), 1u);
  const core::Diagnostic& expired = out.result.diagnostics.all()[0];
  EXPECT_EQ(expired.severity, core::Severity::kWarning);
  EXPECT_EQ(expired.pos.line, 2u);
  EXPECT_EQ(expired.message,
            "suppression of ACME-TST-001 expired on 2027-05-31; its findings are reported again");
  // The next day both are reported.
  options.suppress.today = "2027-06-02";
  core::Diagnostics more;
  cli::ScanOutput later =
      cli::run_scan(options, cli::load_all_rules({(d / "rules").string()}, more), more);
  for (const rules::Finding& f : later.result.findings) EXPECT_FALSE(f.suppression);
  EXPECT_EQ(later.result.diagnostics.all().size(), 2u);
}

}  // namespace
}  // namespace genlens::testing
