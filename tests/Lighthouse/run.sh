#!/usr/bin/env bash
# Lighthouse 12.2.3 (its default mobile preset: a 412×823 phone, slow 4G, 4× CPU slowdown) with Debian's Chromium
# over one page of every kind the portal serves: accessibility, best practices and SEO must each score at least
# $LIGHTHOUSE_MIN (default 95). Installs its own node_modules from package-lock.json (npm ci) when missing, builds and
# starts the portal on a fresh database at a free loopback port, and stops it on exit. Prints a table of the scores
# and ends with "lighthouse: N passed, N failed" (one per page); exit code 0 only when every page passed.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
min=${LIGHTHOUSE_MIN:-95}

fail() { echo "lighthouse: 0 passed, 1 failed — $*"; exit 1; }

command -v node >/dev/null 2>&1 || fail "node is not installed"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || fail "Chromium is not at $CHROME_PATH"
if [ ! -x "$here/node_modules/.bin/lighthouse" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci"
fi

work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

dotnet build src/LinkagePortal.Web -nologo -v q >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; fail "build"; }

# The port comes from below the kernel's range for outgoing connections, which any client on the machine (the suite's
# browsers, curl) may hold when the portal binds; a port taken between the probe and the bind is tried again.
low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
[ "$low" -gt 21000 ] 2>/dev/null || low=32768
ready=
for _ in 1 2 3; do
  port=
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % (low - 20000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || { port=$candidate; break; }
  done
  [ -n "$port" ] || fail "no free loopback port"
  base="http://127.0.0.1:$port"
  ASPNETCORE_ENVIRONMENT=Production dotnet src/LinkagePortal.Web/bin/Debug/net10.0/LinkagePortal.Web.dll --urls "$base" \
    --Database:DataDirectory "$work/data" --Portal:PublicBaseUrl "$base" --AllowedHosts "127.0.0.1;localhost" \
    --RateLimits:search:Burst 1000 --RateLimits:search:Refill 1000 >"$work/portal.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || break
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")" = 200 ] && { ready=1; break; }
    sleep 0.5
  done
  [ -n "$ready" ] && break
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=
  grep -qi "address already in use" "$work/portal.log" || break
done
[ -n "$ready" ] || { tail -20 "$work/portal.log"; fail "the portal did not start"; }

# One page of every kind. The printed notice is the notice's own page (print.css applies only when printing).
pages=(
  "/" "/regions/65" "/regions/6542" "/regions/654202" "/regions/654202109" "/regions/654202109200"
  "/regions/654202/projects?programme=bond" "/projects/654202-2024-010" "/documents" "/documents/xcz-2024-9"
  "/announcements" "/announcements/wusu-2024-gs-1" "/search?q=%E5%85%9A%E5%AE%B6%E5%BA%84%E6%9D%91" "/hotline"
  "/hotline/counties/654202" "/disclosure" "/checks" "/datasets" "/datasets/dictionary" "/about"
)

passed=0; failed=0
printf '%-45s %6s %6s %6s\n' page a11y bp seo
for path in "${pages[@]}"; do
  report="$work/report.json"
  rm -f "$report"
  "$here/node_modules/.bin/lighthouse" "$base$path" --quiet --only-categories=accessibility,best-practices,seo \
    --output=json --output-path="$report" --chrome-flags="--headless=new --no-sandbox --disable-gpu" >"$work/lh.log" 2>&1
  line=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const c = r.categories, min = Number(process.argv[2]);
    const s = ["accessibility", "best-practices", "seo"].map(k => Math.round((c[k] && c[k].score || 0) * 100));
    const low = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map(a => a.id).join(",");
    console.log(s.join(" ") + " " + (s.every(x => x >= min) ? "ok" : "low") + " " + low);
  ' "$report" "$min" 2>/dev/null) || line="0 0 0 error $(tail -1 "$work/lh.log")"
  read -r a11y bp seo verdict audits <<<"$line"
  printf '%-45s %6s %6s %6s %s\n' "$path" "$a11y" "$bp" "$seo" "${audits:+(failed audits: $audits)}"
  if [ "$verdict" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done

echo "lighthouse: $passed passed, $failed failed (minimum $min)"
[ "$failed" -eq 0 ]
