// kubernetes::adapt: resource types and addresses, every pod-spec location,
// List / JSON / multi-document input, and the synthetic `genlens` map whose
// values keep the manifest's exact positions.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../test_support.h"
#include "adapted_unit.h"
#include "genlens/formats/kubernetes.h"

namespace {

using genlens::core::Diagnostics;
using genlens::formats::Format;
using genlens::formats::Resource;
using genlens::formats::Unit;
using genlens::formats::kubernetes::adapt;
using genlens::formats::kubernetes::is_manifest;
using genlens::formats::kubernetes::Options;
using genlens::formats::kubernetes::resource_type;
using genlens::testutil::describe;
using genlens::testutil::parse_yaml_ok;
using genlens::testutil::pos_str;
using genlens::testutil::value_at;
using Strings = std::vector<std::string>;

struct Adapted : genlens::testutil::AdaptedUnit {
  std::shared_ptr<genlens::core::Document> doc;

  Strings names() const {
    Strings out;
    for (const Resource& r : unit.resources) out.push_back(r.name + " " + r.type);
    return out;
  }
  // "path(role)" of every pod spec.
  Strings pods(const std::string& name) const {
    Strings out;
    const Resource* r = res(name);
    const genlens::core::Value* pods = r == nullptr ? nullptr : value_at(r->value, "genlens/pods");
    if (pods == nullptr) return {"<no pods>"};
    for (const genlens::core::Value* p : pods->items) {
      const genlens::core::Value* role = p->find("role");
      out.push_back(p->find("path")->text + (role != nullptr ? "(" + role->text + ")" : ""));
    }
    return out;
  }
  // The `name` (or `image`) of every container in genlens.<list>.
  Strings containers(const std::string& name, const std::string& list = "containers") const {
    Strings out;
    const Resource* r = res(name);
    const genlens::core::Value* cs = r == nullptr ? nullptr : value_at(r->value, "genlens/" + list);
    if (cs == nullptr) return {"<none>"};
    for (const genlens::core::Value* c : cs->items) {
      const genlens::core::Value* n = c->find("name");
      if (n == nullptr) n = c->find("image");
      out.push_back(n != nullptr ? n->text : "?");
    }
    return out;
  }
};

Adapted adapt_yaml(const std::string& text, const Options& options = {}) {
  Adapted a;
  a.doc = parse_yaml_ok(text, "m.yaml");
  if (a.doc == nullptr) return a;
  std::vector<const genlens::core::Node*> roots(a.doc->roots().begin(), a.doc->roots().end());
  a.unit = adapt(a.doc, roots, options, a.diags);
  EXPECT_TRUE(a.diags.empty()) << a.diags.all().front().to_string();
  return a;
}

TEST(K8sTypes, BuiltInGroupsAreKindsOthersGroupSlashKind) {
  EXPECT_EQ(resource_type("v1", "Pod"), "Pod");
  EXPECT_EQ(resource_type("apps/v1", "Deployment"), "Deployment");
  EXPECT_EQ(resource_type("batch/v1", "CronJob"), "CronJob");
  EXPECT_EQ(resource_type("policy/v1", "PodDisruptionBudget"), "PodDisruptionBudget");
  EXPECT_EQ(resource_type("autoscaling/v2", "HorizontalPodAutoscaler"), "HorizontalPodAutoscaler");
  EXPECT_EQ(resource_type("networking.k8s.io/v1", "NetworkPolicy"), "NetworkPolicy");
  EXPECT_EQ(resource_type("rbac.authorization.k8s.io/v1", "Role"), "Role");
  EXPECT_EQ(resource_type("storage.k8s.io/v1", "StorageClass"), "StorageClass");
  EXPECT_EQ(resource_type("extensions/v1beta1", "Ingress"), "Ingress");
  EXPECT_EQ(resource_type("serving.kserve.io/v1beta1", "InferenceService"),
            "serving.kserve.io/InferenceService");
  EXPECT_EQ(resource_type("sagemaker.services.k8s.aws/v1alpha1", "TrainingJob"),
            "sagemaker.services.k8s.aws/TrainingJob");
  EXPECT_EQ(resource_type("keda.sh/v1alpha1", "ScaledObject"), "keda.sh/ScaledObject");
  // x-k8s.io is not k8s.io.
  EXPECT_EQ(resource_type("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet"),
            "leaderworkerset.x-k8s.io/LeaderWorkerSet");
}

TEST(K8sTypes, ManifestNeedsStringApiVersionAndKind) {
  auto doc = parse_yaml_ok(
      "apiVersion: v1\nkind: Pod\n---\nkind: Pod\n---\napiVersion: v1\nkind: [Pod]\n---\n"
      "apiVersion: v1\nkind: ''\n---\n- apiVersion: v1\n");
  ASSERT_NE(doc, nullptr);
  ASSERT_EQ(doc->roots().size(), 5u);
  EXPECT_TRUE(is_manifest(doc->roots()[0]));
  for (size_t i = 1; i < 5; ++i) EXPECT_FALSE(is_manifest(doc->roots()[i])) << i;
}

TEST(K8sAdapter, AddressIsNamespaceKindNameWithDefaultNamespace) {
  const Adapted a = adapt_yaml(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: prod}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
---
apiVersion: batch/v1
kind: Job
metadata: {generateName: train-}
---
apiVersion: v1
kind: ConfigMap
---
apiVersion: v1
kind: Secret
metadata: {name: ~}
)");
  EXPECT_EQ(a.names(),
            (Strings{"prod/Deployment/web Deployment",
                     "default/InferenceService/llm serving.kserve.io/InferenceService",
                     "default/Job/train-* Job", "default/ConfigMap/<unnamed-1> ConfigMap",
                     "default/Secret/<unnamed-2> Secret"}));
  for (const Resource& r : a.unit.resources) {
    EXPECT_EQ(r.format, Format::kKubernetes);
    EXPECT_EQ(r.ref_name, r.name);
  }
  EXPECT_EQ(a.unit.format, Format::kKubernetes);
  EXPECT_EQ(a.value("prod/Deployment/web", "genlens/namespace"), "\"prod\"");
  EXPECT_EQ(a.value("default/InferenceService/llm", "genlens/namespace"), "\"default\"");
  // The manifest itself is there as written.
  EXPECT_EQ(a.value("prod/Deployment/web", "metadata"), "{name: \"web\", namespace: \"prod\"}");
}

TEST(K8sAdapter, HeaderIsTheManifestsFirstKeyInEveryDocument) {
  const Adapted a = adapt_yaml(R"(# comment
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: a}
---

# another
kind: ServiceAccount
apiVersion: v1
metadata: {name: b}
)");
  ASSERT_EQ(a.unit.resources.size(), 2u);
  EXPECT_EQ(pos_str(genlens::formats::header(a.unit.resources[0])), "3:1");
  EXPECT_EQ(pos_str(genlens::formats::header(a.unit.resources[1])), "9:1");
  // A missing attribute is reported at the node's anchor: the same place.
  EXPECT_EQ(pos_str(a.unit.resources[1].node->anchor().begin), "9:1");
}

TEST(K8sAdapter, WorkloadPodSpecsAndContainersKeepTheirPositions) {
  const Adapted a = adapt_yaml(R"(apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: p}}
spec:
  initContainers: [{name: init}]
  ephemeralContainers: [{name: debug}]
  containers:
    - name: main
      image: nginx
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: 3
  template:
    metadata: {labels: {app: d}}
    spec:
      containers: [{name: a}, {name: b}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec: {template: {spec: {containers: [{name: s1}]}}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds}
spec: {template: {spec: {containers: [{name: ds1}]}}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec: {template: {spec: {containers: [{name: rs1}]}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec: {template: {spec: {containers: [{name: j1}]}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: c}}
        spec: {containers: [{name: c1}]}
)");
  EXPECT_EQ(a.pods("default/Pod/p"), (Strings{"spec"}));
  EXPECT_EQ(a.containers("default/Pod/p"), (Strings{"main"}));
  EXPECT_EQ(a.containers("default/Pod/p", "init_containers"), (Strings{"init", "debug"}));
  EXPECT_EQ(a.value("default/Pod/p", "genlens/pods/0/labels"), "{app: \"p\"}");
  EXPECT_EQ(a.pods("default/Deployment/d"), (Strings{"spec.template.spec"}));
  EXPECT_EQ(a.containers("default/Deployment/d"), (Strings{"a", "b"}));
  EXPECT_EQ(a.value("default/Deployment/d", "genlens/pods/0/labels"), "{app: \"d\"}");
  EXPECT_EQ(a.value("default/Deployment/d", "genlens/replicas"), "3");
  EXPECT_EQ(a.value("default/Pod/p", "genlens/replicas"), "<absent>");
  EXPECT_EQ(a.containers("default/StatefulSet/s"), (Strings{"s1"}));
  EXPECT_EQ(a.containers("default/DaemonSet/ds"), (Strings{"ds1"}));
  EXPECT_EQ(a.containers("default/ReplicaSet/rs"), (Strings{"rs1"}));
  EXPECT_EQ(a.containers("default/Job/j"), (Strings{"j1"}));
  EXPECT_EQ(a.pods("default/CronJob/c"), (Strings{"spec.jobTemplate.spec.template.spec"}));
  EXPECT_EQ(a.containers("default/CronJob/c"), (Strings{"c1"}));
  EXPECT_EQ(a.value("default/CronJob/c", "genlens/pods/0/labels"), "{app: \"c\"}");
  // Values point into the manifest: positions are the written ones.
  const Resource* p = a.res("default/Pod/p");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(pos_str(value_at(p->value, "genlens/containers/0/image")->origin->range.begin), "9:14");
  EXPECT_EQ(value_at(p->value, "genlens/pods/0/spec"), value_at(p->value, "spec"));
  EXPECT_EQ(value_at(p->value, "genlens/containers/0"), value_at(p->value, "spec/containers/0"));
}

TEST(K8sAdapter, KServeComponentsModelFrameworkKeysAndMinReplicas) {
  const Adapted a = adapt_yaml(R"(apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: isvc, namespace: ml}
spec:
  predictor:
    minReplicas: 2
    labels: {team: a}
    model:
      modelFormat: {name: huggingface}
      image: custom/server
    containers: [{name: sidecar}]
    initContainers: [{name: fetch}]
  transformer:
    containers: [{name: tx}]
  explainer:
    alibi: {name: why}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: legacy}
spec:
  predictor:
    sklearn: {storageUri: "s3://m", name: sk}
)");
  EXPECT_EQ(a.pods("ml/InferenceService/isvc"),
            (Strings{"spec.predictor(predictor)", "spec.transformer(transformer)",
                     "spec.explainer(explainer)"}));
  EXPECT_EQ(a.containers("ml/InferenceService/isvc"),
            (Strings{"sidecar", "custom/server", "tx", "why"}));
  EXPECT_EQ(a.containers("ml/InferenceService/isvc", "init_containers"), (Strings{"fetch"}));
  EXPECT_EQ(a.value("ml/InferenceService/isvc", "genlens/pods/0/labels"), "{team: \"a\"}");
  EXPECT_EQ(a.value("ml/InferenceService/isvc", "genlens/replicas"), "2");
  EXPECT_EQ(a.value("ml/InferenceService/isvc", "genlens/model_server"), "true");
  EXPECT_EQ(a.containers("default/InferenceService/legacy"), (Strings{"sk"}));
  EXPECT_EQ(a.value("default/InferenceService/legacy", "genlens/model_server"), "true");
}

TEST(K8sAdapter, KServeLlmInferenceServiceKfServingAndKubeflowNotebook) {
  const Adapted a = adapt_yaml(R"(apiVersion: serving.kserve.io/v1alpha2
kind: LLMInferenceService
metadata: {name: llm}
spec:
  replicas: 2
  labels: {app: llm}
  template: {containers: [{name: main}]}
  worker: {containers: [{name: w}]}
  prefill:
    template: {containers: [{name: p}]}
---
apiVersion: serving.kubeflow.org/v1beta1
kind: InferenceService
metadata: {name: old}
spec: {predictor: {minReplicas: 1, tensorflow: {storageUri: "gs://m"}}}
---
apiVersion: kubeflow.org/v1
kind: Notebook
metadata: {name: nb}
spec: {template: {spec: {containers: [{name: jupyter}]}}}
)");
  EXPECT_EQ(
      a.pods("default/LLMInferenceService/llm"),
      (Strings{"spec.template(main)", "spec.worker(worker)", "spec.prefill.template(prefill)"}));
  EXPECT_EQ(a.containers("default/LLMInferenceService/llm"), (Strings{"main", "w", "p"}));
  EXPECT_EQ(a.value("default/LLMInferenceService/llm", "genlens/pods/0/labels"), "{app: \"llm\"}");
  EXPECT_EQ(a.value("default/LLMInferenceService/llm", "genlens/model_server"), "true");
  EXPECT_EQ(a.value("default/LLMInferenceService/llm", "genlens/replicas"), "2");
  EXPECT_EQ(a.pods("default/InferenceService/old"), (Strings{"spec.predictor(predictor)"}));
  EXPECT_EQ(a.value("default/InferenceService/old", "genlens/model_server"), "true");
  EXPECT_EQ(a.value("default/InferenceService/old", "genlens/replicas"), "1");
  EXPECT_EQ(a.pods("default/Notebook/nb"), (Strings{"spec.template.spec"}));
  EXPECT_EQ(a.value("default/Notebook/nb", "genlens/training"), "false");
}

TEST(K8sAdapter, RayHeadAndWorkerGroupsOfClusterServiceAndJob) {
  const Adapted a = adapt_yaml(R"(apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  headGroupSpec: {template: {spec: {containers: [{name: head}]}}}
  workerGroupSpecs:
    - groupName: gpu-group
      template: {spec: {containers: [{name: w1}]}}
    - template: {spec: {containers: [{name: w2}]}}
---
apiVersion: ray.io/v1
kind: RayService
metadata: {name: rs}
spec:
  rayClusterConfig:
    headGroupSpec: {template: {spec: {containers: [{name: head}]}}}
    workerGroupSpecs: [{groupName: g, template: {spec: {containers: [{name: w}]}}}]
---
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: rj}
spec:
  submitterPodTemplate: {spec: {containers: [{name: submit}]}}
  rayClusterSpec:
    headGroupSpec: {template: {spec: {containers: [{name: head}]}}}
)");
  EXPECT_EQ(a.pods("default/RayCluster/rc"),
            (Strings{"spec.headGroupSpec.template.spec(head)",
                     "spec.workerGroupSpecs[0].template.spec(gpu-group)",
                     "spec.workerGroupSpecs[1].template.spec(worker)"}));
  EXPECT_EQ(a.containers("default/RayCluster/rc"), (Strings{"head", "w1", "w2"}));
  EXPECT_EQ(a.pods("default/RayService/rs"),
            (Strings{"spec.rayClusterConfig.headGroupSpec.template.spec(head)",
                     "spec.rayClusterConfig.workerGroupSpecs[0].template.spec(g)"}));
  EXPECT_EQ(a.pods("default/RayJob/rj"),
            (Strings{"spec.rayClusterSpec.headGroupSpec.template.spec(head)",
                     "spec.submitterPodTemplate.spec(submitter)"}));
  EXPECT_EQ(a.value("default/RayJob/rj", "genlens/training"), "true");
  EXPECT_EQ(a.value("default/RayCluster/rc", "genlens/training"), "false");
}

TEST(K8sAdapter, KubeflowReplicaSpecsAndAckJobsWithoutPods) {
  const Adapted a = adapt_yaml(R"(apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  pytorchReplicaSpecs:
    Master: {replicas: 1, template: {spec: {containers: [{name: m}]}}}
    Worker:
      template:
        metadata: {labels: {role: w}}
        spec: {containers: [{name: w}]}
---
apiVersion: kubeflow.org/v1
kind: TFJob
metadata: {name: tf}
spec:
  tfReplicaSpecs: {PS: {template: {spec: {containers: [{name: ps}]}}}}
---
apiVersion: sagemaker.services.k8s.aws/v1alpha1
kind: TrainingJob
metadata: {name: ack}
spec: {trainingJobName: ack, roleARN: "arn:aws:iam::1:role/r"}
)");
  EXPECT_EQ(a.pods("default/PyTorchJob/ft"),
            (Strings{"spec.pytorchReplicaSpecs.Master.template.spec(Master)",
                     "spec.pytorchReplicaSpecs.Worker.template.spec(Worker)"}));
  EXPECT_EQ(a.value("default/PyTorchJob/ft", "genlens/pods/1/labels"), "{role: \"w\"}");
  EXPECT_EQ(a.containers("default/PyTorchJob/ft"), (Strings{"m", "w"}));
  EXPECT_EQ(a.pods("default/TFJob/tf"), (Strings{"spec.tfReplicaSpecs.PS.template.spec(PS)"}));
  EXPECT_EQ(a.value("default/PyTorchJob/ft", "genlens/training"), "true");
  EXPECT_EQ(a.value("default/PyTorchJob/ft", "genlens/model_server"), "false");
  EXPECT_EQ(a.value("default/TrainingJob/ack", "genlens/pods"), "[]");
  EXPECT_EQ(a.value("default/TrainingJob/ack", "genlens/containers"), "[]");
  EXPECT_EQ(a.value("default/TrainingJob/ack", "genlens/training"), "true");
  EXPECT_EQ(a.value("default/TrainingJob/ack", "genlens/gpu"), "false");
}

TEST(K8sAdapter, ListsExpandAndToolConfigurationIsSkipped) {
  const Adapted a = adapt_yaml(R"(apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: {name: svc}
  - not: a manifest
  - apiVersion: v1
    kind: ConfigMapList
    items: [{apiVersion: v1, kind: ConfigMap, metadata: {name: nested}}]
---
apiVersion: apps/v1
kind: DeploymentList
items: [{apiVersion: apps/v1, kind: Deployment, metadata: {name: d}}]
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [a.yaml]
---
apiVersion: v1
kind: Config
clusters: []
---
plain: yaml
)");
  EXPECT_EQ(a.names(), (Strings{"default/Service/svc Service", "default/ConfigMap/nested ConfigMap",
                                "default/Deployment/d Deployment"}));
  // A List item is shown at its own start.
  EXPECT_EQ(pos_str(genlens::formats::header(a.unit.resources[0])), "4:5");
}

TEST(K8sAdapter, JsonManifest) {
  auto src = std::make_shared<genlens::core::SourceFile>(
      "m.json",
      "{\n  \"apiVersion\": \"apps/v1\",\n  \"kind\": \"Deployment\",\n"
      "  \"metadata\": {\"name\": \"j\", \"namespace\": \"n\"},\n"
      "  \"spec\": {\"template\": {\"spec\": {\"containers\": [\n"
      "    {\"name\": \"c\", \"image\": \"vllm/vllm-openai:latest\"}]}}}\n}\n");
  auto doc = genlens::parse::parse_json(src);
  ASSERT_TRUE(doc.ok());
  Diagnostics diags;
  std::vector<const genlens::core::Node*> roots(doc.value()->roots().begin(),
                                                doc.value()->roots().end());
  const Unit u = adapt(doc.value(), roots, {}, diags);
  ASSERT_EQ(u.resources.size(), 1u);
  EXPECT_EQ(u.resources[0].name, "n/Deployment/j");
  EXPECT_EQ(describe(value_at(u.resources[0].value, "genlens/model_server")), "true");
  const genlens::core::Value* image = value_at(u.resources[0].value, "genlens/containers/0/image");
  ASSERT_NE(image, nullptr);
  EXPECT_EQ(pos_str(image->origin->range.begin), "6:28");  // its opening quote
  EXPECT_EQ(pos_str(genlens::formats::header(u.resources[0])), "1:1");
}

TEST(K8sAdapter, SyntheticKeyWrittenInTheManifestIsReplaced) {
  const Adapted a =
      adapt_yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\ngenlens: {model_server: true}\n");
  EXPECT_EQ(a.value("default/Pod/p", "genlens/model_server"), "false");
  const Resource* r = a.res("default/Pod/p");
  ASSERT_NE(r, nullptr);
  size_t n = 0;
  for (const auto& e : r->value->entries) {
    if (e.first == "genlens") ++n;
  }
  EXPECT_EQ(n, 1u);
}

}  // namespace
