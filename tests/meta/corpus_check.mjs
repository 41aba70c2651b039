#!/usr/bin/env node
// Scans the real-world corpus and fails on any diagnostic, and when fewer
// CloudFormation templates, Terraform files or Kubernetes manifests are read
// than the corpus holds.
// Usage: node corpus_check.mjs <genlens> <corpus-dir>
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [genlens, corpus] = process.argv.slice(2);
if (!fs.existsSync(corpus)) {
  // The corpus lives beside the checkout in this workplace (and in CI); a
  // clone elsewhere cannot run this test, and says so instead of passing.
  console.error(`SKIPPED: corpus not found: ${corpus} (set GENLENS_CORPUS_DIR)`);
  process.exit(77);
}

function scan(args) {
  const r = spawnSync(genlens, ["scan", ...args, "--format", "json", "--fail-on", "never"], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) console.error(`genlens exited with ${r.status}\n${r.stderr}`);
  const report = JSON.parse(r.stdout);
  for (const d of report.diagnostics) {
    console.error(`${d.path}:${d.line}:${d.column}: ${d.level}: ${d.message}`);
  }
  return { ok: r.status === 0 && report.diagnostics.length === 0, report };
}

// Every .tf file of the corpus, as discovery walks it (the same skipped
// directories).
const skipped = new Set([".git", ".hg", ".svn", "node_modules", ".terraform", ".terragrunt-cache",
  ".aws-sam", ".serverless", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache",
  ".pytest_cache", "build", "dist", "target", "out"]);
function filesEndingWith(dir, suffixes, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !skipped.has(e.name)) filesEndingWith(p, suffixes, out);
    else if (e.isFile() && suffixes.some((s) => e.name.endsWith(s))) out.push(p);
  }
  return out;
}
const tfFiles = (dir, out) => filesEndingWith(dir, [".tf"], out);

// Kubernetes manifests as a reader independent of genlens sees them: YAML
// documents (split at `---` lines) with top-level `apiVersion:` and `kind:`
// keys, JSON objects with string apiVersion and kind. Kustomize
// configuration and kubeconfig files are not objects of a cluster.
function toolConfig(apiVersion, kind) {
  return apiVersion.startsWith("kustomize.config.k8s.io/") || apiVersion === "builtin" ||
         (apiVersion === "v1" && kind === "Config");
}
function manifestsIn(file) {
  const text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".json")) {
    let doc;
    try { doc = JSON.parse(text); } catch { return 0; }
    const ok = doc && typeof doc.apiVersion === "string" && typeof doc.kind === "string";
    if (!ok || toolConfig(doc.apiVersion, doc.kind)) return 0;
    return doc.kind.endsWith("List") && Array.isArray(doc.items) ? doc.items.length : 1;
  }
  let n = 0;
  for (const doc of text.split(/^---.*$/m)) {
    const api = /^apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(doc);
    const kind = /^kind:[ \t]*["']?([^\s"'#]+)/m.exec(doc);
    if (api && kind && !toolConfig(api[1], kind[1])) n++;
  }
  return n;
}

// Counts a Kubernetes scan by what `genlens graph` and an inline rule say:
// resources per file and type, and the workloads detected as model servers.
const podKinds = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
  "ReplicationController", "Job", "CronJob", "serving.kserve.io/InferenceService",
  "serving.kserve.io/ServingRuntime", "serving.kserve.io/ClusterServingRuntime",
  "ray.io/RayCluster", "ray.io/RayService", "ray.io/RayJob", "kubeflow.org/PyTorchJob",
  "kubeflow.org/TFJob", "kubeflow.org/MPIJob", "kubeflow.org/XGBoostJob",
  "kubeflow.org/PaddleJob", "kubeflow.org/JAXJob", "leaderworkerset.x-k8s.io/LeaderWorkerSet",
  "jobset.x-k8s.io/JobSet"];
function kubernetesCounts(dir) {
  const g = spawnSync(genlens, ["graph", dir, "--format", "json"],
                      { encoding: "utf8", maxBuffer: 1 << 30 });
  const resources = JSON.parse(g.stdout).resources.filter((r) => r.format === "kubernetes");
  const perFile = new Map();
  const byType = new Map();
  for (const r of resources) {
    perFile.set(r.file, (perFile.get(r.file) ?? 0) + 1);
    byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  }
  const rules = fs.mkdtempSync(path.join(os.tmpdir(), "genlens-corpus-rules-"));
  fs.writeFileSync(path.join(rules, "count.yaml"), [
    "id: COUNT-OPS-001", "name: model-servers", "summary: Counts model servers.",
    "pillar: operational-excellence", "severity: note", "targets:",
    "  - format: kubernetes", `    resource: [${podKinds.map((k) => JSON.stringify(k)).join(", ")}]`,
    "    assert: {path: genlens.model_server, equals: false}",
    "message: \"{resource} serves models.\"", ""].join("\n"));
  const c = spawnSync(genlens, ["scan", dir, "--no-config", "--rules-dir", rules, "--rule",
                                "COUNT-OPS-001", "--format", "json", "--fail-on", "never"],
                      { encoding: "utf8", maxBuffer: 1 << 30 });
  fs.rmSync(rules, { recursive: true, force: true });
  const modelServers = JSON.parse(c.stdout).findings.length;
  return { resources, perFile, byType, modelServers };
}

const whole = scan([corpus]);
const s = whole.report.summary;
console.log(`whole corpus: ${s.files} files, ${s.resources} resources, ` +
            `${s.findings} findings, ${whole.report.diagnostics.length} diagnostics`);

// The Terraform files alone, named one by one: every one must be read.
const tf = tfFiles(corpus, []);
const tfScan = scan(tf);
console.log(`terraform: ${tf.length} .tf files in the corpus, ${tfScan.report.summary.files} read, ` +
            `${tfScan.report.summary.resources} resources, ` +
            `${tfScan.report.diagnostics.length} diagnostics`);

// Every file with a Kubernetes manifest is read as one, with at least as
// many resources as it has manifest documents.
const expected = new Map();
for (const f of filesEndingWith(corpus, [".yaml", ".yml", ".json"], [])) {
  const n = manifestsIn(f);
  if (n > 0) expected.set(f, n);
}
const k8s = kubernetesCounts(corpus);
let missing = 0;
for (const [f, n] of expected) {
  if ((k8s.perFile.get(f) ?? 0) < n) {
    console.error(`${f}: ${n} manifest(s), ${k8s.perFile.get(f) ?? 0} read`);
    missing++;
  }
}
const types = [...k8s.byType].sort((a, b) => b[1] - a[1]);
console.log(`kubernetes: ${expected.size} files with ${[...expected.values()].reduce((a, b) => a + b, 0)} ` +
            `manifests, ${k8s.perFile.size} files read, ${k8s.resources.length} resources ` +
            `(${types.length} types), ${k8s.modelServers} model servers detected`);
console.log(`kubernetes types: ${types.map(([t, n]) => `${t} ${n}`).join(", ")}`);

// SOURCES.md counts 272 YAML and 141 JSON CloudFormation/SAM files (a few
// of them are policy or parameter files, not templates), 1,816 .tf files and
// 2,114 Kubernetes files (Kustomization files among them).
const ok = whole.ok && tfScan.ok && tf.length >= 1800 &&
           tfScan.report.summary.files === tf.length && s.files >= 395 + tf.length &&
           missing === 0 && expected.size >= 1800 && k8s.modelServers > 0;
process.exit(ok ? 0 : 1);
