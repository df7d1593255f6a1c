#!/usr/bin/env bash
# The approvals on record for a pull request, as `tak plan --approved-by` takes them: the @login of
# every reviewer whose latest review approves, and each @org/team of config/platform.yaml's owners
# that one of them is an active member of. Reads GitHub through the gh CLI (GH_TOKEN).
#   scripts/approvals.sh OWNER/REPO PR_NUMBER [PLATFORM_FILE]
set -euo pipefail
repo=${1:?usage: scripts/approvals.sh OWNER/REPO PR_NUMBER [PLATFORM_FILE]}
pr=${2:?usage: scripts/approvals.sh OWNER/REPO PR_NUMBER [PLATFORM_FILE]}
platform=${3:-config/platform.yaml}

mapfile -t users < <(gh api "repos/$repo/pulls/$pr/reviews" --paginate \
  --jq 'group_by(.user.login) | map(last) | .[] | select(.state == "APPROVED") | .user.login' | sort -u)
handles=()
for u in "${users[@]}"; do handles+=("@$u"); done
if [ -f "$platform" ] && [ "${#users[@]}" -gt 0 ]; then
  for team in $(grep -oE '@[A-Za-z0-9-]+/[A-Za-z0-9._-]+' "$platform" | sort -u); do
    org=${team#@}; org=${org%%/*}; slug=${team#*/}
    for u in "${users[@]}"; do
      if [ "$(gh api "orgs/$org/teams/$slug/memberships/$u" --jq .state 2>/dev/null || true)" = active ]; then
        handles+=("$team"); break
      fi
    done
  done
fi
(IFS=,; echo "${handles[*]}")
