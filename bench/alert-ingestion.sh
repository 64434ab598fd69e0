#!/usr/bin/env bash
# Alert ingestion, side by side: Firebreak against Prometheus Alertmanager (see bench/README.md).
#
# Starts Alertmanager (Debian's prometheus-alertmanager: one receiver with no integrations, no cluster) and
# `./firebreak up` (no chain, fresh data dir, H2 or a throwaway PostgreSQL 15), each on a free port of 127.0.0.1,
# and drives both with wrk and bench/alert-ingestion.lua: the same alerts (one group of FINGERPRINTS alerts), the
# same connections and seconds; 1 alert a request, then 100. For each batch size: a warm-up per server that
# creates the alerts (not counted), then ROUNDS interleaved rounds of repeats (who goes first alternates). Prints
# each round's alerts/s and p99, the medians and the ratios Firebreak/Alertmanager; reads every alert's count
# back from Firebreak's store (each answered alert must be there, or the run fails) and appends the report to
# bench/results/alert-ingestion.md. Installs wrk and prometheus-alertmanager when missing.
#
# usage: bench/alert-ingestion.sh [options]
#   --seconds N       length of each timed round (default 10)
#   --connections N   wrk connections, over 2 wrk threads (default 16)
#   --rounds N        rounds per batch size (default 3)
#   --warmup N        seconds of warm-up per server and batch size, not counted (default 30: the JVM's
#                     optimising compiler settles in about a minute of load; Alertmanager needs none)
#   --fingerprints N  alerts in the group, 100 or more (default 100)
#   --store S         Firebreak's store: h2 (embedded file, default) or postgres (a throwaway PostgreSQL 15)
#   --batches LIST    alerts a request, comma-separated (default 1,100), e.g. --batches 1 to look at one of them
#   --no-record       print the report only; leave bench/results/alert-ingestion.md alone
# Firebreak's JVM options: FIREBREAK_JAVA_OPTS when set, else '-XX:+UseSerialGC -Xms64m' (C2 on, unlike `up`).
set -euo pipefail

FB_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
export FB_ROOT
# shellcheck source=scripts/lib.sh
source "$FB_ROOT/scripts/lib.sh"

SECONDS_ROUND=10
CONNECTIONS=16
ROUNDS=3
WARMUP=30
FINGERPRINTS=100
STORE=h2
RECORD=1
BATCHES=(1 100)
WRK_THREADS=2
SECRET="bench-alertmanager-secret-0123456789"
RESULTS="$FB_ROOT/bench/results/alert-ingestion.md"
LUA="$FB_ROOT/bench/alert-ingestion.lua"

usage() { sed -n '2,/^set -euo pipefail$/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

while (( $# )); do
  case "$1" in
    --seconds) SECONDS_ROUND="${2:-}"; shift ;;
    --connections) CONNECTIONS="${2:-}"; shift ;;
    --rounds) ROUNDS="${2:-}"; shift ;;
    --warmup) WARMUP="${2:-}"; shift ;;
    --fingerprints) FINGERPRINTS="${2:-}"; shift ;;
    --store) STORE="${2:-}"; shift ;;
    --batches) IFS=, read -r -a BATCHES <<<"${2:-}"; shift ;;
    --no-record) RECORD=0 ;;
    -h | --help) usage; exit 0 ;;
    *) fb_die "unknown option: $1 (try --help)" ;;
  esac
  shift
done
for pair in "seconds:$SECONDS_ROUND" "rounds:$ROUNDS" "warmup:$WARMUP" "connections:$CONNECTIONS" \
            "fingerprints:$FINGERPRINTS"; do
  [[ "${pair#*:}" =~ ^[1-9][0-9]*$ ]] || fb_die "--${pair%%:*} needs a whole number above 0, not '${pair#*:}'"
done
for batch in "${BATCHES[@]}"; do
  [[ "$batch" =~ ^[1-9][0-9]*$ ]] || fb_die "--batches takes whole numbers above 0, comma-separated, not '$batch'"
done
(( ${#BATCHES[@]} )) || fb_die "--batches needs at least one batch size"
(( CONNECTIONS >= WRK_THREADS )) || fb_die "--connections must be at least $WRK_THREADS (wrk's threads)"
LARGEST="$(printf '%s\n' "${BATCHES[@]}" | sort -n | tail -n 1)"
(( FINGERPRINTS >= LARGEST )) || fb_die "--fingerprints must be at least $LARGEST, the largest batch"
[[ "$STORE" == h2 || "$STORE" == postgres ]] || fb_die "--store is h2 or postgres, not '$STORE'"
if [[ -n "${FIREBREAK_JAVA_OPTS+set}" ]]; then
  JVM_OPTS="$FIREBREAK_JAVA_OPTS"
else
  JVM_OPTS="-XX:+UseSerialGC -Xms64m"   # the launcher's default for `up` is C1 only: small, not fast
fi

FB_PID=""
AM_PID=""
WRK_PID=""
RUN_DIR=""

# stop_pid PID: SIGTERM, SIGKILL after 20 s, then reap it.
stop_pid() {
  local pid="$1"
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  stop_pid "$WRK_PID"; WRK_PID=""
  stop_pid "$FB_PID"; FB_PID=""
  stop_pid "$AM_PID"; AM_PID=""
  fb_pg_stop
  [[ -z "$RUN_DIR" ]] || rm -rf -- "$RUN_DIR"
  RUN_DIR=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# Servers
# ---------------------------------------------------------------------------

# wait_ready NAME PID URL LOG [BODY]: polls URL every 100 ms (120 s at most) until it answers 2xx (containing BODY).
wait_ready() {
  local name="$1" pid="$2" url="$3" log="$4" want="${5:-}" body
  for _ in $(seq 1 1200); do
    if body="$(fb_http_get "$url")" && [[ "$body" == *"$want"* ]]; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$log" >&2; fb_die "$name exited before it was ready"; }
    sleep 0.1
  done
  tail -n 40 "$log" >&2
  fb_die "$name was not ready after 120 s"
}

start_alertmanager() {
  mkdir -p "$RUN_DIR/alertmanager"
  # One route, one receiver with no integrations: Alertmanager takes the alerts in, groups them, notifies nobody.
  cat >"$RUN_DIR/alertmanager/alertmanager.yml" <<'YAML'
route:
  receiver: blackhole
  group_by: [alertname]
receivers:
  - name: blackhole
YAML
  AM_BASE="http://127.0.0.1:$(fb_free_port)"
  "$AM_BIN" --config.file="$RUN_DIR/alertmanager/alertmanager.yml" --storage.path="$RUN_DIR/alertmanager/data" \
    --web.listen-address="${AM_BASE#http://}" --cluster.listen-address= \
    >"$RUN_DIR/alertmanager.log" 2>&1 </dev/null &
  AM_PID=$!
  wait_ready Alertmanager "$AM_PID" "$AM_BASE/-/ready" "$RUN_DIR/alertmanager.log"
}

start_firebreak() {
  local port env=(FIREBREAK_CHAIN_PROFILE="$RUN_DIR/no-chain.yml" FIREBREAK_ALERTMANAGER_SECRET="$SECRET"
                  FIREBREAK_JAVA_OPTS="$JVM_OPTS")
  if [[ "$STORE" == postgres ]]; then
    env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$FB_PG_PORT/$FB_PG_DB"
          SPRING_DATASOURCE_USERNAME="$FB_PG_USER" SPRING_DATASOURCE_PASSWORD="$FB_PG_PASSWORD")
  fi
  port="$(fb_free_port)"
  FB_BASE="http://127.0.0.1:$port"
  # No chain (the profile does not exist and no RPC URL), so `up` starts no devnet; env execs the launcher, which
  # execs java: FB_PID is the JVM's.
  env -u FIREBREAK_RPC_URL -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
    "${env[@]}" "$FB_ROOT/firebreak" up --port "$port" --data-dir "$RUN_DIR/data" \
    --config-dir "$RUN_DIR/config" --bind 127.0.0.1 >"$RUN_DIR/firebreak.log" 2>&1 </dev/null &
  FB_PID=$!
  wait_ready Firebreak "$FB_PID" "$FB_BASE/actuator/health" "$RUN_DIR/firebreak.log" '"status":"UP"'
  # Reading the alerts back takes an API token: the admin token the server wrote into its data directory.
  for _ in $(seq 1 100); do [[ -s "$RUN_DIR/data/cli-token" ]] && break; sleep 0.1; done
  [[ -s "$RUN_DIR/data/cli-token" ]] || fb_die "Firebreak wrote no $RUN_DIR/data/cli-token"
  printf 'Authorization: Bearer %s\n' "$(cat "$RUN_DIR/data/cli-token")" >"$RUN_DIR/read-back.header"
}

# A throwaway cluster as the test suite uses it, but with synchronous_commit on for Firebreak's role: fb_pg_start
# turns it off for speed, and then an answered alert could still be lost.
start_postgres() {
  ensure_postgres_server
  fb_pg_start
  local psql
  psql="$(fb_pg_bindir)/psql"
  fb_pg_as_owner "$psql" -X -q -v ON_ERROR_STOP=1 -h "$FB_PG_DIR/sock" -p "$FB_PG_PORT" -U postgres -d postgres \
    -c "ALTER ROLE $FB_PG_USER SET synchronous_commit = on" >/dev/null
  PG_DESC="PostgreSQL $("$(fb_pg_bindir)/postgres" --version | awk '{print $3}') throwaway cluster on 127.0.0.1"
  PG_DESC+=" ($(fb_pg_as_owner "$psql" -X -At -h "$FB_PG_DIR/sock" -p "$FB_PG_PORT" -U "$FB_PG_USER" -d "$FB_PG_DB" \
    -c "SELECT 'synchronous_commit=' || current_setting('synchronous_commit') || ', fsync=' || current_setting('fsync')"))"
}

# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------

# cpu_ticks PID...: CPU time (clock ticks) the processes and their direct children have used so far.
cpu_ticks() {
  local pid proc stat fields total=0
  for pid in "$@"; do
    for proc in "$pid" $(pgrep -P "$pid" || true); do
      stat="$(cat "/proc/$proc/stat" 2>/dev/null)" || continue
      read -r -a fields <<<"${stat##*) }"
      total=$(( total + fields[11] + fields[12] ))   # utime, stime (fields 14 and 15)
    done
  done
  printf '%s\n' "$total"
}

# settle: waits (30 s at most) until the servers use under 10% of a core over a second, so that what one run left
# behind (requests still in flight when wrk stopped) does not land in the next.
settle() {
  local pids=("$AM_PID" "$FB_PID") hz before after
  [[ -z "$FB_PG_PID" ]] || pids+=("$FB_PG_PID")
  hz="$(getconf CLK_TCK)"
  for _ in $(seq 1 30); do
    before="$(cpu_ticks "${pids[@]}")"
    sleep 1
    after="$(cpu_ticks "${pids[@]}")"
    (( (after - before) * 10 < hz )) && return 0
  done
}

# drive TARGET BATCH SECONDS LOGNAME: one wrk run; sets R_OK, R_ALERTS_S, R_P99_MS, R_ERRORS and R_ERROR_TEXT.
drive() {
  local target="$1" batch="$2" secs="$3" log="$RUN_DIR/wrk-$4.log" url line kv secret=() status=0
  local -A r=()
  if [[ "$target" == alertmanager ]]; then
    url="$AM_BASE/api/v2/alerts"
  else
    url="$FB_BASE/api/v1/integrations/alertmanager/alertmanager"
    secret=("$SECRET")
  fi
  settle
  wrk --threads "$WRK_THREADS" --connections "$CONNECTIONS" --duration "${secs}s" --timeout 30s --latency \
    --script "$LUA" "$url" -- "$target" "$batch" "$FINGERPRINTS" "$RUN_ID" "$STARTS_AT" "$WRK_THREADS" \
    "${secret[@]}" >"$log" 2>&1 </dev/null &
  WRK_PID=$!
  wait "$WRK_PID" || status=$?
  WRK_PID=""
  line="$(grep -m1 '^RESULT ' "$log")" || { cat "$log" >&2; fb_die "wrk gave no result (exit $status) against $target"; }
  for kv in ${line#RESULT }; do r[${kv%%=*}]="${kv#*=}"; done
  R_OK="${r[ok]}"
  R_ALERTS_S="$(awk -v ok="$R_OK" -v b="$batch" -v us="${r[duration_us]}" 'BEGIN { printf "%.1f", ok * b / (us / 1e6) }')"
  R_P99_MS="$(awk -v us="${r[p99_us]}" 'BEGIN { printf "%.3f", us / 1000 }')"
  R_ERRORS=$(( r[non2xx] + r[connect] + r[read] + r[write] + r[timeout] ))
  R_ERROR_TEXT=""
  if (( R_ERRORS )); then
    R_ERROR_TEXT="${r[non2xx]} not 2xx, ${r[connect]} connect, ${r[read]} read, ${r[write]} write errors, ${r[timeout]} over 30 s"
    if line="$(grep -m1 '^NON2XX ' "$log")"; then R_ERROR_TEXT+="; first: ${line#NON2XX }"; fi
  fi
}

# stored_counts: "FOUND SUM", how many of the group's alerts Firebreak's store has and the sum of their counts.
stored_counts() {
  local urls=() i
  for (( i = 0; i < FINGERPRINTS; i++ )); do
    urls+=("$FB_BASE/api/v1/integrations/alertmanager/alerts/$(fingerprint "$i")")
  done
  curl -sS --max-time 120 -H "@$RUN_DIR/read-back.header" -w '\n@status %{http_code}\n' "${urls[@]}" \
    | awk '/^@status 200$/ { found++ }
           match($0, /"count":[0-9]+/) { sum += substr($0, RSTART + 8, RLENGTH - 8) }
           END { printf "%d %.0f\n", found, sum }'
}

# fingerprint I: the fingerprint bench/alert-ingestion.lua gives alert I in Firebreak's payloads.
fingerprint() { printf '%s%08x' "$RUN_ID" "$1"; }

name_of() { if [[ "$1" == alertmanager ]]; then printf 'Alertmanager'; else printf 'Firebreak'; fi; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# fmt_rate X / fmt_ms X / fmt_ratio X: figures as the tables show them.
fmt_rate() { awk -v x="$1" 'BEGIN { printf "%.0f", x }'; }
fmt_ms() { awk -v x="$1" 'BEGIN { printf (x < 10 ? "%.2f" : x < 100 ? "%.1f" : "%.0f"), x }'; }
fmt_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { x = (b > 0) ? a / b : 0; printf (x >= 100 ? "%.0f" : "%.3g"), x }'; }

REPORT=""
say() { printf '%s\n' "$*"; REPORT+="$*"$'\n'; }
progress() { printf 'alert-ingestion: %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------

command -v wrk >/dev/null 2>&1 || ensure_apt_packages wrk
command -v prometheus-alertmanager >/dev/null 2>&1 || ensure_apt_packages prometheus-alertmanager
command -v curl >/dev/null 2>&1 || ensure_apt_packages curl
AM_BIN="$(command -v prometheus-alertmanager)"
fb_require_jdk
fb_ensure_jar
ensure_npm_packages "$FB_ROOT/devnet"   # what the launcher does before `up`: done here, so it is not timed as start-up
fb_ensure_app

mkdir -p "$FB_ROOT/bench/tmp"
RUN_DIR="$(mktemp -d "$FB_ROOT/bench/tmp/ingest.XXXXXX")"
RUN_ID="$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
STARTS_AT="$(date -u '+%Y-%m-%dT%H:%M:%SZ')"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
STORE_DESC="embedded H2 file (WRITE_DELAY=0)"
if [[ "$STORE" == postgres ]]; then
  start_postgres
  STORE_DESC="$PG_DESC"
fi
start_alertmanager
start_firebreak
progress "Alertmanager at $AM_BASE (pid $AM_PID), Firebreak at $FB_BASE (pid $FB_PID), store: $STORE_DESC"
progress "about $(( ${#BATCHES[@]} * (2 * WARMUP + 2 * ROUNDS * SECONDS_ROUND) )) s of load, plus a settling pause before each run"

declare -A RATE P99 BATCH_READ_BACK
FB_WARMUPS=""   # how many warm-ups Firebreak took, when more than one
ANSWERED=0
STORED=0
ERRORS=0
ERROR_LINES=()
SUMMARY=()

# run TARGET BATCH SECONDS LABEL: one wrk run (drive), its figures shown as it ends and its errors kept for the report.
run() {
  local label="$4"
  drive "$1" "$2" "$3" "$(tr -c 'a-z0-9\n' - <<<"$label $1")"
  progress "$label: $(name_of "$1"): $(fmt_rate "$R_ALERTS_S") alerts/s, p99 $(fmt_ms "$R_P99_MS") ms${R_ERROR_TEXT:+ ($R_ERROR_TEXT)}"
  if (( R_ERRORS )); then
    ERRORS=$(( ERRORS + R_ERRORS ))
    ERROR_LINES+=("- $label, $(name_of "$1"): $R_ERROR_TEXT")
  fi
}

for batch in "${BATCHES[@]}"; do
  run alertmanager "$batch" "$WARMUP" "$batch a request, warm-up"
  run firebreak "$batch" "$WARMUP" "$batch a request, warm-up"
  # The rounds are to send repeats only: while Firebreak still lacks some of the alerts (each new one opens or joins
  # an incident, far slower than a repeat), it warms up again.
  for (( extra = 1; ; extra++ )); do
    settle
    read -r found before <<<"$(stored_counts)"
    if (( found == FINGERPRINTS )); then
      (( extra == 1 )) || FB_WARMUPS+="${FB_WARMUPS:+, }$extra for $batch a request"
      break
    fi
    (( extra <= 5 )) || fb_die "after $(( WARMUP * extra )) s of warm-up Firebreak has $found of the $FINGERPRINTS alerts"
    progress "Firebreak has $found of the $FINGERPRINTS alerts yet; it warms up again"
    run firebreak "$batch" "$WARMUP" "$batch a request, warm-up $(( extra + 1 ))"
  done

  answered=0
  for (( round = 1; round <= ROUNDS; round++ )); do
    order=(alertmanager firebreak)
    (( round % 2 )) || order=(firebreak alertmanager)
    for target in "${order[@]}"; do
      run "$target" "$batch" "$SECONDS_ROUND" "$batch a request, round $round"
      RATE[$batch/$target/$round]="$R_ALERTS_S"
      P99[$batch/$target/$round]="$R_P99_MS"
      [[ "$target" == alertmanager ]] || answered=$(( answered + R_OK * batch ))
    done
  done
  settle
  read -r _ after <<<"$(stored_counts)"
  ANSWERED=$(( ANSWERED + answered ))
  STORED=$(( STORED + after - before ))
  BATCH_READ_BACK[$batch]="stored $(( after - before )) of answered $answered alerts"
done

# The report: one table per batch size, then the ratios and the read-back.
am_holds="$(curl -sS --max-time 30 "$AM_BASE/api/v2/alerts?filter=run%3D%22$RUN_ID%22" | grep -o '"fingerprint"' | wc -l)"
commit="$(git -C "$FB_ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
[[ -z "$(git -C "$FB_ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ]] || commit+=" (src/ or pom.xml changed since)"
HEADER=(
  "- commit: $commit; JDK: $("$FB_JAVA" -version 2>&1 | sed -n 2p); JVM options: \`$JVM_OPTS\`"
  "- Alertmanager: $("$AM_BIN" --version 2>&1 | awk 'NR == 1' || true) (alerts in memory); wrk: $(wrk --version 2>&1 | awk 'NR == 1 { print $2 }' || true), $WRK_THREADS threads"
  "- machine: nproc $(nproc), $(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GB RAM, load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; servers and wrk on the same machine"
  "- Firebreak's store: $STORE_DESC; each answer comes after the commit"
  "- $CONNECTIONS connections, $SECONDS_ROUND s a round, $ROUNDS round$( (( ROUNDS == 1 )) || printf s) per batch size, interleaved (who goes first alternates), one group of $FINGERPRINTS alerts"
  "- rounds are repeats: before them a $WARMUP s warm-up per server${FB_WARMUPS:+ (Firebreak took $FB_WARMUPS)} created the alerts (in Firebreak each opened or joined an incident); the rounds re-send them, as Alertmanager does all day"
)
printf '\n'
for line in "${HEADER[@]}"; do printf '%s\n' "$line"; done
for batch in "${BATCHES[@]}"; do
  say ""
  if (( batch == 1 )); then say "### 1 alert a request"; else say "### $batch alerts a request"; fi
  say ""
  say "| round | first | Alertmanager alerts/s | Alertmanager p99 ms | Firebreak alerts/s | Firebreak p99 ms |"
  say "| --- | --- | ---: | ---: | ---: | ---: |"
  rates_am=(); rates_fb=(); p99_am=(); p99_fb=()
  for (( round = 1; round <= ROUNDS; round++ )); do
    first=Alertmanager; (( round % 2 )) || first=Firebreak
    rates_am+=("${RATE[$batch/alertmanager/$round]}"); p99_am+=("${P99[$batch/alertmanager/$round]}")
    rates_fb+=("${RATE[$batch/firebreak/$round]}"); p99_fb+=("${P99[$batch/firebreak/$round]}")
    say "| $round | $first | $(fmt_rate "${rates_am[-1]}") | $(fmt_ms "${p99_am[-1]}") | $(fmt_rate "${rates_fb[-1]}") | $(fmt_ms "${p99_fb[-1]}") |"
  done
  m_rate_am="$(median "${rates_am[@]}")"; m_rate_fb="$(median "${rates_fb[@]}")"
  m_p99_am="$(median "${p99_am[@]}")"; m_p99_fb="$(median "${p99_fb[@]}")"
  say "| median | | $(fmt_rate "$m_rate_am") | $(fmt_ms "$m_p99_am") | $(fmt_rate "$m_rate_fb") | $(fmt_ms "$m_p99_fb") |"
  say ""
  ratio="Firebreak/Alertmanager, $batch a request: alerts/s $(fmt_ratio "$m_rate_fb" "$m_rate_am") (higher is better), p99 $(fmt_ratio "$m_p99_fb" "$m_p99_am") (lower is better)"
  SUMMARY+=("$ratio")
  say "$ratio; read back: ${BATCH_READ_BACK[$batch]}"
done
say ""
for line in "${SUMMARY[@]}"; do say "- $line"; done
if (( STORED >= ANSWERED )); then
  read_back="read back: stored $STORED of answered $ANSWERED alerts (all stored)"
  (( STORED == ANSWERED )) || read_back+="; $(( STORED - ANSWERED )) more were in flight when wrk stopped"
else
  read_back="read back: stored $STORED of answered $ANSWERED alerts ($(( ANSWERED - STORED )) MISSING)"
fi
say "- $read_back"
say "- Alertmanager holds $am_holds of the $FINGERPRINTS alerts"
if (( ERRORS )); then
  say "- ERRORS: $ERRORS requests failed (their alerts are not counted):"
  for line in "${ERROR_LINES[@]}"; do say "  $line"; done
else
  say "- errors: none (every request answered 2xx, no socket error)"
fi

if (( RECORD )); then
  # shellcheck disable=SC2016  # the backquotes are Markdown's
  [[ -f "$RESULTS" ]] || printf '# Alert ingestion results\n\nAppended by `bench/alert-ingestion.sh`; see bench/README.md.\n' >"$RESULTS"
  {
    printf '\n## %s: Firebreak and Alertmanager, side by side\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf '%s\n' "${HEADER[@]}"
    printf '%s' "$REPORT"
  } >>"$RESULTS"
  printf '\nappended to %s\n' "${RESULTS#"$FB_ROOT"/}"
fi
(( STORED >= ANSWERED )) || fb_die "$read_back"
