#!/usr/bin/env node
// Validates a SARIF file with Microsoft's SARIF multitool, using both the
// SARIF spec rules and the GitHub code-scanning ingestion rules ("Gh").
//
// Usage: node sarif_validate.mjs <multitool-binary> <in.sarif>
//
//   <multitool-binary>  $GENLENS_NPM_DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
//                       (installed by tools/fetch-npm.sh)
//
// Prints every validator result (level, ruleId, message, where in the input).
// Exit status: 0 = clean (notes at most), 1 = at least one error or warning,
//              2 = the validator could not run or produced no usable output.
//
// The multitool exits 0 even when it finds problems, and also on some of its
// own failures, so this script decides from the SARIF log it writes.
// No dependencies beyond Node.js itself.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const RULE_KINDS = "Gh;Sarif";
const LEVELS = "Error;Warning";
// GitHub ingestion checks that multitool 5.7.0 ships disabled by default but
// that describe real code-scanning behaviour; enabled through a config file.
// GH1001 is left out: enabling it crashes 5.7.0 (ERR999 FormatException), and
// GH1015/GH1017 cover the same ground.
const EXTRA_GH_RULES = [
  "GH1002.InlineThreadFlowLocations", // threadFlowLocation.index is not displayed
  "GH1003.ProvideRequiredRegionProperties", // region.startLine required
  "GH1004.ReviewArraysThatExceedConfigurableDefaults", // GitHub's size limits
  "GH1005.LocationsMustBeRelativeUrisOrFilePaths", // no https:// result locations
  "GH1006.ProvideCheckoutPath", // absolute file:// URIs need a checkout path
  "GH1007.ProvideFullyFormattedMessageStrings", // message.text, not id+arguments
];
const TIMEOUT_MS = 5 * 60 * 1000;

// Thrown for "the validator could not run": exit status 2.
class CannotValidate extends Error {
  constructor(message, details) {
    super(message);
    this.details = details;
  }
}
function fail(message, details) {
  throw new CannotValidate(message, details);
}

const [multitool, input] = process.argv.slice(2);
if (!multitool || !input || process.argv.length !== 4) {
  console.error("usage: node sarif_validate.mjs <multitool-binary> <in.sarif>");
  process.exit(2);
}
for (const [what, file] of [
  ["multitool", multitool],
  ["input", input],
]) {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`sarif_validate: ${what} not found: ${file}${what === "multitool" ? " (run: make npm)" : ""}`);
    process.exit(2);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sarif-validate-"));
const outFile = path.join(tmp, "out.sarif");
const configFile = path.join(tmp, "config.json");
let exitCode = 2;
try {
  fs.writeFileSync(
    configFile,
    JSON.stringify(
      Object.fromEntries(EXTRA_GH_RULES.map((r) => [`${r}.Options`, { RuleEnabled: "Error" }])),
    ),
  );
  const run = spawnSync(
    multitool,
    [
      "validate",
      "--rule-kind",
      RULE_KINDS,
      "--level",
      LEVELS,
      "--config",
      configFile,
      "-o",
      outFile,
      path.resolve(input),
    ],
    {
      encoding: "utf8",
      timeout: TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
      // The multitool is a .NET app that aborts at start-up when libicu is
      // missing; validation needs no culture data, so run it invariant.
      env: {
        ...process.env,
        DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:
          process.env.DOTNET_SYSTEM_GLOBALIZATION_INVARIANT ?? "1",
        DOTNET_CLI_TELEMETRY_OPTOUT: "1",
      },
    },
  );
  const toolOutput = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  if (run.error) fail(`could not run ${multitool}: ${run.error.message}`, toolOutput);
  if (run.status !== 0) {
    fail(`${multitool} exited with ${run.status ?? `signal ${run.signal}`}`, toolOutput);
  }
  if (!fs.existsSync(outFile)) fail("the multitool wrote no output log", toolOutput);

  let log;
  try {
    log = JSON.parse(fs.readFileSync(outFile, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    fail(`cannot parse the multitool's output log: ${e.message}`, toolOutput);
  }

  const counts = { error: 0, warning: 0, note: 0, none: 0 };
  for (const run of log.runs ?? []) {
    // The tool's own failures (bad arguments, unreadable input) are
    // notifications on the invocation, not results.
    for (const inv of run.invocations ?? []) {
      const notes = [
        ...(inv.toolConfigurationNotifications ?? []),
        ...(inv.toolExecutionNotifications ?? []),
      ].filter((n) => (n.level ?? "warning") === "error");
      if (inv.executionSuccessful === false || notes.length) {
        const text = notes
          .map((n) => `  ${n.descriptor?.id ?? "?"}: ${n.message?.text ?? ""}`)
          .join("\n");
        fail("the multitool reported a failure of its own", text || toolOutput);
      }
    }

    const rules = run.tool?.driver?.rules ?? [];
    const ruleFor = (r) =>
      (Number.isInteger(r.ruleIndex) ? rules[r.ruleIndex] : undefined) ??
      rules.find((d) => d.id === r.ruleId);

    // Several GH rules share checks in 5.7.0 (GH1015, GH1017 and GH2012 all
    // report a missing 'locations'), so identical findings are printed once
    // with every rule id that raised them.
    const seen = new Map();
    for (const result of run.results ?? []) {
      const rule = ruleFor(result);
      const level = result.level ?? rule?.defaultConfiguration?.level ?? "warning";
      const text = `${messageText(result, rule)}${where(result)}`;
      const key = `${level}\0${text}`;
      if (seen.has(key)) {
        seen.get(key).ruleIds.add(result.ruleId);
      } else {
        seen.set(key, { level, text, ruleIds: new Set([result.ruleId]) });
      }
    }
    for (const { level, text, ruleIds } of seen.values()) {
      counts[level] = (counts[level] ?? 0) + 1;
      console.log(`${level.padEnd(7)} ${[...ruleIds].join(",")}: ${text}`);
    }
  }

  const summary = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s)`;
  exitCode = counts.error + counts.warning > 0 ? 1 : 0;
  console.log(`sarif_validate: ${exitCode ? "FAIL" : "ok"}: ${input}: ${summary}`);
} catch (e) {
  // Anything unexpected (a log shaped unlike SARIF, a bug here) also means
  // "could not validate", never a verdict on the input.
  console.error(`sarif_validate: ${e instanceof CannotValidate ? e.message : e.stack}`);
  if (e.details?.trim()) console.error(e.details.trimEnd());
  exitCode = 2;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);

// A result's message is either literal text or a reference to one of the
// rule's messageStrings with {0}-style arguments.
function messageText(result, rule) {
  const m = result.message ?? {};
  if (typeof m.text === "string") return m.text;
  const template = m.id && rule?.messageStrings?.[m.id]?.text;
  if (!template) return `[message ${m.id ?? "?"}] ${(m.arguments ?? []).join(" | ")}`;
  return template.replace(/\{(\d+)\}/g, (whole, i) => m.arguments?.[Number(i)] ?? whole);
}

function where(result) {
  const region = result.locations?.[0]?.physicalLocation?.region;
  if (!region?.startLine) return "";
  return ` [line ${region.startLine}${region.startColumn ? `, col ${region.startColumn}` : ""}]`;
}
