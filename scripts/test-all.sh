#!/usr/bin/env bash
# The whole Firebreak test suite (README and CI run it as `./firebreak test`):
#   1. `mvn -B verify` on H2                      (FIREBREAK_TEST_DB=h2)
#   2. `mvn -B verify` on a throwaway PostgreSQL  (FIREBREAK_TEST_DB=postgres)
# then the Surefire/Failsafe totals of each run and one closing line
#   Total: N passed, N failed, N skipped
# Exits non-zero when any run failed. Reports of each run are kept under
# target/test-all/<h2|postgres>/.
set -euo pipefail

FB_ROOT="${FB_ROOT:-$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)}"
# shellcheck source=scripts/lib.sh
source "$FB_ROOT/scripts/lib.sh"

RUNS_DIR="$FB_ROOT/target/test-all"

usage() {
  cat <<'EOF'
usage: ./firebreak test [--h2-only | --pg-only] [mvn args...]

Runs `mvn -B verify` on H2, then again against a throwaway PostgreSQL 15 cluster
(127.0.0.1, free port, removed afterwards), and prints the totals.

  --h2-only     only the H2 run
  --pg-only     only the PostgreSQL run
  mvn args      anything else is passed to both mvn runs, e.g. -Dtest=IncidentTests
                -Dsurefire.failIfNoSpecifiedTests=false
EOF
}

# report_totals DIR... -> "tests failures errors skipped" summed over DIR/TEST-*.xml
report_totals() {
  local files=() d
  for d in "$@"; do
    [[ -d "$d" ]] || continue
    shopt -s nullglob
    files+=("$d"/TEST-*.xml)
    shopt -u nullglob
  done
  if (( ${#files[@]} == 0 )); then
    echo "0 0 0 0"
    return 0
  fi
  awk '
    function attr(tag, name,   m) {
      if (match(tag, "[ \t\n]" name "=\"[0-9]+\"")) {
        m = substr(tag, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0
      }
      return 0
    }
    FNR == 1 { tag = ""; grab = 0; done = 0 }
    done { next }
    {
      line = $0
      if (!grab) {
        i = index(line, "<testsuite")
        if (i == 0 || substr(line, i + 10, 1) == "s") next   # skip <testsuites>
        line = substr(line, i); grab = 1
      }
      j = index(line, ">")
      if (j) { tag = tag " " substr(line, 1, j); grab = 0; done = 1
               t += attr(tag, "tests"); f += attr(tag, "failures")
               e += attr(tag, "errors"); s += attr(tag, "skipped") }
      else tag = tag " " line
    }
    END { printf "%d %d %d %d\n", t, f, e, s }
  ' "${files[@]}"
}

# run_suite LABEL [VAR=VALUE...] -> runs mvn verify with that environment, keeps
# its reports under RUNS_DIR/LABEL, records the exit status and duration there.
run_suite() {
  local label="$1" status=0 start
  shift
  local out="$RUNS_DIR/$label"
  mkdir -p "$out"
  rm -rf "$FB_ROOT/target/surefire-reports" "$FB_ROOT/target/failsafe-reports"
  printf '\n==> [%s] mvn -B verify %s\n' "$label" "${MVN_ARGS[*]:-}" >&2
  start=$SECONDS
  env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
    "$@" mvn -B -ntp -Dstyle.color=never -f "$FB_ROOT/pom.xml" verify "${MVN_ARGS[@]}" </dev/null || status=$?
  echo "$status" >"$out/mvn-exit"
  echo $(( SECONDS - start )) >"$out/seconds"
  local kind
  for kind in surefire-reports failsafe-reports; do
    rm -rf "${out:?}/$kind"
    if [[ -d "$FB_ROOT/target/$kind" ]]; then cp -a "$FB_ROOT/target/$kind" "$out/$kind"; fi
  done
  return 0
}

# A run that could not even start (e.g. PostgreSQL failed): no reports, exit 1.
record_broken_run() {
  local label="$1" why="$2"
  mkdir -p "$RUNS_DIR/$label"
  echo 1 >"$RUNS_DIR/$label/mvn-exit"
  echo 0 >"$RUNS_DIR/$label/seconds"
  echo "$why" >"$RUNS_DIR/$label/broken"
}

# summarize LABEL... -> per-run lines, the closing Total line; returns 1 if any failed.
summarize() {
  local label total_pass=0 total_fail=0 total_skip=0 any_failed=0
  local t f e s st sf se ss ft ff fe fs status secs passed failed note
  printf '\n==> Test summary\n'
  for label in "$@"; do
    local out="$RUNS_DIR/$label"
    read -r st sf se ss < <(report_totals "$out/surefire-reports")
    read -r ft ff fe fs < <(report_totals "$out/failsafe-reports")
    t=$(( st + ft )); f=$(( sf + ff )); e=$(( se + fe )); s=$(( ss + fs ))
    status="$(cat "$out/mvn-exit" 2>/dev/null || echo 1)"
    secs="$(cat "$out/seconds" 2>/dev/null || echo 0)"
    passed=$(( t - f - e - s ))
    failed=$(( f + e ))
    note=""
    if [[ -f "$out/broken" ]]; then
      note="  ($(cat "$out/broken"))"
    fi
    if [[ "$status" != 0 ]] && (( failed == 0 )); then
      # Maven failed outside the tests (compile error, a plugin, a broken start):
      # count it as one failure so the closing line never reads "0 failed" then.
      failed=1
      note="${note:-  (mvn exited $status before or after the tests; counted as 1 failed)}"
    fi
    if [[ "$status" != 0 ]] || (( failed > 0 )); then any_failed=1; fi
    printf '%-9s surefire: %d tests, %d failures, %d errors, %d skipped | failsafe: %d tests, %d failures, %d errors, %d skipped | mvn exit %s, %ss%s\n' \
      "$label" "$st" "$sf" "$se" "$ss" "$ft" "$ff" "$fe" "$fs" "$status" "$secs" "$note"
    total_pass=$(( total_pass + passed ))
    total_fail=$(( total_fail + failed ))
    total_skip=$(( total_skip + s ))
  done
  printf 'Reports: %s/<run>/{surefire,failsafe}-reports\n' "${RUNS_DIR#"$FB_ROOT"/}"
  printf 'Total: %d passed, %d failed, %d skipped\n' "$total_pass" "$total_fail" "$total_skip"
  return "$any_failed"
}

cleanup() {
  fb_pg_stop
}

main() {
  local run_h2=1 run_pg=1
  MVN_ARGS=()
  while (( $# )); do
    case "$1" in
      --h2-only) run_pg=0 ;;
      --pg-only) run_h2=0 ;;
      -h | --help) usage; return 0 ;;
      --) shift; MVN_ARGS+=("$@"); break ;;
      *) MVN_ARGS+=("$1") ;;
    esac
    shift
  done
  if (( run_h2 == 0 && run_pg == 0 )); then
    fb_die "--h2-only and --pg-only together leave nothing to run"
  fi

  fb_require_jdk
  command -v mvn >/dev/null 2>&1 || fb_die "mvn not found on PATH; install Maven 3.8+"
  fb_log "JDK: $JAVA_HOME ($FB_JAVA_MAJOR); $(mvn -v 2>/dev/null | head -n1 | sed 's/\x1b\[[0-9;]*m//g')"

  # ---- system dependencies of the suite: add new ones in scripts/lib.sh ----------
  if (( run_pg )); then ensure_postgres_server; fi
  ensure_pdf_test_deps                # pdftotext (poppler-utils) for the review PDF export tests
  ensure_browser_test_deps            # chromium + chromium-driver for the console's Selenium tests
  ensure_npm_packages "$FB_ROOT/devnet"   # anvil + contract artifacts for the devnet tests
  export FIREBREAK_HOME="$FB_ROOT"

  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  rm -rf "$RUNS_DIR"
  mkdir -p "$RUNS_DIR"

  local labels=()
  if (( run_h2 )); then
    labels+=(h2)
    run_suite h2 FIREBREAK_TEST_DB=h2
  fi
  if (( run_pg )); then
    labels+=(postgres)
    if fb_pg_start; then
      # Spring keeps every test context (each with its own connection pool) open for reuse, some 25 of them: 5
      # connections each keep them all well within the cluster's max_connections.
      run_suite postgres FIREBREAK_TEST_DB=postgres \
        SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$FB_PG_PORT/$FB_PG_DB" \
        SPRING_DATASOURCE_USERNAME="$FB_PG_USER" \
        SPRING_DATASOURCE_PASSWORD="$FB_PG_PASSWORD" \
        SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE=5
    else
      record_broken_run postgres "PostgreSQL test cluster did not start"
    fi
    fb_pg_stop
  fi

  summarize "${labels[@]}"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
