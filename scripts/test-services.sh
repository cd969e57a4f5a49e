#!/usr/bin/env bash
# The servers the test suite needs besides the code under test, on loopback only:
#   - a throwaway PostgreSQL cluster (Debian's postgresql package, trust auth, port chosen free)
#   - s3rver, an S3-compatible server (npm, installed into tools/node_modules from tools/package-lock.json),
#     with standardwebhooks and the official openai SDK the end-to-end tests drive from node
#
# Use it from the test command:
#   source scripts/test-services.sh && test_services_start   # installs what is missing, starts, exports:
#       REELGATE_TEST_POSTGRES   Npgsql connection string of a maintenance database (tests create their own databases)
#       REELGATE_TEST_S3_URL     http://127.0.0.1:PORT  (credentials S3RVER / S3RVER; tests create their own buckets)
#       REELGATE_TEST_S3_ACCESS_KEY, REELGATE_TEST_S3_SECRET_KEY
#       REELGATE_TEST_SERVICES_DIR  the servers' data and logs (a fresh folder under /tmp, so runs never collide)
#   ... dotnet test ...
#   test_services_stop                                         # stops both and deletes their data
# Or standalone: eval "$(scripts/test-services.sh start)" ... scripts/test-services.sh stop
# (start prints the export lines and leaves the servers running; stop needs REELGATE_TEST_SERVICES_DIR).
#
# Sourcing does not change the caller's shell options; the functions return non-zero on failure.

_ts_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_ts_pg_bin="/usr/lib/postgresql/15/bin"

_ts_log() { echo "test-services: $*" >&2; }

_ts_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_ts_free_port() {
  local port tries=0
  while ((tries < 200)); do
    port=$((20000 + RANDOM % 30000))
    if _ts_port_free "$port"; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

# Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root).
_ts_as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_ts_install() {
  if [[ ! -x "$_ts_pg_bin/initdb" ]]; then
    _ts_log "installing postgresql (Debian)"
    local sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null || return 1
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    _ts_log "installing nodejs and npm (Debian)"
    local sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null || return 1
  fi
  if [[ ! -e "$_ts_root/tools/node_modules/s3rver/bin/s3rver.js" || ! -d "$_ts_root/tools/node_modules/standardwebhooks" \
        || ! -d "$_ts_root/tools/node_modules/openai" ]]; then
    _ts_log "installing s3rver, standardwebhooks and openai (npm ci in tools/)"
    (cd "$_ts_root/tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || return 1
  fi
}

_ts_start_postgres() {
  local dir="$REELGATE_TEST_SERVICES_DIR/postgres" port
  port=$(_ts_free_port) || { _ts_log "no free port for PostgreSQL"; return 1; }
  mkdir -p "$dir"
  [[ $(id -u) -ne 0 ]] || chown postgres:postgres "$dir"
  _ts_as_pg "$_ts_pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >"$REELGATE_TEST_SERVICES_DIR/initdb.log" 2>&1 \
    || { _ts_log "initdb failed:"; cat "$REELGATE_TEST_SERVICES_DIR/initdb.log" >&2; return 1; }
  # fsync off: a throwaway cluster; max_connections: several server processes with their pools at once.
  _ts_as_pg "$_ts_pg_bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { _ts_log "PostgreSQL did not start:"; cat "$dir/postgres.log" >&2; return 1; }
  export REELGATE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  _ts_log "PostgreSQL on 127.0.0.1:$port"
}

_ts_start_s3rver() {
  local dir="$REELGATE_TEST_SERVICES_DIR/s3rver" port i
  port=$(_ts_free_port) || { _ts_log "no free port for s3rver"; return 1; }
  mkdir -p "$dir/data"
  # The legacy OpenSSL provider: s3rver signs ListObjectsV2 continuation tokens with DES, which OpenSSL 3
  # only has there (without it every truncated listing answers 500).
  node --openssl-legacy-provider "$_ts_root/tools/node_modules/s3rver/bin/s3rver.js" -d "$dir/data" -a 127.0.0.1 -p "$port" --silent \
    >"$dir/s3rver.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  for ((i = 0; i < 300; i++)); do
    if ! _ts_port_free "$port"; then
      export REELGATE_TEST_S3_URL="http://127.0.0.1:$port"
      export REELGATE_TEST_S3_ACCESS_KEY="S3RVER"
      export REELGATE_TEST_S3_SECRET_KEY="S3RVER"
      _ts_log "s3rver on 127.0.0.1:$port"
      return 0
    fi
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  _ts_log "s3rver did not start:"
  cat "$dir/s3rver.log" >&2
  return 1
}

test_services_stop() {
  local state="${REELGATE_TEST_SERVICES_DIR:-}"
  if [[ -z "$state" || ! -d "$state" ]]; then
    unset REELGATE_TEST_POSTGRES REELGATE_TEST_S3_URL REELGATE_TEST_S3_ACCESS_KEY REELGATE_TEST_S3_SECRET_KEY REELGATE_TEST_SERVICES_DIR
    return 0
  fi
  if [[ -f "$state/postgres/data/postmaster.pid" ]]; then
    _ts_as_pg "$_ts_pg_bin/pg_ctl" -D "$state/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [[ -f "$state/s3rver/pid" ]]; then
    local pid
    pid=$(cat "$state/s3rver/pid")
    kill "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$state"
  unset REELGATE_TEST_POSTGRES REELGATE_TEST_S3_URL REELGATE_TEST_S3_ACCESS_KEY REELGATE_TEST_S3_SECRET_KEY REELGATE_TEST_SERVICES_DIR
}

test_services_start() {
  test_services_stop
  _ts_install || { _ts_log "could not install PostgreSQL or s3rver"; return 1; }
  REELGATE_TEST_SERVICES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/reelgate-test-services.XXXXXX") || return 1
  export REELGATE_TEST_SERVICES_DIR
  chmod 755 "$REELGATE_TEST_SERVICES_DIR"
  _ts_start_postgres || { test_services_stop; return 1; }
  _ts_start_s3rver || { test_services_stop; return 1; }
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  case "${1:-}" in
    start)
      test_services_start || exit 1
      echo "export REELGATE_TEST_POSTGRES='$REELGATE_TEST_POSTGRES'"
      echo "export REELGATE_TEST_S3_URL='$REELGATE_TEST_S3_URL'"
      echo "export REELGATE_TEST_S3_ACCESS_KEY='$REELGATE_TEST_S3_ACCESS_KEY'"
      echo "export REELGATE_TEST_S3_SECRET_KEY='$REELGATE_TEST_S3_SECRET_KEY'"
      echo "export REELGATE_TEST_SERVICES_DIR='$REELGATE_TEST_SERVICES_DIR'"
      ;;
    stop) test_services_stop ;;
    *) echo "usage: $0 start|stop   (or source it and call test_services_start / test_services_stop)" >&2; exit 2 ;;
  esac
fi
