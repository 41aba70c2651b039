// The graph over Kubernetes objects: selectors select the workloads of their
// namespace, autoscalers and disruption budgets reach their targets, pods
// reference their service account, Secrets and ConfigMaps, and the IRSA
// annotation reaches the IAM role of a Terraform or CloudFormation stack
// scanned with the manifests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graph_test_util.h"

namespace {

using genlens::testutil::build_k8s_graph;
using genlens::testutil::edges;
using Strings = std::vector<std::string>;

// Two model servers, a training job and a pod in `ml`, one in `other`.
constexpr const char* kWorkloads = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ml}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm, tier: serving, gpu: a100}}
    spec:
      containers: [{name: server, image: vllm/vllm-openai:v0.6.3}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: tgi, namespace: ml}
spec:
  selector: {matchLabels: {app: tgi}}
  template:
    metadata: {labels: {app: tgi, tier: serving}}
    spec:
      containers: [{name: server, image: ghcr.io/huggingface/text-generation-inference:2}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: finetune, namespace: ml}
spec:
  template:
    metadata: {labels: {app: finetune, tier: training}}
    spec:
      containers: [{name: train, image: trainer:1}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: other}
spec:
  template:
    metadata: {labels: {app: vllm, tier: serving}}
    spec:
      containers: [{name: server, image: vllm/vllm-openai:v0.6.3}]
)";

std::string with_workloads(const std::string& manifests) {
  return std::string(kWorkloads) + "---\n" + manifests;
}

TEST(K8sGraphEdges, ServiceSelectsTheWorkloadsOfItsNamespace) {
  auto g = build_k8s_graph({{"app.yaml", with_workloads(R"(apiVersion: v1
kind: Service
metadata: {name: vllm, namespace: ml}
spec:
  selector: {app: vllm}
  ports: [{port: 8000}]
---
apiVersion: v1
kind: Service
metadata: {name: serving, namespace: ml}
spec:
  selector: {tier: serving}
---
apiVersion: v1
kind: Service
metadata: {name: none, namespace: ml}
spec:
  selector: {app: llama}
---
apiVersion: v1
kind: Service
metadata: {name: external, namespace: ml}
spec:
  type: ExternalName
  externalName: api.example.com
)")}});
  // `vllm` in namespace `other` has the same labels and is not selected.
  EXPECT_EQ(edges(*g), (Strings{
                           "ml/Service/vllm -selects-> ml/Deployment/vllm @spec.selector",
                           "ml/Service/serving -selects-> ml/Deployment/vllm @spec.selector",
                           "ml/Service/serving -selects-> ml/StatefulSet/tgi @spec.selector",
                       }));
}

TEST(K8sGraphEdges, NetworkPolicySelectsWithMatchLabelsAndMatchExpressions) {
  auto g = build_k8s_graph({{"netpol.yaml", with_workloads(R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: labels, namespace: ml}
spec:
  podSelector: {matchLabels: {app: vllm}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: in, namespace: ml}
spec:
  podSelector:
    matchExpressions: [{key: app, operator: In, values: [tgi, finetune]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: notin, namespace: ml}
spec:
  podSelector:
    matchExpressions: [{key: tier, operator: NotIn, values: [serving]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: exists, namespace: ml}
spec:
  podSelector:
    matchExpressions: [{key: gpu, operator: Exists}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: doesnotexist, namespace: ml}
spec:
  podSelector:
    matchLabels: {tier: serving}
    matchExpressions: [{key: gpu, operator: DoesNotExist}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: ml}
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: nothing, namespace: ml}
spec:
  podSelector: {matchLabels: {app: llama}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: odd, namespace: ml}
spec:
  podSelector:
    matchExpressions: [{key: app, operator: Matches, values: [vllm]}]
)")}});
  EXPECT_EQ(edges(*g),
            (Strings{
                "ml/NetworkPolicy/labels -selects-> ml/Deployment/vllm @spec.podSelector",
                "ml/NetworkPolicy/in -selects-> ml/StatefulSet/tgi @spec.podSelector",
                "ml/NetworkPolicy/in -selects-> ml/Job/finetune @spec.podSelector",
                "ml/NetworkPolicy/notin -selects-> ml/Job/finetune @spec.podSelector",
                "ml/NetworkPolicy/exists -selects-> ml/Deployment/vllm @spec.podSelector",
                "ml/NetworkPolicy/doesnotexist -selects-> ml/StatefulSet/tgi @spec.podSelector",
                // An empty podSelector selects every workload of its namespace only.
                "ml/NetworkPolicy/default-deny -selects-> ml/Deployment/vllm @spec.podSelector",
                "ml/NetworkPolicy/default-deny -selects-> ml/StatefulSet/tgi @spec.podSelector",
                "ml/NetworkPolicy/default-deny -selects-> ml/Job/finetune @spec.podSelector",
                // An operator the API server does not know: not guessed at.
                "ml/NetworkPolicy/odd -selects-> ml/Deployment/vllm @spec.podSelector (maybe)",
                "ml/NetworkPolicy/odd -selects-> ml/StatefulSet/tgi @spec.podSelector (maybe)",
                "ml/NetworkPolicy/odd -selects-> ml/Job/finetune @spec.podSelector (maybe)",
            }));
}

TEST(K8sGraphEdges, DisruptionBudgetsAndAutoscalersReachTheirTargets) {
  auto g = build_k8s_graph({{"scale.yaml", with_workloads(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: vllm, namespace: ml}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: vllm}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm, namespace: ml}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  minReplicas: 1
  maxReplicas: 4
---
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: tgi, namespace: ml}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: tgi}
  maxReplicas: 2
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: wrong-kind, namespace: ml}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: vllm}
  maxReplicas: 2
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: vllm, namespace: ml}
spec:
  scaleTargetRef: {name: vllm}
  triggers: [{type: prometheus, metadata: {threshold: "5"}}]
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: tgi, namespace: ml}
spec:
  scaleTargetRef: {kind: StatefulSet, name: tgi}
  triggers: [{type: cpu, metadata: {value: "60"}}]
)")}});
  EXPECT_EQ(
      edges(*g),
      (Strings{
          "ml/PodDisruptionBudget/vllm -selects-> ml/Deployment/vllm @spec.selector",
          "ml/HorizontalPodAutoscaler/vllm -attaches-> ml/Deployment/vllm @spec.scaleTargetRef",
          "ml/HorizontalPodAutoscaler/tgi -attaches-> ml/StatefulSet/tgi @spec.scaleTargetRef",
          // KEDA's kind defaults to Deployment.
          "ml/ScaledObject/vllm -attaches-> ml/Deployment/vllm @spec.scaleTargetRef",
          "ml/ScaledObject/tgi -attaches-> ml/StatefulSet/tgi @spec.scaleTargetRef",
      }));
}

TEST(K8sGraphEdges, KServePodsAndCustomResourceScaleTargets) {
  auto g = build_k8s_graph({{"crd.yaml", R"(apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama, namespace: ml, labels: {team: nlp}}
spec:
  predictor:
    model: {modelFormat: {name: huggingface}, storageUri: "s3://models/llama"}
---
apiVersion: serving.kubeflow.org/v1beta1
kind: InferenceService
metadata: {name: legacy, namespace: ml}
spec:
  predictor:
    tensorflow: {storageUri: "s3://models/legacy"}
---
apiVersion: v1
kind: Service
metadata: {name: legacy, namespace: ml}
spec:
  selector: {serving.kubeflow.org/inferenceservice: legacy}
---
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: vllm, namespace: ml}
spec:
  headGroupSpec:
    template:
      metadata: {labels: {app: ray}}
      spec:
        containers: [{name: head, image: rayproject/ray:2.9}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ml}
spec:
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers: [{name: server, image: vllm/vllm-openai:v0.6.3}]
---
apiVersion: v1
kind: Service
metadata: {name: llama, namespace: ml}
spec:
  selector: {serving.kserve.io/inferenceservice: llama}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: nlp, namespace: ml}
spec:
  selector: {matchLabels: {team: nlp}}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: ray, namespace: ml}
spec:
  scaleTargetRef: {apiVersion: ray.io/v1, kind: RayCluster, name: vllm}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: no-kind, namespace: ml}
spec:
  scaleTargetRef: {apiVersion: apps/v1, name: vllm}
)"}});
  // KServe labels the pods of an InferenceService with its name and its
  // metadata labels. The ScaledObject's API group picks the RayCluster, not
  // the Deployment of the same name; an HPA without kind (invalid) may
  // scale the workload called vllm of its API group (apps), not the
  // RayCluster.
  EXPECT_EQ(edges(*g),
            (Strings{
                "ml/Service/legacy -selects-> ml/InferenceService/legacy @spec.selector",
                "ml/Service/llama -selects-> ml/InferenceService/llama @spec.selector",
                "ml/PodDisruptionBudget/nlp -selects-> ml/InferenceService/llama @spec.selector",
                "ml/ScaledObject/ray -attaches-> ml/RayCluster/vllm @spec.scaleTargetRef",
                "ml/HorizontalPodAutoscaler/no-kind -attaches-> ml/Deployment/vllm "
                "@spec.scaleTargetRef (maybe)",
            }));
}

TEST(K8sGraphEdges, PodsReferenceServiceAccountsSecretsAndConfigMaps) {
  auto g = build_k8s_graph({{"refs.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ml}
spec:
  template:
    metadata: {labels: {app: vllm}}
    spec:
      serviceAccountName: vllm
      imagePullSecrets: [{name: registry}]
      initContainers:
      - name: fetch
        image: fetch:1
        envFrom: [{configMapRef: {name: settings}}]
      containers:
      - name: server
        image: vllm/vllm-openai:v0.6.3
        env:
        - name: HF_TOKEN
          valueFrom: {secretKeyRef: {name: hf-token, key: token}}
        - name: MODEL
          valueFrom: {configMapKeyRef: {name: settings, key: model}}
        envFrom: [{secretRef: {name: api-keys}}]
      volumes:
      - name: token
        secret: {secretName: hf-token}
      - name: config
        configMap: {name: settings}
      - name: bundle
        projected:
          sources:
          - secret: {name: api-keys}
          - configMap: {name: settings}
          - serviceAccountToken: {path: token}
---
apiVersion: batch/v1
kind: Job
metadata: {name: legacy, namespace: ml}
spec:
  template:
    spec:
      serviceAccount: trainer
      containers: [{name: train, image: trainer:1, env: [{name: X, valueFrom: {secretKeyRef: {name: missing, key: x}}}]}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: vllm, namespace: ml}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: trainer, namespace: ml}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: vllm, namespace: other}
---
apiVersion: v1
kind: Secret
metadata: {name: hf-token, namespace: ml}
---
apiVersion: v1
kind: Secret
metadata: {name: api-keys, namespace: ml}
---
apiVersion: v1
kind: Secret
metadata: {name: registry, namespace: ml}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: ml}
)"}});
  const std::string d = "ml/Deployment/vllm -reference-> ";
  const std::string pod = " @spec.template.spec.";
  EXPECT_EQ(
      edges(*g),
      (Strings{
          d + "ml/ServiceAccount/vllm" + pod + "serviceAccountName",
          d + "ml/Secret/registry" + pod + "imagePullSecrets[0].name",
          d + "ml/Secret/hf-token" + pod + "volumes[0].secret.secretName",
          d + "ml/ConfigMap/settings" + pod + "volumes[1].configMap.name",
          d + "ml/Secret/api-keys" + pod + "volumes[2].projected.sources[0].secret.name",
          d + "ml/ConfigMap/settings" + pod + "volumes[2].projected.sources[1].configMap.name",
          d + "ml/Secret/hf-token" + pod + "containers[0].env[0].valueFrom.secretKeyRef.name",
          d + "ml/ConfigMap/settings" + pod + "containers[0].env[1].valueFrom.configMapKeyRef.name",
          d + "ml/Secret/api-keys" + pod + "containers[0].envFrom[0].secretRef.name",
          d + "ml/ConfigMap/settings" + pod + "initContainers[0].envFrom[0].configMapRef.name",
          // The legacy field names the service account too.
          "ml/Job/legacy -reference-> ml/ServiceAccount/trainer" + pod + "serviceAccount",
      }));
}

TEST(K8sGraphEdges, IngressBackendsReferenceServices) {
  auto g = build_k8s_graph({{"ingress.yaml", R"(apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: chat, namespace: ml}
spec:
  defaultBackend: {service: {name: ui, port: {number: 80}}}
  rules:
  - host: chat.example.com
    http:
      paths:
      - path: /v1
        pathType: Prefix
        backend: {service: {name: vllm, port: {number: 8000}}}
---
apiVersion: v1
kind: Service
metadata: {name: vllm, namespace: ml}
---
apiVersion: v1
kind: Service
metadata: {name: ui, namespace: ml}
---
apiVersion: v1
kind: Service
metadata: {name: vllm, namespace: other}
)"}});
  EXPECT_EQ(edges(*g),
            (Strings{
                "ml/Ingress/chat -reference-> ml/Service/ui @spec.defaultBackend.service.name",
                "ml/Ingress/chat -reference-> ml/Service/vllm "
                "@spec.rules[0].http.paths[0].backend.service.name",
            }));
}

constexpr const char* kIrsaAccounts = R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: vllm
  namespace: ml
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/vllm-serving
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: trainer
  namespace: ml
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/ml/finetune-role
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: elsewhere
  namespace: ml
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/not-in-this-scan
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: stack
  namespace: ml
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/prod-embed-irsa
)";

TEST(K8sGraphEdges, IrsaAnnotationReachesTerraformAndCloudFormationRoles) {
  auto g = build_k8s_graph({{"k8s/sa.yaml", kIrsaAccounts}}, {{"infra", {{"main.tf", R"(
resource "aws_iam_role" "serving" {
  name               = "vllm-serving"
  assume_role_policy = "{}"
}
)"}}}},
                           {{"cfn/roles.yaml", R"(Resources:
  FinetuneRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: finetune-role
      Path: /ml/
      AssumeRolePolicyDocument: {}
  EmbedRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "${AWS::StackName}-embed-irsa"
      AssumeRolePolicyDocument: {}
  OtherRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "${AWS::StackName}-other"
      AssumeRolePolicyDocument: {}
)"}});
  const std::string at = " @metadata.annotations.eks.amazonaws.com/role-arn";
  EXPECT_EQ(edges(*g), (Strings{
                           "ml/ServiceAccount/vllm -reference-> aws_iam_role.serving" + at,
                           "ml/ServiceAccount/trainer -reference-> FinetuneRole" + at,
                           // A role named after its stack may be the one named.
                           "ml/ServiceAccount/stack -reference-> EmbedRole" + at + " (maybe)",
                       }));
}

TEST(K8sGraphEdges, SyntheticKeyAndLastAppliedCopyGiveNoSecondEdge) {
  // The containers are reached through the synthetic `genlens` key too, and
  // kubectl keeps a JSON copy of the manifest in an annotation: each ARN is
  // one edge, at the line it is written (not under genlens.containers, not
  // inside the annotation's JSON).
  auto g = build_k8s_graph({{"k8s/sa.yaml", R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: vllm
  namespace: ml
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/vllm-serving
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"annotations":{"eks.amazonaws.com/role-arn":"arn:aws:iam::123456789012:role/vllm-serving"},"name":"vllm","namespace":"ml"}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: ml}
spec:
  template:
    metadata: {labels: {app: vllm}}
    spec:
      serviceAccountName: vllm
      containers:
      - name: server
        image: vllm/vllm-openai:v0.6.3
        env: [{name: ROLE, value: "arn:aws:iam::123456789012:role/vllm-serving"}]
)"}},
                           {{"infra", {{"main.tf", R"(
resource "aws_iam_role" "serving" {
  name               = "vllm-serving"
  assume_role_policy = "{}"
}
)"}}}});
  EXPECT_EQ(edges(*g), (Strings{
                           "ml/ServiceAccount/vllm -reference-> aws_iam_role.serving "
                           "@metadata.annotations.eks.amazonaws.com/role-arn",
                           "ml/Deployment/vllm -reference-> aws_iam_role.serving "
                           "@spec.template.spec.containers[0].env[0].value",
                           "ml/Deployment/vllm -reference-> ml/ServiceAccount/vllm "
                           "@spec.template.spec.serviceAccountName",
                       }));
}

}  // namespace
