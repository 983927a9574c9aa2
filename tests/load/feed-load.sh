#!/usr/bin/env bash
# Load test of the feed endpoint against Kestrel serving the same bytes as a static file, in one run.
# Usage: bash tests/load/feed-load.sh [seconds-per-run]   (needs wrk: apt-get install wrk)
# Traffic goes to 127.0.0.1 only; each wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
port=5099
base="http://127.0.0.1:${port}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/www"

dotnet build -c Release src/Timing -v quiet -nologo >/dev/null
# exec: $server is the service itself, so the trap stops it.
(cd "$work" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning exec \
  dotnet "$OLDPWD/src/Timing/bin/Release/net10.0/timing.dll" --urls "$base" --webroot "$work/www" >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 60); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done

# The static files hold the very bytes the feed sends: plain, and gzip as the feed compresses it.
curl -fs "$base/feeds/GM0344.ics" -o "$work/www/GM0344.ics"
curl -fs -H "Accept-Encoding: gzip" "$base/feeds/GM0344.ics" -o "$work/www/GM0344.ics.gz"
etag=$(curl -fsI "$base/feeds/GM0344.ics" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
etag_gz=$(curl -fsI -H "Accept-Encoding: gzip" "$base/feeds/GM0344.ics" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
bytes=$(wc -c <"$work/www/GM0344.ics")
bytes_gz=$(wc -c <"$work/www/GM0344.ics.gz")
cmp -s "$work/www/GM0344.ics" <(curl -fs "$base/GM0344.ics") || { echo "static copy differs from the feed" >&2; exit 1; }
cmp -s "$work/www/GM0344.ics.gz" <(curl -fs "$base/GM0344.ics.gz") || { echo "static gzip copy differs from the feed" >&2; exit 1; }
static_etag() { curl -fsI "$base/$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }

run() { # name, extra wrk args…
  local name=$1; shift
  wrk -t2 -c32 -d2s "$@" >/dev/null                      # warm-up
  local out; out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$@")
  local rps; rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  local p50; p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  local p99; p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  local non2xx; non2xx=$(awk '/Non-2xx/{print $5}' <<<"$out")
  printf '| %-34s | %10s | %8s | %8s | %s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "feed: ${bytes} bytes (gzip ${bytes_gz}), ETags ${etag} ${etag_gz}; ${seconds}s per run, 2 threads, 32 connections"
echo "| request                            |    req/s   |   p50    |   p99    | non-2xx |"
echo "|------------------------------------|-----------:|---------:|---------:|---------|"
run "GET /feeds/GM0344.ics (200)" "$base/feeds/GM0344.ics"
run "GET /GM0344.ics static file (200)" "$base/GM0344.ics"
run "GET feed, gzip (200)" -H "Accept-Encoding: gzip" "$base/feeds/GM0344.ics"
run "GET static .ics.gz (200)" "$base/GM0344.ics.gz"
run "GET feed, If-None-Match (304)" -H "If-None-Match: ${etag}" "$base/feeds/GM0344.ics"
run "GET static, If-None-Match (304)" -H "If-None-Match: $(static_etag GM0344.ics)" "$base/GM0344.ics"
run "GET feed, gzip, If-None-Match (304)" -H "Accept-Encoding: gzip" -H "If-None-Match: ${etag_gz}" "$base/feeds/GM0344.ics"
run "GET static .gz, If-None-Match (304)" -H "If-None-Match: $(static_etag GM0344.ics.gz)" "$base/GM0344.ics.gz"
