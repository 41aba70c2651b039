// `related:` through the whole scan: which references a `via` attribute
// follows, and how related locations are reported.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli_test_util.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;

// A data source whose bucket must have a public access block with two
// flags set; both flags fail on the same missing block.
constexpr const char* kRule = R"(id: ACME-SEC-002
name: source-bucket-blocked
summary: Source bucket without public access block.
pillar: security
severity: error
targets:
  - format: cloudformation
    resource: AWS::Bedrock::DataSource
    assert:
      related:
        via: Properties.DataSourceConfiguration.S3Configuration.BucketArn
        types: [AWS::S3::Bucket]
        note: "bucket {resource}"
        each:
          all:
            - {path: Properties.PublicAccessBlockConfiguration.BlockPublicAcls, equals: true}
            - {path: Properties.PublicAccessBlockConfiguration.BlockPublicPolicy, equals: true}
message: "{resource} reads from an unblocked bucket."
)";

constexpr const char* kTemplate = R"(Parameters:
  Missing: {Type: String}
Resources:
  Docs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
  ByGetAtt:
    Type: AWS::Bedrock::DataSource
    Properties:
      Name: by-getatt
      KnowledgeBaseId: KB12345678
      DataSourceConfiguration:
        Type: S3
        S3Configuration:
          BucketArn: !GetAtt Docs.Arn
  BySub:
    Type: AWS::Bedrock::DataSource
    Properties:
      Name: by-sub
      KnowledgeBaseId: KB12345678
      DataSourceConfiguration:
        Type: S3
        S3Configuration:
          BucketArn: !Sub 'arn:${AWS::Partition}:s3:::${Docs}'
  BySubLongForm:
    Type: AWS::Bedrock::DataSource
    Properties:
      Name: by-sub-long
      KnowledgeBaseId: KB12345678
      DataSourceConfiguration:
        Type: S3
        S3Configuration:
          BucketArn:
            Fn::Sub: 'arn:${AWS::Partition}:s3:::${Docs}'
  ByParameter:
    Type: AWS::Bedrock::DataSource
    Properties:
      Name: by-parameter
      KnowledgeBaseId: KB12345678
      DataSourceConfiguration:
        Type: S3
        S3Configuration:
          BucketArn: !Sub 'arn:${AWS::Partition}:s3:::${Missing}'
)";

nlohmann::json scan(const std::string& name) {
  const fs::path d = temp_dir(name);
  write(d / "rules" / "rule.yaml", kRule);
  write(d / "in" / "t.cfn.yaml", kTemplate);
  const CliRun r = run_cli(
      "scan --no-config --report-unknown --format json --rule ACME-SEC-002 "
      "--rules-dir " +
      (d / "rules").string() + " " + (d / "in").string());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

const nlohmann::json* finding_of(const nlohmann::json& report, const std::string& resource) {
  for (const auto& f : report["findings"]) {
    if (f["resource"]["name"] == resource) return &f;
  }
  return nullptr;
}

TEST(RelatedScan, SubReferenceInViaIsFollowed) {
  const nlohmann::json report = scan("related-sub");
  ASSERT_FALSE(report.is_discarded());
  for (const char* name : {"BySub", "BySubLongForm"}) {
    const nlohmann::json* f = finding_of(report, name);
    ASSERT_NE(f, nullptr) << name << " " << report.dump(2);
    EXPECT_EQ((*f)["verdict"], "fail") << name << " " << f->dump(2);
    EXPECT_NE((*f)["logical_path"].get<std::string>().find("BucketArn"), std::string::npos)
        << f->dump(2);
  }
  // A parameter without default leads nowhere: Unknown, not a finding.
  const nlohmann::json* p = finding_of(report, "ByParameter");
  ASSERT_NE(p, nullptr) << report.dump(2);
  EXPECT_EQ((*p)["verdict"], "unknown") << p->dump(2);
}

TEST(RelatedScan, ARelatedLocationIsListedOnce) {
  const nlohmann::json report = scan("related-dedupe");
  ASSERT_FALSE(report.is_discarded());
  const nlohmann::json* f = finding_of(report, "ByGetAtt");
  ASSERT_NE(f, nullptr) << report.dump(2);
  // Both flags are missing; their witness is the same Properties block.
  ASSERT_EQ((*f)["related"].size(), 1u) << f->dump(2);
  EXPECT_EQ((*f)["related"][0]["message"], "bucket Docs") << f->dump(2);
}

}  // namespace
}  // namespace genlens::testing
