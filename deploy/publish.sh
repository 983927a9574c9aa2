#!/usr/bin/env bash
# Publishes Timing for linux-x64 twice, framework-dependent (needs the ASP.NET Core 10 runtime on the server) and
# self-contained (needs nothing), then starts each from appsettings.example.json and checks that it answers /health.
#
#   deploy/publish.sh [OUTPUT]        default OUTPUT: artifacts/publish
#
# Leaves OUTPUT/framework-dependent and OUTPUT/self-contained, each ready to copy to /opt/timing.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/publish}

dotnet publish src/Timing -c Release -r linux-x64 --self-contained false -o "$out/framework-dependent" -v q
dotnet publish src/Timing -c Release -r linux-x64 --self-contained true -o "$out/self-contained" -v q

for kind in framework-dependent self-contained; do
  bash deploy/check-published.sh "$out/$kind"
done
