// The graph's edges: every kind, where each comes from, both directions.
#include <gtest/gtest.h>

#include "graph_test_util.h"

namespace {

using genlens::testutil::build_graph;
using genlens::testutil::edge_str;
using genlens::testutil::edges;
using genlens::testutil::index_of;
using Strings = std::vector<std::string>;

TEST(GraphEdges, ReferencesAndDependsOnByLogicalId) {
  auto g = build_graph({{"t.yaml", R"(Resources:
  Key: {Type: AWS::KMS::Key}
  Model:
    Type: AWS::SageMaker::Model
    Properties:
      ExecutionRoleArn: !GetAtt Role.Arn
  Role: {Type: AWS::IAM::Role}
  Config:
    Type: AWS::SageMaker::EndpointConfig
    DependsOn: [Key]
    Properties:
      KmsKeyId: !Ref Key
      ProductionVariants:
        - ModelName: !Sub '${Model.ModelName}'
)"}});
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(edges(*g), (Strings{
                           "Model -reference-> Role @Properties.ExecutionRoleArn",
                           "Config -reference-> Key @Properties.KmsKeyId",
                           "Config -reference-> Model @Properties.ProductionVariants[0].ModelName",
                           "Config -depends_on-> Key @DependsOn[0]",
                       }));
}

TEST(GraphEdges, BothDirections) {
  auto g = build_graph({{"t.yaml", R"(Resources:
  Role: {Type: AWS::IAM::Role}
  A: {Type: AWS::Lambda::Function, Properties: {Role: !GetAtt Role.Arn}}
  B: {Type: AWS::Lambda::Function, Properties: {Role: !GetAtt Role.Arn}}
)"}});
  ASSERT_NE(g, nullptr);
  const size_t role = index_of(*g, "Role");
  EXPECT_TRUE(g->outgoing(role).empty());
  ASSERT_EQ(g->incoming(role).size(), 2u);
  EXPECT_EQ(edge_str(*g, *g->incoming(role)[0]), "A -reference-> Role @Properties.Role");
  EXPECT_EQ(edge_str(*g, *g->incoming(role)[1]), "B -reference-> Role @Properties.Role");
  ASSERT_EQ(g->outgoing(index_of(*g, "A")).size(), 1u);
  EXPECT_EQ(g->outgoing(index_of(*g, "A"))[0]->to, role);
}

TEST(GraphEdges, AttachesForPoliciesBucketPoliciesAndScalableTargets) {
  auto g = build_graph({{"t.yaml", R"(Resources:
  Role: {Type: AWS::IAM::Role, Properties: {RoleName: kb-role, ManagedPolicyArns: [!Ref Managed]}}
  Managed: {Type: AWS::IAM::ManagedPolicy, Properties: {PolicyDocument: {}}}
  Inline: {Type: AWS::IAM::Policy, Properties: {PolicyName: p, Roles: [kb-role], PolicyDocument: {}}}
  Docs: {Type: AWS::S3::Bucket}
  DocsPolicy: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: !Ref Docs, PolicyDocument: {}}}
  Endpoint: {Type: AWS::SageMaker::Endpoint, Properties: {EndpointName: chat, EndpointConfigName: chat-config}}
  Config: {Type: AWS::SageMaker::EndpointConfig, Properties: {EndpointConfigName: chat-config}}
  Target:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties: {ResourceId: endpoint/chat/variant/AllTraffic}
)"}});
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(edges(*g), (Strings{
                           "Role -attaches-> Managed @Properties.ManagedPolicyArns[0]",
                           "DocsPolicy -attaches-> Docs @Properties.Bucket",
                           "Inline -attaches-> Role @Properties.Roles[0]",
                           "Endpoint -reference-> Config @Properties.EndpointConfigName",
                           "Target -attaches-> Endpoint @Properties.ResourceId",
                       }));
}

TEST(GraphEdges, ArnsAndNamesCrossTemplates) {
  auto g = build_graph({{"data.yaml", R"(Resources:
  Docs: {Type: AWS::S3::Bucket, Properties: {BucketName: kb-docs}}
  Chat: {Type: AWS::SageMaker::Endpoint, Properties: {EndpointName: Chat-Prod}}
  KbRole: {Type: AWS::IAM::Role, Properties: {RoleName: kb-role, Path: /service/}}
)"},
                        {"app.yaml", R"(Parameters:
  DocsArn: {Type: String, Default: 'arn:aws:s3:::kb-docs'}
Resources:
  Source:
    Type: AWS::Bedrock::DataSource
    Properties:
      DataSourceConfiguration:
        S3Configuration: {BucketArn: !Ref DocsArn}
  Caller:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: sagemaker:InvokeEndpoint
            Resource: !Sub 'arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/chat-prod'
          - Effect: Allow
            Action: s3:GetObject
            Resource: ['arn:aws:s3:::kb-docs/*', 'arn:aws:s3:::other-bucket/*']
  Kb:
    Type: AWS::Bedrock::KnowledgeBase
    Properties: {RoleArn: 'arn:aws:iam::111122223333:role/service/kb-role'}
)"}});
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(
      edges(*g),
      (Strings{
          "Source -reference-> Docs @Properties.DataSourceConfiguration.S3Configuration.BucketArn",
          "Caller -reference-> Docs @Properties.PolicyDocument.Statement[1].Resource[0]",
          "Caller -reference-> Chat @Properties.PolicyDocument.Statement[0].Resource",
          "Kb -reference-> KbRole @Properties.RoleArn",
      }));
}

TEST(GraphEdges, OpenSearchPoliciesSelectCollectionsByNamePattern) {
  auto g = build_graph({{"t.yaml", R"(Parameters:
  PolicyText: {Type: String}
  Name: {Type: String}
Resources:
  Docs: {Type: AWS::OpenSearchServerless::Collection, Properties: {Name: kb-docs}}
  Faq: {Type: AWS::OpenSearchServerless::Collection, Properties: {Name: kb-faq}}
  Logs: {Type: AWS::OpenSearchServerless::Collection, Properties: {Name: logs}}
  Net:
    Type: AWS::OpenSearchServerless::SecurityPolicy
    Properties:
      Type: network
      Policy: '[{"Rules":[{"ResourceType":"collection","Resource":["collection/kb-*"]}]}]'
  Data:
    Type: AWS::OpenSearchServerless::AccessPolicy
    Properties:
      Type: data
      Policy: '[{"Rules":[{"ResourceType":"index","Resource":["index/logs/*"]}],"Principal":["x"]}]'
  Enc:
    Type: AWS::OpenSearchServerless::SecurityPolicy
    Properties:
      Type: encryption
      Policy: '{"Rules":[{"ResourceType":"collection","Resource":["collection/kb-docs"]}],"AWSOwnedKey":true}'
  Later:
    Type: AWS::OpenSearchServerless::SecurityPolicy
    Properties: {Type: network, Policy: !Ref PolicyText}
)"}});
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(edges(*g), (Strings{
                           "Net -selects-> Docs @Properties.Policy@json[0].Rules[0].Resource[0]",
                           "Net -selects-> Faq @Properties.Policy@json[0].Rules[0].Resource[0]",
                           "Data -selects-> Logs @Properties.Policy@json[0].Rules[0].Resource[0]",
                           "Enc -selects-> Docs @Properties.Policy@json.Rules[0].Resource[0]",
                           "Later -selects-> Docs @Properties.Policy (maybe)",
                           "Later -selects-> Faq @Properties.Policy (maybe)",
                           "Later -selects-> Logs @Properties.Policy (maybe)",
                       }));
}

TEST(GraphEdges, NestedStackContainsTheLocalTemplatesResources) {
  genlens::testutil::TempDir dir;
  const std::string parent = (dir.path() / "main.yaml").string();
  const std::string child = (dir.path() / "nested" / "kb.yaml").string();
  auto g = build_graph({{parent, R"(Resources:
  Kb:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: ./nested/kb.yaml}
  Remote:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: 'https://s3.amazonaws.com/bucket/kb.yaml'}
)"},
                        {child, R"(Resources:
  Bucket: {Type: AWS::S3::Bucket}
  Queue: {Type: AWS::SQS::Queue}
)"}});
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(edges(*g), (Strings{
                           "Kb -contains-> Bucket @Properties.TemplateURL",
                           "Kb -contains-> Queue @Properties.TemplateURL",
                       }));
}

}  // namespace
