#!/usr/bin/env bash
# Scale benchmark: seeds a throwaway instance with `timing demo seed` and measures it, SQLite and PostgreSQL
# side by side: seeding, database size, planning for everyone (first and hourly run), the busiest day's mail, personal
# feed p95 and the director's pages p95 under concurrent clients (tests/load/scale_load.py, loopback only).
#
#   bash tests/load/scale.sh [ORGANISATIONS] [PEOPLE] [sqlite|postgresql|both] [CONCURRENCY] [REQUESTS]
#   defaults: 500 50000 both 50 5000     (needs python3; PostgreSQL's initdb/pg_ctl for postgresql)
set -euo pipefail
cd "$(dirname "$0")/../.."
orgs=${1:-500}; people=${2:-50000}; which=${3:-both}; clients=${4:-50}; requests=${5:-5000}
root=$PWD
# TIMING_DLL=… measures a program built before, without building again.
dll=${TIMING_DLL:-$root/src/Timing/bin/Release/net10.0/timing.dll}
[ -n "${TIMING_DLL:-}" ] || dotnet build -c Release src/Timing -v quiet -nologo >/dev/null
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -n "${pgdata:-}" ] && as_pg "pg_ctl -D $pgdata stop -m fast" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }

measure() { # provider
  local provider=$1 dir=$work/$1 port; port=$(free_port); mkdir -p "$dir"
  local -a env=(Mail__PickupDirectory="$dir/pickup" Feeds__BaseUrl="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production)
  local count
  if [ "$provider" = sqlite ]; then
    env+=(Storage__Provider=Sqlite Storage__SqlitePath="$dir/timing.db")
    count() { sqlite3 "$dir/timing.db" "$1"; }
  else
    pgdata=$work/pgdata; local pgport; pgport=$(free_port)
    mkdir -p "$pgdata"; chown postgres "$work" "$pgdata" 2>/dev/null || true
    as_pg "initdb -D $pgdata -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null && pg_ctl -D $pgdata -o '-p $pgport -k /tmp' -l $pgdata/log start >/dev/null"
    psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE timing" >/dev/null
    env+=(Storage__Provider=PostgreSql Storage__PostgreSqlConnectionString="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=timing")
    count() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d timing -Atc "$1"; }
  fi
  echo "== $provider: $orgs organisations, $people people"
  (cd "$dir" && env "${env[@]}" dotnet "$dll" demo seed --organisations "$orgs" --people "$people" --feed-tokens-file "$dir/tokens.txt")
  if [ "$provider" = sqlite ]; then
    echo "database size: $(du -cb "$dir"/timing.db* | tail -1 | cut -f1) bytes"
  else
    echo "database size: $(count "select pg_database_size('timing')") bytes"
  fi

  # Planning for everyone, timed alone as the hourly job runs it: the first run fills the outbox, the second is an hour
  # in which nothing changed, in the same process (as in the running service, which remembers what each organisation
  # was planned from); a new process then plans everyone once more, as after a restart. The service then starts with
  # the outbox in place (its own run at start changes nothing).
  (cd "$dir" && env "${env[@]}" dotnet "$dll" demo plan --runs 2 | sed '1s/^/first planning run: /;2s/^/hourly planning run: /')
  (cd "$dir" && env "${env[@]}" dotnet "$dll" demo plan | sed 's/^/planning run after a restart: /')
  echo "outbox rows: $(count 'select count(*) from nudges')"
  echo "busiest day (day, nudges and digests due): $(count 'select "Day", count(*) from nudges group by "Day" order by count(*) desc limit 1' | tr '\n|' ' ,')"
  (cd "$dir" && exec env "${env[@]}" dotnet "$dll" --urls "http://127.0.0.1:$port" >"$dir/service.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
  sleep 5

  echo "load before the clients ($(nproc) cores): $(uptime | sed 's/.*load average: //')"
  python3 "$root/tests/load/scale_load.py" feeds "http://127.0.0.1:$port" "$dir/tokens.txt" "$clients" "$requests" | sed 's/^/personal feeds: /'
  python3 "$root/tests/load/scale_load.py" pages "http://127.0.0.1:$port" "$dir/pickup" persoon1@demo1.example "$clients" "$requests" | sed 's/^/director pages: /'
  echo "load after the clients: $(uptime | sed 's/.*load average: //')"
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
}

case "$which" in
  sqlite|postgresql) measure "$which" ;;
  both) measure sqlite; measure postgresql ;;
  *) echo "expected sqlite, postgresql or both, got '$which'" >&2; exit 2 ;;
esac
