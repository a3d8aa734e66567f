#!/usr/bin/env bash
# The portal at national scale, measured with public tools (wrk, taskset, /usr/bin/time from Debian):
#   bash tests/Benchmarks/run.sh
# builds Release, generates a synthetic database of 1,000,000 projects and 1,000,000 allocation rows (and one of
# 100,000 for the memory comparison) in a temporary directory, runs each server pinned to one core and wrk pinned to
# another, and prints one Markdown report: a Kestrel MapGet baseline serving the cached page's bytes from memory, the
# cached page; the uncached county, prefecture, autonomous-region and project pages, an API list, search (redirects
# followed) and the hotline lookup; the first county page after an import against the same page warm; the county
# page's Brotli size; the CSV export of every project; and the synthetic load time. The targets are ratios to the
# baseline because the machines it runs on are shared and noisy. It ends with one line per figure,
# `BENCH <name> <value>`, for machines to read.
#
# Background work: nothing is measured until each server's work from start-up is done (the bulk downloads, the
# timeliness report, the checks), as /healthz/background says ("Healthy"); waiting for it is reported. The servers are
# set up as a farm is in production: one node builds the bulk downloads (the cached server) and the other
# (the uncached one, --BulkDownloads:Build=false) serves the files it writes into the data directory they share. The
# imported file is IMPORT_FILE with every row's last column (a contact's note) marked as changed by the benchmark, so
# that the import changes what it names: an import that changes nothing leaves every cached page in place.
#
# Settings (environment): PROJECTS (1000000), SMALL (100000), DURATION seconds per measurement (10), WARMUP (3),
# ROUNDS (5), CONNECTIONS (32), SEARCH_CONNECTIONS (4), SERVER_CORE (0), LOAD_CORE (1), PORT (5181: the baseline;
# the cached and uncached portals take the next two), KEEP=1 keeps the databases (DATA=that directory reuses them),
# CACHED_PAGE, COUNTY_PAGE, PREFECTURE_PAGE, REGION_PAGE, PROJECT_PAGE, API_PAGE, SEARCH_PAGE and LOOKUP_PAGE (the
# terms are appended), CSV_PATH, IMPORT_FILE (changed, then imported into the running servers' database), REPORT (file),
# BACKGROUND_WAIT (3600: the longest wait, in seconds, for a server's background work from start-up), IMPORT_ROUNDS (3:
# imports whose first county page is timed; the median is reported).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

PROJECTS=${PROJECTS:-1000000}
SMALL=${SMALL:-100000}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-32}
SEARCH_CONNECTIONS=${SEARCH_CONNECTIONS:-4}
SERVER_CORE=${SERVER_CORE:-0}
LOAD_CORE=${LOAD_CORE:-1}
PORT=${PORT:-5181}
CACHED_PAGE=${CACHED_PAGE:-/regions/654202}
COUNTY_PAGE=${COUNTY_PAGE:-/regions/654202}
PREFECTURE_PAGE=${PREFECTURE_PAGE:-/regions/6542}
REGION_PAGE=${REGION_PAGE:-/regions/65}
API_PAGE=${API_PAGE:-/api/v1/projects?region=654202&limit=100}
IMPORT_FILE=${IMPORT_FILE:-content/data/contacts.csv}
PROJECT_PAGE=${PROJECT_PAGE:-/projects/654202-2024-001}
SEARCH_PAGE=${SEARCH_PAGE:-/search?q=}
LOOKUP_PAGE=${LOOKUP_PAGE:-/hotline?q=}
CSV_PATH=${CSV_PATH:-/api/v1/projects.csv}
BACKGROUND_WAIT=${BACKGROUND_WAIT:-3600}
IMPORT_ROUNDS=${IMPORT_ROUNDS:-3}
# Search terms as a reader or a hotline operator types them: villages, townships, kinds of work, units, codes.
SEARCH_TERMS=(科克萨拉 党家庄村 西大沟镇 温室大棚 防渗渠 安全饮水 八十四户乡 人民政府 654202-2024-001 乌苏市 牛羊养殖 冷链仓储)


# ---- Tools: wrk and GNU time from Debian when missing.
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -x /usr/bin/time ] || missing+=(time)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
cores=$(nproc)
if [ "$cores" -lt 2 ]; then
  echo "This benchmark pins the server and wrk to separate cores; this machine has $cores." >&2
  exit 2
fi

# ---- Build.
echo "Building Release" >&2
dotnet build -c Release -v q -nologo src/LinkagePortal.Web >&2
dotnet build -c Release -v q -nologo tests/Benchmarks/Baseline >&2
portal_dll=$root/src/LinkagePortal.Web/bin/Release/net10.0/LinkagePortal.Web.dll
baseline_dll=$root/tests/Benchmarks/Baseline/bin/Release/net10.0/Baseline.dll

work=$(mktemp -d -p "${TMPDIR:-/tmp}")
declare -A generated loaded
cleanup() {
  stop_servers
  if [ "${KEEP:-0}" = 1 ]; then echo "Kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap "exit 143" INT TERM

# The benchmark measures capacity from one client: the per-client rate limits and the cap on expensive work in
# flight (see tests/Benchmarks/abuse.sh for those) are lifted here. Run from the checkout, the portal reads no
# appsettings.json: the public address is given to the servers and the commands alike.
address=(--Portal:PublicBaseUrl=http://127.0.0.1)
unlimited=("${address[@]}" --RateLimits:Expensive:Concurrent=100000 --RateLimits:Expensive:Queue=100000)
for kind in search api export; do unlimited+=("--RateLimits:$kind:Burst=100000000" "--RateLimits:$kind:Refill=100000000"); done

# ---- Servers, each pinned to SERVER_CORE under /usr/bin/time -v ("Maximum resident set size"), on ports of their own.
declare -A time_pids server_pids
start_server() { # name port dll args…
  local name=$1 port=$2 dll=$3
  shift 3
  taskset -c "$SERVER_CORE" /usr/bin/time -v -o "$work/$name.time" \
    dotnet "$dll" --urls="http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning "${unlimited[@]}" "$@" >"$work/$name.log" 2>&1 &
  time_pids[$name]=$!
  for _ in $(seq 1 600); do
    server_pids[$name]=$(pgrep -P "${time_pids[$name]}" || true)
    if [ -n "${server_pids[$name]}" ] && curl -s -o /dev/null "http://127.0.0.1:$port/"; then
      return 0
    fi
    if ! kill -0 "${time_pids[$name]}" 2>/dev/null; then
      echo "The $name server stopped:" >&2
      cat "$work/$name.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "The $name server did not answer within a minute" >&2
  exit 1
}

# Waits until the server's background work for the present data is done (/healthz/background answers "Healthy").
# That work runs at the lowest OS priority: on a machine busy with other work it may take very long, so the wait is
# bounded (BACKGROUND_WAIT seconds) and the report says when it was cut short.
wait_background() { # name port
  local started waited
  started=$(date +%s)
  until [ "$(curl -s -m 10 "http://127.0.0.1:$2/healthz/background")" = Healthy ]; do
    if [ $(( $(date +%s) - started )) -gt "$BACKGROUND_WAIT" ]; then
      echo "The $1 server's background work did not finish within $BACKGROUND_WAIT s; measuring anyway" >&2
      background_waits+="$1 NOT FINISHED after $BACKGROUND_WAIT s; "
      return 0
    fi
    sleep 2
  done
  waited=$(( $(date +%s) - started ))
  background_waits+="$1 ${waited} s; "
  echo "The $1 server's background work from start-up took ${waited} s" >&2
}
background_waits=""

stop_server() { # name
  [ -n "${server_pids[$1]:-}" ] && kill -TERM "${server_pids[$1]}" 2>/dev/null || true
  [ -n "${time_pids[$1]:-}" ] && wait "${time_pids[$1]}" 2>/dev/null || true
  unset "server_pids[$1]" "time_pids[$1]"
}

stop_servers() {
  for name in "${!time_pids[@]}"; do stop_server "$name"; done
}

peak_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/${server_pids[$1]}/status"; }

# ---- Load: wrk pinned to LOAD_CORE, after a warm-up run (JIT, caches) that is discarded; a slow answer is waited
# for (30 s), not dropped. Each measurement is repeated ROUNDS times, the kinds taking turns, and the best round (the
# highest rate, with its latencies) is reported: the machines are shared, neighbours only ever slow a round down, and
# taking turns gives the baseline and the portal the same chances.
declare -A rounds bad
measure() { # key connections url [paths…]
  local key=$1 connections=$2 url=$3 result
  shift 3
  taskset -c "$LOAD_CORE" wrk -t1 -c"$connections" -d"${WARMUP}s" --timeout 30s -s tests/Benchmarks/report.lua "$url" -- "$@" >/dev/null
  result=$(taskset -c "$LOAD_CORE" wrk -t1 -c"$connections" -d"${DURATION}s" --timeout 30s -s tests/Benchmarks/report.lua "$url" -- "$@" | grep '^RESULT')
  rounds[$key]+="$(field "$result" rps) $(field "$result" p50_ms) $(field "$result" p95_ms) $(field "$result" p99_ms)"$'\n'
  bad[$key]=$(( ${bad[$key]:-0} + $(field "$result" errors) + $(field "$result" non2xx) ))
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# ---- Data: synthetic databases of their own (the command refuses the default one).
for size in "$PROJECTS" "$SMALL"; do
  if [ -n "${DATA:-}" ] && [ -f "$DATA/db-$size/linkage.db" ]; then
    echo "Copying the $size-project database kept in $DATA" >&2
    cp -r "$DATA/db-$size" "$work/"
    generated[$size]="(earlier run)"
    continue
  fi
  echo "Generating $size synthetic projects and allocation rows" >&2
  started=$(date +%s)
  dotnet "$portal_dll" synthetic --projects "$size" --allocations "$size" --seed 1 --Database:DataDirectory="$work/db-$size" "${address[@]}" >&2
  generated[$size]="$(( $(date +%s) - started )) s"
  loaded[$size]=$(( $(date +%s) - started ))
done
large="--Database:DataDirectory=$work/db-$PROJECTS"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- Pages: the portal with its output cache, the baseline serving the cached page's bytes, and the portal without
# output cache (every request renders from the 1M-project database), all three up at once.
declare -A status
cached=http://127.0.0.1:$((PORT + 1)) uncached=http://127.0.0.1:$((PORT + 2)) baseline=http://127.0.0.1:$PORT
start_server cached $((PORT + 1)) "$portal_dll" "$large"
wait_background cached $((PORT + 1))
status[cached]=$(curl -s -o "$work/page.html" -w '%{http_code}' "$cached$CACHED_PAGE")
content_type=$(curl -s -o /dev/null -w '%{content_type}' "$cached$CACHED_PAGE")
page_bytes=$(wc -c <"$work/page.html")
start_server baseline "$PORT" "$baseline_dll" --Body="$work/page.html" --ContentType="$content_type"
status[baseline]=$(curl -s -o /dev/null -w '%{http_code}' "$baseline/")
cmp -s "$work/page.html" <(curl -s "$baseline/") || { echo "The baseline does not serve the cached page's bytes" >&2; exit 1; }
start_server uncached $((PORT + 2)) "$portal_dll" "$large" --Benchmark:DisableOutputCache=true --BulkDownloads:Build=false
wait_background uncached $((PORT + 2))
status[county]=$(curl -s -o /dev/null -w '%{http_code}' "$uncached$COUNTY_PAGE")
status[prefecture]=$(curl -s -o /dev/null -w '%{http_code}' "$uncached$PREFECTURE_PAGE")
status[region]=$(curl -s -o /dev/null -w '%{http_code}' "$uncached$REGION_PAGE")
status[api]=$(curl -s -o /dev/null -w '%{http_code}' "$uncached$API_PAGE")
# The county page as a phone asking for Brotli receives it (bytes on the wire; curl saves them undecoded).
br_bytes=$(curl -s -H 'Accept-Encoding: br' -o "$work/page.br" -w '%{size_download}' "$cached$COUNTY_PAGE")
br_encoding=$(curl -s -H 'Accept-Encoding: br' -o /dev/null -D - "$cached$COUNTY_PAGE" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')
[ "$br_encoding" = br ] || br_bytes=n/a
# A project's public code redirects to its page: measure the page itself.
redirect=$(curl -s -o /dev/null -w '%{redirect_url}' "$uncached$PROJECT_PAGE")
[ -n "$redirect" ] && PROJECT_PAGE=${redirect#"$uncached"}
status[project]=$(curl -s -o /dev/null -w '%{http_code}' "$uncached$PROJECT_PAGE")
search_paths=() lookup_paths=()
for term in "${SEARCH_TERMS[@]}"; do
  encoded=$(printf '%s' "$term" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
  # A term that names one region or a project code answers with a redirect, which wrk does not follow: measure the
  # page a reader lands on instead.
  target=$(curl -s -o /dev/null -w '%{redirect_url}' "$uncached$SEARCH_PAGE$encoded")
  if [ -n "$target" ]; then search_paths+=("${target#"$uncached"}"); else search_paths+=("$SEARCH_PAGE$encoded"); fi
  lookup_paths+=("$LOOKUP_PAGE$encoded")
done
status[search]=$(curl -s -o /dev/null -w '%{http_code}' "$uncached${search_paths[0]}")
status[lookup]=$(curl -s -o /dev/null -w '%{http_code}' "$uncached${lookup_paths[0]}")

for round in $(seq 1 "$ROUNDS"); do
  echo "Round $round of $ROUNDS: baseline, cached page, uncached county, prefecture, region and project pages, API list, search, lookup" >&2
  measure baseline "$CONNECTIONS" "$baseline/"
  measure cached "$CONNECTIONS" "$cached$CACHED_PAGE"
  measure county "$CONNECTIONS" "$uncached$COUNTY_PAGE"
  measure prefecture "$CONNECTIONS" "$uncached$PREFECTURE_PAGE"
  measure region "$CONNECTIONS" "$uncached$REGION_PAGE"
  measure project "$CONNECTIONS" "$uncached$PROJECT_PAGE"
  measure api "$CONNECTIONS" "$uncached$API_PAGE"
  measure search "$SEARCH_CONNECTIONS" "$uncached/" "${search_paths[@]}"
  measure lookup "$SEARCH_CONNECTIONS" "$uncached/" "${lookup_paths[@]}"
done

# ---- After an import: the county page warm but uncached (median of 5, one at a time), then one small file imported
# into the running servers' database through the command, and the first county page the cached server renders once
# it has seen the new data version (it polls every 5 s), which includes whatever the import left to rebuild. A first
# request is one sample on a shared core, so the import is repeated (IMPORT_ROUNDS, each changing the file again) and
# the median first time is reported, with every round's.
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
warm_times=()
for _ in 1 2 3 4 5; do warm_times+=("$(curl -s -o /dev/null -w '%{time_total}' "$uncached$COUNTY_PAGE")"); done
warm_uncached_ms=$(ms "$(printf '%s\n' "${warm_times[@]}" | sort -g | sed -n 3p)")
first_times=()
status[after-import]=200
for round in $(seq 1 "$IMPORT_ROUNDS"); do
  awk -v r="$round" 'NR == 1 { print; next } NF { print $0 "（基准测试导入时更改 " r "）" }' "$IMPORT_FILE" >"$work/$(basename "$IMPORT_FILE")"
  echo "Importing $(basename "$IMPORT_FILE") (each row changed, round $round) into the running servers' database" >&2
  dotnet "$portal_dll" import "$work/$(basename "$IMPORT_FILE")" "$large" "${address[@]}" >&2
  sleep 6
  first_after_import=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$cached$COUNTY_PAGE")
  [ "${first_after_import% *}" = 200 ] || status[after-import]=${first_after_import% *}
  first_times+=("$(ms "${first_after_import#* }")")
done
first_after_import_ms=$(printf '%s\n' "${first_times[@]}" | sort -g | sed -n "$(( (IMPORT_ROUNDS + 1) / 2 ))p")
stop_servers

# ---- CSV export of every project, each size in a fresh server: rows/s and the process's peak memory.
declare -A csv_rows csv_seconds csv_idle csv_peak csv_time_peak
for size in "$SMALL" "$PROJECTS"; do
  echo "CSV export at $size projects" >&2
  # Only the export is measured here: this server builds no bulk downloads, and its other start-up work is waited for.
  start_server "csv-$size" "$PORT" "$portal_dll" --Database:DataDirectory="$work/db-$size" --BulkDownloads:Build=false
  wait_background "csv-$size" "$PORT"
  curl -s -o /dev/null "$baseline/" # one page rendered, so that idle memory includes a warmed-up server
  csv_idle[$size]=$(peak_kb "csv-$size")
  started=$(date +%s.%N)
  status[csv-$size]=$(taskset -c "$LOAD_CORE" curl -s -o "$work/export.csv" -w '%{http_code}' "$baseline$CSV_PATH")
  finished=$(date +%s.%N)
  csv_rows[$size]=$(( $(wc -l <"$work/export.csv") - 1 )) # one header line; the synthetic rows hold no line breaks
  [ "${status[csv-$size]}" = 200 ] || csv_rows[$size]=0
  csv_seconds[$size]=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.2f", b - a }')
  csv_peak[$size]=$(peak_kb "csv-$size")
  stop_server "csv-$size"
  csv_time_peak[$size]=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/csv-$size.time")
  rm -f "$work/export.csv"
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- Report.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "n/a") printf "%.1f", 100 * a / b; else print "n/a" }'; }
verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN { if (v == "n/a") print "NOT MEASURED"; else if ((dir == ">=" && v >= t) || (dir == "<=" && v <= t)) print "met"; else print "**MISSED**" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
declare -A rps p50 p95 p99 range
for key in "${!rounds[@]}"; do
  read -r rps[$key] p50[$key] p95[$key] p99[$key] < <(grep . <<<"${rounds[$key]}" | sort -k1,1gr | head -1)
  range[$key]=$(grep . <<<"${rounds[$key]}" | awk 'NR == 1 || $1 < lo { lo = $1 } NR == 1 || $1 > hi { hi = $1 } END { printf "%.0f–%.0f", lo, hi }')
done
row() { # label key
  local note=""
  [ "${bad[$2]:-0}" -gt 0 ] && note=" (${bad[$2]} errors/non-2xx)"
  [ "${status[$2]}" != 200 ] && note="$note (HTTP ${status[$2]})"
  echo "| $1$note | ${rps[$2]} | ${range[$2]} | ${p50[$2]} | ${p95[$2]} | ${p99[$2]} | $(ratio "${rps[$2]}" "${rps[baseline]}") % |"
}

cached_ratio=$(ratio "${rps[cached]}" "${rps[baseline]}")
county_ratio=$(ratio "${rps[county]}" "${rps[baseline]}")
[ "${status[cached]}" = 200 ] || cached_ratio=n/a
[ "${status[county]}" = 200 ] || county_ratio=n/a
# A measurement in which no request finished has no latency to judge.
for key in search lookup; do
  awk -v r="${rps[$key]:-0}" 'BEGIN { exit !(r > 0) }' || p95[$key]=n/a
done
checked_ratio() { # key
  if [ "${status[$1]}" = 200 ]; then ratio "${rps[$1]}" "${rps[baseline]}"; else echo n/a; fi
}
prefecture_ratio=$(checked_ratio prefecture) region_ratio=$(checked_ratio region) project_ratio=$(checked_ratio project)
api_ratio=$(checked_ratio api)
after_import_factor=$(awk -v a="$first_after_import_ms" -v b="$warm_uncached_ms" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }')
[ "${status[after-import]}" = 200 ] || after_import_factor=n/a
csv_rate=$(awk -v r="${csv_rows[$PROJECTS]}" -v s="${csv_seconds[$PROJECTS]}" 'BEGIN { if (s > 0 && r > 0) printf "%.0f", r / s; else print "n/a" }')
load_seconds=${loaded[$PROJECTS]:-n/a}
csv_growth=$(awk -v a="${csv_peak[$PROJECTS]}" -v b="${csv_peak[$SMALL]}" 'BEGIN { printf "%.1f", (a - b) / 1024 }')
[ "${status[csv-$PROJECTS]}" = 200 ] && [ "${status[csv-$SMALL]}" = 200 ] || csv_growth=n/a

report=$(cat <<EOF
Run $(date -u +%Y-%m-%dT%H:%MZ) on commit $(git rev-parse --short HEAD) — $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $cores cores, .NET $(dotnet --version).
Servers on core $SERVER_CORE, wrk on core $LOAD_CORE; load average before $load_before, after $load_after. Data: $PROJECTS synthetic projects and
$PROJECTS synthetic allocation rows (seed 1) over every Xinjiang village, generated in ${generated[$PROJECTS]}. wrk -t1, $CONNECTIONS connections
($SEARCH_CONNECTIONS for search, cycling ${#SEARCH_TERMS[@]} terms), ${DURATION} s after ${WARMUP} s warm-up; best of $ROUNDS rounds taken in turns.
The cached page is $page_bytes bytes. Background work from start-up, waited for before measuring: ${background_waits% }

| measurement | req/s | req/s of all rounds | p50 ms | p95 ms | p99 ms | of baseline |
|---|---:|---:|---:|---:|---:|---:|
$(row "Kestrel MapGet baseline, same bytes from memory" baseline)
$(row "cached page \`$CACHED_PAGE\`" cached)
$(row "uncached county page \`$COUNTY_PAGE\`" county)
$(row "uncached prefecture page \`$PREFECTURE_PAGE\`" prefecture)
$(row "uncached autonomous-region page \`$REGION_PAGE\`" region)
$(row "uncached project page \`$PROJECT_PAGE\`" project)
$(row "API list \`$API_PAGE\` (uncached)" api)
$(row "search \`$SEARCH_PAGE…\` (uncached, redirects followed)" search)
$(row "hotline lookup \`$LOOKUP_PAGE…\` (uncached)" lookup)

| CSV export \`$CSV_PATH\` | HTTP | rows | seconds | rows/s | peak RSS idle → after (VmHWM) | /usr/bin/time max RSS |
|---|---:|---:|---:|---:|---:|---:|
$(for size in "$SMALL" "$PROJECTS"; do
  echo "| $size projects | ${status[csv-$size]} | ${csv_rows[$size]} | ${csv_seconds[$size]} | $(awk -v r="${csv_rows[$size]}" -v s="${csv_seconds[$size]}" 'BEGIN { if (s > 0) printf "%.0f", r / s }') | $(mb "${csv_idle[$size]}") → $(mb "${csv_peak[$size]}") MB | $(mb "${csv_time_peak[$size]}") MB |"
done)

First county page after importing \`$(basename "$IMPORT_FILE")\` into the running server: $first_after_import_ms ms (median of $IMPORT_ROUNDS imports: ${first_times[*]} ms; HTTP ${status[after-import]});
the same page warm, uncached: $warm_uncached_ms ms (median of 5). County page with Brotli: $br_bytes bytes (uncompressed $page_bytes).

| target | measured | verdict |
|---|---:|---|
| cached page ≥ 70 % of baseline req/s | $cached_ratio % | $(verdict "$cached_ratio" 70 ">=") |
| uncached county page ≥ 10 % of baseline req/s | $county_ratio % | $(verdict "$county_ratio" 10 ">=") |
| uncached prefecture page ≥ 5 % | $prefecture_ratio % | $(verdict "$prefecture_ratio" 5 ">=") |
| uncached autonomous-region page ≥ 5 % | $region_ratio % | $(verdict "$region_ratio" 5 ">=") |
| uncached project page ≥ 15 % | $project_ratio % | $(verdict "$project_ratio" 15 ">=") |
| API region list ≥ 5 % | $api_ratio % | $(verdict "$api_ratio" 5 ">=") |
| search p95 ≤ 15 ms at $PROJECTS projects | ${p95[search]} ms | $(verdict "${p95[search]}" 15 "<=") |
| hotline lookup p95 ≤ 15 ms | ${p95[lookup]} ms | $(verdict "${p95[lookup]}" 15 "<=") |
| first county page after an import ≤ 3 × warm uncached | $after_import_factor × | $(verdict "$after_import_factor" 3 "<=") |
| CSV export ≥ 60,000 rows/s at $PROJECTS rows | $csv_rate | $(verdict "$csv_rate" 60000 ">=") |
| CSV peak memory at $PROJECTS rows within 50 MB of $SMALL rows | $csv_growth MB | $(verdict "$csv_growth" 50 "<=") |
| county page under 10 KB with Brotli | $br_bytes bytes | $(verdict "$br_bytes" 10240 "<=") |
| $PROJECTS synthetic projects load in ≤ 120 s | $load_seconds s | $(verdict "$load_seconds" 120 "<=") |
EOF
)
echo "$report"
if [ -n "${REPORT:-}" ]; then echo "$report" >"$REPORT"; fi

# ---- One machine-readable line per figure (n/a where a measurement failed or did not run).
bench() { echo "BENCH $1 ${2:-n/a}"; }
bench baseline_rps "${rps[baseline]}"
bench cached_rps "${rps[cached]}"
bench county_uncached_rps "${rps[county]}"
bench prefecture_uncached_rps "${rps[prefecture]}"
bench region_uncached_rps "${rps[region]}"
bench project_uncached_rps "${rps[project]}"
bench api_region_rps "${rps[api]}"
bench search_p95_ms "${p95[search]}"
bench lookup_p95_ms "${p95[lookup]}"
bench first_after_import_ms "$first_after_import_ms"
bench warm_uncached_ms "$warm_uncached_ms"
bench csv_rows_per_s "$csv_rate"
bench csv_peak_delta_mb "$csv_growth"
bench county_page_br_bytes "$br_bytes"
bench load_seconds "$load_seconds"
