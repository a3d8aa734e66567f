#!/usr/bin/env bash
# Every test of the portal, on a fresh Debian machine with the .NET SDK: installs what the browser tests need
# (Debian's Chromium and a CJK font; Playwright brings its own driver; Node.js for Lighthouse), runs dotnet test over
# the solution, the two-node test (tests/TwoNodes/run.sh, which installs nginx) and Lighthouse over every page type
# (tests/Lighthouse/run.sh), and ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The open-data validators (Frictionless, Redocly, Spectral, SHACL) the OpenData tests run, at the versions locked in
# tests/OpenDataTools/package-lock.json.
if [ ! -d tests/OpenDataTools/node_modules ]; then
  echo "Installing the open-data validators (npm ci in tests/OpenDataTools)"
  (cd tests/OpenDataTools && npm ci --no-audit --no-fund --loglevel=error)
fi

# Playwright drives the system Chromium (ExecutablePath); it must never try to fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

results=$(mktemp -d)
dotnet test LinkagePortal.sln --logger trx --logger "console;verbosity=normal" --results-directory "$results"
code=$?

# Skipped tests, each with its reason (e.g. no SQL Server configured), so that a skip is never silent.
perl -0777 -ne 'while (/<UnitTestResult[^>]*testName="([^"]*)"[^>]*outcome="NotExecuted"((?:(?!<\/UnitTestResult>).)*)/sg) { my ($n, $b) = ($1, $2); my ($m) = $b =~ /<Message>(.*?)<\/Message>/s; print "skipped: $n — ", ($m // "no reason given"), "\n" }' "$results"/*.trx 2>/dev/null

# Failed tests, each with the first lines of its message; printed again just before the summary line so that the
# tail of a CI log always names them.
failures=$(perl -0777 -ne 'while (/<UnitTestResult[^>]*testName="([^"]*)"[^>]*outcome="Failed"((?:(?!<\/UnitTestResult>).)*)/sg) { my ($n, $b) = ($1, $2); my ($m) = $b =~ /<Message>(.*?)<\/Message>/s; $m = join(" ", (split /\n/, ($m // "no message"))[0..2]); print "failed: $n — $m\n" }' "$results"/*.trx 2>/dev/null)
[ -z "$failures" ] || echo "$failures"

# The TRX files' counters, summed over the test projects.
count() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{ s += $1 } END { print s + 0 }'; }
total=$(count total); executed=$(count executed); passed=$(count passed); failed=$(count failed)
total=${total:-0}; executed=${executed:-0}; passed=${passed:-0}; failed=${failed:-0}
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# Two nodes on one database behind nginx (installs Debian's nginx if missing): counted as one test.
if bash tests/TwoNodes/run.sh; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); code=1
fi
total=$((total + 1)); executed=$((executed + 1))

# Lighthouse 12.2.3, mobile preset, accessibility / best practices / SEO at least 95: one test per page type. Its
# script installs tests/Lighthouse/node_modules from the lock file (npm ci) when missing; a failure to start counts
# as one failed test.
lighthouse_log=$(mktemp)
bash tests/Lighthouse/run.sh | tee "$lighthouse_log"
read -r lighthouse_passed lighthouse_failed < <(grep -o "^lighthouse: [0-9]* passed, [0-9]* failed" "$lighthouse_log" | tail -1 | awk '{ print $2, $4 }')
rm -f "$lighthouse_log"
if [ -z "${lighthouse_passed:-}" ]; then lighthouse_passed=0; lighthouse_failed=1; fi
[ "$lighthouse_failed" -eq 0 ] || code=1
passed=$((passed + lighthouse_passed)); failed=$((failed + lighthouse_failed))
total=$((total + lighthouse_passed + lighthouse_failed)); executed=$((executed + lighthouse_passed + lighthouse_failed))
[ -z "$failures" ] || echo "$failures"
echo "$passed passed, $failed failed, $((total - executed)) skipped"
exit $code
