#!/usr/bin/env bash
# Apply on merge: what CI runs on every push to main.
#   scripts/merge.sh [tak apply options, e.g. --dry-run]
# Applies every environment in promotion order (test, qa, prod); an environment with nothing new
# is a no-op that says so. The first failure stops the environments after it (prod never runs on a
# qa that failed) and its exit code is the script's. The repository is this one, or TAK_DIR.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=${TAK_DIR:-$here}
tak() { node "$here/bin/tak.js" "$@"; }

envs=$(tak status -C "$root" --format json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).environments.map(e=>e.env).join(" ")))')
status=$?
[ "$status" -eq 0 ] || exit "$status"

for env in $envs; do
  echo "== tak apply --env $env"
  tak apply -C "$root" --env "$env" --auto-approve "$@"
  code=$?
  if [ "$code" -ne 0 ]; then
    echo "tak: apply of $env failed (exit $code); the environments after it were not applied" >&2
    exit "$code"
  fi
done
