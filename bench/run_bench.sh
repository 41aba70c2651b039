#!/usr/bin/env bash
# Whole-process benchmark: genlens, a pure-parse baseline and, when they can
# be had, checkov and trivy, on the same real files; then genlens on 1x, 2x,
# 4x and 8x copies of the corpus. Prints Markdown tables (also written to
# $BENCH_BUILD/bench-results.md). `make bench` builds and runs it.
#
# Every measurement is run BENCH_RUNS times (default 3); the tables give the
# median of each column. Wall time is measured around the process; peak RSS
# and CPU time come from /usr/bin/time (GNU time) or, without it, from
# genlens_measure (wait4/getrusage): the peak RSS of the largest single
# process of the tree, not a sum over processes.
#
# Environment (all optional):
#   GENLENS_CORPUS        corpus root (default: ../shared/corpus next to the repo)
#   BENCH_BUILD           build directory with genlens and bench/ (default: build-bench)
#   GENLENS               genlens binary (default: $BENCH_BUILD/genlens)
#   BENCH_RUNS            runs per measurement (default 3)
#   BENCH_PEER_RUNS       runs per checkov/trivy measurement (default BENCH_RUNS)
#   BENCH_TIMEOUT         seconds after which one run is stopped (default 3600;
#                         --foreground, so that Ctrl-C reaches the tools too)
#   BENCH_SCALES          corpus copies to scan (default "1 2 4 8")
#   BENCH_TOOLS           subset of "genlens parse-only checkov trivy scale"
#   BENCH_TIMER=measure   use genlens_measure even where GNU time is installed
#   BENCH_INSTALL=0       never install checkov or trivy (use them only if on PATH)
#   BENCH_CHECKOV_VERSION checkov version pip installs (default 3.3.30)
#   BENCH_TRIVY_VERSION   trivy version `go install` builds (default v0.74.0)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(mkdir -p "${BENCH_BUILD:-$root/build-bench}" && cd "${BENCH_BUILD:-$root/build-bench}" && pwd)"
corpus="${GENLENS_CORPUS:-$root/../shared/corpus}"
genlens="${GENLENS:-$build/genlens}"
parse_only="$build/bench/genlens_parse_only"
measure_bin="$build/bench/genlens_measure"
runs="${BENCH_RUNS:-3}"
peer_runs="${BENCH_PEER_RUNS:-$runs}"
run_timeout="${BENCH_TIMEOUT:-3600}"
scales="${BENCH_SCALES:-1 2 4 8}"
tools="${BENCH_TOOLS:-genlens parse-only checkov trivy scale}"
install="${BENCH_INSTALL:-1}"
checkov_version="${BENCH_CHECKOV_VERSION:-3.3.30}"
trivy_version="${BENCH_TRIVY_VERSION:-v0.74.0}"
work="$build/bench-work"
results="$build/bench-results.md"

die() { echo "run_bench: error: $*" >&2; exit 1; }
note() { echo "run_bench: $*" >&2; }
want() { [[ " $tools " == *" $1 "* ]]; }

[ -d "$corpus" ] || die "no corpus at $corpus (set GENLENS_CORPUS)"
corpus="$(cd "$corpus" && pwd)"
[ -x "$genlens" ] || die "no genlens binary at $genlens (run \`make bench\`)"
[ -x "$parse_only" ] || die "no $parse_only (configure with -DGENLENS_BUILD_BENCH=ON)"
command -v python3 >/dev/null || note "python3 missing: the files each peer read will show as ?"
mkdir -p "$work/out" "$work/data" "$work/tools"
rm -f "$results.partial"

if [ "${BENCH_TIMER:-}" != measure ] && [ -x /usr/bin/time ] &&
  /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
  timer=(/usr/bin/time -f '%M %U %S' -o)
  timer_name="GNU time (/usr/bin/time)"
else
  [ -x "$measure_bin" ] || die "neither /usr/bin/time nor $measure_bin"
  timer=("$measure_bin" -o)
  timer_name="genlens_measure (wait4 rusage)"
fi

# ---------------------------------------------------------------- datasets --

# Bytes and count of regular files under the given directories.
count_files() { find "$@" -type f -printf '%s\n' | awk '{n++; b+=$1} END {printf "%d %d\n", n, b}'; }
count_scannable() {
  find "$@" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) \
    -printf '%s\n' | awk '{n++; b+=$1} END {printf "%d %d\n", n, b}'
}
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1e6}'; }

# The corpus as every tool reads it: a copy of $corpus without the templates
# that use rain's `Rain::Module` (sources for `rain pkg`, not deployable
# as they are), on which checkov 3.3.30 aborts its whole run
# ("TypeError: unhashable type: 'dict'"). Made once.
corpus_dir="$work/data/corpus"
stamp="$(count_files "$corpus")"
if [ "$(cat "$corpus_dir.stamp" 2>/dev/null)" != "$stamp" ]; then
  note "copying the corpus to $corpus_dir"
  rm -rf "$corpus_dir" "$work/data/cfn" "$work/data/cfn.stamp" "$work/data/copies"
  mkdir -p "$work/data"
  cp -r "$corpus" "$corpus_dir"
  (cd "$corpus_dir" && grep -rlE 'Rain::Module' . | sort >"$work/data/excluded.txt" || true)
  (cd "$corpus_dir" && tr '\n' '\0' <"$work/data/excluded.txt" | xargs -0 -r rm -f)
  echo "$stamp" >"$corpus_dir.stamp"
fi
excluded="$(wc -l <"$work/data/excluded.txt")"

# The CloudFormation subset: every file of the corpus, in whatever folder,
# that genlens's extensions admit and whose content is a CloudFormation
# template (AWSTemplateFormatVersion or an AWS::Service::Type). In this corpus
# that is aws-cloudformation-templates plus the six aws-samples folders with
# CloudFormation. Copied (not linked) so that every tool reads only them.
cfn_dir="$work/data/cfn"
if [ "$(cat "$cfn_dir.stamp" 2>/dev/null)" != "$stamp" ]; then
  note "copying the CloudFormation subset to $cfn_dir"
  rm -rf "$cfn_dir"
  mkdir -p "$cfn_dir"
  (cd "$corpus_dir" &&
    find . -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0 |
    xargs -0 grep -lZE 'AWSTemplateFormatVersion|AWS::[A-Za-z0-9]+::[A-Za-z0-9]+' |
    xargs -0 cp --parents -t "$cfn_dir")
  echo "$stamp" >"$cfn_dir.stamp"
fi

# Copies of the whole corpus for the scaling runs, made once.
max_scale=0
for s in $scales; do ((s > max_scale)) && max_scale=$s; done
if want scale; then
  for ((i = 1; i <= max_scale; i++)); do
    c="$work/data/copies/copy-$i"
    if [ "$(cat "$c.stamp" 2>/dev/null)" != "$stamp" ]; then
      note "copying the corpus to $c"
      rm -rf "$c"
      mkdir -p "$(dirname "$c")"
      cp -r "$corpus_dir" "$c"
      echo "$stamp" >"$c.stamp"
    fi
  done
fi

# ------------------------------------------------------------------ peers --

checkov=""
if want checkov; then
  venv="$work/tools/checkov-venv"
  if [ -x "$venv/bin/checkov" ] && [ "$("$venv/bin/checkov" --version 2>/dev/null)" = "$checkov_version" ]; then
    checkov="$venv/bin/checkov"
  elif [ "$install" = 1 ] && command -v python3 >/dev/null; then
    note "installing checkov $checkov_version into $venv (pip; log: $work/tools/checkov-install.log)"
    rm -rf "$venv"
    if python3 -m venv "$venv" >"$work/tools/checkov-install.log" 2>&1 &&
      "$venv/bin/pip" install -q "checkov==$checkov_version" >>"$work/tools/checkov-install.log" 2>&1; then
      checkov="$venv/bin/checkov"
    else
      note "checkov could not be installed; skipped (see $work/tools/checkov-install.log)"
    fi
  elif command -v checkov >/dev/null; then
    checkov="$(command -v checkov)"
  else
    note "checkov is not installed; skipped"
  fi
fi

trivy=""
if want trivy; then
  if command -v trivy >/dev/null; then
    trivy="$(command -v trivy)"
  elif [ -x "$work/tools/bin/trivy" ]; then
    trivy="$work/tools/bin/trivy"
  elif [ "$install" = 1 ] && command -v go >/dev/null; then
    # trivy is a Go program: built from the Go module proxy (several minutes on
    # two cores). Since v0.70 it needs encoding/json/v2, behind GOEXPERIMENT on Go 1.25/1.26.
    note "building trivy $trivy_version with go install (log: $work/tools/trivy-install.log)"
    if GOEXPERIMENT=jsonv2 GOBIN="$work/tools/bin" \
      go install "github.com/aquasecurity/trivy/cmd/trivy@$trivy_version" >"$work/tools/trivy-install.log" 2>&1; then
      trivy="$work/tools/bin/trivy"
    else
      note "trivy could not be installed; skipped (see $work/tools/trivy-install.log)"
    fi
  else
    note "trivy is not installed and go is missing; skipped"
  fi
fi

# `go install` leaves no version in the binary: it says "dev".
trivy_version_text() {
  local v
  v="$("$trivy" --version 2>/dev/null | awk '/^Version/ {print $2}')"
  if [ "$v" = dev ] && [ "$trivy" = "$work/tools/bin/trivy" ]; then
    v="$trivy_version (go install; the binary says dev)"
  fi
  echo "$v"
}

# ------------------------------------------------------------ measurement --

# What a tool's report says it read: "templates/resources" and the like.
summarize() { # KIND OUTFILE
  local kind="$1" out="$2"
  case "$kind" in
    genlens)
      local f r
      f="$(grep -m1 -o '"files": *[0-9]*' "$out" | grep -o '[0-9]*$' || echo '?')"
      r="$(grep -m1 -o '"resources": *[0-9]*' "$out" | grep -o '[0-9]*$' || echo '?')"
      echo "$f templates, $r resources"
      ;;
    parse-only)
      awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}}
           END {printf "%s files read, %s parsed", v["files"], v["parsed"]}' "$out"
      ;;
    checkov | trivy)
      command -v python3 >/dev/null || { echo '?'; return; }
      python3 - "$kind" "$out" <<'PY' 2>/dev/null || echo '?'
import collections, json, sys
kind, path = sys.argv[1], sys.argv[2]
with open(path) as f:
    data = json.load(f)
files = collections.Counter()
resources = 0
if kind == "checkov":
    for report in data if isinstance(data, list) else [data]:
        if not isinstance(report, dict) or "results" not in report:
            continue  # "no files to scan" summaries
        seen = set()
        for key in ("passed_checks", "failed_checks", "skipped_checks"):
            for c in report["results"].get(key, []):
                seen.add(c.get("file_path"))
        files[report["check_type"]] += len(seen)
        resources += report.get("summary", {}).get("resource_count", 0)
    print(", ".join(f"{n} {t}" for t, n in sorted(files.items())) + f" files; {resources} resources")
else:
    for r in data.get("Results") or []:
        if r.get("Class") == "config":
            files[r.get("Type", "?")] += 1
    print(", ".join(f"{n} {t}" for t, n in sorted(files.items())) + " files")
PY
      ;;
  esac
}

rows=()
last_row=""
declare -A wall_of

# measure LABEL KIND DATASET BYTES -- COMMAND...: runs COMMAND $runs times
# (stdout to a file, as a report would be written); sets last_row and
# wall_of[DATASET|LABEL] (the median wall time).
measure() {
  local label="$1" kind="$2" dataset="$3" bytes="$4"
  shift 5
  local key="${dataset}|${label}" base="$work/out/$(echo "$dataset-$label" | tr -c 'A-Za-z0-9.\n-' '_')"
  local i start end rc stats=() failed="" n="$runs"
  case "$kind" in checkov | trivy) n="$peer_runs" ;; esac
  note "$dataset: $label ($n runs)"
  for ((i = 1; i <= n; i++)); do
    start=$EPOCHREALTIME
    rc=0
    "${timer[@]}" "$base.time" timeout --foreground "$run_timeout" "$@" >"$base.out" 2>"$base.err" || rc=$?
    end=$EPOCHREALTIME
    # genlens: 0, or 2 when some input did not parse; checkov: 1 = findings.
    local ok_rc=0
    case "$kind" in genlens) ok_rc=2 ;; checkov) ok_rc=1 ;; esac
    if ((rc > ok_rc)); then
      failed="exit $rc"
      note "  run $i exited with $rc; last lines of $base.err:"
      tail -n 5 "$base.err" >&2
      break
    fi
    # GNU time writes "Command exited with non-zero status N" first.
    stats+=("$(awk -v s="$start" -v e="$end" 'END {printf "%.3f %d %.2f\n", e - s, $1, $2 + $3}' "$base.time")")
  done
  if [ -n "$failed" ]; then
    last_row="| $dataset | $label | failed ($failed) | | | | | |"
    return
  fi
  local med_wall med_rss med_cpu
  med_wall="$(printf '%s\n' "${stats[@]}" | awk '{print $1}' | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')"
  med_rss="$(printf '%s\n' "${stats[@]}" | awk '{print $2}' | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')"
  med_cpu="$(printf '%s\n' "${stats[@]}" | awk '{print $3}' | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')"
  wall_of[$key]=$med_wall
  local read_what ratio genlens_wall="${wall_of[${dataset}|genlens]:-}"
  read_what="$(summarize "$kind" "$base.out")"
  if [ -n "$genlens_wall" ]; then
    ratio="$(awk -v a="$med_wall" -v b="$genlens_wall" 'BEGIN {printf "%.2f×", a / b}')"
  else
    ratio=""
  fi
  last_row="$(awk -v d="$dataset" -v l="$label" -v r="$read_what" -v w="$med_wall" -v b="$bytes" \
    -v m="$med_rss" -v c="$med_cpu" -v x="$ratio" \
    'BEGIN {v = b / 1e6 / w; printf "| %s | %s | %s | %.3f | " (v < 10 ? "%.2f" : "%.1f") " | %.2f | %.0f | %s |", d, l, r, w, v, c, m / 1024, x}')"
}
# Rows are also appended to $results.partial as they come, for long runs.
row() { measure "$@" && rows+=("$last_row") && echo "$last_row" >>"$results.partial"; }

# Reads every file once so no tool pays for a cold page cache.
warm() { find "$@" -type f -exec cat {} + >/dev/null; }

bench_dataset() { # NAME DIR
  local name="$1" dir="$2" n b
  read -r n b < <(count_files "$dir")
  warm "$dir"
  if want genlens; then
    row genlens genlens "$name" "$b" -- "$genlens" scan "$dir" --format json --fail-on never
  fi
  if want parse-only; then
    row "parse-only (all yaml/json)" parse-only "$name" "$b" -- "$parse_only" "$dir"
    row "parse-only (genlens's filter)" parse-only "$name" "$b" -- "$parse_only" --scan-filter "$dir"
  fi
  if [ -n "$trivy" ]; then
    row "trivy (cloudformation)" trivy "$name" "$b" -- \
      "$trivy" config --quiet --skip-check-update --skip-version-check --disable-telemetry \
      --cache-dir "$work/trivy-cache" \
      --misconfig-scanners cloudformation --format json "$dir"
    row "trivy (all scanners)" trivy "$name" "$b" -- \
      "$trivy" config --quiet --skip-check-update --skip-version-check --disable-telemetry \
      --cache-dir "$work/trivy-cache" \
      --format json "$dir"
  fi
  if [ -n "$checkov" ]; then
    row "checkov (cloudformation)" checkov "$name" "$b" -- \
      "$checkov" -d "$dir" --framework cloudformation --quiet --compact -o json --skip-download
    row "checkov (all frameworks)" checkov "$name" "$b" -- \
      "$checkov" -d "$dir" --quiet --compact -o json --skip-download
  fi
}

read -r corpus_n corpus_b < <(count_files "$corpus_dir")
read -r corpus_sn corpus_sb < <(count_scannable "$corpus_dir")
read -r cfn_n cfn_b < <(count_files "$cfn_dir")

bench_dataset "cfn" "$cfn_dir"

scale_rows=()
if want scale; then
  base_wall=""
  for s in $scales; do
    dirs=()
    for ((i = 1; i <= s; i++)); do dirs+=("$work/data/copies/copy-$i"); done
    warm "${dirs[@]}"
    measure genlens genlens "corpus ×$s" "$((corpus_b * s))" -- \
      "$genlens" scan "${dirs[@]}" --format json --fail-on never
    echo "$last_row" >>"$results.partial"
    w="${wall_of[corpus ×$s|genlens]:-}"
    [ -n "$base_wall" ] || base_wall="$w"
    if [ -n "$w" ]; then
      scale_rows+=("$(awk -v s="$s" -v n="$((corpus_n * s))" -v b="$((corpus_b * s))" -v w="$w" -v w1="$base_wall" \
        -v row="$last_row" 'BEGIN {split(row, f, "|"); gsub(/ /, "", f[7]); gsub(/ /, "", f[8]); printf "| %d× | %d | %.1f | %.3f | %.1f | %s | %s | %.2f |", s, n, b / 1e6, w, b / 1e6 / w, f[7], f[8], w / w1}')")
    else
      scale_rows+=("$last_row")
    fi
  done
fi

# The corpus last: checkov over all of it takes the longest.
bench_dataset "corpus" "$corpus_dir"

# ----------------------------------------------------------------- report --

{
  echo "## Results"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM; load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "$runs runs each ($peer_runs for checkov and trivy), median of each column; timer: $timer_name."
  echo
  echo "Source: commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- src include rules 2>/dev/null || echo ' with uncommitted changes in src/, include/ or rules/')."
  echo
  echo "Versions: $("$genlens" --version 2>&1 | head -n1); compiler $(c++ --version 2>/dev/null | head -n1)${checkov:+; checkov $("$checkov" --version 2>/dev/null)}${trivy:+; trivy $(trivy_version_text)}."
  echo
  echo "| dataset | files | MB | .yaml/.yml/.json/.template files | their MB |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| cfn (CloudFormation subset) | $cfn_n | $(mb "$cfn_b") | $cfn_n | $(mb "$cfn_b") |"
  echo "| corpus (../shared/corpus less $excluded \`Rain::Module\` templates) | $corpus_n | $(mb "$corpus_b") | $corpus_sn | $(mb "$corpus_sb") |"
  echo
  echo "MB/s is the dataset's MB (all its files) over the wall time; \"vs genlens\" is the wall-time ratio."
  echo
  echo "| dataset | tool | what its report says it read | wall s | MB/s | CPU s | peak RSS MB | vs genlens |"
  echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
  if ((${#scale_rows[@]})); then
    echo
    echo "genlens on copies of the whole corpus (one directory per copy, all named on the command line):"
    echo
    echo "| copies | files | MB | wall s | MB/s | CPU s | peak RSS MB | time vs 1× |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${scale_rows[@]}"
  fi
} | tee "$results"
note "tables written to $results; raw outputs in $work/out"
