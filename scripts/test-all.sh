#!/usr/bin/env bash
# The whole Firebreak test suite (README and CI run it as `./firebreak test`), through the Maven wrapper:
#   1. `./mvnw -B verify` on H2: the unit tier (Surefire, `mvn test`) and the integration tier (Failsafe)
#   2. `./mvnw -B verify` on PostgreSQL 15 (FIREBREAK_TEST_DB=postgres): the integration tier; its test JVM
#      starts a throwaway cluster from a Maven artifact (src/test/java/org/firebreak/support/TestPostgres.java)
# then the totals Surefire and Failsafe print themselves, the time of each run and one closing line
#   Total: N passed, N failed, N skipped
# Exits non-zero when any run failed. Each run's Maven log and reports are kept under target/test-all/<run>/.
set -euo pipefail

FB_ROOT="${FB_ROOT:-$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)}"
# shellcheck source=scripts/lib.sh
source "$FB_ROOT/scripts/lib.sh"

RUNS_DIR="$FB_ROOT/target/test-all"

usage() {
  cat <<'USAGE'
usage: ./firebreak test [--h2-only | --pg-only] [mvn args...]

Runs `./mvnw -B verify` on H2 (unit and integration tiers), then the integration
tier again on a throwaway PostgreSQL 15 (127.0.0.1, free port, removed afterwards;
the server comes from a Maven artifact), and prints the totals and the times.

  --h2-only     only the H2 run
  --pg-only     only the PostgreSQL run
  mvn args      anything else is passed to both runs, e.g. -Dtest=IncidentTest,StoreTests
                -Dsurefire.failIfNoSpecifiedTests=false (named tests run in Surefire,
                whatever their tier)
USAGE
}

# maven_totals LOG -> "tests failures errors skipped" of Surefire, then of Failsafe, from the summary line each
# plugin prints after its "Results:"; zeros for a plugin that did not run.
maven_totals() {
  awk '
    /--- (maven-)?surefire(-plugin)?:/ { plugin = "surefire" }
    /--- (maven-)?failsafe(-plugin)?:/ { plugin = "failsafe" }
    /^\[[A-Z]+\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+(, Flakes: [0-9]+)?$/ {
      line = $0; sub(/^\[[A-Z]+\] /, "", line); gsub(/[^0-9,]/, "", line); split(line, n, ",")
      t[plugin] = n[1]; f[plugin] = n[2]; e[plugin] = n[3]; s[plugin] = n[4]
    }
    END {
      printf "%d %d %d %d %d %d %d %d\n", t["surefire"], f["surefire"], e["surefire"], s["surefire"],
        t["failsafe"], f["failsafe"], e["failsafe"], s["failsafe"]
    }
  ' "$1" 2>/dev/null || echo "0 0 0 0 0 0 0 0"
}

# minutes SECONDS -> "12m 05s"
minutes() { printf '%dm %02ds' $(( $1 / 60 )) $(( $1 % 60 )); }

# run_suite LABEL [VAR=VALUE...] [-- mvn args of this run...] -> ./mvnw verify with that environment; keeps its
# log and reports under RUNS_DIR/LABEL, records the exit status and the duration there.
run_suite() {
  local label="$1" status start env_vars=() extra=()
  shift
  while (( $# )) && [[ "$1" != -- ]]; do env_vars+=("$1"); shift; done
  if (( $# )); then shift; extra=("$@"); fi
  local out="$RUNS_DIR/$label"
  mkdir -p "$out"
  rm -rf "$FB_ROOT/target/surefire-reports" "$FB_ROOT/target/failsafe-reports"
  printf '\n==> [%s] ./mvnw -B verify %s\n' "$label" "${extra[*]:-} ${MVN_ARGS[*]:-}" >&2
  start=$SECONDS
  set +e
  env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD "${env_vars[@]}" \
    "$FB_ROOT/mvnw" -B -ntp -Dstyle.color=never -Dmaven.test.failure.ignore=true -f "$FB_ROOT/pom.xml" verify \
    "${extra[@]}" "${MVN_ARGS[@]}" \
    </dev/null 2>&1 | tee "$out/mvn.log"
  status="${PIPESTATUS[0]}"
  set -e
  echo "$status" >"$out/mvn-exit"
  echo $(( SECONDS - start )) >"$out/seconds"
  printf '==> [%s] done in %s (mvn exit %s)\n' "$label" "$(minutes $(( SECONDS - start )))" "$status" >&2
  local kind
  for kind in surefire-reports failsafe-reports; do
    rm -rf "${out:?}/$kind"
    if [[ -d "$FB_ROOT/target/$kind" ]]; then cp -a "$FB_ROOT/target/$kind" "$out/$kind"; fi
  done
  return 0
}

# summarize LABEL... -> per-run lines, the time, the closing Total line; returns 1 if any failed.
summarize() {
  local label total_pass=0 total_fail=0 total_skip=0 total_secs=0 any_failed=0
  local t f e s st sf se ss ft ff fe fs status secs passed failed note
  printf '\n==> Test summary\n'
  for label in "$@"; do
    local out="$RUNS_DIR/$label"
    read -r st sf se ss ft ff fe fs < <(maven_totals "$out/mvn.log")
    t=$(( st + ft )); f=$(( sf + ff )); e=$(( se + fe )); s=$(( ss + fs ))
    status="$(cat "$out/mvn-exit" 2>/dev/null || echo 1)"
    secs="$(cat "$out/seconds" 2>/dev/null || echo 0)"
    passed=$(( t - f - e - s ))
    failed=$(( f + e ))
    note=""
    if [[ "$status" != 0 ]] && (( failed == 0 )); then
      # Maven failed outside the tests (compile error, a plugin, a broken start):
      # count it as one failure so the closing line never reads "0 failed" then.
      failed=1
      note="  (mvn exited $status before or after the tests; counted as 1 failed)"
    fi
    if [[ "$status" != 0 ]] || (( failed > 0 )); then any_failed=1; fi
    printf '%-9s surefire: %d tests, %d failures, %d errors, %d skipped | failsafe: %d tests, %d failures, %d errors, %d skipped | mvn exit %s, %s%s\n' \
      "$label" "$st" "$sf" "$se" "$ss" "$ft" "$ff" "$fe" "$fs" "$status" "$(minutes "$secs")" "$note"
    total_pass=$(( total_pass + passed ))
    total_fail=$(( total_fail + failed ))
    total_skip=$(( total_skip + s ))
    total_secs=$(( total_secs + secs ))
  done
  printf 'Reports: %s/<run>/{mvn.log,surefire-reports,failsafe-reports}\n' "${RUNS_DIR#"$FB_ROOT"/}"
  printf 'Time: %s on %s cores\n' "$(minutes "$total_secs")" "$(nproc 2>/dev/null || echo '?')"
  printf 'Total: %d passed, %d failed, %d skipped\n' "$total_pass" "$total_fail" "$total_skip"
  return "$any_failed"
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
  fb_log "JDK: $JAVA_HOME ($FB_JAVA_MAJOR); $("$FB_ROOT/mvnw" -v </dev/null 2>/dev/null | head -n1 | sed 's/\x1b\[[0-9;]*m//g')"

  # ---- system dependencies of the suite: add new ones in scripts/lib.sh ----------
  # (PostgreSQL is not one: the tests start it from a Maven artifact.)
  ensure_pdf_test_deps                # pdftotext (poppler-utils) for the review PDF export tests
  ensure_browser_test_deps            # chromium + chromium-driver for the console's Selenium tests
  ensure_npm_packages "$FB_ROOT/devnet"   # anvil + contract artifacts for the devnet tests
  export FIREBREAK_HOME="$FB_ROOT"

  trap 'exit 130' INT
  trap 'exit 143' TERM
  rm -rf "$RUNS_DIR"
  mkdir -p "$RUNS_DIR"

  local labels=() named=0 arg
  for arg in "${MVN_ARGS[@]}"; do
    if [[ "$arg" == -Dtest=* ]]; then named=1; fi
  done
  if (( run_h2 )); then
    labels+=(h2)
    run_suite h2 FIREBREAK_TEST_DB=h2
  fi
  if (( run_pg )); then
    labels+=(postgres)
    if (( named )); then
      run_suite postgres FIREBREAK_TEST_DB=postgres
    else
      # The unit tier touches no store and the H2 run has run it: here only the integration tier.
      run_suite postgres FIREBREAK_TEST_DB=postgres -- -Dfirebreak.unit.skip=true
    fi
  fi

  summarize "${labels[@]}"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
