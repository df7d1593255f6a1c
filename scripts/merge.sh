#!/usr/bin/env bash
# Apply on merge: what CI runs on every push to main.
#   scripts/merge.sh [--dry-run]
# Applies every environment in promotion order (test, qa, prod); an environment with nothing new
# is a no-op that says so. The first failure stops the environments after it (prod never runs on a
# qa that failed) and its exit code is the script's. Extra arguments go to every tak apply.
set -uo pipefail
cd "$(dirname "$0")/.."
tak() { node bin/tak.js "$@"; }

envs=$(tak status --format json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).environments.map(e=>e.env).join(" ")))')
status=$?
[ "$status" -eq 0 ] || exit "$status"

for env in $envs; do
  echo "== tak apply --env $env"
  tak apply --env "$env" --auto-approve "$@"
  code=$?
  if [ "$code" -ne 0 ]; then
    echo "tak: apply of $env failed (exit $code); the environments after it were not applied" >&2
    exit "$code"
  fi
done
