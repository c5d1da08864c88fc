#!/usr/bin/env bash
# Contest load (issue 24, not part of CI): Release build, a temp data folder, the portal on 127.0.0.1 only, the demo
# contest of content/seed/contests (seeded in the Development environment, which is why this run uses it; procedures
# are not seeded, to start fast). contest_load.py then sends PARTICIPANTS participants at once, each registering,
# starting, saving every answer and submitting, bounded by TIME_LIMIT seconds, and prints p50/p95/p99 per step and
# the lost-answer check against the database (exit 1 on any lost answer or failed participant).
# Usage: contest-load.sh   (env: PARTICIPANTS=200, TIME_LIMIT=300, KEEP_DATA=1)
set -euo pipefail
PARTICIPANTS=${PARTICIPANTS:-200}
TIME_LIMIT=${TIME_LIMIT:-300}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

cd "$repo/src/CchcPortal.Web"
echo "building Release..." >&2
dotnet build -c Release -v q -nologo >/dev/null
dll=bin/Release/net10.0/CchcPortal.Web.dll
data=$(mktemp -d /tmp/cchc-contest.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  if [ "${KEEP_DATA:-0}" = 1 ]; then echo "data kept in $data" >&2; else rm -rf "$data"; fi
}
trap cleanup EXIT INT TERM

# Every participant posts from 127.0.0.1 here: the per-address contest limit is raised so the run measures the server.
export Portal__DataPath="$data" CCHC_ADMIN_PASSWORD='Contest!Passw0rd#Load' ASPNETCORE_ENVIRONMENT=Development \
  Portal__SeedProcedures=false Portal__Contests__PostsPerMinute=1000000 Logging__LogLevel__Default=Warning
echo "starting (first start seeds $data)..." >&2
dotnet "$dll" --urls "$base" > "$data/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.25; done
curl -sf "$base/cuoc-thi/cuoc-thi-thu-tim-hieu-cchc" >/dev/null || { echo "portal or demo contest not up" >&2; tail -20 "$data/server.log" >&2; exit 1; }
echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_before=$(awk '{print $14+$15}' /proc/$pid/stat)
status=0
python3 "$here/contest_load.py" "$base" cuoc-thi-thu-tim-hieu-cchc "$data/cchcportal.db" "$PARTICIPANTS" "$TIME_LIMIT" || status=$?
cpu_after=$(awk '{print $14+$15}' /proc/$pid/stat)
echo "server CPU time during the run: $(( (cpu_after - cpu_before) / $(getconf CLK_TCK) )) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
