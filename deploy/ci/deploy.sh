#!/usr/bin/env bash
# deploy.sh: rolls a build of the MCP server out to one environment through the portal's REST API and follows the
# operation until it ends; the last step of deploy/ci/github-actions-deploy.yml, usable from any CI.
#
#   MCP_PORTAL_URL=https://portal.example.com MCP_PORTAL_TEAM_ID=1 MCP_PORTAL_ENVIRONMENT_ID=7 \
#   MCP_PORTAL_TOKEN=mcpp_… deploy/ci/deploy.sh 123456789012.dkr.ecr.eu-central-1.amazonaws.com/mcp-…@sha256:…
#
# POST …/environments/{id}/deploy with the image (pinned by digest; the portal refuses a tag, an image outside the
# environment's ECR repository unless a team owner allows any source, and a digest ECR does not have), retried while
# the portal answers 409 busy (another operation runs on the environment), then GET …/operations/{operation} every
# MCP_DEPLOY_POLL seconds (default 10) until it has SUCCEEDED or FAILED, at most MCP_DEPLOY_TIMEOUT seconds (default
# 1800: a rolling deployment waits for the new task to be healthy). The token (an operator's personal access token)
# goes to curl through its config on stdin, never on a command line. MCP_DEPLOY_IDEMPOTENCY_KEY (default: the GitHub
# run and attempt, else a random one) makes a resent request replay the first answer instead of deploying twice.
#
# Exit status: 0 rolled out (or, the environment being off, ready for its next start); 1 refused or failed (the
# portal's reason on stderr); 2 bad usage or a missing tool.
set -euo pipefail
{ DEPLOY_XTRACE=${-//[^x]/}; set +x; } 2>/dev/null

usage() {
  echo "usage: MCP_PORTAL_URL=… MCP_PORTAL_TOKEN=… MCP_PORTAL_TEAM_ID=… MCP_PORTAL_ENVIRONMENT_ID=… $0 IMAGE@sha256:…" >&2
  exit 2
}
[[ $# -eq 1 && -n ${MCP_PORTAL_URL:-} && -n ${MCP_PORTAL_TOKEN:-} && -n ${MCP_PORTAL_TEAM_ID:-} \
  && -n ${MCP_PORTAL_ENVIRONMENT_ID:-} ]] || usage
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "deploy.sh needs $tool" >&2; exit 2; }
done
IMAGE=$1
API="${MCP_PORTAL_URL%/}/api/v1/teams/$MCP_PORTAL_TEAM_ID/environments/$MCP_PORTAL_ENVIRONMENT_ID"
POLL_S=${MCP_DEPLOY_POLL:-10}
DEADLINE=$((SECONDS + ${MCP_DEPLOY_TIMEOUT:-1800}))
KEY=${MCP_DEPLOY_IDEMPOTENCY_KEY:-deploy-${GITHUB_RUN_ID:-$RANDOM$RANDOM}-${GITHUB_RUN_ATTEMPT:-$RANDOM}}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[[ -z $DEPLOY_XTRACE ]] || set -x

# call METHOD URL [BODY]: sets STATUS and BODY; the token travels in curl's config on stdin.
call() {
  { local restore=${-//[^x]/}; set +x; } 2>/dev/null
  local config out
  config="header = \"Authorization: Bearer $MCP_PORTAL_TOKEN\""$'\n'"header = \"Accept: application/json\""$'\n'
  if [[ -n ${3-} ]]; then
    config+="header = \"Content-Type: application/json\""$'\n'"header = \"Idempotency-Key: $KEY\""$'\n'
    config+="data-binary = @$WORK/body"$'\n'
    printf '%s' "$3" >"$WORK/body"
  fi
  out=$(curl --silent --show-error --connect-timeout 10 --max-time 60 --retry 3 --retry-connrefused \
    -X "$1" -w '\n%{http_code}' -K - "$2" <<<"$config") || { STATUS=000 BODY="no answer from $2"; }
  if [[ -n ${out-} ]]; then
    STATUS=${out##*$'\n'} BODY=${out%$'\n'*}
  fi
  [[ -z $restore ]] || set -x
}

reason() {
  jq -r '[.detail // .title // empty, (.errors // [] | .[] | "\(.field): \(.message)")] | join("; ")' \
    <<<"$BODY" 2>/dev/null || printf '%s' "$BODY"
}

while :; do
  call POST "$API/deploy" "$(jq -cn --arg image "$IMAGE" '{image: $image}')"
  [[ $STATUS != 202 ]] || break
  if [[ $STATUS == 409 ]] && jq -e '.type | tostring | endswith(":busy")' >/dev/null 2>&1 <<<"$BODY" \
    && ((SECONDS < DEADLINE)); then
    echo "busy: $(reason); retrying in 5 s"
    sleep 5
    continue
  fi
  echo "the portal refused to deploy $IMAGE (HTTP $STATUS): $(reason)" >&2
  exit 1
done
OPERATION=$(jq -r .id <<<"$BODY")
echo "deploying $IMAGE: operation $OPERATION ($API/operations/$OPERATION)"

SEEN=""
while :; do
  call GET "$API/operations/$OPERATION"
  if [[ $STATUS != 200 ]]; then
    echo "could not read operation $OPERATION (HTTP $STATUS): $(reason)" >&2
    exit 1
  fi
  # Each step once, as it finishes: its label and what it did.
  while IFS= read -r line; do
    [[ $SEEN == *"|$line|"* ]] || { echo "  $line"; SEEN+="|$line|"; }
  done < <(jq -r '.steps[] | select(.state == "DONE") | "\(.label): \(.detail // "done")"' <<<"$BODY")
  case $(jq -r .state <<<"$BODY") in
    SUCCEEDED)
      echo "deployed: operation $OPERATION succeeded"
      exit 0 ;;
    FAILED)
      echo "operation $OPERATION failed at $(jq -r '.failedStep' <<<"$BODY"): $(jq -r '.errorMessage' <<<"$BODY")" >&2
      echo "fix the cause and retry it on the environment's page (or POST $API/retry), or roll back" >&2
      exit 1 ;;
  esac
  if ((SECONDS >= DEADLINE)); then
    echo "operation $OPERATION is still running after ${MCP_DEPLOY_TIMEOUT:-1800} s; follow it on the portal" >&2
    exit 1
  fi
  sleep "$POLL_S"
done
