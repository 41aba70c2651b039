#!/usr/bin/env bash
# Scans testdata/ (rule fixtures, golden inputs, malformed parse inputs) into
# SARIF and runs the official validator over it.
set -u
genlens=$1 node=$2 validator=$3 multitool=$4 out=$5
"$genlens" scan testdata --format sarif --output "$out" 2>/dev/null
status=$?
# 1 = findings, 2 = some inputs could not be processed: both expected here.
if [ "$status" -gt 2 ]; then
  echo "genlens exited with $status" >&2
  exit 1
fi
[ -s "$out" ] || { echo "no SARIF written" >&2; exit 1; }
exec "$node" "$validator" "$multitool" "$out"
