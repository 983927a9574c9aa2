#!/usr/bin/env bash
# Starts a published Timing from the example settings in an empty working folder, as an operator would on a
# first install, and checks that /health answers "ok" and that the database file is private (0600).
#
#   deploy/check-published.sh PUBLISH_FOLDER
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
program=$(cd "$1" && pwd)/timing
[ -x "$program" ] || { echo "no program at $program: publish first (deploy/publish.sh)" >&2; exit 1; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cp "$root/appsettings.example.json" "$work/appsettings.json"
cd "$work"
"$program" --urls "http://127.0.0.1:$port" >"$work/service.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

answer=""
for _ in $(seq 1 120); do
  answer=$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null || true)
  [ -n "$answer" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; echo "$1: the program exited" >&2; exit 1; }
  sleep 1
done
case "$answer" in
  ok*|*'"ok"'*|*Healthy*) ;;
  *) cat "$work/service.log" >&2; echo "$1: /health answered '${answer:-nothing}' within 120 s" >&2; exit 1 ;;
esac
mode=$(stat -c %a "$work/data/timing.db")
[ "$mode" = 600 ] || { echo "$1: data/timing.db has mode $mode, expected 600" >&2; exit 1; }
echo "$1: starts from appsettings.example.json and answers /health ($answer)"
