#!/usr/bin/env bash
# Footprint benchmark for `./firebreak up` (see bench/README.md for goals and history).
#
# For each run: start `./firebreak up` on a free port with a fresh data dir, time it
# from process start to the first GET /actuator/health answering "status":"UP" (polled
# every 50 ms, 60 s at most), stay idle IDLE seconds, read VmRSS/VmHWM from
# /proc/PID/status, stop the server. Prints a table and appends it, with the date,
# JDK, JVM options and nproc, to bench/results/footprint.md.
#
# usage: bench/footprint.sh [--runs N] [--idle SECONDS] [--no-record] [--with-devnet]
# The JVM options are the launcher's (FIREBREAK_JAVA_OPTS replaces them). By default the
# server is measured alone (FIREBREAK_CHAIN_PROFILE points at a profile that does not exist,
# so `up` starts no devnet); --with-devnet measures `up` starting and deploying the devnet too.
set -euo pipefail

FB_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
export FB_ROOT
# shellcheck source=scripts/lib.sh
source "$FB_ROOT/scripts/lib.sh"

RUNS=3
IDLE=10
RECORD=1
WITH_DEVNET=0
TIMEOUT_MS=60000
GOAL_START_MS=5000
GOAL_RSS_MB=300
RESULTS="$FB_ROOT/bench/results/footprint.md"

while (( $# )); do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --idle) IDLE="$2"; shift ;;
    --no-record) RECORD=0 ;;
    --with-devnet) WITH_DEVNET=1 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fb_die "unknown option: $1 (try --help)" ;;
  esac
  shift
done

SERVER_PID=""
RUN_DIR=""

stop_server() {
  local pid="$SERVER_PID" i
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 200); do                 # up to 20 s for a graceful stop
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  wait "$pid" 2>/dev/null || true
  SERVER_PID=""
}

cleanup() {
  stop_server
  if [[ -n "$RUN_DIR" ]]; then rm -rf -- "$RUN_DIR"; fi
  RUN_DIR=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

fb_require_jdk          # exports JAVA_HOME: the launcher below then checks only that one
fb_ensure_jar

if [[ -n "${FIREBREAK_JAVA_OPTS+set}" ]]; then
  JVM_OPTS="$FIREBREAK_JAVA_OPTS"
else
  JVM_OPTS="$(fb_default_up_java_opts)"
fi
JDK_DESC="$("$FB_JAVA" -version 2>&1 | sed -n 2p | sed 's/ *(build \(.*\))/ \1/')"
NPROC="$(nproc)"
MEM_GB="$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)"
COMMIT="$(git -C "$FB_ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
if [[ -n "$(git -C "$FB_ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ]]; then
  COMMIT="$COMMIT + uncommitted changes"
fi

mkdir -p "$FB_ROOT/bench/tmp"
start_ms=() rss_mb=() hwm_mb=()

for run in $(seq 1 "$RUNS"); do
  RUN_DIR="$(mktemp -d "$FB_ROOT/bench/tmp/run.XXXXXX")"
  port="$(fb_free_port)"
  url="http://127.0.0.1:$port/actuator/health"

  if (( WITH_DEVNET )); then unset FIREBREAK_CHAIN_PROFILE; else export FIREBREAK_CHAIN_PROFILE="$RUN_DIR/no-chain.yml"; fi
  t0="$(now_ms)"
  "$FB_ROOT/firebreak" up --port "$port" --data-dir "$RUN_DIR/data" --bind 127.0.0.1 \
    >"$RUN_DIR/server.log" 2>&1 </dev/null &
  SERVER_PID=$!

  elapsed=""
  while :; do
    if body="$(fb_http_get "$url")" && [[ "$body" == *'"status":"UP"'* ]]; then
      elapsed=$(( $(now_ms) - t0 ))
      break
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      tail -n 40 "$RUN_DIR/server.log" >&2
      fb_die "run $run: the server exited before its health check answered UP"
    fi
    if (( $(now_ms) - t0 > TIMEOUT_MS )); then
      tail -n 40 "$RUN_DIR/server.log" >&2
      fb_die "run $run: no UP from $url within $(( TIMEOUT_MS / 1000 )) s"
    fi
    sleep 0.05
  done

  sleep "$IDLE"
  kill -0 "$SERVER_PID" 2>/dev/null || fb_die "run $run: the server died while idle"
  rss_kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")"
  hwm_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")"
  start_ms+=("$elapsed")
  rss_mb+=("$(( (rss_kb + 512) / 1024 ))")
  hwm_mb+=("$(( (hwm_kb + 512) / 1024 ))")
  printf 'run %d: start→UP %d ms, idle RSS %d MB (peak %d MB), pid %d, port %d\n' \
    "$run" "$elapsed" "${rss_mb[-1]}" "${hwm_mb[-1]}" "$SERVER_PID" "$port" >&2

  cleanup
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
maxof() { printf '%s\n' "$@" | sort -n | tail -n1; }

med_start="$(median "${start_ms[@]}")"; max_start="$(maxof "${start_ms[@]}")"
med_rss="$(median "${rss_mb[@]}")"; max_rss="$(maxof "${rss_mb[@]}")"
med_hwm="$(median "${hwm_mb[@]}")"
verdict_start=$([[ "$max_start" -lt "$GOAL_START_MS" ]] && echo met || echo MISSED)
verdict_rss=$([[ "$max_rss" -lt "$GOAL_RSS_MB" ]] && echo met || echo MISSED)

table="$(
  printf '| run | start→UP (ms) | idle RSS after %ss (MB) | peak RSS (MB) |\n' "$IDLE"
  printf '| ---: | ---: | ---: | ---: |\n'
  for i in "${!start_ms[@]}"; do
    printf '| %d | %d | %d | %d |\n' "$(( i + 1 ))" "${start_ms[$i]}" "${rss_mb[$i]}" "${hwm_mb[$i]}"
  done
  printf '| median | %d | %d | %d |\n' "$med_start" "$med_rss" "$med_hwm"
)"
goals="Goals (every run): start→UP < ${GOAL_START_MS} ms: ${verdict_start} (max ${max_start}); idle RSS < ${GOAL_RSS_MB} MB: ${verdict_rss} (max ${max_rss})."

printf '\n%s\n\n%s\n' "$table" "$goals"

# shellcheck disable=SC2016  # the backquotes are Markdown
if (( RECORD )); then
  mkdir -p "$(dirname "$RESULTS")"
  if [[ ! -f "$RESULTS" ]]; then
    printf '# Footprint results\n\nAppended by `bench/footprint.sh`; see bench/README.md.\n' >"$RESULTS"
  fi
  {
    printf '\n## %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf -- '- commit: %s\n' "$COMMIT"
    printf -- '- JDK: %s\n' "$JDK_DESC"
    printf -- '- JVM options: `%s`\n' "${JVM_OPTS:-(none)}"
    printf -- '- machine: nproc %s, %s GB RAM, %s\n' "$NPROC" "$MEM_GB" "$(uname -sr)"
    printf -- '- scenario: %s\n' "$( (( WITH_DEVNET )) && echo 'up starting and deploying the devnet' || echo 'the server alone (no chain profile)')"
    printf -- '- runs: %s, idle %s s before reading RSS\n\n' "$RUNS" "$IDLE"
    printf '%s\n\n%s\n' "$table" "$goals"
  } >>"$RESULTS"
  printf '\nappended to %s\n' "${RESULTS#"$FB_ROOT"/}"
fi
