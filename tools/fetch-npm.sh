#!/usr/bin/env bash
# Usage: tools/fetch-npm.sh DIR
#
# Installs the npm packages pinned in grammars/package-lock.json into DIR
# (the tree-sitter C runtime, the HCL grammar, the SARIF multitool) and checks
# that the C sources genlens compiles from them match grammars/checksums.sha256.
#
# - `npm ci` verifies each tarball against the lock's sha512 `integrity`; the
#   lock names no registry, so npm fetches by name and version from whichever
#   registry it is configured for.
# - Install scripts never run (--ignore-scripts): we compile the vendored C
#   sources ourselves (grammars/CMakeLists.txt) and need no native Node addon.
# - Idempotent: a stamp in DIR records the hash of the manifest + lock; when it
#   matches and the expected files exist, nothing is installed and nothing is
#   printed. The sha256 check is cheap and runs every time.
set -euo pipefail

die() { echo "fetch-npm: error: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 DIR"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/grammars"
mkdir -p "$1"
dir="$(cd "$1" && pwd)"

for f in package.json package-lock.json checksums.sha256; do
  [ -f "$src/$f" ] || die "missing $src/$f"
done

# Files whose absence means the install is incomplete, whatever the stamp says.
multitool="node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
required=(
  node_modules/tree-sitter/vendor/tree-sitter/lib/src/lib.c
  node_modules/tree-sitter/vendor/tree-sitter/lib/include/tree_sitter/api.h
  node_modules/@tree-sitter-grammars/tree-sitter-hcl/src/parser.c
  node_modules/@tree-sitter-grammars/tree-sitter-hcl/src/scanner.c
)
[ "$(uname -s)" = Linux ] && required+=("$multitool")

# Serialise concurrent runs on the same DIR (e.g. two `make` invocations).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$dir/.fetch-npm.lock"
  flock 9
fi

stamp="$dir/.fetch-npm.stamp"
want="$(cat "$src/package.json" "$src/package-lock.json" "$src/.npmrc" 2>/dev/null | sha256sum | cut -d' ' -f1)"

up_to_date=1
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] || up_to_date=0
for f in "${required[@]}"; do [ -f "$dir/$f" ] || up_to_date=0; done

if [ "$up_to_date" -eq 0 ]; then
  command -v npm >/dev/null 2>&1 || die "npm not found (run: make deps)"
  echo "fetch-npm: installing pinned npm packages into $dir"
  rm -f "$stamp"
  cp "$src/package.json" "$src/package-lock.json" "$dir/"
  if [ -f "$src/.npmrc" ]; then cp "$src/.npmrc" "$dir/.npmrc"; fi
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
    || die "npm ci failed in $dir"
  for f in "${required[@]}"; do
    [ -f "$dir/$f" ] || die "npm ci succeeded but $dir/$f is missing"
  done
fi

# Verify the C sources we compile. Comment lines are not sha256sum syntax.
if ! (cd "$dir" && grep -v '^#' "$src/checksums.sha256" | sha256sum --check --quiet --strict -); then
  rm -f "$stamp"
  die "sha256 mismatch between $dir/node_modules and grammars/checksums.sha256.
  The installed third-party C sources are not the ones this repository was
  reviewed against. Run 'make npm' again to reinstall them (the stamp has been
  removed); if the pins were bumped on purpose, regenerate the checksums as
  grammars/PROVENANCE.md says."
fi

# The platform package's own postinstall (chmod u+x) did not run.
if [ -f "$dir/$multitool" ] && [ ! -x "$dir/$multitool" ]; then
  chmod u+x "$dir/$multitool"
fi

if [ "$up_to_date" -eq 0 ]; then
  echo "$want" >"$stamp"
  echo "fetch-npm: ok (integrity and sha256 verified)"
fi
