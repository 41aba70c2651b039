#!/usr/bin/env bash
# Scans testdata/ (rule fixtures, golden inputs, malformed parse inputs) into
# SARIF and runs the official validator over it. GitHub code scanning shows
# at most 1,000 results of a run (the validator's GH1004), so the tree is
# scanned in groups of directories, each validated on its own.
set -u
genlens=$1 node=$2 validator=$3 multitool=$4 out=$5
dirs=()
for d in testdata/*/; do
  [ "$d" = "testdata/rules/" ] && continue
  dirs+=("${d%/}")
done
for d in testdata/rules/*/; do dirs+=("${d%/}"); done
group=12 failed=0 n=0
for ((i = 0; i < ${#dirs[@]}; i += group)); do
  n=$((n + 1))
  file="${out%.sarif}.$n.sarif"
  "$genlens" scan "${dirs[@]:i:group}" --format sarif --category "testdata/group-$n" \
    --output "$file" 2>/dev/null
  status=$?
  # 1 = findings, 2 = some inputs could not be processed: both expected here.
  if [ "$status" -gt 2 ]; then
    echo "genlens exited with $status on ${dirs[*]:i:group}" >&2
    exit 1
  fi
  [ -s "$file" ] || { echo "no SARIF written for ${dirs[*]:i:group}" >&2; exit 1; }
  "$node" "$validator" "$multitool" "$file" || failed=1
done
# A run with a baseline (its notification) and results the baseline does
# not list.
base="${out%.sarif}.baseline.json" file="${out%.sarif}.baselined.sarif"
"$genlens" scan testdata/golden/findings --write-baseline "$base" --output "$file" 2>/dev/null
"$genlens" scan testdata/golden/findings testdata/rules/model-not-network-isolated \
  --baseline "$base" --format sarif --output "$file" 2>/dev/null
[ $? -le 1 ] || { echo "genlens failed with --baseline" >&2; exit 1; }
grep -q '"id": "baseline"' "$file" || { echo "no baseline notification in $file" >&2; exit 1; }
"$node" "$validator" "$multitool" "$file" || failed=1
n=$((n + 1))
echo "validated $n SARIF files covering ${#dirs[@]} directories"
exit $failed
