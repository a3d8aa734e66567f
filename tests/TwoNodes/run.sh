#!/usr/bin/env bash
# Two portal nodes on one SQLite database behind Debian's nginx, on loopback ports only:
#   1. an import through node A's `import` command is served by both nodes within the data-version poll (5 s);
#   2. node B is killed in the middle of a stream of requests through nginx, and no request is lost (nginx retries
#      the other node: proxy_next_upstream).
# Installs nginx if missing. Every loop is bounded; servers and files are cleaned up on exit. Last line:
# "two-nodes: passed" or "two-nodes: failed — reason"; exit code 0 or 1.
set -uo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "two-nodes: failed — $*"; exit 1; }

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing nginx for the two-node test"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null || fail "could not install nginx"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Ports come from below the kernel's range for outgoing connections, which any client on the machine may hold when a
# node binds.
low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
[ "$low" -gt 21000 ] 2>/dev/null || low=32768
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % (low - 20000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  fail "no free loopback port"
}
front=$(free_port); node_a=$(free_port); node_b=$(free_port)

dotnet build src/LinkagePortal.Web -nologo -v q >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; fail "build"; }
portal=src/LinkagePortal.Web/bin/Debug/net10.0/LinkagePortal.Web.dll

# One database, one public address (nginx's), nginx the only trusted proxy; limits raised: the load below comes from
# one address.
settings=(--Database:DataDirectory "$work/data" --Portal:PublicBaseUrl "http://127.0.0.1:$front"
  --Hosting:KnownProxies:0 127.0.0.1 --AllowedHosts "127.0.0.1;localhost"
  --RateLimits:api:Burst 1000000 --RateLimits:api:Refill 1000000 --RateLimits:search:Burst 1000000 --RateLimits:search:Refill 1000000)

start_node() { # port log
  ASPNETCORE_ENVIRONMENT=Production dotnet "$portal" --urls "http://127.0.0.1:$1" "${settings[@]}" >"$2" 2>&1 &
  echo $!
}

wait_ready() { # port pid
  for _ in $(seq 1 240); do
    kill -0 "$2" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/readyz")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}

# Node A first: it creates and seeds the database; then node B on the same file.
pid_a=$(start_node "$node_a" "$work/a.log")
pids+=("$pid_a")
wait_ready "$node_a" "$pid_a" || { tail -20 "$work/a.log"; fail "node A did not become ready"; }
pid_b=$(start_node "$node_b" "$work/b.log")
pids+=("$pid_b")
wait_ready "$node_b" "$pid_b" || { tail -20 "$work/b.log"; fail "node B did not become ready"; }

curl -sI "http://127.0.0.1:$node_a/" | grep -qi '^server:' && fail "Kestrel sends a Server header"

mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream portal {
    server 127.0.0.1:$node_a max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$node_b max_fails=1 fail_timeout=10s;
  }
  server {
    listen 127.0.0.1:$front;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host 127.0.0.1;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
    }
  }
}
CONF
"$NGINX" -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$work/nginx/out.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 40); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$front/healthz")" = 200 ] && break
  sleep 0.25
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$front/healthz")" = 200 ] || { cat "$work/nginx/error.log"; fail "nginx does not answer"; }

# 1. Import through node A's command; both nodes serve it within the poll interval, also on a page each had cached
#    before the import (the search for the new project's code).
code=654202-2099-901
search="/search?q=$code"
for port in "$node_a" "$node_b"; do
  [ "$(curl -sL -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/projects/$code")" = 404 ] || fail "project $code exists before the import"
  curl -s "http://127.0.0.1:$port$search" >/dev/null
  curl -s -D - -o /dev/null "http://127.0.0.1:$port$search" | grep -qi '^age:' || echo "(the search page on port $port was not served from the cache before the import)"
done
cat >"$work/projects.csv" <<CSV
code,programme,fiscal_year,name,county_code,amount_wan,printed_text,derivation,responsible_unit,category,construction_content,status,spent_wan,fund_document_ids,source_document_id,source_table,row_no,arose_on,published_at,note
$code,linkage,2024,两节点测试项目（测试数据，不是真实项目）,654202,10.5,,printed,,,,,,,wusu-2024-budget,two-node test,1,,,test data written by tests/TwoNodes/run.sh
CSV
ASPNETCORE_ENVIRONMENT=Production dotnet "$portal" import "$work/projects.csv" "${settings[@]}" >"$work/import.log" 2>&1 \
  || { cat "$work/import.log"; fail "import"; }
grep -q "Database: SQLite $work/data/linkage.db" "$work/import.log" || fail "the import did not name its database"
imported=$(date +%s%N)
for port in "$node_a" "$node_b"; do
  seen=""
  for _ in $(seq 1 60); do
    if [ "$(curl -sL -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/projects/$code")" = 200 ] \
      && curl -sL "http://127.0.0.1:$port$search" | grep -q "两节点测试项目"; then seen=1; break; fi
    sleep 0.25
  done
  [ -n "$seen" ] || fail "node on port $port did not serve the imported project within 15 s"
  echo "node on port $port serves the import after $(( ($(date +%s%N) - imported) / 1000000 )) ms"
done
elapsed=$(( ($(date +%s%N) - imported) / 1000000 ))
[ "$elapsed" -le 10000 ] || fail "both nodes served the import only after $elapsed ms (poll interval 5 s)"

# 2. A stream of requests through nginx; node B is killed in the middle of it; every request must answer 200.
paths=("/api/v1/projects?limit=5" "/regions/654202" "/projects/$code" "/api/v1/regions" "/search?q=%E4%B9%8C%E8%8B%8F")
: >"$work/statuses"
load() {
  for i in $(seq 1 300); do
    curl -sL -o /dev/null -w "%{http_code}\n" --max-time 10 "http://127.0.0.1:$front${paths[$((i % ${#paths[@]}))]}" >>"$work/statuses.$1"
  done
}
load 1 & loader1=$!
load 2 & loader2=$!
for _ in $(seq 1 100); do
  [ "$(cat "$work/statuses.1" "$work/statuses.2" 2>/dev/null | wc -l)" -ge 150 ] && break
  sleep 0.1
done
kill -9 "$pid_b"
echo "node B killed after $(cat "$work/statuses.1" "$work/statuses.2" | wc -l) requests"
wait "$loader1" "$loader2"
total=$(cat "$work/statuses.1" "$work/statuses.2" | wc -l)
lost=$(cat "$work/statuses.1" "$work/statuses.2" | grep -vc "^200$")
cat "$work/statuses.1" "$work/statuses.2" | sort | uniq -c
echo "$total requests through nginx, $lost not answered 200"
[ "$total" -eq 600 ] && [ "$lost" -eq 0 ] || fail "$lost of $total requests lost when node B stopped"

echo "two-nodes: passed"
