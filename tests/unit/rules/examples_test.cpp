// examples/README.md lists the findings of each demo stack; these tests keep
// the lists true.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/scan.h"

namespace genlens::testing {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

// "ID file:line resource" for each finding of a scan of examples/<stack>,
// paths relative to it; a diagnostic fails the test.
Strings demo_findings(const std::string& stack) {
  const fs::path dir = fs::path(GENLENS_SOURCE_DIR) / "examples" / stack;
  core::Diagnostics diags;
  cli::ScanOptions options;
  options.paths = {dir.string()};
  cli::ScanOutput out = cli::run_scan(options, cli::load_all_rules({}, diags), core::Diagnostics{});
  EXPECT_TRUE(out.result.diagnostics.empty()) << stack;
  Strings got;
  for (const rules::Finding& f : out.result.findings) {
    got.push_back(f.rule->id + " " + fs::path(f.location.path).lexically_relative(dir).string() +
                  ":" + std::to_string(f.location.range.begin.line) + " " + f.resource_name);
  }
  return got;
}

TEST(Examples, TerraformDemoStackGivesTheDocumentedFindings) {
  EXPECT_EQ(
      demo_findings("terraform"),
      (Strings{

          "GAI-SEC-013 fine-tuning-pipeline.tf:63 aws_sagemaker_pipeline.fine_tune",
          "GAI-SEC-013 fine-tuning-pipeline.tf:73 aws_sagemaker_pipeline.fine_tune",
          "GAI-SEC-013 fine-tuning-pipeline.tf:87 aws_sagemaker_pipeline.fine_tune",
          "GAI-SEC-013 fine-tuning-pipeline.tf:91 aws_sagemaker_pipeline.fine_tune",
          "GAI-COST-001 fine-tuning-pipeline.tf:115 aws_sagemaker_pipeline.fine_tune",
          "GAI-REL-002 inference-endpoint.tf:115 aws_sagemaker_endpoint.chat",
          "GAI-SEC-011 modules/endpoint/main.tf:5 module.embedding.aws_sagemaker_model.this",
          "GAI-SEC-012 modules/endpoint/main.tf:15 "
          "module.embedding.aws_sagemaker_endpoint_configuration.this",
          "GAI-REL-002 modules/endpoint/main.tf:27 module.embedding.aws_sagemaker_endpoint.this",
          "GAI-SEC-007 rag-agent.tf:144 aws_bedrockagent_knowledge_base.docs",
          "GAI-SEC-014 rag-agent.tf:154 aws_bedrockagent_knowledge_base.docs",
          "GAI-SEC-007 rag-agent.tf:233 aws_bedrockagent_agent.support",
          "GAI-SEC-001 rag-agent.tf:243 aws_bedrockagent_agent.internal_tools",
          "GAI-SEC-007 rag-agent.tf:245 aws_bedrockagent_agent.internal_tools",
      }));
}

TEST(Examples, KubernetesDemoGivesTheDocumentedFindings) {
  EXPECT_EQ(
      demo_findings("kubernetes"),
      (Strings{
          "GAI-SEC-013 fine-tuning-job.yaml:32 genai-training/TrainingJob/chat-lora-finetune",
          "GAI-COST-001 fine-tuning-job.yaml:37 genai-training/TrainingJob/chat-lora-finetune",
          "GAI-SEC-025 kserve-embedding.yaml:3 genai-dev/InferenceService/embedding",
          "GAI-SUS-004 kserve-embedding.yaml:15 genai-dev/InferenceService/embedding",
          "GAI-SEC-021 kserve-embedding.yaml:31 genai-dev/InferenceService/embedding",
          "GAI-SEC-023 vllm-chat.yaml:36 genai-serving/Deployment/chat-llm",
          "GAI-SEC-024 vllm-chat.yaml:40 genai-serving/Deployment/chat-llm",
          "GAI-REL-010 vllm-chat.yaml:67 genai-serving/Deployment/chat-llm",
      }));
}

}  // namespace
}  // namespace genlens::testing
