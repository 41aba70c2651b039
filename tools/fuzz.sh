#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets (build-fuzz/, clang, ASan + UBSan)
# and fuzzes each for FUZZ_SECONDS.
#
#   tools/fuzz.sh [TARGET...]        default: every target of build-fuzz/fuzz-targets.txt
#   FUZZ_SECONDS=60                  per target
#   FUZZ_JOBS=1                      targets fuzzed at once (one core each)
#   FUZZ_ARGS="-only_ascii=1"        extra libFuzzer flags
#
# Each target starts from its seeds (testdata/fuzz-corpus/<format>/, the
# other testdata/ seeds, a sample of ../shared/corpus copied to
# build-fuzz/fuzz-seeds/<target>/ when the corpus exists, and the
# reproducers in testdata/parse/<format>/) and
# grows its own corpus in build-fuzz/corpus/<target>/, which is kept between
# runs. Crashes, leaks, timeouts and OOMs are written to
# build-fuzz/crashes/<target>/; the log is build-fuzz/logs/<target>.log.
# Exit status 1 when any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_JOBS:-1}"
build=build-fuzz
npm_dir="${GENLENS_NPM_DIR:-$PWD/build/npm}"  # the Makefile passes $(NPM_DIR)

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

cmake --preset fuzz -DGENLENS_NPM_DIR="$npm_dir" >/dev/null
cmake --build "$build" -j "$(nproc)" --target genlens_fuzz_targets
mkdir -p "$build/logs"

declare -A bin max_len dict seeds
order=()
while IFS='|' read -r name path len d s; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  bin[$name]=$path; max_len[$name]=$len; dict[$name]=$d; seeds[$name]=$s
  order+=("$name")
done < "$build/fuzz-targets.txt"
if (($#)); then
  for t in "$@"; do
    [[ -n "${bin[$t]:-}" ]] || { echo "fuzz: unknown target $t (have: ${order[*]})" >&2; exit 2; }
  done
  order=("$@")
fi

run_one() {
  local t=$1 log="$build/logs/$1.log" crashes="$build/crashes/$1"
  mkdir -p "$build/corpus/$t" "$crashes"
  local args=(-max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=10
              -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/")
  [[ -n "${dict[$t]}" ]] && args+=(-dict="${dict[$t]}")
  local s=() IFS=:
  read -r -a s <<< "${seeds[$t]}"
  unset IFS
  # shellcheck disable=SC2086
  "${bin[$t]}" "${args[@]}" ${FUZZ_ARGS:-} "$build/corpus/$t" "${s[@]}" > "$log" 2>&1 && rc=0 || rc=$?
  local last execs
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: //p' "$log" | tail -1)
  printf '%-18s exit %-3s execs %-10s %s\n' "$t" "$rc" "${execs:-?}" \
    "$(sed -E 's/^#[0-9]+ +[A-Z]+ +//' <<< "$last" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [^ ]+' || true)"
  if ((rc != 0)); then
    echo "fuzz: $t found a problem (see $log):" >&2
    grep -E 'ERROR: |SUMMARY: |Test unit written to' "$log" | head -5 >&2 || true
  fi
  return "$rc"
}

echo "fuzz: ${#order[@]} targets, ${seconds} s each, ${jobs} at a time"
failed=()
pids=()
names=()
for t in "${order[@]}"; do
  run_one "$t" &
  pids+=($!); names+=("$t")
  if ((${#pids[@]} >= jobs)); then
    wait "${pids[0]}" || failed+=("${names[0]}")
    pids=("${pids[@]:1}"); names=("${names[@]:1}")
  fi
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || failed+=("${names[$i]}")
done
if ((${#failed[@]})); then
  echo "fuzz: problems found by ${failed[*]}; reproducers in $build/crashes/" >&2
  exit 1
fi
echo "fuzz: no crash"
