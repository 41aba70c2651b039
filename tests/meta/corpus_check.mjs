#!/usr/bin/env node
// Scans the real-world corpus and fails on any diagnostic, and when fewer
// CloudFormation templates or Terraform files are read than the corpus holds.
// Usage: node corpus_check.mjs <genlens> <corpus-dir>
import { spawnSync } from "node:child_process";
import fs from "node:fs";
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
function tfFiles(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !skipped.has(e.name)) tfFiles(p, out);
    else if (e.isFile() && e.name.endsWith(".tf")) out.push(p);
  }
  return out;
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

// SOURCES.md counts 272 YAML and 141 JSON CloudFormation/SAM files (a few
// of them are policy or parameter files, not templates), and 1,816 .tf files.
const ok = whole.ok && tfScan.ok && tf.length >= 1800 &&
           tfScan.report.summary.files === tf.length && s.files >= 395 + tf.length;
process.exit(ok ? 0 : 1);
