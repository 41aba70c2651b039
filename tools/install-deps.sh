#!/usr/bin/env bash
# Installs what genlens needs to build, only what is missing: tools are
# checked by command (they may come from outside Debian), libraries by package.
set -euo pipefail
missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_cmd cmake cmake
need_cmd ninja ninja-build
need_cmd g++ g++
need_cmd make make
need_cmd pkg-config pkg-config
# The sanitizer and fuzz builds (make sanitize, run by make test; make fuzz):
# clang 14, its sanitizer/libFuzzer runtimes, llvm-symbolizer for stack traces.
need_cmd clang++ clang
need_cmd llvm-symbolizer llvm
# The pre-commit hook test (tests/precommit) runs the real pre-commit.
need_cmd pre-commit pre-commit
need_cmd git git
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
for p in libyaml-cpp-dev nlohmann-json3-dev libspdlog-dev libfmt-dev libgtest-dev \
         libcli11-dev libre2-dev libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
