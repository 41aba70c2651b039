// Edges from values that name a resource of the scan: ARNs (arn:aws:s3:::docs)
// anywhere in a resource's properties, and properties whose value is a name
// (AWS::IAM::Policy Roles, AWS::S3::BucketPolicy Bucket). Names are account-wide,
// so these edges cross templates.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "graph/builders.h"

namespace genlens::graph::detail {
namespace {

using core::Value;

// An ARN's service and resource part identify a resource type; the name is
// taken from the resource part.
struct ArnForm {
  std::string_view service;
  std::string_view prefix;  // resource part starts with this
  std::string_view type;
  char name_end;      // the name ends at this character (or the end)
  bool last_segment;  // the name is the last '/'-separated segment (IAM paths)
};
constexpr ArnForm kArnForms[] = {
    {"iam", "policy/", "AWS::IAM::ManagedPolicy", '\0', true},
    {"iam", "role/", "AWS::IAM::Role", '\0', true},
    {"lambda", "function:", "AWS::Lambda::Function", ':', false},
    {"logs", "log-group:", "AWS::Logs::LogGroup", ':', false},
    {"s3", "", "AWS::S3::Bucket", '/', false},
    {"sagemaker", "endpoint-config/", "AWS::SageMaker::EndpointConfig", '/', false},
    {"sagemaker", "endpoint/", "AWS::SageMaker::Endpoint", '/', false},
    {"sagemaker", "inference-component/", "AWS::SageMaker::InferenceComponent", '/', false},
    {"sagemaker", "model/", "AWS::SageMaker::Model", '/', false},
};

// The property that holds each type's name.
constexpr std::pair<std::string_view, std::string_view> kNameProperties[] = {
    {"AWS::IAM::ManagedPolicy", "ManagedPolicyName"},
    {"AWS::IAM::Role", "RoleName"},
    {"AWS::Lambda::Function", "FunctionName"},
    {"AWS::Logs::LogGroup", "LogGroupName"},
    {"AWS::OpenSearchServerless::Collection", "Name"},
    {"AWS::S3::Bucket", "BucketName"},
    {"AWS::SageMaker::Endpoint", "EndpointName"},
    {"AWS::SageMaker::EndpointConfig", "EndpointConfigName"},
    {"AWS::SageMaker::InferenceComponent", "InferenceComponentName"},
    {"AWS::SageMaker::Model", "ModelName"},
};

// Properties whose value is a name (or an ARN) of a resource of `type`.
// `prefix`: the name follows it and ends at the next '/' (scalable targets'
// "endpoint/<name>/variant/<variant>").
struct NameProperty {
  std::string_view from_type;
  std::string_view property;  // under Properties; a list is searched item by item
  std::string_view type;
  std::string_view prefix;
};
constexpr NameProperty kNameReferences[] = {
    {"AWS::ApplicationAutoScaling::ScalableTarget", "ResourceId", "AWS::SageMaker::Endpoint",
     "endpoint/"},
    {"AWS::ApplicationAutoScaling::ScalableTarget", "ResourceId",
     "AWS::SageMaker::InferenceComponent", "inference-component/"},
    {"AWS::IAM::InstanceProfile", "Roles", "AWS::IAM::Role", ""},
    {"AWS::IAM::ManagedPolicy", "Roles", "AWS::IAM::Role", ""},
    {"AWS::IAM::Policy", "Roles", "AWS::IAM::Role", ""},
    {"AWS::IAM::RolePolicy", "RoleName", "AWS::IAM::Role", ""},
    {"AWS::Lambda::Permission", "FunctionName", "AWS::Lambda::Function", ""},
    {"AWS::S3::BucketPolicy", "Bucket", "AWS::S3::Bucket", ""},
    {"AWS::SageMaker::Endpoint", "EndpointConfigName", "AWS::SageMaker::EndpointConfig", ""},
    {"AWS::SageMaker::InferenceComponent", "EndpointName", "AWS::SageMaker::Endpoint", ""},
};

bool known_text(const Value* v) { return v != nullptr && v->is_string() && !v->partial; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// SageMaker lower-cases names in ARNs; the others are matched as written.
std::string key_of(std::string_view type, std::string_view name) {
  if (type.rfind("AWS::SageMaker::", 0) == 0) return std::string(type) + '\n' + lower(name);
  return std::string(type) + '\n' + std::string(name);
}

class NameIndex {
 public:
  explicit NameIndex(const Inputs& in) {
    for (size_t i = 0; i < in.resources.size(); ++i) {
      const formats::Resource& r = *in.resources[i];
      for (const auto& [type, property] : kNameProperties) {
        if (r.type != type || r.value == nullptr) continue;
        const Value* props = r.value->find("Properties");
        const Value* name = props != nullptr ? props->find(property) : nullptr;
        if (known_text(name)) by_name_[key_of(type, name->text)].push_back(i);
      }
    }
  }
  [[nodiscard]] const std::vector<size_t>* find(std::string_view type,
                                                std::string_view name) const {
    auto it = by_name_.find(key_of(type, name));
    return it == by_name_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, std::vector<size_t>> by_name_;
};

// The type and name an ARN identifies; false when it is not one we index.
// Partition, region and account may be unknown; service and name may not.
bool parse_arn(std::string_view s, std::string_view& type, std::string& name) {
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
    type = form.type;
    name = std::string(n);
    return true;
  }
  return false;
}

void link(const NameIndex& index, size_t from, std::string_view type, std::string_view name,
          const Value* v, std::vector<Edge>& out) {
  const std::vector<size_t>* targets = index.find(type, name);
  if (targets == nullptr) return;
  for (size_t to : *targets) out.push_back(Edge{EdgeKind::kReference, from, to, {}, written_at(v)});
}

void arn_edges(const NameIndex& index, size_t from, const Value* props, std::vector<Edge>& out) {
  std::vector<const Value*> stack{props};
  while (!stack.empty()) {
    const Value* v = stack.back();
    stack.pop_back();
    if (v == nullptr) continue;
    for (const auto& entry : v->entries) stack.push_back(entry.second);
    for (const Value* item : v->items) stack.push_back(item);
    std::string_view type;
    std::string name;
    if (v->is_string() && parse_arn(v->text, type, name)) link(index, from, type, name, v, out);
  }
}

void name_reference_edges(const NameIndex& index, size_t from, const formats::Resource& r,
                          const Value* props, std::vector<Edge>& out) {
  for (const NameProperty& np : kNameReferences) {
    if (np.from_type != r.type) continue;
    const Value* v = props->find(np.property);
    if (v == nullptr) continue;
    std::vector<const Value*> values = v->is_list() ? v->items : std::vector<const Value*>{v};
    for (const Value* item : values) {
      if (!known_text(item)) continue;
      std::string_view name = item->text;
      if (name.rfind("arn:", 0) == 0) continue;  // ARNs: arn_edges
      if (!np.prefix.empty()) {
        if (name.rfind(np.prefix, 0) != 0) continue;
        name = name.substr(np.prefix.size());
        name = name.substr(0, name.find('/'));
      }
      link(index, from, np.type, name, item, out);
    }
  }
}

}  // namespace

std::vector<Edge> name_edges(const Inputs& in) {
  const NameIndex index(in);
  std::vector<Edge> out;
  for (size_t i = 0; i < in.resources.size(); ++i) {
    const formats::Resource& r = *in.resources[i];
    const Value* props = r.value != nullptr ? r.value->find("Properties") : nullptr;
    if (props == nullptr) continue;
    arn_edges(index, i, props, out);
    name_reference_edges(index, i, r, props, out);
  }
  return out;
}

}  // namespace genlens::graph::detail
