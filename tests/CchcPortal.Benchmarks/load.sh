#!/usr/bin/env bash
# Load benchmark of the public pages (issue 8): Release build, a temp data folder seeded and grown to a realistic
# size, the portal on 127.0.0.1 only, wrk against each page. Prints a Markdown table (docs/benchmarks.md).
# Usage: load.sh   (defaults below; env overrides: POSTS, QUESTIONS, DURATION, CONNECTIONS, THREADS,
#   DATA=dir: reuse a data folder grown by an earlier run (kept), KEEP_DATA=1: keep the temp folder,
#   MAX_LOAD=1.5: wait up to 10 minutes for the 1-minute load average to drop below it before measuring)
set -euo pipefail
POSTS=${POSTS:-20000}
QUESTIONS=${QUESTIONS:-5000}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ENCODING='br, gzip'

repo=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

cd "$repo/src/CchcPortal.Web"   # content root: appsettings.json (EF Core logs at Warning) as in production
echo "building Release..." >&2
dotnet build -c Release -v q -nologo >/dev/null
dll=bin/Release/net10.0/CchcPortal.Web.dll

MAX_LOAD=${MAX_LOAD:-1.5}
reuse=0
if [ -n "${DATA:-}" ]; then
  data=$DATA; KEEP_DATA=1; mkdir -p "$data"
  [ -f "$data/grow.seconds" ] && reuse=1
else data=$(mktemp -d /tmp/cchc-load.XXXXXX); fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
log="$data/server.log"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  if [ "${KEEP_DATA:-0}" = 1 ]; then echo "data kept in $data" >&2; else rm -rf "$data"; fi
}
trap cleanup EXIT INT TERM

export Portal__DataPath="$data" CCHC_ADMIN_PASSWORD='Bench!Passw0rd#Load' ASPNETCORE_ENVIRONMENT=Production
qa="$repo/../shared/data/vn-research/qa"
qa_args=(); [ -d "$qa" ] && qa_args=(--qa-folder "$qa")
if [ $reuse = 0 ]; then
  echo "seeding and growing ($POSTS posts, $QUESTIONS answered questions) in $data..." >&2
  grow_start=$(date +%s.%N)
  dotnet "$dll" grow-demo-data --posts "$POSTS" --questions "$QUESTIONS" --confirm "${qa_args[@]}" > "$data/grow.log" 2>&1 \
    || { cat "$data/grow.log" >&2; exit 1; }
  echo "$(date +%s.%N) - $grow_start" | bc > "$data/grow.seconds"
fi
grow_s=$(cat "$data/grow.seconds")
tail -1 "$data/grow.log" >&2

dotnet "$dll" --urls "$base" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "$base/healthz" >/dev/null || { echo "portal did not start" >&2; cat "$log" >&2; exit 1; }

# Real URLs of this database: the newest article, the first listed procedure, the theme's fingerprinted JS
# (MapStaticAssets: immutable, served from the Brotli file made at build time).
article=$(curl -s "$base/tin-tuc" | grep -o 'href="/tin-tuc/[a-z0-9-]*"' | grep -v -e chuyen-muc -e '/the/' | head -1 | cut -d'"' -f2)
procedure=$(curl -s "$base/thu-tuc-hanh-chinh" | grep -o 'href="/thu-tuc-hanh-chinh/[a-z0-9.-]*"' | head -1 | cut -d'"' -f2)
asset=$(curl -s "$base/" | grep -o '/_content/[^"]*/js/site\.[a-z0-9]*\.js' | head -1)   # fingerprinted: site.{hash}.js
search='/tim-kiem?q=c%E1%BA%A3i+c%C3%A1ch+h%C3%A0nh+ch%C3%ADnh'   # "cải cách hành chính"

names=("robots.txt (ceiling, output cache)" "static file site.js" "home" "news list /tin-tuc" "news list page 50" "article" "procedure detail" "answers /hoi-dap/da-tra-loi" "search")
urls=("/robots.txt" "$asset" "/" "/tin-tuc" "/tin-tuc?trang=50" "$article" "$procedure" "/hoi-dap/da-tra-loi" "$search")

echo "warming..." >&2
for u in "${urls[@]}"; do
  for _ in 1 2 3; do curl -s -o /dev/null -H "Accept-Encoding: $ENCODING" "$base$u"; done
  wrk -t1 -c4 -d1s -H "Accept-Encoding: $ENCODING" "$base$u" >/dev/null
done

# wrk prints latencies as 812.00us, 1.23ms or 1.02s: convert to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.1f", v*1000; else print v }'; }

# Other work on the machine skews everything: wait (bounded) for a quiet moment. The server itself is idle now.
for _ in $(seq 1 60); do
  awk -v m="$MAX_LOAD" '{ exit !($1 < m) }' /proc/loadavg && break
  echo "load average $(cut -d' ' -f1 /proc/loadavg) >= $MAX_LOAD, waiting..." >&2; sleep 10
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -a rps p50 p99 errs
for i in "${!urls[@]}"; do
  # A 10 s timeout (wrk default: 2 s) so slow pages get latencies instead of only timeouts.
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -H "Accept-Encoding: $ENCODING" "$base${urls[$i]}")
  rps[$i]=$(echo "$out" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
  p50[$i]=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  p99[$i]=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  errs[$i]=$(echo "$out" | awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }')
  echo "${names[$i]}: ${rps[$i]} req/s" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
hwm_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
ceiling=$(printf '%s\n' "${rps[0]}" "${rps[1]}" | sort -n | tail -1)

size() { curl -s ${2:+-H "Accept-Encoding: $2"} "$base$1" | wc -c; }

echo
echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before $load_before, after $load_after;"
echo "$(tail -1 "$data/grow.log") 1,601 seeded procedures (seed + growth took ${grow_s%.*} s);"
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 10s --latency -H 'Accept-Encoding: $ENCODING'; ceiling = the faster of the first two rows."
echo
echo "| page | URL | req/s | of ceiling | p50 ms | p99 ms | errors | raw bytes | br bytes | gzip bytes |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for i in "${!urls[@]}"; do
  u=${urls[$i]}
  ratio=$(awk -v a="${rps[$i]}" -v c="$ceiling" 'BEGIN { printf "%.0f%%", 100 * a / c }')
  short=$u; [ ${#short} -gt 48 ] && short="${short:0:45}..."
  echo "| ${names[$i]} | \`$short\` | ${rps[$i]} | $ratio | ${p50[$i]} | ${p99[$i]} | ${errs[$i]} | $(size "$u") | $(size "$u" br) | $(size "$u" gzip) |"
done
echo
echo "Server RSS after the run: $((rss_kb / 1024)) MB (peak $((hwm_kb / 1024)) MB)."
