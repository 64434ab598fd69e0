#!/usr/bin/env bash
# Alert ingestion benchmark: sustained Alertmanager webhooks against `./firebreak up` (see bench/README.md).
#
# Starts the server alone (no chain profile, embedded H2, fresh data dir, free port), then runs
# bench/AlertIngestion.java against it: phase 1 opens FINGERPRINTS new alerts (one incident each), phase 2
# re-sends them from CONCURRENCY senders for SECONDS, as Alertmanager does all day. Every answered alert is
# read back from the store at the end. Prints the figures and appends them to bench/results/alert-ingestion.md.
#
# usage: bench/alert-ingestion.sh [--seconds N] [--concurrency N] [--fingerprints N] [--no-record]
set -euo pipefail

FB_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
export FB_ROOT
# shellcheck source=scripts/lib.sh
source "$FB_ROOT/scripts/lib.sh"

SECONDS_RUN=30
CONCURRENCY=8
FINGERPRINTS=100
RECORD=1
SECRET="bench-alertmanager-secret-0123456789"
RESULTS="$FB_ROOT/bench/results/alert-ingestion.md"

while (( $# )); do
  case "$1" in
    --seconds) SECONDS_RUN="$2"; shift ;;
    --concurrency) CONCURRENCY="$2"; shift ;;
    --fingerprints) FINGERPRINTS="$2"; shift ;;
    --no-record) RECORD=0 ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fb_die "unknown option: $1 (try --help)" ;;
  esac
  shift
done

SERVER_PID=""
RUN_DIR=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  [[ -z "$SERVER_PID" ]] || wait "$SERVER_PID" 2>/dev/null || true
  [[ -z "$RUN_DIR" ]] || rm -rf -- "$RUN_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fb_require_jdk
fb_ensure_jar

mkdir -p "$FB_ROOT/bench/tmp"
RUN_DIR="$(mktemp -d "$FB_ROOT/bench/tmp/ingest.XXXXXX")"
port="$(fb_free_port)"
base="http://127.0.0.1:$port"
export FIREBREAK_CHAIN_PROFILE="$RUN_DIR/no-chain.yml" FIREBREAK_ALERTMANAGER_SECRET="$SECRET"
"$FB_ROOT/firebreak" up --port "$port" --data-dir "$RUN_DIR/data" --bind 127.0.0.1 \
  >"$RUN_DIR/server.log" 2>&1 </dev/null &
SERVER_PID=$!
for _ in $(seq 1 600); do
  if body="$(fb_http_get "$base/actuator/health")" && [[ "$body" == *'"status":"UP"'* ]]; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$RUN_DIR/server.log" >&2; fb_die "the server exited before UP"; }
  sleep 0.1
done

# Reading the alerts back needs an API token: the admin token the server wrote into its data directory.
for _ in $(seq 1 100); do [[ -s "$RUN_DIR/data/cli-token" ]] && break; sleep 0.1; done
export FIREBREAK_TOKEN="$(cat "$RUN_DIR/data/cli-token")"
output="$("$FB_JAVA" "$FB_ROOT/bench/AlertIngestion.java" "$base" "$SECRET" "$SECONDS_RUN" "$CONCURRENCY" "$FINGERPRINTS")"
printf '%s\n' "$output"

if (( RECORD )); then
  commit="$(git -C "$FB_ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
  [[ ! -f "$RESULTS" ]] && printf '# Alert ingestion results\n\nAppended by `bench/alert-ingestion.sh`; see bench/README.md.\n' >"$RESULTS"
  {
    printf '\n## %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf -- '- commit: %s; JDK: %s\n' "$commit" "$("$FB_JAVA" -version 2>&1 | sed -n 2p)"
    printf -- '- machine: nproc %s, %s GB RAM; store: embedded H2 file (WRITE_DELAY=0); client on the same machine\n' \
      "$(nproc)" "$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)"
    printf -- '- %s fingerprints, %s senders, %s s sustained\n\n```\n%s\n```\n' "$FINGERPRINTS" "$CONCURRENCY" \
      "$SECONDS_RUN" "$output"
  } >>"$RESULTS"
  printf '\nappended to %s\n' "${RESULTS#"$FB_ROOT"/}"
fi
