#pragma once
// A small, hand-built scan result shared by the reporter tests: three rules
// (one per severity, one security rule), four findings and three diagnostics.
#include <memory>
#include <sstream>
#include <string>
#include <utility>

#include "genlens/core/diagnostic.h"
#include "genlens/report/report.h"
#include "genlens/rules/finding.h"
#include "genlens/rules/rule.h"

namespace genlens::report::testing {

inline std::unique_ptr<rules::Rule> make_rule(std::string id, std::string name, std::string pillar,
                                              core::Severity severity) {
  auto rule = std::make_unique<rules::Rule>();
  rule->meta.id = std::move(id);
  rule->meta.name = std::move(name);
  rule->meta.pillar = std::move(pillar);
  rule->meta.severity = severity;
  return rule;
}

struct Fixture {
  rules::RuleSet rules;
  ScanResult result;
  ReportOptions options;

  Fixture() {
    auto sec = make_rule("GAI-SEC-001", "endpoint-data-not-encrypted-with-cmk", "security",
                         core::Severity::kError);
    sec->meta.summary = "SageMaker endpoint storage is not encrypted with a customer-managed key.";
    sec->meta.description = "Model artefacts and data captured by the endpoint are sensitive.";
    sec->meta.remediation = "Set KmsKeyId to a key you control.";
    sec->meta.lens = {"GENSEC01-BP01", "GENSEC02-BP01"};
    sec->meta.references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/encryption.html"};
    rules::Target cfn;
    cfn.format = formats::Format::kCloudFormation;
    cfn.resources = {"AWS::SageMaker::EndpointConfig"};
    rules::Target tf;
    tf.format = formats::Format::kTerraform;
    tf.resources = {"aws_sagemaker_endpoint_configuration"};
    sec->targets = {cfn, tf};

    auto cost = make_rule("GAI-COST-002", "training-job-without-runtime-limit", "cost-optimization",
                          core::Severity::kWarning);
    cost->meta.summary = "Training job has no maximum runtime.";
    cost->meta.params = {rules::Param{"max_runtime_seconds", "86400", {}, false}};
    rules::Target cost_tf;
    cost_tf.format = formats::Format::kTerraform;
    cost_tf.resources = {"aws_sagemaker_training_job"};
    cost->targets = {cost_tf};

    auto ops = make_rule("GAI-OPS-003", "invocation-logging-disabled", "operational-excellence",
                         core::Severity::kNote);
    ops->meta.summary = "Model invocation logging is not enabled.";

    // Added out of order on purpose: reporters must not depend on it.
    const rules::RuleMeta* sec_meta = &sec->meta;
    const rules::RuleMeta* cost_meta = &cost->meta;
    rules.add(std::move(sec));
    rules.add(std::move(ops));
    rules.add(std::move(cost));
    rules.sort();

    rules::Finding f1;
    f1.rule = sec_meta;
    f1.level = core::Severity::kError;
    f1.message = "Endpoint stores model data without a customer-managed KMS key.";
    f1.location = {
        "templates/stack.yaml", {{12, 5}, {12, 30}}, "Resources/Endpoint/Properties/KmsKeyId", ""};
    f1.resource_type = "AWS::SageMaker::EndpointConfig";
    f1.resource_name = "Endpoint";
    f1.related = {{"templates/stack.yaml", {{3, 3}, {3, 12}}, "Resources/Key", "The key."},
                  {"templates/stack.yaml", {{40, 1}, {0, 0}}, "Resources/Model", ""}};
    f1.fingerprint = "0123456789abcdef";

    rules::Finding f2;
    f2.rule = cost_meta;
    f2.level = core::Severity::kWarning;
    f2.message = "Training job has no maximum runtime.";
    f2.location = {"infra/my main.tf", {{7, 1}, {9, 2}}, "aws_sagemaker_training_job.main", ""};
    f2.resource_type = "aws_sagemaker_training_job";
    f2.resource_name = "aws_sagemaker_training_job.main";
    f2.fingerprint = "fedcba9876543210";

    rules::Finding f3 = f1;  // same rule, second location, error
    f3.location = {"templates/stack.yaml", {{30, 7}, {0, 0}}, "Resources/Other", ""};
    f3.resource_name = "Other";
    f3.related.clear();
    f3.fingerprint = "1111111111111111";

    rules::Finding f4;  // an unknown verdict, reported as a note
    f4.rule = cost_meta;
    f4.level = core::Severity::kNote;
    f4.verdict = rules::Verdict::kUnknown;
    f4.message = "Cannot tell whether the runtime is limited: var.max_runtime has no default.";
    f4.location = {"infra/my main.tf", {{20, 3}, {20, 40}}, "aws_sagemaker_training_job.other", ""};
    f4.resource_type = "aws_sagemaker_training_job";
    f4.resource_name = "aws_sagemaker_training_job.other";
    f4.fingerprint = "2222222222222222";

    result.findings = {f1, f2, f3, f4};
    rules::sort_findings(result.findings);

    add_diagnostics("");

    result.rules = &rules;
    result.files_scanned = 4;
    result.resources = 12;

    options.version = "0.1.0";
    options.srcroot = "/srv/repo";
    options.docs_base_url = "https://github.com/genlens/genlens/blob/v0.1.0/docs/rules/";
  }

  void add_diagnostics(const std::string& prefix) {
    result.diagnostics = core::Diagnostics();
    result.diagnostics.error(core::DiagnosticKind::kInput, "parse-error",
                             prefix + "templates/broken.yaml", {4, 7},
                             "mapping values are not allowed here");
    result.diagnostics.error(core::DiagnosticKind::kConfig, "rule-error",
                             "<builtin>/security/bad.yaml", {2, 0}, "unknown key 'sevrity'");
    result.diagnostics.warning(core::DiagnosticKind::kInput, "directive",
                               prefix + "templates/stack.yaml", {1, 1},
                               "unknown rule ID GAI-XXX-999 in genlens:ignore");
    result.diagnostics.sort();
  }

  // Findings and diagnostics under the (absolute) source root /srv/repo.
  void use_absolute_paths() {
    const std::string root = "/srv/repo/";
    for (auto& f : result.findings) {
      f.location.path = root + f.location.path;
      for (auto& r : f.related) r.path = root + r.path;
    }
    add_diagnostics(root);
  }
};

template <typename Writer>
std::string render(Writer writer, const ScanResult& result, const ReportOptions& options) {
  std::ostringstream out;
  writer(out, result, options);
  return out.str();
}

}  // namespace genlens::report::testing
