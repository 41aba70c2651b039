// Model-server, training and accelerator detection (lens-rules.md §0): the
// image list (tag, digest, docker.io prefixes, globs), GPU requests, the
// workload label and what never matches.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../test_support.h"
#include "genlens/core/value.h"
#include "genlens/formats/kubernetes.h"

namespace {

using genlens::formats::kubernetes::adapt;
using genlens::formats::kubernetes::default_model_server_images;
using genlens::formats::kubernetes::image_matches;
using genlens::formats::kubernetes::image_repository;
using genlens::formats::kubernetes::Options;
using genlens::testutil::describe;
using genlens::testutil::parse_yaml_ok;
using genlens::testutil::pos_str;
using genlens::testutil::value_at;

TEST(K8sImages, RepositoryDropsTagDigestAndDockerHubPrefixes) {
  EXPECT_EQ(image_repository("vllm/vllm-openai:v0.6.3"), "vllm/vllm-openai");
  EXPECT_EQ(image_repository("vllm/vllm-openai@sha256:0123abcd"), "vllm/vllm-openai");
  EXPECT_EQ(image_repository("docker.io/vllm/vllm-openai:latest@sha256:0a"), "vllm/vllm-openai");
  EXPECT_EQ(image_repository("docker.io/library/nginx:1.25"), "nginx");
  EXPECT_EQ(image_repository("registry:5000/team/server"), "registry:5000/team/server");
  EXPECT_EQ(image_repository("registry:5000/team/server:2"), "registry:5000/team/server");
  EXPECT_EQ(image_repository(""), "");
}

TEST(K8sImages, EveryDefaultFormMatches) {
  const auto& d = default_model_server_images();
  for (const char* image :
       {"vllm/vllm-openai", "vllm/vllm-openai:v0.6.3", "docker.io/vllm/vllm-openai:latest",
        "vllm/vllm-openai@sha256:0123abcd", "ghcr.io/huggingface/text-generation-inference:2.4.0",
        "nvcr.io/nvidia/tritonserver:24.08-py3", "nvcr.io/nim/meta/llama-3.1-8b-instruct:1.1.2",
        "nvcr.io/nim/mistralai/mixtral-8x7b-instruct-v01", "ollama/ollama:0.3.0",
        "docker.io/ollama/ollama", "lmsysorg/sglang:v0.3.0-cu124"}) {
    EXPECT_TRUE(image_matches(image, d)) << image;
  }
  for (const char* image : {"vllm/vllm-openai-fork", "myorg/vllm/vllm-openai", "nginx:latest",
                            "nvcr.io/nvidia/pytorch:24.01", "nvcr.io/nimble/x",
                            "ghcr.io/huggingface/text-generation-inference-x", ""}) {
    EXPECT_FALSE(image_matches(image, d)) << image;
  }
}

TEST(K8sImages, ConfiguredPatternsAreGlobsAndIgnoreDockerHubPrefix) {
  const std::vector<std::string> mine = {"docker.io/acme/llm-*", "*.ecr.*/serving/*"};
  EXPECT_TRUE(image_matches("acme/llm-server:1", mine));
  EXPECT_TRUE(image_matches("123.dkr.ecr.us-east-1.amazonaws.com/serving/llama:7", mine));
  EXPECT_FALSE(image_matches("acme/web:1", mine));
}

struct Detected {
  std::string model_server;
  std::string training;
  std::string gpu;
};

Detected detect(const std::string& yaml, const Options& options = {}) {
  auto doc = parse_yaml_ok(yaml);
  if (doc == nullptr) return {};
  genlens::core::Diagnostics diags;
  const genlens::formats::Unit u = adapt(doc, {doc->roots().front()}, options, diags);
  if (u.resources.size() != 1) {
    ADD_FAILURE() << "expected one resource";
    return {};
  }
  const genlens::core::Value* v = u.resources[0].value;
  return {describe(value_at(v, "genlens/model_server")), describe(value_at(v, "genlens/training")),
          describe(value_at(v, "genlens/gpu"))};
}

std::string deployment(const std::string& container, const std::string& labels = "{}") {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n"
         "    metadata: {labels: " +
         labels + "}\n    spec:\n      containers:\n        - " + container + "\n";
}

TEST(K8sDetection, KnownImageMakesAModelServer) {
  const Detected d = detect(deployment("{name: c, image: 'vllm/vllm-openai:v0.6.3'}"));
  EXPECT_EQ(d.model_server, "true");
  EXPECT_EQ(d.training, "false");
  EXPECT_EQ(d.gpu, "false");
  EXPECT_EQ(detect(deployment("{name: c, image: nginx}")).model_server, "false");
  EXPECT_EQ(detect(deployment("{name: c}")).model_server, "false");
}

TEST(K8sDetection, GpuRequestOrLimitAloneMakesAModelServerUnlessTraining) {
  const Detected limit =
      detect(deployment("{name: c, image: acme/x, resources: {limits: {nvidia.com/gpu: 1}}}"));
  EXPECT_EQ(limit.model_server, "true");
  EXPECT_EQ(limit.gpu, "true");
  const Detected request = detect(
      deployment("{name: c, image: acme/x, resources: {requests: {aws.amazon.com/neuron: '2'}}}"));
  EXPECT_EQ(request.gpu, "true");
  EXPECT_EQ(request.model_server, "true");
  const Detected zero =
      detect(deployment("{name: c, resources: {limits: {nvidia.com/gpu: 0, cpu: 4}}}"));
  EXPECT_EQ(zero.gpu, "false");
  EXPECT_EQ(zero.model_server, "false");
  // A Job that requests a GPU trains (it is not a model server).
  const Detected job = detect(
      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {template: {spec: "
      "{containers: [{name: t, resources: {limits: {nvidia.com/gpu: 8}}}]}}}\n");
  EXPECT_EQ(job.training, "true");
  EXPECT_EQ(job.model_server, "false");
  EXPECT_EQ(job.gpu, "true");
}

TEST(K8sDetection, WorkloadLabelOnManifestOrPodTemplate) {
  EXPECT_EQ(detect(deployment("{name: c}", "{genai.workload/role: model-server}")).model_server,
            "true");
  const Detected training = detect(deployment("{name: c}", "{genai.workload/role: training}"));
  EXPECT_EQ(training.training, "true");
  EXPECT_EQ(training.model_server, "false");
  EXPECT_EQ(detect("apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: "
                   "{genai.workload/role: model-server}}\nspec: {containers: [{name: c}]}\n")
                .model_server,
            "true");
  EXPECT_EQ(detect(deployment("{name: c}", "{genai.workload/role: web}")).model_server, "false");
  Options custom;
  custom.workload_label = "acme.io/kind";
  EXPECT_EQ(detect(deployment("{name: c}", "{acme.io/kind: model-server}"), custom).model_server,
            "true");
  EXPECT_EQ(
      detect(deployment("{name: c}", "{genai.workload/role: model-server}"), custom).model_server,
      "false");
}

TEST(K8sDetection, ConfiguredImagesAddToTheDefaults) {
  Options o;
  o.model_server_images = {"acme/llm-*"};
  EXPECT_EQ(detect(deployment("{name: c, image: 'acme/llm-gateway:3'}"), o).model_server, "true");
  EXPECT_EQ(detect(deployment("{name: c, image: 'ollama/ollama'}"), o).model_server, "true");
  EXPECT_EQ(detect(deployment("{name: c, image: 'acme/llm-gateway:3'}")).model_server, "false");
}

TEST(K8sDetection, PartialImageNeverMatches) {
  // A string with an unknown run never matches, even when its known part
  // would (the tag here).
  auto doc = parse_yaml_ok(deployment("{name: c, image: 'vllm/vllm-openai:X'}"));
  ASSERT_NE(doc, nullptr);
  auto* image = const_cast<genlens::core::Node*>(
      genlens::testutil::node_at(doc->roots().front(), "spec/template/spec/containers/0/image"));
  ASSERT_NE(image, nullptr);
  image->text = std::string("vllm/vllm-openai:") + genlens::core::kUnknownMark;
  genlens::core::Diagnostics diags;
  const genlens::formats::Unit u = adapt(doc, {doc->roots().front()}, {}, diags);
  ASSERT_EQ(u.resources.size(), 1u);
  EXPECT_TRUE(value_at(u.resources[0].value, "spec/template/spec/containers/0/image")->partial);
  EXPECT_EQ(describe(value_at(u.resources[0].value, "genlens/model_server")), "false");
}

TEST(K8sDetection, DecisionIsLocatedWhereItIsWritten) {
  auto doc = parse_yaml_ok(deployment("{name: c, image: 'vllm/vllm-openai'}"));
  ASSERT_NE(doc, nullptr);
  genlens::core::Diagnostics diags;
  const genlens::formats::Unit u = adapt(doc, {doc->roots().front()}, {}, diags);
  ASSERT_EQ(u.resources.size(), 1u);
  const genlens::core::Value* ms = value_at(u.resources[0].value, "genlens/model_server");
  ASSERT_NE(ms, nullptr);
  ASSERT_NE(ms->origin, nullptr);
  EXPECT_EQ(pos_str(ms->origin->range.begin), "9:28");  // the image
}

}  // namespace
