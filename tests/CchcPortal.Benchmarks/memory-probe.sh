#!/usr/bin/env bash
# Memory under a scraper's probe (issue 19): Release build, a temp data folder (procedures seeded), the portal on
# 127.0.0.1 only. wrk sends REQUESTS GETs of public pages, each with a different random query string (every one a new
# output-cache entry), then the server's RSS is read after the probe and again after IDLE seconds.
# Run it twice to compare settings, e.g. CACHE_MB=256 (the old fixed cache) and CACHE_MB=64 (the default).
# Usage: memory-probe.sh   (env: CACHE_MB=64, DURATION=90, CONNECTIONS=16, IDLE=30, GC_CONSERVE= (0-9, optional))
set -euo pipefail
CACHE_MB=${CACHE_MB:-64}
DURATION=${DURATION:-90}
CONNECTIONS=${CONNECTIONS:-16}
IDLE=${IDLE:-30}

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
command -v wrk >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
cd "$repo/src/CchcPortal.Web"
dotnet build -c Release -v q -nologo >/dev/null
dll=bin/Release/net10.0/CchcPortal.Web.dll
data=$(mktemp -d /tmp/cchc-memprobe.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$data"; }
trap cleanup EXIT INT TERM

export Portal__DataPath="$data" CCHC_ADMIN_PASSWORD='Probe!Passw0rd#Mem' ASPNETCORE_ENVIRONMENT=Production \
  Portal__Cache__OutputCacheMegabytes="$CACHE_MB" Portal__RateLimits__LookupsPerMinute=1000000
[ -n "${GC_CONSERVE:-}" ] && export DOTNET_GCConserveMemory="$GC_CONSERVE"
dotnet "$dll" --urls "$base" > "$data/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.25; done
curl -sf "$base/healthz" >/dev/null || { echo "portal did not start" >&2; exit 1; }
rss() { echo $(( $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status") / 1024 )); }

# Wait for the first index build to finish (a search answers) so it is not counted as the probe's memory.
for _ in $(seq 1 240); do curl -s "$base/tim-kiem?q=khai+sinh" | grep -q 'Tìm thấy' && break; sleep 1; done
for u in / /tin-tuc /thu-tuc-hanh-chinh /hoi-dap /co-quan /van-ban /chi-so-cchc "/tim-kiem?q=khai+sinh"; do curl -s -o /dev/null "$base$u"; done
before=$(rss)

cat > "$data/probe.lua" <<'LUA'
local pages = { "/", "/tin-tuc", "/thu-tuc-hanh-chinh", "/hoi-dap", "/co-quan", "/van-ban", "/chi-so-cchc",
  "/hoi-dap/da-tra-loi", "/duong-day-nong", "/tim-kiem" }
local n = 0
function request()
  n = n + 1
  local pad = string.rep(string.format("%08x", math.random(0, 0x7fffffff)), 64)
  return wrk.format("GET", pages[n % #pages + 1] .. "?q=" .. n .. "&x=" .. pad, { ["Accept-Encoding"] = "br, gzip" })
end
LUA
out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$data/probe.lua" "$base")
after=$(rss)
sleep "$IDLE"
idle=$(rss)
hwm=$(( $(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status") / 1024 ))
requests=$(echo "$out" | awk '/requests in/ { print $1 }')
non2xx=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
echo "| $CACHE_MB | ${GC_CONSERVE:--} | $requests | ${non2xx:-0} | $before | $after | $idle | $hwm |"
