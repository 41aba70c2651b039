#!/usr/bin/env bash
# What `make bench` needs beyond tools/install-deps.sh, only what is missing:
# Google Benchmark (micro-benchmarks), GNU time (peak RSS) and python3 with
# venv (to pip install checkov for the comparison). trivy is built with the
# Go toolchain when there is one (bench/run_bench.sh); nothing here needs it.
set -euo pipefail
missing=()
for p in libbenchmark-dev time python3-venv; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3-venv only matters for Debian's python3; another python3 with a
# working venv module (pyenv, a distribution build) does as well.
if [[ " ${missing[*]} " == *" python3-venv "* ]] && command -v python3 >/dev/null &&
  python3 -c 'import ensurepip, venv' 2>/dev/null; then
  missing=("${missing[@]/python3-venv/}")
fi
read -r -a missing <<<"${missing[*]}"
if ((${#missing[@]})); then
  echo "bench/deps.sh: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
