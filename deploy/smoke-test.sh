#!/usr/bin/env bash
# smoke-test.sh: one throwaway MCP server environment through its whole life on your own cloud account, through the
# portal's REST API, with its HTTPS endpoint checked on the way. Run it after installing or upgrading the portal.
#
#   deploy/smoke-test.sh https://portal.example.com "$MCP_PORTAL_TOKEN"        (-h: every option)
#
# It creates an environment (its schedule off, so the scheduler leaves it alone) that runs the MCP server the portal
# publishes (or your own image, --image), issues an API key for it, provisions it, calls GET /health and MCP
# initialize + tools/list through its HTTPS endpoint with that key, stops and starts it (and calls /health again),
# deprovisions it, deletes it and revokes the key, printing each step (and each step of the portal's operations)
# with its wall time as it completes, then what the run cost in AWS.
# On a failure, Ctrl-C or SIGTERM it deprovisions and deletes whatever it created and revokes the key, and says
# what it could not clean up. On a simulated cloud account it says so on one line and skips the endpoint calls
# (the simulated endpoints are not real servers).
#
# Needs bash 4.2+, curl and jq (and the mktemp and rm every Unix has). The token is sent through curl's config on
# stdin, never in a command line (ps) or in set -x output; the API key is shown nowhere.
#
# The AWS cost of the run is computed from the portal's own price figures (GET .../environments/{id}/cost): its
# "alwaysOn" rows price each component for an average month run 24/7 (730.485 hours), so
#     hourly rate of a component = its alwaysOn monthlyUsd / 730.485
# The Fargate task, the NAT instance and its public IPv4 address run only while the environment is on; the rest
# (the NAT's EBS volume, logs, ECR storage, Cloud Map, API requests) exists from provisioning to deprovisioning:
#     on    = (stop requested - provisioning requested) + (deprovisioning finished - start requested)
#     alive =  deprovisioning finished - provisioning requested
#     cost  = sum over the on-components (rate x on) + sum over the others (rate x alive)
# Both spans take whole operations, and the usage-priced rows (logs, API requests) assume the estimate's monthly
# traffic, so the figure errs high: AWS bills EC2 and Fargate per second after the first minute, and a Route 53
# hosted zone deleted within 12 hours not at all. It is an estimate, not your bill (AWS may round some usage up to
# whole hours); data transfer is not included.
#
# Exit status: 0 every step passed; 1 a step failed (everything cleaned up); 2 bad usage or a missing tool;
# 3 something could not be cleaned up (listed, with how to remove it); 130/143 interrupted (cleaned up).
# shellcheck disable=SC2016 # a $name in single quotes is jq's, not the shell's
set -euo pipefail
{ SMOKE_XTRACE=${-//[^x]/}; set +x; } 2>/dev/null # on again once the token is out of the way (see parse_args)

readonly USAGE="Usage: deploy/smoke-test.sh [options] PORTAL_URL [TOKEN]

Creates a throwaway MCP server environment on a cloud account of the portal at PORTAL_URL, running the MCP server
the portal publishes into the environment's own ECR repository, provisions it, checks GET /health and MCP
initialize + tools/list through its HTTPS endpoint with a fresh API key, stops and starts it, deprovisions it,
deletes it and revokes the key; prints each step's wall time and the AWS cost of the run (a few cents at most).
Cleans up on failure, Ctrl-C and SIGTERM.

TOKEN     a personal access token of the portal (Your account -> Access tokens, mcpp_...) of a user who owns the
          team (issuing the API key needs the owner role); '-' reads it from stdin; left out, \$MCP_PORTAL_TOKEN.
          A token on the command line is visible to other users of this machine in ps: prefer the variable.

Options:
  -t, --team ID          team to create the environment in (default: the only unarchived team you own)
  -a, --account ID|NAME  cloud account (default: the only AWS account; the simulated one when there is none)
  -r, --region REGION    AWS region (default: the account's default region)
  -n, --name NAME        environment name (default: smoke-<UTC date and time>-<random>)
  -i, --image URI        run your own image instead of the MCP server the portal publishes (the default, which
                         needs no image of yours): any URI the account can pull, e.g. a build of
                         deploy/mcp-server.Dockerfile in an ECR repository of that account
      --architecture ARM64|X86_64  the environment's CPU architecture (default ARM64, the cheaper Fargate); the
                         portal publishes its server for it, your own --image must be built for it
      --timeout MINUTES  longest one operation (provision, stop, start, deprovision) may take (default 45)
      --poll SECONDS     how often a running operation is looked at (default 5)
      --endpoint-wait SECONDS  how long the endpoint may take to answer after provisioning or a start (default 300)
      --endpoint URL     check this MCP endpoint (https://.../mcp) instead of the one the portal reports: a custom
                         domain or proxy in front of the environment; with a simulated account, a real MCP server
                         that reads the portal's simulated key file of the environment (the tests do this)
  -h, --help             this text

Environment: MCP_PORTAL_TOKEN (the token), ELEVENLABS_API_KEY (the key the server gets; default a placeholder,
as tools/list calls no ElevenLabs API), SMOKE_CURL_TIMEOUT (seconds per HTTP request, default 60).

Needs bash 4.2+, curl and jq. Exit status: 0 passed; 1 a step failed (cleaned up); 2 bad usage or a missing tool;
3 something was left behind (listed); 130/143 interrupted (cleaned up)."

# --- settings (parse_args) -----------------------------------------------------------------------------------------
PORTAL_URL="" PORTAL_TOKEN="" TEAM_ARG="" ACCOUNT_ARG="" REGION_ARG="" NAME_ARG="" ENDPOINT_ARG="" IMAGE_ARG=""
ARCHITECTURE=ARM64
OPERATION_TIMEOUT_S=$((45 * 60)) POLL_S=5 ENDPOINT_WAIT_S=300
CURL_TIMEOUT_S=${SMOKE_CURL_TIMEOUT:-60}
# --- what the run created, for the clean-up ------------------------------------------------------------------------
TEAM_ID="" TEAM_NAME="" ACCOUNT_ID="" ACCOUNT_NAME="" ACCOUNT_MODE="" REGION="" ENV_NAME=""
ENV_REQUESTED=0 ENV_ID="" ENV_GONE=0 MCP_URL=""
KEY_NAME="" KEY_REQUESTED=0 KEY_ID="" KEY_PUBLIC_ID="" KEY_REVOKED=0 MCP_KEY=""
COST_JSON="" T_PROVISION=0 T_ON_SINCE=0 ON_MS=0 T_END=0
# --- progress -----------------------------------------------------------------------------------------------------
RUN_ID="" RUN_T0=0 STEP_NO=0 STEP_TOTAL=0 STEP_LABEL="" STEP_T0=0 STEP_OPEN=0 WORK=""
CLEANING=0 CLEANUP_ABORT=0
HTTP_STATUS="" HTTP_BODY="" HTTP_RETRY_AFTER="" HTTP_CONTENT_TYPE="" HTTP_SESSION=""

# --- output -------------------------------------------------------------------------------------------------------

say() { printf '%s\n' "$*"; }
warn() { printf 'smoke-test: %s\n' "$*" >&2; }

usage_error() {
  warn "$1"
  warn "run deploy/smoke-test.sh -h for the usage"
  exit 2
}

# Milliseconds since the epoch (bash 5's EPOCHREALTIME; whole seconds on bash 4).
now_ms() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME/[.,]/}
    printf '%s' $((10#$t / 1000))
  else
    local s
    printf -v s '%(%s)T' -1
    printf '%s' $((s * 1000))
  fi
}

# 0.4s, 12.3s, 6m02s, 1h04m
duration() {
  local ms=$1
  if ((ms < 60000)); then
    printf '%d.%ds' $((ms / 1000)) $((ms % 1000 / 100))
  elif ((ms < 3600000)); then
    printf '%dm%02ds' $((ms / 60000)) $((ms % 60000 / 1000))
  else
    printf '%dh%02dm' $((ms / 3600000)) $((ms % 3600000 / 60000))
  fi
}

# A pause that a signal ends at once (the trap runs), unlike a foreground sleep.
nap() { read -rt "$1" <> <(:) || :; }

begin_step() {
  STEP_NO=$((STEP_NO + 1))
  STEP_LABEL=$1
  STEP_T0=$(now_ms)
  STEP_OPEN=1
}

# end_step [RESULT] [DETAIL]: the step's line, with its wall time
end_step() {
  local result=${1:-ok} detail=${2:-}
  STEP_OPEN=0
  printf '[%2d/%d] %-44s %-7s %8s%s\n' "$STEP_NO" "$STEP_TOTAL" "$STEP_LABEL" "$result" \
    "$(duration $(($(now_ms) - STEP_T0)))" "${detail:+  $detail}"
}

# A failed step: its line and why, then exit 1 (the EXIT trap cleans up).
die() {
  ((!STEP_OPEN)) || end_step FAILED
  say "FAILED: $*"
  exit 1
}

# --- HTTP ---------------------------------------------------------------------------------------------------------

# A string inside double quotes in a curl config file.
curl_quoted() {
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  printf '"%s"' "$s"
}

# http BEARER_VARIABLE METHOD URL [BODY] [EXTRA HEADER]...: one request, with the bearer token held in the named
# variable (none when empty). Sets HTTP_STATUS (000: no answer; HTTP_BODY then holds curl's message), HTTP_BODY,
# HTTP_CONTENT_TYPE, HTTP_RETRY_AFTER (seconds) and HTTP_SESSION (Mcp-Session-Id). The token and the body reach
# curl through its config on stdin: never in a command line (ps) and, passed by name, never in set -x output.
http() {
  { local restore_xtrace=${-//[^x]/}; set +x; } 2>/dev/null
  local bearer_variable=$1 method=$2 url=$3 body=${4-} config="" out rc=0 header name value
  shift 4 2>/dev/null || shift $#
  if [[ -n $bearer_variable ]]; then
    config="header = $(curl_quoted "Authorization: Bearer ${!bearer_variable}")"$'\n'
  fi
  if [[ -n $body ]]; then
    config+="header = \"Content-Type: application/json\""$'\n'"data-binary = $(curl_quoted "$body")"$'\n'
  fi
  for header in "$@"; do
    config+="header = $(curl_quoted "$header")"$'\n'
  done
  : >"$WORK/headers"
  out=$(curl --silent --show-error --connect-timeout 10 --max-time "$CURL_TIMEOUT_S" \
    --retry 2 --retry-delay 2 --retry-connrefused -X "$method" -D "$WORK/headers" -w '\n%{http_code}' \
    -K - "$url" <<<"$config" 2>"$WORK/curl-error") || rc=$?
  HTTP_CONTENT_TYPE="" HTTP_RETRY_AFTER="" HTTP_SESSION=""
  if ((rc != 0)); then
    HTTP_STATUS=000
    HTTP_BODY=$(<"$WORK/curl-error")
  else
    HTTP_STATUS=${out##*$'\n'}
    HTTP_BODY=${out%$'\n'*}
    while IFS=: read -r name value; do
      value=${value%$'\r'}
      value=${value# }
      case ${name,,} in
        content-type) HTTP_CONTENT_TYPE=$value ;;
        retry-after) [[ ! $value =~ ^[0-9]+$ ]] || HTTP_RETRY_AFTER=$value ;;
        mcp-session-id) HTTP_SESSION=$value ;;
      esac
    done <"$WORK/headers"
  fi
  [[ -z $restore_xtrace ]] || set -x
  [[ $HTTP_STATUS == 2* ]]
}

# api METHOD PATH [BODY] [IDEMPOTENCY KEY]: a portal API call with the token.
api() {
  local method=$1 path=$2 body=${3-} idempotency=${4-}
  local -a headers=("Accept: application/json, application/problem+json")
  [[ -z $idempotency ]] || headers+=("Idempotency-Key: $idempotency")
  http PORTAL_TOKEN "$method" "$PORTAL_URL$path" "$body" "${headers[@]}"
}

# api_waiting ...: api, repeated while the portal answers 409 busy (another operation is running), up to the
# operation timeout, or until a second interrupt during the clean-up.
api_waiting() {
  local deadline=$(($(now_ms) + OPERATION_TIMEOUT_S * 1000)) said=0
  while :; do
    if api "$@"; then
      return 0
    fi
    if [[ $HTTP_STATUS != 409 ]] || ! jq -e '.type | tostring | endswith(":busy")' >/dev/null 2>&1 <<<"$HTTP_BODY" \
      || (($(now_ms) > deadline)) || ((CLEANUP_ABORT)); then
      return 1
    fi
    if ((!said)); then
      say "        busy: $(problem); retrying"
      said=1
    fi
    nap "${HTTP_RETRY_AFTER:-5}"
  done
}

# What the last answer said went wrong, in one line.
problem() {
  if [[ $HTTP_STATUS == 000 ]]; then
    printf 'no answer from %s: %s' "$PORTAL_URL" "${HTTP_BODY#curl: }"
    return
  fi
  local text
  text=$(jq -r '[.detail // .title // empty, (.errors // [] | .[] | "\(.field): \(.message)")] | join("; ")' \
    2>/dev/null <<<"$HTTP_BODY") || text=""
  printf 'HTTP %s%s' "$HTTP_STATUS" "${text:+: $text}"
}

# json FILTER [jq options]: reads the last answer's body.
json() {
  local filter=$1
  shift
  jq -r "$@" "$filter" <<<"$HTTP_BODY"
}

# every PATH: the items of every page of a keyset-paged list, one JSON array.
every() {
  local path=$1 cursor="" all="[]" separator
  while :; do
    [[ $path == *\?* ]] && separator="&" || separator="?"
    api GET "$path${cursor:+${separator}cursor=$cursor}" || return 1
    all=$(jq -c --argjson all "$all" '$all + .items' <<<"$HTTP_BODY")
    cursor=$(json '.next // empty')
    [[ -n $cursor ]] || break
  done
  HTTP_BODY=$all
}

idempotency_key() { printf 'smoke-%s-%s' "$RUN_ID" "$1"; }

# --- start --------------------------------------------------------------------------------------------------------

check_tools() {
  if ((BASH_VERSINFO[0] < 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] < 2))); then
    warn "needs bash 4.2 or newer (this is $BASH_VERSION); on macOS: brew install bash"
    exit 2
  fi
  local missing=() tool
  for tool in curl jq; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if ((${#missing[@]})); then
    warn "needs curl and jq; missing: ${missing[*]} (e.g. apt-get install ${missing[*]}, brew install ${missing[*]})"
    exit 2
  fi
}

parse_args() {
  local positional=()
  while (($#)); do
    case $1 in
      -h | --help) say "$USAGE"; exit 0 ;;
      -t | --team) TEAM_ARG=${2-}; shift 2 || usage_error "$1 needs a team id" ;;
      -a | --account) ACCOUNT_ARG=${2-}; shift 2 || usage_error "$1 needs an account id or name" ;;
      -r | --region) REGION_ARG=${2-}; shift 2 || usage_error "$1 needs a region" ;;
      -n | --name) NAME_ARG=${2-}; shift 2 || usage_error "$1 needs a name" ;;
      -i | --image) IMAGE_ARG=${2-}; shift 2 || usage_error "$1 needs an image URI" ;;
      --architecture) [[ ${2-} == ARM64 || ${2-} == X86_64 ]] || usage_error "--architecture is ARM64 or X86_64"
        ARCHITECTURE=$2; shift 2 ;;
      --timeout) [[ ${2-} =~ ^[1-9][0-9]*$ ]] || usage_error "--timeout takes whole minutes"
        OPERATION_TIMEOUT_S=$(($2 * 60)); shift 2 ;;
      --poll) [[ ${2-} =~ ^[0-9]+([.][0-9]+)?$ ]] || usage_error "--poll takes seconds"
        POLL_S=$2; shift 2 ;;
      --endpoint-wait) [[ ${2-} =~ ^[0-9]+$ ]] || usage_error "--endpoint-wait takes whole seconds"
        ENDPOINT_WAIT_S=$2; shift 2 ;;
      --endpoint) [[ ${2-} =~ ^https?://[^/]+.*/mcp$ ]] || usage_error "--endpoint takes the MCP URL, ending in /mcp"
        ENDPOINT_ARG=$2; shift 2 ;;
      --) shift; positional+=("$@"); break ;;
      -?*) usage_error "unknown option $1" ;;
      *) positional+=("$1"); shift ;;
    esac
  done
  ((${#positional[@]} >= 1 && ${#positional[@]} <= 2)) || usage_error "give the portal's URL (and the token)"
  PORTAL_URL=${positional[0]%/}
  [[ $PORTAL_URL =~ ^https?://[^/]+ ]] || usage_error "PORTAL_URL must start with https:// (or http://)"
  local token=${positional[1]:-${MCP_PORTAL_TOKEN:-}}
  if [[ $token == - ]]; then
    IFS= read -r token || :
  fi
  token=${token//[[:space:]]/}
  if [[ -z $token ]]; then
    usage_error "give a personal access token: the second argument, '-' for stdin, or MCP_PORTAL_TOKEN"
  elif [[ $token == mcp_* ]]; then
    usage_error "that is an MCP API key; the portal's API takes a personal access token (mcpp_...)"
  elif [[ ! $token =~ ^mcpp_[A-Za-z0-9_]+$ ]]; then
    usage_error "that is not a personal access token (they look like mcpp_...)"
  fi
  [[ -z $TEAM_ARG || $TEAM_ARG =~ ^[0-9]+$ ]] || usage_error "--team takes the team's id (a number)"
  # shellcheck disable=SC2034 # read by name in http
  PORTAL_TOKEN=$token
}

# --- choosing team, account, region -------------------------------------------------------------------------------

choose_team() {
  if ! every /api/v1/teams; then
    if [[ $HTTP_STATUS == 401 || $HTTP_STATUS == 403 ]]; then
      die "the portal refused the token: $(problem)"
    fi
    die "cannot list teams at $PORTAL_URL: $(problem)"
  fi
  local teams=$HTTP_BODY chosen
  if [[ -n $TEAM_ARG ]]; then
    chosen=$(jq -c --argjson id "$TEAM_ARG" '.[] | select(.id == $id)' <<<"$teams")
    [[ -n $chosen ]] || die "no team $TEAM_ARG among the teams this token sees"
    [[ $(jq -r .role <<<"$chosen") == OWNER ]] \
      || die "team $TEAM_ARG: issuing the environment's API key needs the owner role; this token's user is $(jq -r .role <<<"$chosen")"
    [[ $(jq -r .archived <<<"$chosen") == false ]] || die "team $TEAM_ARG is archived (read-only)"
  else
    local owned
    owned=$(jq -c '[.[] | select(.role == "OWNER" and .archived == false and .member)]' <<<"$teams")
    case $(jq length <<<"$owned") in
      0) die "this token's user owns no (unarchived) team; the smoke test needs a team owner (keys are issued by owners)" ;;
      1) chosen=$(jq -c '.[0]' <<<"$owned") ;;
      *) die "this token's user owns several teams; choose one with --team ID: $(jq -r 'map("\(.id) (\(.name))") | join(", ")' <<<"$owned")" ;;
    esac
  fi
  TEAM_ID=$(jq -r .id <<<"$chosen")
  TEAM_NAME=$(jq -r .name <<<"$chosen")
}

choose_account() {
  every /api/v1/cloud-accounts || die "cannot list the cloud accounts: $(problem)"
  local accounts=$HTTP_BODY chosen
  if [[ -n $ACCOUNT_ARG ]]; then
    chosen=$(jq -c --arg a "$ACCOUNT_ARG" \
      '[.[] | select((.id | tostring) == $a or (.name | ascii_downcase) == ($a | ascii_downcase))] | .[0] // empty' \
      <<<"$accounts")
    [[ -n $chosen ]] || die "no cloud account '$ACCOUNT_ARG'; there are: $(jq -r 'map("\(.id) (\(.name), \(.mode))") | join(", ")' <<<"$accounts")"
  else
    local aws
    aws=$(jq -c '[.[] | select(.mode == "AWS")]' <<<"$accounts")
    case $(jq length <<<"$aws") in
      0) chosen=$(jq -c '[.[] | select(.mode == "SIMULATED")] | .[0] // empty' <<<"$accounts")
        [[ -n $chosen ]] || die "the portal has no cloud account" ;;
      1) chosen=$(jq -c '.[0]' <<<"$aws") ;;
      *) die "the portal has several AWS accounts; choose one with --account: $(jq -r 'map("\(.id) (\(.name))") | join(", ")' <<<"$aws")" ;;
    esac
  fi
  ACCOUNT_ID=$(jq -r .id <<<"$chosen")
  ACCOUNT_NAME=$(jq -r .name <<<"$chosen")
  ACCOUNT_MODE=$(jq -r .mode <<<"$chosen")
  REGION=${REGION_ARG:-$(jq -r '.defaultRegion // empty' <<<"$chosen")}
  [[ -n $REGION ]] || die "cloud account $ACCOUNT_ID has no default region; give one with --region"
  if [[ $ACCOUNT_MODE == AWS && $(jq -r .lastCheckOk <<<"$chosen") != true ]]; then
    say "note: cloud account $ACCOUNT_ID has no successful connection test; run Test connection in the portal if a step fails"
  fi
}

# --- the steps ----------------------------------------------------------------------------------------------------

create_environment() {
  begin_step "create the environment"
  local body
  { local restore_xtrace=${-//[^x]/}; set +x; } 2>/dev/null # the ElevenLabs key is in the body
  body=$(jq -cn --arg name "$ENV_NAME" --argjson account "$ACCOUNT_ID" --arg region "$REGION" \
    --arg architecture "$ARCHITECTURE" --arg image "$IMAGE_ARG" \
    --arg key "${ELEVENLABS_API_KEY:-xi-smoke-test-placeholder}" \
    '{name: $name, cloudAccountId: $account, region: $region, architecture: $architecture,
      elevenLabsApiKey: $key} + (if $image == "" then {} else {imageSource: "URI", imageUri: $image} end)')
  ENV_REQUESTED=1
  api POST "/api/v1/teams/$TEAM_ID/environments" "$body" "$(idempotency_key create)" || {
    [[ -z $restore_xtrace ]] || set -x
    local hint=""
    [[ -n $IMAGE_ARG || $HTTP_BODY != *imageSource* ]] || hint="; or run your own image with --image URI"
    die "the portal refused the environment: $(problem)$hint"
  }
  body=""
  [[ -z $restore_xtrace ]] || set -x
  ENV_ID=$(json .id)
  end_step ok "$ENV_NAME, id $ENV_ID"
}

schedule_off() {
  begin_step "turn its schedule off (always on)"
  api PUT "$(env_path)/schedule" '{"zone":"UTC","enabled":false,"whenDisabled":"ALWAYS_ON","windows":[]}' \
    || die "cannot turn the schedule off: $(problem)"
  end_step
}

issue_key() {
  begin_step "issue an API key for it"
  local body attempt
  body=$(jq -cn --arg name "$KEY_NAME" --argjson env "$ENV_ID" \
    '{name: $name, expiresInDays: 1, environmentIds: [$env]}')
  KEY_REQUESTED=1
  for attempt in 1 2; do
    if api POST "/api/v1/teams/$TEAM_ID/keys" "$body" "$(idempotency_key "key-$attempt")"; then
      { local restore_xtrace=${-//[^x]/}; set +x; } 2>/dev/null # the key is in this answer only
      MCP_KEY=$(json .secret)
      HTTP_BODY=$(json 'del(.secret)' -c)
      [[ -z $restore_xtrace ]] || set -x
      KEY_ID=$(json .key.id)
      KEY_PUBLIC_ID=$(json .key.publicId)
      end_step ok "$KEY_PUBLIC_ID, expires in a day"
      return
    fi
    # A retried request whose first answer was lost: that key's secret is gone; revoke it and issue another.
    local lost
    lost=$(json '.keyId // empty' 2>/dev/null || :)
    [[ $HTTP_STATUS == 409 && -n $lost ]] || break
    api POST "/api/v1/teams/$TEAM_ID/keys/$lost/revoke" || die "cannot revoke key $lost, whose secret was lost: $(problem)"
  done
  die "cannot issue an API key: $(problem)"
}

read_rates() {
  begin_step "read its hourly rates (cost API)"
  if api GET "$(env_path)/cost" && [[ $(json .priced) == true ]]; then
    COST_JSON=$HTTP_BODY
    end_step ok "$(json '.alwaysOn.totalUsd | tonumber / 730.485 | . * 10000 | round / 10000 | "US$\(.) an hour on"')"
  else
    end_step "n/a" "$(if [[ $HTTP_STATUS == 2* ]]; then json '.problem // "not priced"'; else problem; fi)"
  fi
}

env_path() { printf '/api/v1/teams/%s/environments/%s' "$TEAM_ID" "$ENV_ID"; }

# run_operation ACTION: requests it (retrying while busy) and follows it to its end.
run_operation() {
  local action=$1 started
  begin_step "$action"
  started=$(now_ms)
  api_waiting POST "$(env_path)/$action" "" "$(idempotency_key "$action")" || die "the portal refused to $action: $(problem)"
  case $action in
    provision) T_PROVISION=$started T_ON_SINCE=$started ;;
    stop) power_off "$started" ;;
    start) T_ON_SINCE=$started ;;
  esac
  follow_operation "$(json .id)" "$action" || die "$OPERATION_FAILURE"
  if [[ $action == deprovision ]]; then
    power_off "$(now_ms)"
    T_END=$(now_ms)
    ENV_GONE=1
  fi
  local detail="operation $OPERATION_ID, $OPERATION_STEPS steps"
  if [[ $action == provision ]]; then
    api GET "$(env_path)" || die "cannot read the environment: $(problem)"
    MCP_URL=$(json '.mcpUrl // empty')
    detail+=", endpoint ${MCP_URL:-none}, image $(json 'if .image.version then "MCP server \(.image.version) \(.image.digest)" else .image.reference // "unknown" end')"
    MCP_URL=${ENDPOINT_ARG:-$MCP_URL}
  fi
  end_step ok "$detail"
}

power_off() {
  if ((T_ON_SINCE)); then
    ON_MS=$((ON_MS + $1 - T_ON_SINCE))
    T_ON_SINCE=0
  fi
}

# follow_operation ID LABEL: prints each step of the operation as it completes. Returns 1 with OPERATION_FAILURE
# set when it fails, times out, cannot be read, or (during the clean-up) a second interrupt stops the wait.
OPERATION_ID="" OPERATION_STEPS=0 OPERATION_FAILURE=""
follow_operation() {
  local id=$1 label=$2 printed=0 deadline=$(($(now_ms) + OPERATION_TIMEOUT_S * 1000)) misses=0 state
  OPERATION_ID=$id
  local steps_filter='
    def ms: capture("^(?<s>[^.Z]+)(?:[.](?<f>[0-9]+))?Z$") | ((.s + "Z") | fromdateiso8601) * 1000
      + ((.f // "0") + "00" | .[0:3] | tonumber);
    .steps[] | [.name, .state, (if .startedAt and .finishedAt then (.finishedAt | ms) - (.startedAt | ms) else 0 end),
      ((.detail // "") | gsub("[\t\n]"; " ") | if length > 72 then .[0:71] + "~" else . end)] | @tsv'
  while :; do
    if ! api GET "$(env_path)/operations/$id"; then
      misses=$((misses + 1))
      if ((misses >= 5)); then
        OPERATION_FAILURE="cannot follow $label (operation $id): $(problem)"
        return 1
      fi
    else
      misses=0
      state=$(json .state)
      OPERATION_STEPS=$(json '.steps | length')
      local index=0 name step_state took detail
      while IFS=$'\t' read -r name step_state took detail; do
        index=$((index + 1))
        ((index > printed)) || continue
        [[ $step_state == DONE || $step_state == FAILED ]] || break
        printf '        %-44s %-7s %8s%s\n' "$label: $name" "${step_state,,}" "$(duration "$took")" \
          "${detail:+  $detail}"
        printed=$index
      done < <(json "$steps_filter")
      case $state in
        SUCCEEDED) return 0 ;;
        FAILED)
          OPERATION_FAILURE="$label failed at step $(json '.failedStep // "?"'): $(json '[.errorCode, .errorMessage] | map(select(. != null)) | join(": ")')"
          return 1 ;;
      esac
    fi
    if (($(now_ms) > deadline)); then
      OPERATION_FAILURE="$label (operation $id) did not finish within $((OPERATION_TIMEOUT_S / 60)) min; it is still running in the portal"
      return 1
    fi
    if ((CLEANUP_ABORT)); then
      OPERATION_FAILURE="stopped waiting for $label (operation $id)"
      return 1
    fi
    nap "$POLL_S"
  done
}

endpoint_base() { printf '%s' "${MCP_URL%/mcp}"; }

skip_endpoint_checks() {
  begin_step "endpoint checks"
  end_step skipped "account $ACCOUNT_ID is simulated: its endpoint is not a real server (no /health, no MCP calls)"
}

# GET /health until it answers 200 {"status":"ok"} (the API's route and VPC link may take a moment).
check_health() {
  begin_step "GET /health $1"
  [[ -n $MCP_URL ]] || die "the portal reports no endpoint for environment $ENV_ID"
  local deadline=$(($(now_ms) + ENDPOINT_WAIT_S * 1000)) attempts=0
  while :; do
    attempts=$((attempts + 1))
    if http "" GET "$(endpoint_base)/health" "" "Accept: application/json" \
      && [[ $(jq -r '.status // empty' 2>/dev/null <<<"$HTTP_BODY") == ok ]]; then
      end_step ok "$attempts attempt$( ((attempts == 1)) || printf s)"
      return
    fi
    (($(now_ms) < deadline)) || die "$(endpoint_base)/health did not answer 200 {\"status\":\"ok\"} within ${ENDPOINT_WAIT_S}s; last: $(endpoint_problem)"
    nap "$POLL_S"
  done
}

endpoint_problem() {
  if [[ $HTTP_STATUS == 000 ]]; then
    printf '%s' "${HTTP_BODY#curl: }"
  else
    printf 'HTTP %s %s' "$HTTP_STATUS" "${HTTP_BODY:0:200}"
  fi
}

# mcp BODY [SESSION] [PROTOCOL]: one JSON-RPC message to the endpoint with the API key (Streamable HTTP).
mcp() {
  local -a headers=("Accept: application/json, text/event-stream")
  [[ -z ${2-} ]] || headers+=("Mcp-Session-Id: $2")
  [[ -z ${3-} ]] || headers+=("MCP-Protocol-Version: $3")
  http MCP_KEY POST "$MCP_URL" "$1" "${headers[@]}"
}

# The JSON-RPC answer with this id, from a JSON body or from the data lines of an event stream.
rpc_answer() {
  local find='first(inputs | select(type == "object" and .id == $id)) // empty'
  if [[ ${HTTP_CONTENT_TYPE,,} == text/event-stream* ]]; then
    jq -R -r 'rtrimstr("\r") | select(startswith("data:")) | ltrimstr("data:")' <<<"$HTTP_BODY" \
      | jq -c -n --argjson id "$1" "$find" 2>/dev/null || :
  else
    jq -c -n --argjson id "$1" "$find" 2>/dev/null <<<"$HTTP_BODY" || :
  fi
}

check_mcp() {
  begin_step "MCP initialize + tools/list with the key"
  local deadline=$(($(now_ms) + ENDPOINT_WAIT_S * 1000)) answer server session protocol tools
  local initialize='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"mcp-portal-smoke-test","version":"1"}}}'
  # A key set changed after the task started reaches it within the server's refresh interval (30 s); this one was
  # issued before provisioning, so a refusal here is the endpoint warming up, or a server that is not the portal's.
  until mcp "$initialize"; do
    if [[ $HTTP_STATUS != 401 && $HTTP_STATUS != 429 && $HTTP_STATUS != 5* && $HTTP_STATUS != 000 ]] \
      || (($(now_ms) > deadline)); then
      die "initialize was refused: $(endpoint_problem)"
    fi
    nap "${HTTP_RETRY_AFTER:-$POLL_S}"
  done
  answer=$(rpc_answer 1)
  server=$(jq -r '.result.serverInfo | "\(.name) \(.version // "")"' 2>/dev/null <<<"$answer") || server=""
  [[ -n $server ]] || die "initialize answered without a result: $(endpoint_problem)"
  session=$HTTP_SESSION
  protocol=$(jq -r '.result.protocolVersion' <<<"$answer")
  mcp '{"jsonrpc":"2.0","method":"notifications/initialized"}' "$session" "$protocol" \
    || die "notifications/initialized was refused: $(endpoint_problem)"
  mcp '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' "$session" "$protocol" \
    || die "tools/list was refused: $(endpoint_problem)"
  answer=$(rpc_answer 2)
  tools=$(jq -r '.result.tools | length' 2>/dev/null <<<"$answer") || tools=""
  [[ $tools =~ ^[1-9][0-9]*$ ]] || die "tools/list answered no tools: $(endpoint_problem)"
  if [[ -n $session ]]; then # end the session; a server that keeps none answers 405, which is fine too
    http MCP_KEY DELETE "$MCP_URL" "" "Mcp-Session-Id: $session" "MCP-Protocol-Version: $protocol" || :
  fi
  end_step ok "$server, $tools tools"
}

# Revokes the key; one already revoked (the answer to an earlier try was lost) counts as revoked.
key_revoked() {
  if api POST "/api/v1/teams/$TEAM_ID/keys/$KEY_ID/revoke"; then
    KEY_REVOKED=1
    return 0
  fi
  local refusal=$HTTP_BODY status=$HTTP_STATUS
  if api GET "/api/v1/teams/$TEAM_ID/keys/$KEY_ID" && [[ $(json .status) == REVOKED ]]; then
    KEY_REVOKED=1
    return 0
  fi
  HTTP_BODY=$refusal HTTP_STATUS=$status
  return 1
}

delete_environment() {
  begin_step "delete the environment"
  api DELETE "$(env_path)" || die "cannot delete environment $ENV_ID: $(problem)"
  api GET "$(env_path)" || die "cannot read environment $ENV_ID: $(problem)"
  [[ $(json .state) == DELETED ]] || die "environment $ENV_ID is $(json .state) after its deletion"
  ENV_GONE=1
  end_step ok "state DELETED"
}

revoke_key() {
  begin_step "revoke the API key"
  key_revoked || die "cannot revoke key $KEY_PUBLIC_ID: $(problem)"
  # shellcheck disable=SC2034 # read by name in http
  MCP_KEY=""
  end_step ok "$KEY_PUBLIC_ID"
}

# --- cost ---------------------------------------------------------------------------------------------------------

print_cost() {
  if ((!T_PROVISION)); then
    say "cost: US\$0 in AWS (nothing was provisioned)"
    return
  fi
  if [[ -z $COST_JSON ]]; then
    say "cost: unknown (the portal's cost API gave no prices for this environment)"
    return
  fi
  local end=${T_END:-0} on=$ON_MS
  ((end)) || end=$(now_ms)
  ((!T_ON_SINCE)) || on=$((on + end - T_ON_SINCE))
  local note=""
  [[ $ACCOUNT_MODE == AWS ]] || note="; simulated account: nothing was billed, this is what AWS would charge"
  ((ENV_GONE)) || note+="; and counting: resources are left"
  jq -r --argjson on "$on" --argjson alive "$((end - T_PROVISION))" --arg note "$note" \
    --arg on_text "$(duration "$on")" --arg alive_text "$(duration $((end - T_PROVISION)))" '
    def usd: (. * 1000000 | round) as $n | "US$\($n / 1000000 | floor).\("000000\($n % 1000000)" | .[-6:])";
    (.alwaysOn.monthlyHoursOn | tonumber) as $hours
    | [.alwaysOn.rows[] | {label: .label,
        usd: ((.monthlyUsd | tonumber) / $hours
              * (if .component == "FARGATE" or .component == "NAT_INSTANCE" or .component == "PUBLIC_IPV4"
                 then $on else $alive end) / 3600000)}] as $rows
    | "cost: \($rows | map(.usd) | add | usd) in AWS for this run (on \($on_text), alive \($alive_text)\($note))",
      "      " + ($rows | sort_by(-.usd) | map("\(.label) \(.usd | usd)") | join(", "))' <<<"$COST_JSON"
}

# --- clean-up -----------------------------------------------------------------------------------------------------

on_signal() {
  if ((CLEANING)); then
    CLEANUP_ABORT=1
    say "second interrupt: stopping the clean-up"
    return
  fi
  say ""
  ((!STEP_OPEN)) || end_step stopped
  say "interrupted ($1)"
  [[ $1 == INT ]] && exit 130 || exit 143
}

on_exit() {
  local rc=$?
  trap - EXIT
  trap 'on_signal INT' INT
  trap 'on_signal TERM' TERM
  set +e +u
  CLEANING=1
  local left=()
  # A signal can land between a create request and the line that notes its answer: look the thing up by name.
  if ((KEY_REQUESTED)) && [[ -z $KEY_ID ]]; then
    if every "/api/v1/teams/$TEAM_ID/keys"; then
      local live='[.[] | select(.name == $name and .status == "ACTIVE")] | .[0]'
      KEY_ID=$(json "$live.id // empty" --arg name "$KEY_NAME")
      KEY_PUBLIC_ID=$(json "$live.publicId // empty" --arg name "$KEY_NAME")
    else
      left+=("cannot tell whether the API key '$KEY_NAME' was issued: $(problem)")
    fi
  fi
  if ((ENV_REQUESTED)) && [[ -z $ENV_ID ]]; then
    if every "/api/v1/teams/$TEAM_ID/environments"; then
      ENV_ID=$(json '[.[] | select(.name == $name)] | .[0].id // empty' --arg name "$ENV_NAME")
    else
      left+=("cannot tell whether the environment '$ENV_NAME' was created: $(problem)")
    fi
  fi
  if [[ -n $KEY_ID && $KEY_REVOKED == 0 ]]; then
    say "clean-up: revoking API key $KEY_PUBLIC_ID"
    if ! key_revoked; then
      left+=("API key $KEY_PUBLIC_ID (id $KEY_ID) is not revoked: $(problem)
    revoke it under Teams -> $TEAM_NAME -> API keys")
    fi
  fi
  # shellcheck disable=SC2034 # read by name in http
  MCP_KEY=""
  if [[ -n $ENV_ID && $ENV_GONE == 0 ]]; then
    if clean_environment; then
      ENV_GONE=1
    else
      left+=("environment $ENV_NAME (id $ENV_ID): $CLEAN_FAILURE
    deprovision it under Teams -> $TEAM_NAME -> Environments, or:
    curl -X POST -H \"Authorization: Bearer \$MCP_PORTAL_TOKEN\" $PORTAL_URL$(env_path)/deprovision")
    fi
  fi
  ((T_END || !T_PROVISION)) || T_END=$(now_ms)
  if [[ -n $ENV_ID ]]; then
    print_cost
  fi
  [[ -z $WORK ]] || rm -rf "$WORK"
  local total
  total=$(duration $(($(now_ms) - RUN_T0)))
  if ((${#left[@]})); then
    say "NOT CLEANED UP:"
    local item
    for item in "${left[@]}"; do
      say "  - $item"
    done
    exit 3
  fi
  if ((rc == 0)); then
    say "passed: $STEP_NO steps in $total"
  else
    [[ -z $ENV_ID && -z $KEY_ID ]] || say "cleaned up: nothing this run created is left"
    say "total: $total"
  fi
  exit "$rc"
}

# Deprovisions and deletes the environment whatever its state; sets CLEAN_FAILURE when it cannot.
CLEAN_FAILURE=""
clean_environment() {
  local deadline=$(($(now_ms) + OPERATION_TIMEOUT_S * 1000)) waited=0 deprovisions=0 state
  while :; do
    if ((CLEANUP_ABORT)); then
      CLEAN_FAILURE="clean-up stopped by a second interrupt"
      return 1
    fi
    if ! api GET "$(env_path)"; then
      [[ $HTTP_STATUS != 404 ]] || return 0
      CLEAN_FAILURE="cannot read it: $(problem)"
      return 1
    fi
    state=$(json .state)
    case $state in
      DELETED) return 0 ;;
      DRAFT)
        say "clean-up: deleting the draft environment $ENV_ID"
        api DELETE "$(env_path)" && return 0
        CLEAN_FAILURE="cannot delete the draft: $(problem)"
        return 1 ;;
      READY | FAILED)
        if ((deprovisions == 2)); then
          CLEAN_FAILURE="still $state after two deprovisions ($(json '.failure.message // "no message"'))"
          return 1
        fi
        deprovisions=$((deprovisions + 1))
        say "clean-up: deprovisioning environment $ENV_ID ($state)"
        if ! api_waiting POST "$(env_path)/deprovision" "" "$(idempotency_key "clean-up-$deprovisions")"; then
          CLEAN_FAILURE="the portal refused to deprovision it: $(problem)"
          return 1
        fi
        follow_operation "$(json .id)" clean-up || say "clean-up: $OPERATION_FAILURE" ;;
      *)
        ((waited)) || say "clean-up: waiting for environment $ENV_ID to leave $state (interrupt again to stop waiting)"
        waited=1
        nap "$POLL_S" ;;
    esac
    if (($(now_ms) > deadline)); then
      CLEAN_FAILURE="still $state after $((OPERATION_TIMEOUT_S / 60)) min"
      return 1
    fi
  done
}

# --- main ---------------------------------------------------------------------------------------------------------

main() {
  parse_args "$@"
  check_tools
  set --
  [[ -z $SMOKE_XTRACE ]] || set -x
  RUN_T0=$(now_ms)
  local stamp
  TZ=UTC printf -v stamp '%(%Y%m%d-%H%M%S)T' -1
  RUN_ID="$stamp-$$-$RANDOM$RANDOM"
  ENV_NAME=${NAME_ARG:-smoke-$stamp-$(printf '%04x' $((RANDOM % 65536)))}
  KEY_NAME="smoke test $ENV_NAME"
  WORK=$(umask 077 && mktemp -d "${TMPDIR:-/tmp}/mcp-smoke.XXXXXX")
  trap on_exit EXIT
  trap 'on_signal INT' INT
  trap 'on_signal TERM' TERM

  choose_team
  choose_account
  local checks=0
  [[ $ACCOUNT_MODE != AWS && -z $ENDPOINT_ARG ]] || checks=1
  STEP_TOTAL=$((checks ? 13 : 11))
  say "MCP Portal smoke test at $PORTAL_URL"
  say "  team $TEAM_ID ($TEAM_NAME), cloud account $ACCOUNT_ID ($ACCOUNT_NAME, $ACCOUNT_MODE), region $REGION"
  say "  image: ${IMAGE_ARG:-the MCP server the portal publishes} ($ARCHITECTURE)"

  create_environment
  schedule_off
  issue_key
  read_rates
  run_operation provision
  if ((checks)); then
    check_health "after provisioning"
    check_mcp
  else
    skip_endpoint_checks
  fi
  run_operation stop
  run_operation start
  ((!checks)) || check_health "after the start"
  run_operation deprovision
  delete_environment
  revoke_key
}

main "$@"
