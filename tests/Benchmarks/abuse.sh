#!/usr/bin/env bash
# Abuse measurements for the hosting limits (issue 12), with and without the per-client limits:
#   1. a victim's latency on a cached page (/regions/654202) alone, then while one client hammers the API and search
#      with distinct, uncached requests at 64 connections;
#   2. the server's resident memory (VmRSS, VmHWM) after a flood of distinct search terms.
# Release build, seeded database in a temporary directory, server on core 0 and wrk on core 1 (2-core machines).
# Settings: DURATION (s, default 10), ATTACKERS (connections, default 64).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10}
ATTACKERS=${ATTACKERS:-64}
PORT=${PORT:-18090}
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }

dotnet build -c Release -v q -nologo src/LinkagePortal.Web >&2
dll=src/LinkagePortal.Web/bin/Release/net10.0/LinkagePortal.Web.dll
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# Distinct search terms and API lists: every request misses the cache.
cat >"$work/distinct.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  if n % 2 == 0 then return wrk.format("GET", "/search?q=%E6%B0%B4" .. n) end
  return wrk.format("GET", "/api/v1/lookup?q=%E6%B0%B4" .. n)
end
LUA

start() { # label args…
  taskset -c 0 dotnet "$dll" --urls="http://127.0.0.1:$PORT" --Database:DataDirectory="$work/db" --Portal:PublicBaseUrl="http://127.0.0.1:$PORT" \
    --Logging:LogLevel:Default=Warning "${@:2}" >"$work/$1.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
  for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$PORT/regions/654202"; done
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
memory() { awk '/VmRSS|VmHWM/ { printf "%s %.0f MB  ", $1, $2 / 1024 }' "/proc/$server/status"; echo; }
victim() { taskset -c 1 wrk -t1 -c4 -d"${DURATION}s" --latency -s tests/Benchmarks/report.lua "http://127.0.0.1:$PORT/regions/654202" | grep RESULT; }

unlimited=(--RateLimits:Expensive:Concurrent=100000 --RateLimits:Expensive:Queue=100000)
for kind in search api export; do unlimited+=("--RateLimits:$kind:Burst=100000000" "--RateLimits:$kind:Refill=100000000"); done

for mode in unlimited limited; do
  if [ "$mode" = unlimited ]; then start "$mode" "${unlimited[@]}"; else start "$mode"; fi
  echo "== $mode"
  echo -n "victim alone:            "; victim
  taskset -c 1 wrk -t1 -c"$ATTACKERS" -d"$((DURATION + 4))s" -s "$work/distinct.lua" "http://127.0.0.1:$PORT/" >"$work/$mode.attack" 2>&1 &
  attack=$!
  sleep 2
  echo -n "victim under attack:     "; victim
  wait "$attack" || true
  echo "attacker: $(grep -E 'Requests/sec' "$work/$mode.attack") $(grep -E 'Non-2xx' "$work/$mode.attack" || echo 'Non-2xx or 3xx responses: 0')"
  echo -n "memory after the flood:  "; memory
  stop
done
