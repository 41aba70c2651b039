#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml with the real pre-commit:
# a throwaway repository uses them (from a local clone of the hooks file,
# no network), a staged Terraform file with a finding blocks the commit
# (with the finding), a finding in a file that is not staged does not, and a
# fix that lives in another file of the module (terraform.tfvars) lets the
# commit through; the genlens-all hook checks the whole tree.
# Usage: precommit_test.sh GENLENS_BINARY SOURCE_DIR. Exit 77 (skipped) only
# when git or pre-commit is not installed (`make deps` installs both).
set -euo pipefail
genlens=$1
src=$2
for tool in git pre-commit; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (make deps installs it)"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME=$tmp/pre-commit-home
export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$tmp/gitconfig
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
mkdir -p "$HOME" "$tmp/bin"
: >"$GIT_CONFIG_GLOBAL"
ln -s "$(realpath "$genlens")" "$tmp/bin/genlens"
export PATH=$tmp/bin:$PATH

fail() { echo "FAIL: $*"; exit 1; }

# The hooks repository: this checkout's .pre-commit-hooks.yaml at a commit.
hooks=$tmp/hooks
git init -q "$hooks"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

proj=$tmp/proj
git init -q "$proj"
cd "$proj"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: genlens
YAML
mkdir infra
cat > infra/variables.tf <<'TF'
variable "guardrail_id" {
  type    = string
  default = ""
}
TF
# Already committed, with a finding: not the business of the next commits.
cat > infra/legacy.tf <<'TF'
resource "aws_bedrockagent_agent" "legacy" {
  agent_name              = "legacy"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/legacy-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}
TF
git add -A
git commit -qm base --no-verify
pre-commit install >/dev/null

cat > infra/main.tf <<'TF'
resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/support-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = var.guardrail_id
    guardrail_version    = "1"
  }
}
TF
git add infra/main.tf
if git commit -m "agent without guardrail" >"$tmp/blocked.txt" 2>&1; then
  cat "$tmp/blocked.txt"
  fail "the commit of an agent without a guardrail was not blocked"
fi
cat "$tmp/blocked.txt"
grep -q "infra/main.tf:6:.*error\[GAI-SEC-001\]" "$tmp/blocked.txt" ||
  fail "no GAI-SEC-001 finding on infra/main.tf:6 in the hook output"
if grep -q "legacy.tf" "$tmp/blocked.txt"; then
  fail "a finding in a file that is not staged was reported"
fi
[ -z "$(git log --format=%s | grep 'agent without guardrail' || true)" ] ||
  fail "the blocked commit is in the history"

# The fix is in another file of the module: the staged main.tf is checked
# with it, and legacy.tf (not staged) does not block.
echo 'guardrail_id = "gr-1234567890ab"' > infra/terraform.tfvars
git add infra/main.tf infra/terraform.tfvars
if ! git commit -m "agent with guardrail" >"$tmp/passed.txt" 2>&1; then
  cat "$tmp/passed.txt"
  fail "the fixed commit was blocked"
fi
cat "$tmp/passed.txt"
grep -q "^genlens.*Passed" "$tmp/passed.txt" || fail "the genlens hook did not run and pass"
[ "$(git log -1 --format=%s)" = "agent with guardrail" ] || fail "the fixed commit is missing"

# genlens-all scans the whole tree (no file names): legacy.tf now blocks.
sed -i 's/- id: genlens$/- id: genlens-all/' .pre-commit-config.yaml
git add .pre-commit-config.yaml
if git commit -m "whole tree" >"$tmp/all.txt" 2>&1; then
  cat "$tmp/all.txt"
  fail "genlens-all let a finding in the tree through"
fi
cat "$tmp/all.txt"
grep -q "infra/legacy.tf:1:.*error\[GAI-SEC-001\]" "$tmp/all.txt" ||
  fail "genlens-all did not report the finding in infra/legacy.tf"
echo "PASS"
