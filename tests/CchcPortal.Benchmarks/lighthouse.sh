#!/usr/bin/env bash
# Lighthouse, mobile (issue 20; not part of CI): Release build, a temp data folder (seed + a few answered questions),
# the portal on 127.0.0.1 only, then Lighthouse 12.2.3 (npm ci in ./lighthouse, pinned by its package-lock.json)
# against Debian's Chromium for the home page, a procedure, an answer and the search page. Prints a Markdown table
# (docs/benchmarks.md) and, under it, every audit below full score.
# Usage: lighthouse.sh   (env: KEEP_DATA=1 keeps the data folder and the JSON reports; CHROME_PATH=/usr/bin/chromium)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH (apt-get install -y chromium)" >&2; exit 1; }

echo "installing Lighthouse (npm ci)..." >&2
(cd "$here/lighthouse" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
lighthouse="$here/lighthouse/node_modules/.bin/lighthouse"

cd "$repo/src/CchcPortal.Web"   # content root: appsettings.json as in production
echo "building Release..." >&2
dotnet build -c Release -v q -nologo >/dev/null
dll=bin/Release/net10.0/CchcPortal.Web.dll

data=$(mktemp -d /tmp/cchc-lighthouse.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  if [ "${KEEP_DATA:-0}" = 1 ]; then echo "data and reports kept in $data" >&2; else rm -rf "$data"; fi
}
trap cleanup EXIT INT TERM

export Portal__DataPath="$data" CCHC_ADMIN_PASSWORD='Lighthouse!Passw0rd#1' ASPNETCORE_ENVIRONMENT=Production
# A fresh portal publishes no answer: the benchmark grower adds a few answered, published questions (it seeds first).
echo "seeding $data and adding answered questions..." >&2
dotnet "$dll" grow-demo-data --posts 0 --questions 3 --confirm > "$data/grow.log" 2>&1 || { cat "$data/grow.log" >&2; exit 1; }
dotnet "$dll" --urls "$base" > "$data/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.25; done
curl -sf "$base/healthz" >/dev/null || { echo "portal did not start" >&2; tail -20 "$data/server.log" >&2; exit 1; }

first_link() { curl -s "$base$1" | grep -o "href=\"$2[^\"#?]*\"" | head -1 | cut -d'"' -f2; }
procedure=$(curl -s -o /dev/null -w '%{redirect_url}' "$base/tthc/1.001193" | sed "s|^$base||")
answer=$(first_link /hoi-dap/da-tra-loi /hoi-dap/cau-hoi/)
[ -n "$procedure" ] && [ -n "$answer" ] || { echo "no procedure ($procedure) or answer ($answer) found" >&2; exit 1; }
names=("home" "procedure" "answer" "search")
urls=("/" "$procedure" "$answer" "/tim-kiem?q=%C4%91%C4%83ng+k%C3%BD+khai+sinh")   # "đăng ký khai sinh"

# Each page's first request fills the output cache; Lighthouse measures what a citizen gets after that.
for u in "${urls[@]}"; do curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' "$base$u"; done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for i in "${!urls[@]}"; do
  echo "lighthouse ${names[$i]} ${urls[$i]}..." >&2
  "$lighthouse" "$base${urls[$i]}" --quiet --output=json --output-path="$data/lh-$i.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$data/lh-$i.log" \
    || { cat "$data/lh-$i.log" >&2; exit 1; }
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before $load_before, after $load_after;"
echo "Lighthouse $("$lighthouse" --version), $("$CHROME_PATH" --version 2>/dev/null), mobile form factor with simulated throttling (the defaults)."
echo
echo "| page | URL | performance | accessibility | best practices | SEO |"
echo "|---|---|---:|---:|---:|---:|"
for i in "${!urls[@]}"; do
  node -e '
    const r = require(process.argv[1]), c = r.categories, s = k => Math.round(c[k].score * 100);
    const scores = ["performance", "accessibility", "best-practices", "seo"].map(s).join(" | ");
    console.log(`| ${process.argv[2]} | \`${decodeURI(process.argv[3])}\` | ${scores} |`);
  ' "$data/lh-$i.json" "${names[$i]}" "${urls[$i]}"
done
echo
echo "Audits below full score (weighted in a category; metrics in performance are shown with their value):"
for i in "${!urls[@]}"; do
  node -e '
    const r = require(process.argv[1]), seen = new Set(), out = [];
    for (const cat of Object.values(r.categories))
      for (const ref of cat.auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight === 0 || a.score === null || a.score >= 1 || seen.has(a.id)) continue;
        seen.add(a.id);
        out.push(`${a.id} ${Math.round(a.score * 100)}${a.displayValue ? ` (${a.displayValue})` : ""}`);
      }
    console.log(`- ${process.argv[2]}: ${out.length ? out.join(", ") : "none"}`);
  ' "$data/lh-$i.json" "${names[$i]}"
done
