#!/usr/bin/env bash
# A throwaway PostgreSQL + PostGIS server on loopback, for the database tests.
#
#   scripts/postgis-server.sh start DIR   # prints the GDAL connection string on stdout
#   scripts/postgis-server.sh stop DIR    # stops the server and removes DIR
#
# `start` initialises a cluster in DIR/data (DIR must not exist or be empty), starts it on
# 127.0.0.1 at a free port with its socket in DIR (no TCP beyond loopback, trust auth, no fsync:
# it holds test data only), creates database `middlemile` with `CREATE EXTENSION postgis`, and
# prints `PG:host=127.0.0.1 port=P dbname=middlemile user=postgres`, the value the tests read
# from MM_TEST_POSTGIS. PostgreSQL refuses to run as root: as root the cluster belongs to the
# `postgres` system user (runuser). Needs the Debian packages postgresql and
# postgresql-15-postgis-3 (scripts/setup-deps.sh installs them). Messages go to stderr; a
# failed start exits 1 after printing the server log and stopping what it started.
set -euo pipefail

usage() {
  echo "usage: $0 start DIR | stop DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
action="$1"
dir="$2"

# The newest installed PostgreSQL's programs (Debian keeps them off PATH).
bindir="${PG_BINDIR:-}"
if [ -z "$bindir" ]; then
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    bindir="$candidate"
  done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "postgis-server: no PostgreSQL server programs (install the Debian package postgresql)" >&2
  exit 1
fi

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case "$action" in
  start)
    mkdir -p "$dir"
    if [ -n "$(ls -A "$dir")" ]; then
      echo "postgis-server: $dir is not empty" >&2
      exit 1
    fi
    if [ "$(id -u)" -eq 0 ]; then
      if ! id postgres >/dev/null 2>&1; then
        echo "postgis-server: running as root needs the system user postgres" >&2
        exit 1
      fi
      chown postgres: "$dir"
    fi
    if ! as_owner test -w "$dir"; then
      echo "postgis-server: the server's user cannot write $dir (choose a folder under /tmp)" >&2
      exit 1
    fi
    if ! as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync \
        --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      echo "postgis-server: initdb failed" >&2
      exit 1
    fi
    # A free port: a few random tries, skipping ports something already listens on; a port
    # taken between the check and the start makes pg_ctl fail, and we try the next.
    started=""
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$((20000 + RANDOM % 30000))
      port_in_use "$port" && continue
      if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
          -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' \
              -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
          start >/dev/null 2>&1; then
        started="$port"
        break
      fi
    done
    if [ -z "$started" ]; then
      cat "$dir/server.log" >&2 2>/dev/null || true
      echo "postgis-server: the server did not start" >&2
      exit 1
    fi
    if ! as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres \
        -d postgres -c "CREATE DATABASE middlemile" >"$dir/setup.log" 2>&1 ||
       ! as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres \
        -d middlemile -c "CREATE EXTENSION postgis" >>"$dir/setup.log" 2>&1; then
      cat "$dir/setup.log" >&2
      echo "postgis-server: cannot create database middlemile with PostGIS" \
        "(install the Debian package postgresql-15-postgis-3)" >&2
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
      exit 1
    fi
    echo "PG:host=127.0.0.1 port=$port dbname=middlemile user=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 ||
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    usage
    ;;
esac
