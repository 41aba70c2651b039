#!/usr/bin/env node
// Scans the real-world corpus and fails on any diagnostic, and when fewer
// CloudFormation templates are read than the corpus holds.
// Usage: node corpus_check.mjs <genlens> <corpus-dir>
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const [genlens, corpus] = process.argv.slice(2);
if (!fs.existsSync(corpus)) {
  // The corpus lives beside the checkout in this workplace (and in CI); a
  // clone elsewhere cannot run this test, and says so instead of passing.
  console.error(`SKIPPED: corpus not found: ${corpus} (set GENLENS_CORPUS_DIR)`);
  process.exit(77);
}
const r = spawnSync(genlens, ["scan", corpus, "--format", "json", "--fail-on", "never"], {
  encoding: "utf8",
  maxBuffer: 1 << 30,
});
if (r.status !== 0) {
  console.error(`genlens exited with ${r.status}\n${r.stderr}`);
}
const report = JSON.parse(r.stdout);
for (const d of report.diagnostics) {
  console.error(`${d.path}:${d.line}:${d.column}: ${d.level}: ${d.message}`);
}
const templates = report.summary.files;
console.log(`${templates} templates, ${report.summary.resources} resources, ` +
            `${report.summary.findings} findings, ${report.diagnostics.length} diagnostics`);
// SOURCES.md counts 272 YAML and 141 JSON CloudFormation/SAM files (a few
// of them are policy or parameter files, not templates).
const ok = r.status === 0 && report.diagnostics.length === 0 && templates >= 395;
process.exit(ok ? 0 : 1);
