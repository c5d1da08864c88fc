#!/usr/bin/env bash
# Bounded soak (issue 19, item 9; not part of CI): Release build, a temp data folder (seed with the 1,601
# procedures), the portal on 127.0.0.1 only; for DURATION seconds wrk cycles through reads (home, lists, articles,
# procedures, answers, directory) and varied searches, while soak_submit.py posts a question (proof of work solved)
# every SUBMIT_EVERY seconds. Each minute: requests, 5xx, p50/p99 of the reads and searches, submissions, server RSS.
# Prints a Markdown table (docs/benchmarks.md); exits non-zero on any 5xx or failed submission (socket errors and
# timeouts of wrk are shown, not failed on: on a busy machine they measure the machine).
# With LIVE_HEAP=1 it ends with dotnet-gcdump (installed into the temp folder from the NuGet feed): the heap that is
# still alive after the full GC the dump forces, and RSS 10 s after it. A leak shows as a live heap that grows with
# the duration; collector headroom shows as RSS that falls back once collected.
# Usage: soak.sh   (env: DURATION=600, CONNECTIONS=8, THREADS=1, SUBMIT_EVERY=5, KEEP_DATA=1, LIVE_HEAP=1)
set -euo pipefail
DURATION=${DURATION:-600}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
SUBMIT_EVERY=${SUBMIT_EVERY:-5}
ENCODING='br, gzip'

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

cd "$repo/src/CchcPortal.Web"   # content root: appsettings.json as in production
echo "building Release..." >&2
dotnet build -c Release -v q -nologo >/dev/null
dll=bin/Release/net10.0/CchcPortal.Web.dll

data=$(mktemp -d /tmp/cchc-soak.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
pid=""; submitter=""
cleanup() {
  [ -n "$submitter" ] && kill "$submitter" 2>/dev/null || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  if [ "${KEEP_DATA:-0}" = 1 ]; then echo "data kept in $data" >&2; else rm -rf "$data"; fi
}
trap cleanup EXIT INT TERM

# Public form POSTs all come from 127.0.0.1 here: the per-address limit is raised so the soak measures the server.
export Portal__DataPath="$data" CCHC_ADMIN_PASSWORD='Soak!Passw0rd#Load' ASPNETCORE_ENVIRONMENT=Production \
  Portal__RateLimits__PublicPostsPerMinute=100000 Portal__RateLimits__LookupsPerMinute=100000
echo "starting (first start seeds $data)..." >&2
dotnet "$dll" --urls "$base" > "$data/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.25; done
curl -sf "$base/healthz" >/dev/null || { echo "portal did not start" >&2; tail -20 "$data/server.log" >&2; exit 1; }

# The URL mix, from this database: pages, a dozen of each kind of detail page, varied search queries.
links() { curl -s "$base$1" | { grep -o "href=\"$2[^\"#?]*\"" || true; } | cut -d'"' -f2 | { grep -v -e /the/ -e chuyen-muc || true; } | sort -u | head -"${3:-12}"; }
urls="$data/urls.txt"
{
  printf '%s\n' / /tin-tuc '/tin-tuc?trang=2' '/tin-tuc?trang=5' /thu-tuc-hanh-chinh '/thu-tuc-hanh-chinh?trang=3' \
    /hoi-dap /hoi-dap/da-tra-loi /co-quan /duong-day-nong /van-ban /chi-so-cchc /robots.txt
  links /tin-tuc /tin-tuc/
  links /thu-tuc-hanh-chinh /thu-tuc-hanh-chinh/
  links '/thu-tuc-hanh-chinh?trang=7' /thu-tuc-hanh-chinh/
  links /hoi-dap/da-tra-loi /hoi-dap/cau-hoi/
  links /co-quan /co-quan/ 6
  for q in "cải cách hành chính" "khai sinh" "đăng ký kết hôn" "giấy phép xây dựng" "đất đai" "hộ tịch" \
    "chứng thực bản sao" "thuế" "bảo hiểm xã hội" "dịch vụ công trực tuyến" "một cửa" "căn cước" "lệ phí" \
    "thời hạn giải quyết" "khiếu nại" "doanh nghiệp" "hộ kinh doanh" "PAR Index" "SIPAS" "trợ cấp"; do
    enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$q")
    echo "/tim-kiem?q=$enc"; echo "/tim-kiem?q=$enc&trang=2"
  done
} > "$urls"
echo "$(wc -l < "$urls") URLs; warming..." >&2
while read -r u; do curl -s -o /dev/null -H "Accept-Encoding: $ENCODING" "$base$u"; done < "$urls"

submissions="$data/submissions.txt"
python3 "$here/soak_submit.py" "$base" "$SUBMIT_EVERY" "$(( $(date +%s) + DURATION ))" > "$submissions" 2> "$data/submit-errors.txt" &
submitter=$!

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=(); total5xx=0; totalfail=0
minutes=$(( (DURATION + 59) / 60 ))
for m in $(seq 1 "$minutes"); do
  left=$(( DURATION - (m - 1) * 60 )); chunk=$(( left < 60 ? left : 60 ))
  from=$(date +%s)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${chunk}s" --timeout 10s -H "Accept-Encoding: $ENCODING" -s "$here/soak.lua" "$base" -- "$urls")
  to=$(date +%s)
  read -r _ req fivexx p50 p99 sockerr <<< "$(echo "$out" | grep '^SOAK')"
  window=$(awk -v a="$from" -v b="$to" '$1 >= a && $1 < b' "$submissions")
  subs=$(echo -n "$window" | grep -c . || true)
  subfail=$(echo -n "$window" | awk '$2 != 303' | grep -c . || true)
  subp50=$(echo -n "$window" | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "-" }')
  rss=$(( $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status") / 1024 ))
  # Anonymous memory (the GC heap and native allocations) apart from file pages (the memory-mapped search index,
  # which the kernel may drop at any time): a leak grows the first.
  anon=$(( $(awk '/^RssAnon/ { print $2 }' "/proc/$pid/status") / 1024 ))
  filerss=$(( $(awk '/^RssFile/ { print $2 }' "/proc/$pid/status") / 1024 ))
  total5xx=$(( total5xx + fivexx )); totalfail=$(( totalfail + subfail ))
  rows+=("| $m | $req | $fivexx | $sockerr | $p50 | $p99 | $subs | $subfail | $subp50 | $rss | $anon | $filerss |")
  echo "minute $m: $req requests, $fivexx 5xx, p99 $p99 ms, RSS $rss MB (anon $anon, file $filerss)" >&2
done
wait "$submitter" || true; submitter=""
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
hwm=$(( $(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status") / 1024 ))
live_heap=""
if [ "${LIVE_HEAP:-0}" = 1 ]; then
  dotnet tool install --tool-path "$data/tools" dotnet-gcdump >/dev/null
  "$data/tools/dotnet-gcdump" collect -p "$pid" -o "$data/end.gcdump" >/dev/null
  live_bytes=$("$data/tools/dotnet-gcdump" report "$data/end.gcdump" | awk '/GC Heap bytes/ { gsub(",", "", $1); print $1; exit }')
  sleep 10
  live_heap="Live heap after a forced full GC: $(( live_bytes / 1024 / 1024 )) MB; 10 s later RSS $(( $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status") / 1024 )) MB, anon $(( $(awk '/^RssAnon/ { print $2 }' "/proc/$pid/status") / 1024 )) MB."
fi
# A submission still running when the last minute closed is counted here.
late5xx=$(awk '$2 >= 500' "$submissions" | wc -l)

echo
echo "Soak $(date -u +%Y-%m-%dT%H:%MZ): ${DURATION} s, $(nproc) cores, load average before $load_before, after $load_after;"
echo "wrk -t$THREADS -c$CONNECTIONS over $(wc -l < "$urls") URLs (pages, details, searches) + one question every ${SUBMIT_EVERY} s."
echo
echo "| minute | requests | 5xx | socket errors | p50 ms | p99 ms | questions | failed | question ms | RSS MB | anon MB | file MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Server RSS peak $hwm MB; $(wc -l < "$submissions") questions submitted, $late5xx answered 5xx or failed."
[ -n "$live_heap" ] && echo "$live_heap"
if [ "$total5xx" -gt 0 ] || [ "$totalfail" -gt 0 ] || [ "$late5xx" -gt 0 ]; then
  echo "FAILED: $total5xx 5xx, $totalfail failed submissions" >&2
  tail -30 "$data/server.log" >&2
  exit 1
fi
