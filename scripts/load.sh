#!/usr/bin/env bash
# Load test of the verification endpoint against /healthz of the same
# server: tanu demo on 127.0.0.1 (embedded SQLite), wrk with 32 connections
# for 10 s each. Needs wrk (apt-get install wrk). Talks to 127.0.0.1 only,
# is bounded in time, and stops the server when done.
#   scripts/load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
conns=${2:-32}
command -v wrk >/dev/null || { echo "load: wrk is not installed (apt-get install wrk)"; exit 1; }
bin=$(mktemp -d)/tanu
go build -o "$bin" ./cmd/tanu
port=$((20000 + RANDOM % 20000))
out=$(mktemp)
TANU_LOG_LEVEL=error "$bin" demo --listen "127.0.0.1:$port" >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q "^Serving " "$out" && break; sleep 0.2; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$out" | head -1)
id=$(grep -o '/c/[0-9a-f-]*' "$out" | head -1 | cut -d/ -f3)
[ -n "$id" ] || { echo "load: demo did not start"; cat "$out"; exit 1; }
run() {
  echo "== $1"
  wrk -t2 -c"$conns" -d"${secs}s" --latency "$base$1" | grep -E "Requests/sec|99%|Non-2xx|Socket errors" || true
}
run /healthz
run "/api/v1/verify/$id"
run "/c/$id/credential.jwt"
