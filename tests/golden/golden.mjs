#!/usr/bin/env node
// Golden test: runs the real CLI over testdata/golden/<case>/input and
// compares the normalised SARIF and text output and the exit code with the
// files kept in the case directory. GENLENS_UPDATE_GOLDEN=1 rewrites them
// (review the diff like code).
//
// Usage: node golden.mjs <genlens-binary> <case-dir>
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const [genlensArg, caseDir] = process.argv.slice(2);
const genlens = path.resolve(genlensArg);
const update = process.env.GENLENS_UPDATE_GOLDEN === "1";
const input = path.join(caseDir, "input");

function run(format) {
  const r = spawnSync(genlens, ["scan", ".", "--format", format, "--no-color"], {
    cwd: input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (r.error) throw r.error;
  return r;
}

// Machine- and version-independent SARIF.
function normaliseSarif(text) {
  const sarif = JSON.parse(text);
  for (const runObj of sarif.runs ?? []) {
    const d = runObj.tool?.driver;
    if (d) {
      if (d.version) d.version = "VERSION";
      if (d.semanticVersion) d.semanticVersion = "VERSION";
    }
    const base = runObj.originalUriBaseIds?.["%SRCROOT%"];
    if (base?.uri) base.uri = "file:///SRCROOT/";
  }
  return JSON.stringify(sarif, null, 2) + "\n";
}

let failed = false;
function check(name, actual) {
  const file = path.join(caseDir, name);
  if (update) {
    fs.writeFileSync(file, actual);
    console.log(`updated ${file}`);
    return;
  }
  if (!fs.existsSync(file)) {
    console.error(`${file}: missing (run with GENLENS_UPDATE_GOLDEN=1)`);
    failed = true;
    return;
  }
  const expected = fs.readFileSync(file, "utf8");
  if (expected !== actual) {
    failed = true;
    console.error(`${file}: differs from the actual output`);
    const e = expected.split("\n");
    const a = actual.split("\n");
    for (let i = 0; i < Math.max(e.length, a.length); i++) {
      if (e[i] !== a[i]) {
        console.error(`  first difference at line ${i + 1}:\n  - ${e[i]}\n  + ${a[i]}`);
        break;
      }
    }
  }
}

const sarif = run("sarif");
check("expected.sarif", normaliseSarif(sarif.stdout));
const text = run("text");
check("expected.txt", text.stdout);
if (sarif.status !== text.status) {
  console.error(`exit codes differ between formats: sarif ${sarif.status}, text ${text.status}`);
  failed = true;
}
check("expected-exit-code", `${sarif.status}\n`);
process.exit(failed ? 1 : 0);
