#!/usr/bin/env bash
# Catch-up: the block follower catching up EntryPoint events, against raw eth_getLogs on the same node in the same
# run (issue 13; see bench/README.md).
#
# Runs src/test/java/org/firebreak/chain/CatchUpBenchmark.java through Maven (offline): it starts the test devnet
# (anvil, chain 138, the stack deployed), sends BLOCKS handleOps bundles of OPS user operations (one bundle a block),
# then times, in ROUNDS interleaved rounds, (a) eth_getLogs for the EntryPoint over those blocks in the follower's
# chunks, (b) the follower of a warm Firebreak catching them up from an empty store, (c) the same in a new JVM
# (cold). Every follower run must store as many EntryPoint events as eth_getLogs returned, or the run fails. Prints
# each round, the medians in events/s and the ratios follower/raw against the goal (>= 0.8x); appends the report to
# bench/results/catch-up.md unless --no-record.
#
# usage: bench/catch-up.sh [options]
#   --blocks N     handleOps bundles (blocks) to catch up (default 1000)
#   --ops N        user operations a bundle, one of them failing (default 8)
#   --rounds N     timed rounds (default 3)
#   --range N      the follower's follow.maxBlockRange, and the raw chunks (default 2000, the profile's default)
#   --rpm N        the follower's rate limit for the node, requests/min (default 1000000: an operator's own node)
#   --store S      h2 (the embedded file, default) or postgres (a throwaway PostgreSQL 15)
#   --no-record    print the report only
# JVM options of both Firebreak JVMs: FIREBREAK_JAVA_OPTS when set, else the launcher's default for `up`.
set -euo pipefail

FB_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
export FB_ROOT
# shellcheck source=scripts/lib.sh
source "$FB_ROOT/scripts/lib.sh"

BLOCKS=1000
OPS=8
ROUNDS=3
RANGE=2000
RPM=1000000
STORE=h2
RECORD=1
RESULTS="$FB_ROOT/bench/results/catch-up.md"

usage() { sed -n '2,/^set -euo pipefail$/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

while (( $# )); do
  case "$1" in
    --blocks) BLOCKS="${2:-}"; shift ;;
    --ops) OPS="${2:-}"; shift ;;
    --rounds) ROUNDS="${2:-}"; shift ;;
    --range) RANGE="${2:-}"; shift ;;
    --rpm) RPM="${2:-}"; shift ;;
    --store) STORE="${2:-}"; shift ;;
    --no-record) RECORD=0 ;;
    -h | --help) usage; exit 0 ;;
    *) fb_die "unknown option: $1 (try --help)" ;;
  esac
  shift
done
[[ "$STORE" == h2 || "$STORE" == postgres ]] || fb_die "--store is h2 or postgres, not $STORE"

ensure_npm_packages "$FB_ROOT/devnet"
fb_require_jdk
export JAVA_HOME="${FB_JAVA%/bin/java}"

if [[ -n "${FIREBREAK_JAVA_OPTS+set}" ]]; then JVM_OPTS="$FIREBREAK_JAVA_OPTS"; else JVM_OPTS="$(fb_default_up_java_opts)"; fi
mkdir -p "$FB_ROOT/bench/tmp"
RUN_DIR="$(mktemp -d "$FB_ROOT/bench/tmp/catch-up.XXXXXX")"
PG_STARTED=0
cleanup() {
  (( PG_STARTED == 0 )) || fb_pg_stop || true
  rm -rf -- "$RUN_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

STORE_ENV=(env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD)
STORE_DESC="embedded H2 file"
if [[ "$STORE" == postgres ]]; then
  ensure_postgres_server
  fb_pg_start
  PG_STARTED=1
  STORE_ENV+=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$FB_PG_PORT/$FB_PG_DB"
    SPRING_DATASOURCE_USERNAME="$FB_PG_USER" SPRING_DATASOURCE_PASSWORD="$FB_PG_PASSWORD")
  STORE_DESC="PostgreSQL $("$(fb_pg_bindir)/postgres" --version | awk '{print $3}') throwaway cluster (the test suite's)"
fi

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
status=0
"${STORE_ENV[@]}" mvn -B -q -ntp -o -Dstyle.color=never -f "$FB_ROOT/pom.xml" test \
  -Dtest=CatchUpBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DtrimStackTrace=false \
  "-DargLine=$JVM_OPTS" \
  "-Dfirebreak.bench.catch-up.blocks=$BLOCKS" "-Dfirebreak.bench.catch-up.ops=$OPS" \
  "-Dfirebreak.bench.catch-up.rounds=$ROUNDS" "-Dfirebreak.bench.catch-up.range=$RANGE" \
  "-Dfirebreak.bench.catch-up.rpm=$RPM" "-Dfirebreak.bench.catch-up.java-opts=$JVM_OPTS" \
  "-Dfirebreak.bench.catch-up.report=$RUN_DIR/report.md" \
  </dev/null >"$RUN_DIR/mvn.log" 2>&1 || status=$?
grep -E '^(generated|warm-up|round) ' "$RUN_DIR/mvn.log" || true
if (( status != 0 )) || [[ ! -s "$RUN_DIR/report.md" ]]; then
  tail -n 60 "$RUN_DIR/mvn.log" >&2
  fb_die "the catch-up benchmark failed (mvn exit $status)"
fi

commit="$(git -C "$FB_ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
[[ -z "$(git -C "$FB_ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ]] || commit+=" (src/ or pom.xml changed since)"
HEADER=(
  "- commit: $commit; JDK: $("$FB_JAVA" -version 2>&1 | sed -n 2p); JVM options (both Firebreak JVMs): \`$JVM_OPTS\`"
  "- machine: nproc $(nproc), $(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GB RAM, load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; $("$FB_ROOT/devnet/node_modules/.bin/anvil" --version 2>/dev/null | awk 'NR == 1' || true) on the same machine"
  "- Firebreak's store: $STORE_DESC; $ROUNDS rounds, interleaved (raw, warm, cold; then cold, warm, raw)"
)
printf '\n'
printf '%s\n' "${HEADER[@]}"
printf '%s\n' "$(cat "$RUN_DIR/report.md")"

if (( RECORD )); then
  # shellcheck disable=SC2016  # the backquotes are Markdown's
  [[ -f "$RESULTS" ]] || printf '# Catch-up results\n\nAppended by `bench/catch-up.sh`; see bench/README.md.\n' >"$RESULTS"
  {
    printf '\n## %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf '%s\n' "${HEADER[@]}"
    cat "$RUN_DIR/report.md"
  } >>"$RESULTS"
  printf '\nappended to %s\n' "${RESULTS#"$FB_ROOT"/}"
fi
