#!/usr/bin/env bash
# Starts, stops and describes local Neo4j Community servers assembled from Maven Central.
#
#   db/neo4j.sh lib                 copy the server's runtime class path into db/lib
#   db/neo4j.sh start INSTANCE      start in the background and wait until Bolt answers
#   db/neo4j.sh stop INSTANCE       stop the instance by its own pid
#   db/neo4j.sh status INSTANCE     say whether it runs
#   db/neo4j.sh env INSTANCE        print NEO4J_URI/USER/PASSWORD exports for the instance
#
# INSTANCE is run, test or bench: each has its own ports, data and logs under
# db/instances/INSTANCE, so they run side by side. Ports and memory can be overridden:
#   run:   NEO4J_BOLT_PORT (7687)       NEO4J_HTTP_PORT (7474)
#   test:  NEO4J_TEST_BOLT_PORT (7688)  NEO4J_TEST_HTTP_PORT (7475)
#   bench: NEO4J_BENCH_BOLT_PORT (7689) NEO4J_BENCH_HTTP_PORT (7476)
#   any:   NEO4J_HEAP, NEO4J_PAGECACHE
# The password is NEO4J_PASSWORD when set at the instance's first start, otherwise a
# generated one; either way it is kept in db/instances/INSTANCE/password (ignored by git).
set -euo pipefail

DB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB_DIR="$DB_DIR/lib"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

die() { echo "neo4j.sh: $*" >&2; exit 1; }

instance_settings() {
  case "$1" in
    run)   BOLT_PORT="${NEO4J_BOLT_PORT:-7687}";       HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
           HEAP="${NEO4J_HEAP:-1g}"; PAGECACHE="${NEO4J_PAGECACHE:-1g}"; TX_TIMEOUT=60s ;;
    test)  BOLT_PORT="${NEO4J_TEST_BOLT_PORT:-7688}";  HTTP_PORT="${NEO4J_TEST_HTTP_PORT:-7475}"
           HEAP="${NEO4J_HEAP:-1g}"; PAGECACHE="${NEO4J_PAGECACHE:-256m}"; TX_TIMEOUT=60s ;;
    bench) BOLT_PORT="${NEO4J_BENCH_BOLT_PORT:-7689}"; HTTP_PORT="${NEO4J_BENCH_HTTP_PORT:-7476}"
           HEAP="${NEO4J_HEAP:-4g}"; PAGECACHE="${NEO4J_PAGECACHE:-4g}"; TX_TIMEOUT=300s ;;
    *) die "unknown instance '$1' (run, test or bench)" ;;
  esac
  HOME_DIR="$DB_DIR/instances/$1"
  PID_FILE="$HOME_DIR/run/neo4j.pid"
  PASSWORD_FILE="$HOME_DIR/password"
}

# The class path is copied once per version of db/pom.xml; a stamp records which.
assemble_lib() {
  local want
  want="$(sha256sum "$DB_DIR/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$LIB_DIR/.pom-sha256" && "$(cat "$LIB_DIR/.pom-sha256")" == "$want" ]]; then
    return
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Neo4j from Maven Central"
  echo "Fetching Neo4j Community from Maven Central into db/lib ..."
  rm -rf "$LIB_DIR"
  mvn -q -B -Dstyle.color=never --no-transfer-progress -f "$DB_DIR/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$LIB_DIR"
  echo "$want" > "$LIB_DIR/.pom-sha256"
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null || return 1
  # A recycled pid must not be mistaken for our server.
  grep -q CommunityEntryPoint "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

bolt_answers() { (echo > "/dev/tcp/127.0.0.1/$BOLT_PORT") 2>/dev/null; }

write_conf() {
  mkdir -p "$HOME_DIR"/{conf,data,logs,plugins,import,run}
  sed -e "s/@BOLT_PORT@/$BOLT_PORT/g" -e "s/@HTTP_PORT@/$HTTP_PORT/g" \
      -e "s/@PAGECACHE@/$PAGECACHE/g" -e "s/@TX_TIMEOUT@/$TX_TIMEOUT/g" \
      "$DB_DIR/neo4j.conf" > "$HOME_DIR/conf/neo4j.conf"
}

# The initial password can only be set before the first start of a new data folder.
set_initial_password() {
  [[ -d "$HOME_DIR/data/dbms" ]] && return
  local password="${NEO4J_PASSWORD:-}"
  if [[ -z "$password" ]]; then
    password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
  fi
  (( ${#password} >= 8 )) || die "NEO4J_PASSWORD must have at least 8 characters"
  ( umask 077; printf '%s' "$password" > "$PASSWORD_FILE" )
  NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf" "$JAVA" -cp "$LIB_DIR/*" \
    org.neo4j.server.startup.Neo4jAdminCommand dbms set-initial-password "$password" \
    > "$HOME_DIR/logs/set-password.log" 2>&1 \
    || { cat "$HOME_DIR/logs/set-password.log" >&2; die "could not set the initial password"; }
}

start() {
  instance_settings "$1"
  if pid="$(running_pid)"; then
    echo "Neo4j ($1) already runs, pid $pid, bolt://127.0.0.1:$BOLT_PORT"
    return
  fi
  if bolt_answers; then
    die "port $BOLT_PORT is taken by another process; set the instance's port variable"
  fi
  assemble_lib
  write_conf
  set_initial_password
  # JVM options from Neo4j's own neo4j.conf, less AlwaysPreTouch (slow start-up).
  NEO4J_HOME="$HOME_DIR" nohup "$JAVA" "-Xms$HEAP" "-Xmx$HEAP" \
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+UnlockExperimentalVMOptions \
    -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC -Djdk.nio.maxCachedBufferSize=1024 \
    -Dio.netty.tryReflectionSetAccessible=true \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dlog4j2.disable.jmx=true \
    -Dfile.encoding=UTF-8 -cp "$HOME_DIR/conf/*:$LIB_DIR/*" \
    org.neo4j.server.CommunityEntryPoint --home-dir="$HOME_DIR" --config-dir="$HOME_DIR/conf" \
    > "$HOME_DIR/logs/console.log" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  wait_until_ready "$1"
}

wait_until_ready() {
  local waited=0 limit="${NEO4J_START_TIMEOUT:-120}"
  until bolt_answers; do
    if ! running_pid >/dev/null; then
      tail -n 30 "$HOME_DIR/logs/neo4j.log" "$HOME_DIR/logs/console.log" >&2 2>/dev/null || true
      die "Neo4j ($1) exited while starting; logs in db/instances/$1/logs"
    fi
    (( waited++ < limit )) || die "Neo4j ($1) did not answer on port $BOLT_PORT in ${limit}s"
    sleep 1
  done
  echo "Neo4j ($1) ready on bolt://127.0.0.1:$BOLT_PORT (browser: http://127.0.0.1:$HTTP_PORT/browser/)"
}

stop() {
  instance_settings "$1"
  local pid
  if ! pid="$(running_pid)"; then
    echo "Neo4j ($1) is not running"
    rm -f "$PID_FILE"
    return
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; echo "Neo4j ($1) stopped"; return; }
    sleep 1
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  echo "Neo4j ($1) did not stop in 60s and was killed"
}

status() {
  instance_settings "$1"
  if pid="$(running_pid)"; then
    echo "Neo4j ($1) runs, pid $pid, bolt://127.0.0.1:$BOLT_PORT"
  else
    echo "Neo4j ($1) is not running"; return 3
  fi
}

print_env() {
  instance_settings "$1"
  [[ -f "$PASSWORD_FILE" ]] || die "instance $1 has not been started yet"
  printf 'export NEO4J_URI=%q NEO4J_USER=neo4j NEO4J_PASSWORD=%q\n' \
    "bolt://127.0.0.1:$BOLT_PORT" "$(cat "$PASSWORD_FILE")"
}

case "${1:-}" in
  lib) assemble_lib ;;
  start|stop|status) [[ $# -eq 2 ]] || die "usage: $0 $1 INSTANCE"; "$1" "$2" ;;
  env) [[ $# -eq 2 ]] || die "usage: $0 env INSTANCE"; print_env "$2" ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
