#!/usr/bin/env bash
# The pull-request check: what CI runs on every pull request.
#   scripts/pull-request.sh BASE_REF [OUT_DIR]
# Writes OUT_DIR/validate.sarif (upload to code scanning), OUT_DIR/comment.md (post as the PR comment),
# and OUT_DIR/plan/ (the full report and each environment's platform order). Exits 1 when the head has
# error-level findings or CODEOWNERS is stale, 2 when the check could not run. TAK_APPROVED_BY (comma-
# separated @handles, from scripts/approvals.sh) is the approvals on record, for governance changes.
# TAK_NO_TYPESCRIPT=1 (set by the workflow for pull requests from forks) reads the declarations without
# running TypeScript ones, which are code: each is then an error for a maintainer to review.
set -uo pipefail
base=${1:?usage: scripts/pull-request.sh BASE_REF [OUT_DIR]}
out=${2:-tak-out}
cd "$(dirname "$0")/.."
mkdir -p "$out"
untrusted=()
[ -n "${TAK_NO_TYPESCRIPT:-}" ] && untrusted=(--no-typescript)
tak() { node bin/tak.js "$@" "${untrusted[@]}"; }

tak validate --format sarif > "$out/validate.sarif"
validate=$?
[ "$validate" -le 1 ] || exit "$validate"

tak plan --base "$base" --format markdown --out "$out/plan" --force ${TAK_APPROVED_BY:+--approved-by "$TAK_APPROVED_BY"} > "$out/comment.md"
plan=$?
[ "$plan" -le 1 ] || exit "$plan"

tak codeowners --check
owners=$?
[ "$owners" -le 1 ] || exit "$owners"

cat "$out/comment.md"
[ "$validate" -eq 0 ] && [ "$plan" -eq 0 ] && [ "$owners" -eq 0 ]
