# shellcheck shell=bash
# Shared shell functions for the Firebreak tooling: ./firebreak, scripts/test-all.sh,
# bench/footprint.sh. Source it; it defines functions and FB_ROOT, nothing else runs.
#
# Every function prints its diagnostics to stderr prefixed with "firebreak:" and
# returns non-zero on failure, so callers running under `set -euo pipefail` stop.

FB_ROOT="${FB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
FB_JAR="$FB_ROOT/target/firebreak.jar"
FB_MIN_JAVA=21

fb_log() { printf 'firebreak: %s\n' "$*" >&2; }
fb_die() { fb_log "$*"; exit 1; }

# ---------------------------------------------------------------------------
# JDK detection
# ---------------------------------------------------------------------------

# fb_java_major JAVA_BIN -> prints the feature version (8, 17, 21, 25...) or nothing.
fb_java_major() {
  local bin="$1" line ver
  [[ -x "$bin" ]] || return 1
  line="$("$bin" -version 2>&1 | grep -m1 -E 'version "[^"]+"')" || return 1
  ver="${line#*version \"}"
  ver="${ver%%\"*}"
  # "1.8.0_392" -> 8 ; "17.0.15" -> 17 ; "25" / "25-ea" -> 25
  if [[ "$ver" == 1.* ]]; then ver="${ver#1.}"; fi
  ver="${ver%%[!0-9]*}"
  [[ -n "$ver" ]] || return 1
  printf '%s\n' "$ver"
}

# fb_find_jdk -> prints the home of a JDK >= FB_MIN_JAVA: $JAVA_HOME if it qualifies,
# else the highest-versioned /usr/lib/jvm/* (FB_JVM_DIRS may override, for tests).
fb_find_jdk() {
  local major best="" best_major=0 dir home
  if [[ -n "${JAVA_HOME:-}" ]]; then
    major="$(fb_java_major "$JAVA_HOME/bin/java" 2>/dev/null || true)"
    if [[ -n "$major" ]] && (( major >= FB_MIN_JAVA )); then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  local seen=" "
  for dir in ${FB_JVM_DIRS:-/usr/lib/jvm/*}; do
    [[ -x "$dir/bin/java" ]] || continue
    home="$(cd "$dir" && pwd -P)"   # symlinked aliases resolve to one JDK
    [[ "$seen" != *" $home "* ]] || continue
    seen+="$home "
    major="$(fb_java_major "$home/bin/java" 2>/dev/null || true)"
    [[ -n "$major" ]] || continue
    if (( major >= FB_MIN_JAVA && major > best_major )); then
      best="$home"
      best_major="$major"
    fi
  done
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

# fb_require_jdk -> exports JAVA_HOME (and puts its bin first on PATH, for mvn and
# for anything it forks) or prints one line and exits 1.
fb_require_jdk() {
  local home
  if ! home="$(fb_find_jdk)"; then
    printf 'firebreak: no JDK %s or newer found (looked at JAVA_HOME and /usr/lib/jvm/*); install one or set JAVA_HOME\n' \
      "$FB_MIN_JAVA" >&2
    exit 1
  fi
  export JAVA_HOME="$home"
  export PATH="$JAVA_HOME/bin:$PATH"
  FB_JAVA="$JAVA_HOME/bin/java"
  FB_JAVA_MAJOR="$(fb_java_major "$FB_JAVA")"
  # Maven 3.8's bundled Guava calls sun.misc.Unsafe, which JDK 24+ warns about on every
  # mvn start; allow it quietly (the flag exists from JDK 23; affects Maven's JVM only).
  if (( FB_JAVA_MAJOR >= 23 )) && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}

# ---------------------------------------------------------------------------
# Building the jar
# ---------------------------------------------------------------------------

# fb_jar_is_stale -> true when target/firebreak.jar is missing or older than pom.xml
# or anything (file or directory, so deletions count too) under src/main.
fb_jar_is_stale() {
  [[ -f "$FB_JAR" ]] || return 0
  [[ "$FB_ROOT/pom.xml" -nt "$FB_JAR" ]] && return 0
  if [[ -d "$FB_ROOT/src/main" ]] \
     && [[ -n "$(find "$FB_ROOT/src/main" -newer "$FB_JAR" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  return 1
}

# fb_ensure_jar -> builds the jar when stale, with the Maven wrapper. Needs fb_require_jdk first.
fb_ensure_jar() {
  fb_jar_is_stale || return 0
  printf 'firebreak: building firebreak.jar…\n' >&2
  if ! "$FB_ROOT/mvnw" -B -q -ntp -DskipTests -f "$FB_ROOT/pom.xml" package >&2 </dev/null; then
    fb_die "build failed (./mvnw -B -q -DskipTests package); see the Maven output above"
  fi
  [[ -f "$FB_JAR" ]] || fb_die "build finished but $FB_JAR is missing"
  # Maven may leave the jar untouched when nothing compiled changed (e.g. a touched
  # directory): mark it fresh so the next launch does not rebuild again.
  touch "$FB_JAR"
}

# The jar, extracted (no nested-jar class loading) with a class-data-sharing archive made by a
# training run that stops once the context is refreshed: start->UP ~5.5 s -> ~2.5 s on 2 cores
# (bench/README.md). Redone when the jar or the JDK changes; without it the fat jar runs as before.
FB_APP_DIR="$FB_ROOT/target/app"
FB_APP_JAR="$FB_APP_DIR/firebreak.jar"
FB_APP_CDS="$FB_APP_DIR/firebreak.jsa"

fb_ensure_app() {
  local stamp="$FB_APP_DIR/.built-from" want
  want="$FB_JAR $FB_JAVA $(stat -c %Y "$FB_JAR")"
  if [[ -f "$FB_APP_JAR" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  printf 'firebreak: preparing the start-up cache (once per build)…\n' >&2
  rm -rf "$FB_APP_DIR"
  if ! "$FB_JAVA" -Djarmode=tools -jar "$FB_JAR" extract --destination "$FB_APP_DIR" >/dev/null 2>&1; then
    rm -rf "$FB_APP_DIR"
    return 0
  fi
  local scratch
  scratch="$(mktemp -d)"
  # A training run: the whole context starts (no devnet: the profile does not exist) and exits.
  FIREBREAK_RPC_URL="" FIREBREAK_CHAIN_PROFILE="$scratch/none.yml" \
    "$FB_JAVA" -XX:ArchiveClassesAtExit="$FB_APP_CDS" -Dspring.context.exit=onRefresh \
    -jar "$FB_APP_JAR" up --port 0 --data-dir "$scratch/data" --config-dir "$scratch/config" \
    >"$scratch/training.log" 2>&1 </dev/null || true
  rm -rf "$scratch"
  printf '%s' "$want" >"$stamp"
}

# fb_app_java_opts -> JVM options that use the extracted jar's class-data-sharing archive, if any.
fb_app_java_opts() {
  if [[ -f "$FB_APP_CDS" ]]; then
    printf '%s\n' "-XX:SharedArchiveFile=$FB_APP_CDS -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# JVM options used for `up` when FIREBREAK_JAVA_OPTS is not set at all (set it, even
# to an empty string, to replace them). Measured with bench/footprint.sh on 2 cores
# (bench/README.md): SerialGC + a small initial heap cut idle RSS ~304 -> ~183 MB
# (the heap still grows to the JVM's default maximum under load); C1 only
# (TieredStopAtLevel=1) cuts start->UP ~5.4 -> ~4.3 s. All valid on JDK 21+.
fb_default_up_java_opts() {
  printf '%s\n' "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m"
}

# ---------------------------------------------------------------------------
# Networking helpers
# ---------------------------------------------------------------------------

# fb_free_port -> a TCP port on 127.0.0.1 that nothing listens on right now.
fb_free_port() {
  local py port
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1; then
      port="$("$py" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null)" || port=""
      if [[ -n "$port" ]]; then printf '%s\n' "$port"; return 0; fi
    fi
  done
  # No python: probe random high ports; "connection refused" means free.
  for _ in $(seq 1 200); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  fb_log "could not find a free TCP port"
  return 1
}

# fb_http_get URL -> body on stdout; non-zero when unreachable or not 2xx.
fb_http_get() {
  local url="$1"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 2 "$url" 2>/dev/null
    return
  fi
  # Fallback: plain HTTP/1.0 over bash's /dev/tcp (loopback only, no TLS).
  local rest host port path status
  rest="${url#http://}"
  host="${rest%%/*}"
  path="/${rest#*/}"
  [[ "$rest" == */* ]] || path="/"
  port="${host##*:}"
  host="${host%%:*}"
  [[ "$port" != "$host" ]] || port=80
  {
    exec 3<>"/dev/tcp/$host/$port" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$host" >&3
    local response
    response="$(timeout 2 cat <&3)" || true
    exec 3<&-
    status="$(printf '%s' "$response" | head -n1 | awk '{print $2}')"
    [[ "$status" == 2* ]] || return 1
    printf '%s' "$response" | sed '1,/^\r\{0,1\}$/d'
  } 2>/dev/null
}

# ---------------------------------------------------------------------------
# System packages
# ---------------------------------------------------------------------------

# fb_pkg_installed PKG -> true when dpkg says "install ok installed".
fb_pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_apt_packages PKG... -> installs only the packages that are missing (Debian).
# Runs `apt-get update` once per process, the first time something is missing.
ensure_apt_packages() {
  local missing=() pkg sudo=()
  command -v dpkg-query >/dev/null 2>&1 || { fb_log "not a Debian system; install by hand: $*"; return 1; }
  for pkg in "$@"; do
    fb_pkg_installed "$pkg" || missing+=("$pkg")
  done
  (( ${#missing[@]} )) || return 0
  if (( EUID != 0 )); then
    command -v sudo >/dev/null 2>&1 || { fb_log "need root to install: ${missing[*]}"; return 1; }
    sudo=(sudo -n)
  fi
  fb_log "installing Debian packages: ${missing[*]}"
  if [[ -z "${FB_APT_UPDATED:-}" ]]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    FB_APT_UPDATED=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >&2
}

# ---------------------------------------------------------------------------
# Test-suite dependencies: add new ones HERE (called from scripts/test-all.sh).
# ---------------------------------------------------------------------------

# PostgreSQL 15 server (Debian 12's `postgresql` package pulls postgresql-15), for the benchmarks.
ensure_postgres_server() {
  if [[ -x /usr/lib/postgresql/15/bin/initdb && -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
    return 0
  fi
  ensure_apt_packages postgresql
  fb_pg_bindir >/dev/null || { fb_log "PostgreSQL server binaries still missing after installing postgresql"; return 1; }
}

# PDF tests: poppler-utils' pdftotext reads the review PDFs back as a reader would (the tests fall back to
# PDFBox's text stripper when it is missing, so a machine without it still checks the content).
ensure_pdf_test_deps() {
  command -v pdftotext >/dev/null 2>&1 || ensure_apt_packages poppler-utils
}

# The console's browser tests (Selenium): Debian's chromium + chromium-driver
# (/usr/bin/chromium, /usr/bin/chromedriver). No test tool downloads a browser of its own.
ensure_browser_test_deps() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then return 0; fi
  ensure_apt_packages chromium chromium-driver
}

# npm packages of a folder with package.json + package-lock.json (devnet/: anvil and the
# contract artifacts). Installs exactly what the lock file records with `npm ci`, only when
# node_modules is missing or older than the lock file; Debian's nodejs + npm when npm is missing.
ensure_npm_packages() {
  local dir="${1:?usage: ensure_npm_packages DIR}"
  [[ -f "$dir/package-lock.json" ]] || { fb_log "$dir/package-lock.json is missing"; return 1; }
  # npm ci leaves node_modules/.package-lock.json behind: newer than the lock means up to date.
  if [[ -f "$dir/node_modules/.package-lock.json" && ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || ensure_apt_packages nodejs npm
  fb_log "installing npm packages in ${dir#"$FB_ROOT"/} (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >&2 \
    || { fb_log "npm ci failed in $dir"; return 1; }
  touch "$dir/node_modules/.package-lock.json"
}

# fb_pg_bindir -> directory with initdb/pg_ctl/postgres: 15 preferred, else the newest.
fb_pg_bindir() {
  local d best=""
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    printf '%s\n' /usr/lib/postgresql/15/bin
    return 0
  fi
  while IFS= read -r d; do
    [[ -x "$d/initdb" ]] && best="$d"
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

# ---------------------------------------------------------------------------
# Throwaway PostgreSQL cluster from the Debian package (bench/alert-ingestion.sh). The test suite does not use
# it: its PostgreSQL comes from a Maven artifact (src/test/java/org/firebreak/support/TestPostgres.java).
# ---------------------------------------------------------------------------
# fb_pg_start sets FB_PG_DIR, FB_PG_PORT, FB_PG_USER, FB_PG_PASSWORD, FB_PG_DB, FB_PG_PID.
# fb_pg_stop undoes everything and is safe to call twice or after a failed start.
# As root, the cluster runs as the `postgres` OS user (postgres refuses to run as root).

FB_PG_DIR=""
FB_PG_PID=""

fb_pg_as_owner() {
  if (( EUID == 0 )); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

fb_pg_start() {
  local bindir
  bindir="$(fb_pg_bindir)" || { fb_log "PostgreSQL server binaries not found under /usr/lib/postgresql"; return 1; }
  if (( EUID == 0 )) && ! id -u postgres >/dev/null 2>&1; then
    fb_log "creating OS user postgres"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  FB_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/firebreak-pg.XXXXXX")"
  mkdir -p "$FB_PG_DIR/data" "$FB_PG_DIR/sock"
  if (( EUID == 0 )); then chown -R postgres: "$FB_PG_DIR"; fi
  chmod 700 "$FB_PG_DIR" "$FB_PG_DIR/data"
  FB_PG_USER=firebreak
  FB_PG_DB=firebreak
  FB_PG_PASSWORD="fb-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

  # Local (socket) connections trust, TCP ones need the password: exactly what the
  # tests will use, over 127.0.0.1.
  if ! fb_pg_as_owner "$bindir/initdb" -D "$FB_PG_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$FB_PG_DIR/initdb.log" 2>&1; then
    cat "$FB_PG_DIR/initdb.log" >&2
    fb_log "initdb failed"
    return 1
  fi

  printf "\ninclude = 'firebreak.conf'\n" >> "$FB_PG_DIR/data/postgresql.conf"
  for _ in 1 2 3; do   # the free port may be taken between probe and bind
    FB_PG_PORT="$(fb_free_port)"
    cat > "$FB_PG_DIR/data/firebreak.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $FB_PG_PORT
unix_socket_directories = '$FB_PG_DIR/sock'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
CONF
    if (( EUID == 0 )); then chown postgres: "$FB_PG_DIR/data/firebreak.conf"; fi
    if fb_pg_as_owner "$bindir/pg_ctl" -D "$FB_PG_DIR/data" -l "$FB_PG_DIR/postgres.log" -w -t 60 \
         start >/dev/null 2>&1; then
      break
    fi
    FB_PG_PORT=""
    fb_pg_kill_postmaster
  done
  if [[ -z "$FB_PG_PORT" ]]; then
    tail -n 30 "$FB_PG_DIR/postgres.log" >&2 2>/dev/null || true
    fb_log "PostgreSQL did not start"
    return 1
  fi
  FB_PG_PID="$(head -n1 "$FB_PG_DIR/data/postmaster.pid")"

  if ! fb_pg_as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$FB_PG_DIR/sock" -p "$FB_PG_PORT" \
        -U postgres -d postgres >/dev/null <<SQL
CREATE ROLE $FB_PG_USER LOGIN PASSWORD '$FB_PG_PASSWORD';
CREATE DATABASE $FB_PG_DB OWNER $FB_PG_USER;
SQL
  then
    fb_log "could not create role/database in the test cluster"
    return 1
  fi
  fb_log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') test cluster on 127.0.0.1:$FB_PG_PORT (pid $FB_PG_PID, dir $FB_PG_DIR)"
}

# Stops the postmaster named in postmaster.pid (fast shutdown, then harder), waits
# until it is gone. It is not our child (pg_ctl daemonizes it), so poll.
fb_pg_kill_postmaster() {
  local pid _
  [[ -n "$FB_PG_DIR" && -f "$FB_PG_DIR/data/postmaster.pid" ]] || return 0
  pid="$(head -n1 "$FB_PG_DIR/data/postmaster.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  kill -INT "$pid" 2>/dev/null || return 0         # SIGINT = fast shutdown
  for _ in $(seq 1 150); do                        # up to 15 s
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -QUIT "$pid" 2>/dev/null || true            # immediate shutdown
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.2
}

fb_pg_stop() {
  [[ -n "$FB_PG_DIR" ]] || return 0
  fb_pg_kill_postmaster
  rm -rf -- "$FB_PG_DIR"
  FB_PG_DIR=""
  FB_PG_PID=""
}
