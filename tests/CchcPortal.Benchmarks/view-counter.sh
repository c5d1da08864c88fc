#!/usr/bin/env bash
# The article view counter's cost per request (issue 22): one Release build, one seeded data folder with a few posts,
# the portal on 127.0.0.1 started twice per round, with Portal:News:CountViews=false then true, wrk on the same
# cached article each time. Rounds alternate so drifting load on the machine hits both alike. Prints a Markdown table.
# Usage: view-counter.sh   (env: ROUNDS=3, DURATION=10, CONNECTIONS=32, THREADS=2)
set -euo pipefail
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ENCODING='br, gzip'

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo/src/CchcPortal.Web"
echo "building Release..." >&2
dotnet build -c Release -v q -nologo >/dev/null
dll=bin/Release/net10.0/CchcPortal.Web.dll
data=$(mktemp -d /tmp/cchc-views.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
pid=""
stop() { if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi; pid=""; }
trap 'stop; rm -rf "$data"' EXIT INT TERM

export Portal__DataPath="$data" Portal__SeedProcedures=false CCHC_ADMIN_PASSWORD='Bench!Passw0rd#Views' ASPNETCORE_ENVIRONMENT=Production
dotnet "$dll" grow-demo-data --posts 20 --questions 0 --confirm > "$data/grow.log" 2>&1 || { cat "$data/grow.log" >&2; exit 1; }

start() {
  Portal__News__CountViews=$1 dotnet "$dll" --urls "$base" > "$data/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
  curl -sf "$base/healthz" >/dev/null || { cat "$data/server.log" >&2; exit 1; }
}
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.1f", v*1000; else print v }'; }

start true
article=$(curl -s "$base/tin-tuc" | grep -o 'href="/tin-tuc/[a-z0-9-]*"' | grep -v -e chuyen-muc -e '/the/' | head -1 | cut -d'"' -f2)
stop
echo "article: $article" >&2

echo "| round | counter | req/s | p50 ms | p99 ms | non-2xx | load average before |"
echo "|---:|---|---:|---:|---:|---:|---|"
for round in $(seq 1 "$ROUNDS"); do
  for count in false true; do
    start $count
    for _ in 1 2 3; do curl -s -o /dev/null -H "Accept-Encoding: $ENCODING" "$base$article"; done
    wrk -t1 -c4 -d1s -H "Accept-Encoding: $ENCODING" "$base$article" >/dev/null
    load=$(cut -d' ' -f1 /proc/loadavg)
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -H "Accept-Encoding: $ENCODING" "$base$article")
    rps=$(echo "$out" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
    p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
    p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
    bad=$(echo "$out" | awk '/Non-2xx/ { n += $NF } END { print n + 0 }')
    label=$([ $count = true ] && echo on || echo off)
    echo "| $round | $label | $rps | $p50 | $p99 | $bad | $load |"
    stop
  done
done
# The views counted in the last "on" run reached the database at shutdown (one flush).
echo
echo "Rows in PostViewDays after the runs: $(sqlite3 "$data/cchcportal.db" 'SELECT COUNT(*), SUM("Count") FROM "PostViewDays"' 2>/dev/null || echo '(sqlite3 not installed)')"
