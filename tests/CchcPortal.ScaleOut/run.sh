#!/usr/bin/env bash
# Multi-node test (issue 21, item 5; not part of .ci/run, see README "Scale-out test"): the published portal as two
# nodes on 127.0.0.1 behind Debian's nginx (round-robin), on one throwaway PostgreSQL cluster and one redis-server,
# all started here on free loopback ports under one temp folder and stopped on exit. Prints PASS/FAIL per assertion
# and a Markdown table of throughput through nginx with one node and with two; exits non-zero on any FAIL.
#   a-e  cross_node_checks.py: publish on A -> page and search on B within 5 s; an edit evicts on both; a session
#        and a form token from A work on B; a proof of work used on A is refused on B; each e-mail written once
#   g    wrk through nginx over the same URLs with two nodes, then one (nginx reloaded with A only)
#   f    load through nginx (wrk + submit_loop.py), SIGKILL of node A a third of the way in: no GET fails after the
#        kill, every question that showed a tracking code is in PostgreSQL, and its e-mail is sent (by B)
# Needs: the .NET SDK, postgresql (initdb/pg_ctl), redis-server, nginx, wrk, python3, curl; run as root or as a user
# that may run initdb. Env: APP=dir (an earlier `dotnet publish` output, skips publishing), KEEP=1 (keep the temp
# folder), BENCH_SECONDS=10 (each throughput run), LOAD_SECONDS=24 (failover load), CONNECTIONS=16, PIN_NODES=1.
set -euo pipefail
BENCH_SECONDS=${BENCH_SECONDS:-10}
LOAD_SECONDS=${LOAD_SECONDS:-24}
CONNECTIONS=${CONNECTIONS:-16}
ENCODING='br, gzip'

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
started_at=$(date +%s)
failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
die() { echo "FAIL $*" >&2; exit 1; }

for tool in curl wrk python3 redis-server /usr/sbin/nginx; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y curl wrk python3 redis-server nginx)"
done
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || die "PostgreSQL is missing (apt-get install -y postgresql)"

tmp=$(mktemp -d /tmp/cchc-scaleout.XXXXXX)
chmod 755 "$tmp"   # the postgres user and nginx's workers reach their folders inside
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$tmp/pg/data/postmaster.pid" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/pg/data" -m immediate stop >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" || true; }

# --- the app, published once ------------------------------------------------------------------------------------
app=${APP:-$tmp/app}
if [ -z "${APP:-}" ]; then
  echo "publishing (Release)..." >&2
  dotnet publish "$repo/src/CchcPortal.Web" -c Release -o "$app" -v q -nologo > "$tmp/publish.log" 2>&1 \
    || { tail -30 "$tmp/publish.log" >&2; die "dotnet publish failed"; }
fi
# A build without them ignores Database:* and Redis:* and runs each node on its own SQLite file: then the
# cross-node assertions fail, as they should.
[ -f "$app/CchcPortal.Data.PostgreSql.dll" ] || fail "this build has no PostgreSQL provider (src/CchcPortal.Data.PostgreSql)"
ls "$app"/*StackExchangeRedis*.dll >/dev/null 2>&1 || fail "this build has no Redis support (StackExchange.Redis)"

# --- PostgreSQL and Redis ---------------------------------------------------------------------------------------
pg_port=$(free_port)
mkdir -p "$tmp/pg" && chown postgres "$tmp/pg"
runuser -u postgres -- "$pgbin/initdb" -D "$tmp/pg/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync > "$tmp/pg/initdb.log" 2>&1 \
  || { cat "$tmp/pg/initdb.log" >&2; die "initdb failed"; }
runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/server.log" -w \
  -o "-p $pg_port -k $tmp/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off" start >/dev/null \
  || { cat "$tmp/pg/server.log" >&2; die "PostgreSQL did not start"; }
psql() { command psql -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
psql -q -c 'CREATE DATABASE cchc' postgres

redis_port=$(free_port)
mkdir -p "$tmp/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$tmp/redis" > "$tmp/redis/server.log" 2>&1 &
pids+=($!)

# --- nginx: round-robin over the nodes; idempotent requests retried on the other node when one fails -------------
nginx_port=$(free_port); port_a=$(free_port); port_b=$(free_port)
mkdir -p "$tmp/nginx/logs" "$tmp/nginx/temp"
chown -R www-data "$tmp/nginx/temp" 2>/dev/null || chmod -R 777 "$tmp/nginx/temp"
write_nginx_conf() {   # args: the node ports of the upstream
  local servers=""
  for p in "$@"; do servers+="    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'; done
  sed -e "s#@SERVERS@#${servers//$'\n'/\\n}#" -e "s#@PORT@#$nginx_port#" -e "s#@TMP@#$tmp/nginx#g" "$here/nginx.conf.template" > "$tmp/nginx/nginx.conf"
}
write_nginx_conf "$port_a" "$port_b"
/usr/sbin/nginx -t -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" > "$tmp/nginx/test.log" 2>&1 || { cat "$tmp/nginx/test.log" >&2; die "nginx configuration"; }
/usr/sbin/nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
pids+=($!)
reload_nginx() { write_nginx_conf "$@"; /usr/sbin/nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -s reload 2>/dev/null; sleep 1; }
lb="http://127.0.0.1:$nginx_port"

# --- two nodes, started together (one migrates and seeds, the other waits for it) --------------------------------
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Database__Provider=PostgreSql \
  Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Database=cchc;Username=postgres" \
  Redis__Configuration="127.0.0.1:$redis_port,abortConnect=false" \
  Portal__SharedPath="$tmp/shared" Portal__PublicBaseUrl="$lb" \
  Portal__ReverseProxy__KnownProxies=127.0.0.1 \
  Portal__AntiSpam__HmacKey="$(head -c 32 /dev/urandom | base64)" Portal__AntiSpam__MaxNumber=2000 \
  Portal__RateLimits__PublicPostsPerMinute=100000 Portal__RateLimits__LookupsPerMinute=100000 \
  Portal__Security__RequireTwoFactorForAdministrators=false \
  CCHC_ADMIN_EMAIL=admin@scaleout.test CCHC_ADMIN_PASSWORD='Sc4le!Out#Passw0rd'
mkdir -p "$tmp/shared"
node_pid=()
# Each node on a core of its own (A on CPU 0, B on CPU 1), so that two nodes have twice the CPU of one, as two
# machines would; nginx, PostgreSQL, Redis and wrk float. PIN_NODES=0 lets the nodes float too.
pin() { if [ "${PIN_NODES:-1}" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then echo "taskset -c $1"; fi; }
start_node() {   # name port cpu
  mkdir -p "$tmp/$1"
  (cd "$app" && Portal__DataPath="$tmp/$1" exec $(pin "$3") dotnet CchcPortal.Web.dll --urls "http://127.0.0.1:$2" > "$tmp/$1.log" 2>&1) &
  pids+=($!); node_pid+=($!)
}
wait_ready() {   # name port: /healthz (started), then /healthz/ready (its search index caught up) where the build has it
  local base="http://127.0.0.1:$2"
  for _ in $(seq 1 600); do [ "$(status "$base/healthz")" = 200 ] && break; sleep 0.5; done
  [ "$(status "$base/healthz")" = 200 ] || { tail -30 "$tmp/$1.log" >&2; die "node $1: no healthy /healthz after 300 s"; }
  for _ in $(seq 1 600); do
    case $(status "$base/healthz/ready") in 200|404) return 0 ;; esac
    sleep 0.5
  done
  die "node $1: /healthz/ready not ready after 300 s"
}
echo "starting PostgreSQL $pg_port, Redis $redis_port, nginx $nginx_port, node A $port_a, node B $port_b in $tmp" >&2
t0=$(date +%s.%N)
start_node a "$port_a" 0; start_node b "$port_b" 1
wait_ready a "$port_a"; ready_a=$(date +%s.%N)
wait_ready b "$port_b"; ready_b=$(date +%s.%N)
pass "both nodes ready (A $(echo "$ready_a - $t0" | bc | cut -c1-5) s, B $(echo "$ready_b - $t0" | bc | cut -c1-5) s after start; one migrated and seeded)"
admins=$(psql -At -c 'SELECT count(*) FROM "AspNetUsers"' cchc 2>&1 || true)
[ "$admins" = 1 ] && pass "one first administrator, although two nodes started at once" || fail "$admins users after two simultaneous first starts"
[ "$(status "$lb/")" = 200 ] && pass "nginx serves the home page" || fail "nginx: home page HTTP $(status "$lb/")"

# --- a-e ---------------------------------------------------------------------------------------------------------
CHECKS_OUT="$tmp/checks.out" python3 "$here/cross_node_checks.py" "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" \
  "$tmp/a/mail-pickup" "$tmp/b/mail-pickup" || failures=$((failures + $?))
slug=$(sed -n 's/^slug=//p' "$tmp/checks.out" 2>/dev/null || true)

# --- g. throughput through nginx: two nodes, then one -----------------------------------------------------------
cached="$repo/tests/CchcPortal.Benchmarks/soak.lua"   # cycles through the URLs: output-cache hits once warm
procedure=$(curl -s "$lb/thu-tuc-hanh-chinh" | grep -o 'href="/thu-tuc-hanh-chinh/[a-z0-9.-]*"' | head -1 | cut -d'"' -f2)
printf '%s\n' / /thu-tuc-hanh-chinh /hoi-dap "$procedure" ${slug:+/tin-tuc/$slug} > "$tmp/pages.txt"
for q in "khai sinh" "đăng ký kết hôn" "giấy phép xây dựng" "đất đai" "chứng thực bản sao" "hộ kinh doanh"; do
  echo "/tim-kiem?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$q")"
done > "$tmp/search.txt"   # uncached.lua makes each request a distinct URL: searched and rendered every time
# Warm both nodes (the output cache, and the JIT of the search and render paths), then a short wrk on each.
for port in "$port_a" "$port_b"; do
  while read -r u; do for _ in 1 2; do curl -s -o /dev/null -H "Accept-Encoding: $ENCODING" "http://127.0.0.1:$port$u"; done; done < "$tmp/pages.txt"
  while read -r u; do curl -s -o /dev/null -H "Accept-Encoding: $ENCODING" "http://127.0.0.1:$port$u&n=warm"; done < "$tmp/search.txt"
  wrk -t1 -c4 -d3s -s "$here/uncached.lua" "http://127.0.0.1:$port" -- "$tmp/search.txt" > /dev/null
  wrk -t1 -c4 -d2s -s "$cached" "http://127.0.0.1:$port" -- "$tmp/pages.txt" > /dev/null
done
bench() {   # urls-file wrk-script -> "req/s p50 p99 errors"
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${BENCH_SECONDS}s" --timeout 10s -H "Accept-Encoding: $ENCODING" -s "$2" "$lb" -- "$1")
  local rps; rps=$(echo "$out" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
  local non2xx; non2xx=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
  read -r _ req fivexx p50 p99 sockerr <<< "$(echo "$out" | grep '^SOAK')"
  echo "$rps $p50 $p99 $(( ${non2xx:-0} + sockerr ))"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read -r two_pages two_pages_p50 two_pages_p99 two_pages_err <<< "$(bench "$tmp/pages.txt" "$cached")"
read -r two_search two_search_p50 two_search_p99 two_search_err <<< "$(bench "$tmp/search.txt" "$here/uncached.lua")"
reload_nginx "$port_a"
read -r one_pages one_pages_p50 one_pages_p99 one_pages_err <<< "$(bench "$tmp/pages.txt" "$cached")"
read -r one_search one_search_p50 one_search_p99 one_search_err <<< "$(bench "$tmp/search.txt" "$here/uncached.lua")"
reload_nginx "$port_a" "$port_b"
direct() {   # port -> rendered searches/s of that node alone, without nginx
  wrk -t2 -c"$CONNECTIONS" -d5s --timeout 10s -H "Accept-Encoding: $ENCODING" -s "$here/uncached.lua" "http://127.0.0.1:$1" -- "$tmp/search.txt" \
    | awk '/^Requests\/sec:/ { printf "%.0f", $2 }'
}
search_a=$(direct "$port_a"); search_b=$(direct "$port_b")
for e in "$two_pages_err" "$two_search_err" "$one_pages_err" "$one_search_err"; do
  [ "$e" = 0 ] || { fail "g. throughput runs had $two_pages_err/$two_search_err/$one_pages_err/$one_search_err errors"; break; }
done
echo "g. pages $one_pages -> $two_pages req/s, search $one_search -> $two_search req/s (one node -> two)" >&2

# --- f. failover under load --------------------------------------------------------------------------------------
kill_at=$(( LOAD_SECONDS / 3 ))
end=$(( $(date +%s) + LOAD_SECONDS ))
python3 "$here/submit_loop.py" "$lb" "$end" 2 > "$tmp/submissions.txt" 2> "$tmp/submit-errors.txt" &
submitter=$!; pids+=($submitter)
(sleep "$kill_at"; kill -KILL "${node_pid[0]}"; date +%s.%N > "$tmp/killed_at") &
pids+=($!)
during=$(wrk -t2 -c"$CONNECTIONS" -d"$(( LOAD_SECONDS * 2 / 3 ))s" --timeout 10s -H "Accept-Encoding: $ENCODING" \
  -s "$cached" "$lb" -- "$tmp/pages.txt")
after=$(wrk -t2 -c"$CONNECTIONS" -d"$(( LOAD_SECONDS - LOAD_SECONDS * 2 / 3 ))s" --timeout 10s -H "Accept-Encoding: $ENCODING" \
  -s "$cached" "$lb" -- "$tmp/pages.txt")
wait "$submitter" || true
[ -f "$tmp/killed_at" ] && ! kill -0 "${node_pid[0]}" 2>/dev/null && pass "f. node A SIGKILLed under load ${kill_at} s in" || fail "f. node A was not killed"
errors() { echo "$1" | awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }'; }
requests() { echo "$1" | awk '/requests in/ { print $1 }'; }
during_err=$(errors "$during"); during_req=$(requests "$during"); after_err=$(errors "$after"); after_req=$(requests "$after")
during_req=${during_req:-0}; after_req=${after_req:-0}
ratio=$(awk -v e="$during_err" -v n="$during_req" 'BEGIN { printf "%.3f%%", n ? 100 * e / n : 0 }')
[ "$during_err" -le $(( during_req / 100 )) ] && pass "f. GETs through nginx while A was killed: $during_err errors of $during_req ($ratio)" \
  || fail "f. GETs through nginx while A was killed: $during_err errors of $during_req ($ratio)"
[ "$after_err" = 0 ] && [ "${after_req:-0}" -gt 0 ] && pass "f. GETs through nginx after the kill, B alone: $after_req, no error" \
  || fail "f. GETs through nginx after the kill: $after_err errors of $after_req"

awk '$3 != "-" { print $3 }' "$tmp/submissions.txt" | sort > "$tmp/codes-shown.txt"
attempts=$(wc -l < "$tmp/submissions.txt"); shown=$(wc -l < "$tmp/codes-shown.txt")
{ psql -At -c 'SELECT "Code" FROM "QuestionCases"' cchc || true; } | sort > "$tmp/codes-stored.txt"
missing=$(comm -23 "$tmp/codes-shown.txt" "$tmp/codes-stored.txt" | wc -l)
[ "$shown" -gt 0 ] && [ "$missing" = 0 ] && pass "f. every question that showed a tracking code is stored: $shown of $attempts submissions got one ($(awk '$2 != 303' "$tmp/submissions.txt" | wc -l) refused or failed while A died)" \
  || fail "f. $missing of $shown tracking codes shown are not in the database ($attempts submissions)"

# The confirmations of those questions are sent after A died: B took over the mail sender.
mailed() { python3 "$here/mail_pickup.py" "$tmp/a/mail-pickup" "$tmp/b/mail-pickup" | sort -u; }
for _ in $(seq 1 90); do
  unsent=$(comm -23 "$tmp/codes-shown.txt" <(mailed) | wc -l)
  [ "$unsent" = 0 ] && break; sleep 1
done
[ "$unsent" = 0 ] && [ "$shown" -gt 0 ] && pass "f. the confirmation e-mail of every one of them was sent, by B after A died" \
  || fail "f. $unsent confirmations not sent 90 s after the load (is the mail sender's lease taken over?)"

# --- results -----------------------------------------------------------------------------------------------------
took=$(( $(date +%s) - started_at ))
{
  echo
  echo "Scale-out run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $([ -n "$(pin 0)" ] && echo "node A pinned to CPU 0, B to CPU 1" || echo "nodes not pinned"), nginx/PostgreSQL/Redis/wrk floating; load average before the throughput runs $load_before;"
  echo "wrk -t2 -c$CONNECTIONS -d${BENCH_SECONDS}s --timeout 10s -H 'Accept-Encoding: $ENCODING' through nginx, soak.lua cycling the URLs; script took ${took} s."
  echo
  echo "| URLs through nginx | one node req/s | p50/p99 ms | two nodes req/s | p50/p99 ms |"
  echo "|---|---:|---:|---:|---:|"
  echo "| $(paste -sd' ' "$tmp/pages.txt" | sed 's/ /, /g') (output cache) | $one_pages | $one_pages_p50/$one_pages_p99 | $two_pages | $two_pages_p50/$two_pages_p99 |"
  echo "| $(wc -l < "$tmp/search.txt") searches (\`/tim-kiem?q=khai+sinh\`...), each URL new: rendered, not cached | $one_search | $one_search_p50/$one_search_p99 | $two_search | $two_search_p50/$two_search_p99 |"
  echo
  echo "Rendered searches straight to each node (no nginx, 5 s each, one after the other): A $search_a req/s, B $search_b req/s."
  echo "Failover: $during_req GETs while node A was SIGKILLed ${kill_at} s in, $during_err errors ($ratio); $after_req after, $after_err errors;"
  echo "$attempts question submissions, $shown showed a tracking code, all stored."
} | tee "$tmp/results.md"
if [ "$failures" -gt 0 ]; then
  echo "FAILED: $failures assertion(s); logs: $tmp/*.log (KEEP=1 keeps them)" >&2
  exit 1
fi
echo "ALL PASSED in ${took} s" >&2
