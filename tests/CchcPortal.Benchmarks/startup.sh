#!/usr/bin/env bash
# Cold start and home page size of the portal (Release build, loopback only). Usage: startup.sh [empty-data-dir]
set -u
cd "$(dirname "$0")/../../src/CchcPortal.Web"
dotnet build -c Release -v q -nologo >/dev/null
data=${1:-$(mktemp -d)}; rm -rf "$data"
start=$(date +%s.%N)
Portal__DataPath=$data dotnet bin/Release/net10.0/CchcPortal.Web.dll --urls http://127.0.0.1:5055 > /tmp/run2.log 2>&1 &
pid=$!
for i in $(seq 1 600); do curl -sf http://127.0.0.1:5055/healthz >/dev/null && break; sleep 0.05; done
end=$(date +%s.%N); echo "first start (migrate+seed) to healthz: $(echo "$end - $start" | bc) s"
curl -s http://127.0.0.1:5055/ -o /tmp/h.html; echo "home raw: $(wc -c < /tmp/h.html) bytes"
echo "home br: $(curl -s -H 'Accept-Encoding: br' http://127.0.0.1:5055/ | wc -c) bytes"
echo "home gzip: $(curl -s -H 'Accept-Encoding: gzip' http://127.0.0.1:5055/ | wc -c) bytes"
css=$(grep -oE '/_content/[^"]*site(\.[a-z0-9]+)?\.css' /tmp/h.html | head -1); js=$(grep -oE '/_content/[^"]*site(\.[a-z0-9]+)?\.js' /tmp/h.html | head -1)
echo "site.css br: $(curl -s -H 'Accept-Encoding: br' "http://127.0.0.1:5055$css" | wc -c) bytes; site.js br: $(curl -s -H 'Accept-Encoding: br' "http://127.0.0.1:5055$js" | wc -c) bytes"
kill $pid; wait $pid 2>/dev/null
start=$(date +%s.%N)
Portal__DataPath=$data dotnet bin/Release/net10.0/CchcPortal.Web.dll --urls http://127.0.0.1:5055 > /tmp/run3.log 2>&1 &
pid=$!
for i in $(seq 1 600); do curl -sf http://127.0.0.1:5055/healthz >/dev/null && break; sleep 0.05; done
end=$(date +%s.%N); echo "restart on existing data to healthz: $(echo "$end - $start" | bc) s"
kill $pid; wait $pid 2>/dev/null
