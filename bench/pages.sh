#!/usr/bin/env bash
# Console page benchmark: every page with 1,000 incidents in the store, on the devnet (see bench/README.md).
#
# Starts `./firebreak up` on a fresh data dir with the devnet (free port, 127.0.0.1), seeds INCIDENTS incidents
# through the REST API from THREADS threads, then times every console page warm with bench/PageTimes.java (WARMUP
# warm-up GETs, RUNS timed GETs each) and prints met/MISSED per page against the goal: p95 under 200 ms.
# Any answer but 200 fails the run; with --skip-missing a page answering 404 is reported as "missing" instead
# (pages another branch adds). Appends the figures to bench/results/pages.md unless --no-record.
#
# Between seeding and timing it waits (--settle, up to 600 s) until the server and its devnet are idle: each opened
# incident queues automated diagnostics that keep them busy for minutes after the last request.
#
# usage: bench/pages.sh [--incidents N] [--threads N] [--warmup N] [--runs N] [--settle SECONDS] [--skip-missing]
#                       [--no-record]
set -euo pipefail

FB_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
export FB_ROOT
# shellcheck source=scripts/lib.sh
source "$FB_ROOT/scripts/lib.sh"

INCIDENTS=1000
THREADS=4
WARMUP=5
RUNS=30
SKIP_MISSING=false
SETTLE=600
RECORD=1
RESULTS="$FB_ROOT/bench/results/pages.md"

while (( $# )); do
  case "$1" in
    --incidents) INCIDENTS="$2"; shift ;;
    --threads) THREADS="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --skip-missing) SKIP_MISSING=true ;;
    --settle) SETTLE="$2"; shift ;;
    --no-record) RECORD=0 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fb_die "unknown option: $1 (try --help)" ;;
  esac
  shift
done

SERVER_PID=""
RUN_DIR=""
descendants() {   # PID -> its children, grandchildren... (the devnet's anvil and sidecar)
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do printf '%s\n' "$child"; descendants "$child"; done
}
cleanup() {
  local children=()
  [[ -z "$SERVER_PID" ]] || mapfile -t children < <(descendants "$SERVER_PID")
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  [[ -z "$SERVER_PID" ]] || wait "$SERVER_PID" 2>/dev/null || true
  # The devnet `up` started stops with it; should it outlive a SIGKILL, stop it by the PIDs noted above.
  local child
  for child in "${children[@]}"; do kill -TERM "$child" 2>/dev/null || true; done
  [[ -z "$RUN_DIR" ]] || rm -rf -- "$RUN_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_npm_packages "$FB_ROOT/devnet"
fb_require_jdk
fb_ensure_jar

mkdir -p "$FB_ROOT/bench/tmp"
RUN_DIR="$(mktemp -d "$FB_ROOT/bench/tmp/pages.XXXXXX")"
port="$(fb_free_port)"
base="http://127.0.0.1:$port"
# The devnet: `up` starts its own under <data-dir>/devnet when neither of these is set.
unset FIREBREAK_RPC_URL FIREBREAK_CHAIN_PROFILE
"$FB_ROOT/firebreak" up --port "$port" --data-dir "$RUN_DIR/data" --bind 127.0.0.1 \
  >"$RUN_DIR/server.log" 2>&1 </dev/null &
SERVER_PID=$!
up=0
for _ in $(seq 1 1200); do   # 120 s: the first start after a build also prepares the start-up cache
  if body="$(fb_http_get "$base/actuator/health")" && [[ "$body" == *'"status":"UP"'* ]]; then up=1; break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$RUN_DIR/server.log" >&2; fb_die "the server exited before UP"; }
  sleep 0.1
done
(( up )) || { tail -n 40 "$RUN_DIR/server.log" >&2; fb_die "no health UP from $base within 120 s"; }

# The admin API token the server writes into its data directory at first start; pages accept it too.
for _ in $(seq 1 100); do [[ -s "$RUN_DIR/data/cli-token" ]] && break; sleep 0.1; done
[[ -s "$RUN_DIR/data/cli-token" ]] || fb_die "no $RUN_DIR/data/cli-token"
export FIREBREAK_TOKEN="$(cat "$RUN_DIR/data/cli-token")"
status=0
output="$("$FB_JAVA" "$FB_ROOT/bench/PageTimes.java" "$base" "$INCIDENTS" "$THREADS" "$WARMUP" "$RUNS" \
  "$SKIP_MISSING" "$SERVER_PID" "$SETTLE")" || status=$?
printf '%s\n' "$output"
if (( status != 0 )); then
  tail -n 20 "$RUN_DIR/server.log" >&2
  fb_die "the page benchmark failed (exit $status)"
fi

if (( RECORD )); then
  commit="$(git -C "$FB_ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
  if [[ -n "$(git -C "$FB_ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ]]; then
    commit="$commit + uncommitted changes"
  fi
  if [[ -n "${FIREBREAK_JAVA_OPTS+set}" ]]; then jvm_opts="$FIREBREAK_JAVA_OPTS"; else jvm_opts="$(fb_default_up_java_opts)"; fi
  [[ -f "$RESULTS" ]] || printf '# Console page results\n\nAppended by `bench/pages.sh`; see bench/README.md.\n' >"$RESULTS"
  {
    printf '\n## %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf -- '- commit: %s; JDK: %s; JVM options: `%s`\n' "$commit" \
      "$("$FB_JAVA" -version 2>&1 | sed -n 2p | sed 's/ *(build \(.*\))/ \1/')" "$jvm_opts"
    printf -- '- machine: nproc %s, %s GB RAM, load average %s at the end; store: embedded H2 file; devnet started by `up`; client on the same machine\n' \
      "$(nproc)" "$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf -- '- %s incidents seeded from %s threads; %s warm-up + %s timed GETs per page\n\n%s\n' "$INCIDENTS" \
      "$THREADS" "$WARMUP" "$RUNS" "$output"
  } >>"$RESULTS"
  printf '\nappended to %s\n' "${RESULTS#"$FB_ROOT"/}"
fi
