// Edges from values that name a resource of the scan: ARNs (arn:aws:s3:::docs)
// anywhere in a resource's attributes, and attributes whose value is a name
// (AWS::IAM::Policy Roles, AWS::S3::BucketPolicy Bucket, aws_iam_role_policy
// role, aws_s3_bucket_versioning bucket). Names are account-wide, so these
// edges cross templates, modules and formats: a Terraform ARN finds a
// CloudFormation bucket and the other way round.
#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "genlens/graph/oss_policy.h"
#include "graph/builders.h"
#include "graph/named_types.h"

namespace genlens::graph::detail {
namespace {

using core::Value;

// An ARN's service and resource part identify a resource kind; the name is
// taken from the resource part.
struct ArnForm {
  std::string_view service;
  std::string_view prefix;  // resource part starts with this
  Kind kind;
  char name_end;      // the name ends at this character (or the end)
  bool last_segment;  // the name is the last '/'-separated segment (IAM paths)
};
constexpr ArnForm kArnForms[] = {
    {"iam", "policy/", Kind::kIamManagedPolicy, '\0', true},
    {"iam", "role/", Kind::kIamRole, '\0', true},
    {"lambda", "function:", Kind::kLambdaFunction, ':', false},
    {"logs", "log-group:", Kind::kLogGroup, ':', false},
    {"s3", "", Kind::kS3Bucket, '/', false},
    {"sagemaker", "endpoint-config/", Kind::kSageMakerEndpointConfig, '/', false},
    {"sagemaker", "endpoint/", Kind::kSageMakerEndpoint, '/', false},
    {"sagemaker", "inference-component/", Kind::kSageMakerInferenceComponent, '/', false},
    {"sagemaker", "model/", Kind::kSageMakerModel, '/', false},
};

// Attributes whose value is a name (or an ARN) of a resource of `kind`.
// `prefix`: the name follows it and ends at the next '/' (scalable targets'
// "endpoint/<name>/variant/<variant>").
struct NameAttribute {
  std::string_view from_type;
  std::string_view attribute;  // under attributes(r); a list is searched item by item
  Kind kind;
  std::string_view prefix;
};
constexpr NameAttribute kNameAttributes[] = {
    {"AWS::ApplicationAutoScaling::ScalableTarget", "ResourceId", Kind::kSageMakerEndpoint,
     "endpoint/"},
    {"AWS::ApplicationAutoScaling::ScalableTarget", "ResourceId",
     Kind::kSageMakerInferenceComponent, "inference-component/"},
    {"AWS::ApplicationAutoScaling::ScalingPolicy", "ResourceId", Kind::kSageMakerEndpoint,
     "endpoint/"},
    {"AWS::ApplicationAutoScaling::ScalingPolicy", "ResourceId", Kind::kSageMakerInferenceComponent,
     "inference-component/"},
    {"AWS::IAM::InstanceProfile", "Roles", Kind::kIamRole, ""},
    {"AWS::IAM::ManagedPolicy", "Roles", Kind::kIamRole, ""},
    {"AWS::IAM::Policy", "Roles", Kind::kIamRole, ""},
    {"AWS::IAM::RolePolicy", "RoleName", Kind::kIamRole, ""},
    {"AWS::Lambda::Permission", "FunctionName", Kind::kLambdaFunction, ""},
    {"AWS::S3::BucketPolicy", "Bucket", Kind::kS3Bucket, ""},
    {"AWS::SageMaker::Endpoint", "EndpointConfigName", Kind::kSageMakerEndpointConfig, ""},
    {"AWS::SageMaker::InferenceComponent", "EndpointName", Kind::kSageMakerEndpoint, ""},
    {"aws_appautoscaling_policy", "resource_id", Kind::kSageMakerEndpoint, "endpoint/"},
    {"aws_appautoscaling_policy", "resource_id", Kind::kSageMakerInferenceComponent,
     "inference-component/"},
    {"aws_appautoscaling_target", "resource_id", Kind::kSageMakerEndpoint, "endpoint/"},
    {"aws_appautoscaling_target", "resource_id", Kind::kSageMakerInferenceComponent,
     "inference-component/"},
    {"aws_iam_instance_profile", "role", Kind::kIamRole, ""},
    {"aws_iam_policy_attachment", "roles", Kind::kIamRole, ""},
    {"aws_iam_role_policy", "role", Kind::kIamRole, ""},
    {"aws_iam_role_policy_attachment", "role", Kind::kIamRole, ""},
    {"aws_lambda_permission", "function_name", Kind::kLambdaFunction, ""},
    {"aws_s3_bucket_acl", "bucket", Kind::kS3Bucket, ""},
    {"aws_s3_bucket_logging", "bucket", Kind::kS3Bucket, ""},
    {"aws_s3_bucket_logging", "target_bucket", Kind::kS3Bucket, ""},
    {"aws_s3_bucket_ownership_controls", "bucket", Kind::kS3Bucket, ""},
    {"aws_s3_bucket_policy", "bucket", Kind::kS3Bucket, ""},
    {"aws_s3_bucket_public_access_block", "bucket", Kind::kS3Bucket, ""},
    {"aws_s3_bucket_server_side_encryption_configuration", "bucket", Kind::kS3Bucket, ""},
    {"aws_s3_bucket_versioning", "bucket", Kind::kS3Bucket, ""},
    {"aws_sagemaker_endpoint", "endpoint_config_name", Kind::kSageMakerEndpointConfig, ""},
    {"aws_sagemaker_inference_component", "endpoint_name", Kind::kSageMakerEndpoint, ""},
};

bool known_text(const Value* v) { return v != nullptr && v->is_string() && !v->partial; }

std::string key_of(Kind kind, std::string_view name) {
  std::string out(name);
  if (case_insensitive(kind)) {
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return static_cast<char>('A' + static_cast<int>(kind)) + out;
}

class NameIndex {
 public:
  explicit NameIndex(const Inputs& in) {
    for (size_t i = 0; i < in.resources.size(); ++i) {
      const formats::Resource& r = *in.resources[i];
      const std::optional<Kind> kind = kind_of(r.type);
      const Value* name = kind ? name_value(r) : nullptr;
      if (known_text(name)) by_name_[key_of(*kind, name->text)].push_back(i);
      if (kind && name != nullptr && name->is_string() && name->partial) {
        const std::string pattern = name_pattern(name->text);
        if (pattern.find_first_not_of('*') != std::string::npos) {
          partial_.push_back({key_of(*kind, pattern), i});
        }
      }
    }
  }
  [[nodiscard]] const std::vector<size_t>* find(Kind kind, std::string_view name) const {
    auto it = by_name_.find(key_of(kind, name));
    return it == by_name_.end() ? nullptr : &it->second;
  }
  // Resources whose name is only partly known (`${AWS::StackName}-serving`,
  // "${var.env}-serving") and may be `name`.
  [[nodiscard]] std::vector<size_t> find_maybe(Kind kind, std::string_view name) const {
    std::vector<size_t> out;
    const std::string key = key_of(kind, name);
    for (const auto& [pattern, i] : partial_) {
      if (pattern[0] == key[0] && oss::pattern_matches(pattern, key)) out.push_back(i);
    }
    return out;
  }

 private:
  // The name with each unknown run as '*' (IAM and the other indexed names
  // never hold '*').
  static std::string name_pattern(std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c != core::kUnknownMark) {
        out += c;
      } else if (out.empty() || out.back() != '*') {
        out += '*';
      }
    }
    return out;
  }

  std::map<std::string, std::vector<size_t>> by_name_;
  std::vector<std::pair<std::string, size_t>> partial_;  // key_of(kind, pattern), resource
};

// The kind and name an ARN identifies; false when it is not one we index.
// Partition, region and account may be unknown; service and name may not.
bool parse_arn(std::string_view s, Kind& kind, std::string& name) {
  if (s.rfind("arn:", 0) != 0) return false;
  size_t pos = 0;
  std::string_view fields[5];
  for (std::string_view& f : fields) {
    const size_t colon = s.find(':', pos);
    if (colon == std::string_view::npos) return false;
    f = s.substr(pos, colon - pos);
    pos = colon + 1;
  }
  const std::string_view service = fields[2];
  const std::string_view rest = s.substr(pos);
  if (rest.find(core::kUnknownMark) != std::string_view::npos) return false;
  for (const ArnForm& form : kArnForms) {
    if (service != form.service || rest.rfind(form.prefix, 0) != 0) continue;
    std::string_view n = rest.substr(form.prefix.size());
    if (form.last_segment) n = n.substr(n.rfind('/') + 1);
    if (form.name_end != '\0') n = n.substr(0, n.find(form.name_end));
    if (n.empty() || n.find('*') != std::string_view::npos) return false;
    kind = form.kind;
    name = std::string(n);
    return true;
  }
  return false;
}

// `json`: the string `v` was parsed out of, if any (the edge path goes
// through it).
void link(const formats::Resource& r, const NameIndex& index, size_t from, Kind kind,
          std::string_view name, const Value* v, const Value* json, std::vector<Edge>& out) {
  const std::vector<size_t>* targets = index.find(kind, name);
  const std::string path = json != nullptr ? json_path(r, json, written_at(v)) : "";
  if (targets == nullptr && r.format == formats::Format::kKubernetes) {
    // A manifest names the role (an IRSA annotation) of a stack whose name
    // is built at deploy time: it may be any role whose name fits.
    for (size_t to : index.find_maybe(kind, name)) {
      Edge e{EdgeKind::kReference, from, to, path, written_at(v)};
      e.certain = false;
      out.push_back(std::move(e));
    }
  }
  if (targets == nullptr) return;
  for (size_t to : *targets) {
    out.push_back(Edge{EdgeKind::kReference, from, to, path, written_at(v)});
  }
}

bool json_text(const Value* v) {
  if (!v->is_string()) return false;
  const size_t first = v->text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && (v->text[first] == '{' || v->text[first] == '[');
}

// ARNs anywhere in the attributes, also inside JSON written as a string (a
// Terraform policy from jsonencode() or a heredoc, an OpenSearch Serverless
// policy).
void arn_edges(const Inputs& in, const NameIndex& index, size_t from, const Value* attrs,
               std::vector<Edge>& out) {
  const formats::Resource& r = *in.resources[from];
  std::vector<std::pair<const Value*, const Value*>> stack{{attrs, nullptr}};  // value, its JSON
  while (!stack.empty()) {
    const auto [v, json] = stack.back();
    stack.pop_back();
    if (v == nullptr) continue;
    for (const auto& [key, item] : v->entries) {
      if (json == nullptr && derived_entry(r, v, key)) continue;
      stack.emplace_back(item, json);
    }
    for (const Value* item : v->items) stack.emplace_back(item, json);
    Kind kind{};
    std::string name;
    if (v->is_string() && parse_arn(v->text, kind, name)) {
      link(r, index, from, kind, name, v, json, out);
    }
    if (json == nullptr && json_text(v)) {
      const core::Document* doc = document_of(in.documents, formats::JsonCache::host_of(*v));
      if (doc == nullptr) continue;
      in.json.set_document(doc);
      std::string reason;
      stack.emplace_back(in.json.parse(v, &reason, true), v);
    }
  }
}

void name_attribute_edges(const NameIndex& index, size_t from, const formats::Resource& r,
                          const Value* attrs, std::vector<Edge>& out) {
  for (const NameAttribute& na : kNameAttributes) {
    if (na.from_type != r.type) continue;
    const Value* v = attrs->find(na.attribute);
    if (v == nullptr) continue;
    std::vector<const Value*> values = v->is_list() ? v->items : std::vector<const Value*>{v};
    for (const Value* item : values) {
      if (!known_text(item)) continue;
      std::string_view name = item->text;
      if (name.rfind("arn:", 0) == 0) continue;  // ARNs: arn_edges
      if (!na.prefix.empty()) {
        if (name.rfind(na.prefix, 0) != 0) continue;
        name = name.substr(na.prefix.size());
        name = name.substr(0, name.find('/'));
      }
      link(r, index, from, na.kind, name, item, nullptr, out);
    }
  }
}

}  // namespace

std::vector<Edge> name_edges(const Inputs& in) {
  const NameIndex index(in);
  std::vector<Edge> out;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const formats::Resource& r = *in.resources[i];
    const Value* attrs = attributes(r);
    if (attrs == nullptr) continue;
    arn_edges(in, index, i, attrs, out);
    name_attribute_edges(index, i, r, attrs, out);
  }
  return out;
}

}  // namespace genlens::graph::detail
