#!/usr/bin/env bash
# Spreadsheet bombs against a running server (issue 10, item 3): tanu demo
# on 127.0.0.1 (embedded SQLite), then each bomb of internal/bombs posted
# ROUNDS times, PARALLEL at once, to the TeachHub card import and to the
# batch upload with the demo's admin token, while /healthz is polled. It
# prints each answer's status and time, the server's peak resident memory
# (VmHWM) and whether /healthz kept answering, and fails if the peak passes
# LIMIT_MB. Talks to 127.0.0.1 only, is bounded (every curl has a timeout),
# and stops the server when done. The per-user upload rate and concurrency
# limits are off by default (the worst case for the importer's own limits);
# run with TANU_UPLOAD_PER_MINUTE= TANU_UPLOADS_PER_USER= (empty) to keep
# the server's defaults, which answer most of these posts 429.
#   scripts/sheet-bombs.sh [rounds] [parallel] [limit_mb]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
parallel=${2:-4}
limit=${3:-800}
tmp=$(mktemp -d)
go build -o "$tmp/tanu" ./cmd/tanu
go run ./internal/bombs/measure -write "$tmp"
port=$((20000 + RANDOM % 20000))
export TANU_UPLOAD_PER_MINUTE=${TANU_UPLOAD_PER_MINUTE--1} TANU_UPLOADS_PER_USER=${TANU_UPLOADS_PER_USER--1}
[ -n "$TANU_UPLOAD_PER_MINUTE" ] || unset TANU_UPLOAD_PER_MINUTE
[ -n "$TANU_UPLOADS_PER_USER" ] || unset TANU_UPLOADS_PER_USER
TANU_LOG_LEVEL=error "$tmp/tanu" demo --listen "127.0.0.1:$port" >"$tmp/out" 2>&1 &
pid=$!
poller=
trap 'kill $pid $poller 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do grep -q "^Serving " "$tmp/out" && break; sleep 0.2; done
base="http://127.0.0.1:$port"
token=$(grep -o 'tanu_[A-Za-z0-9_-]*' "$tmp/out" | head -1)
[ -n "$token" ] || { echo "sheet-bombs: demo did not start"; cat "$tmp/out"; exit 1; }
rss() { awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status; }
echo "server pid $pid, RSS at start $(rss) MB"
health_fail=0
( for _ in $(seq 1 600); do
    curl -s -m 2 -o /dev/null -w '%{http_code}\n' "$base/healthz" >>"$tmp/health" || echo 000 >>"$tmp/health"
    sleep 0.2
  done ) &
poller=$!
post() { # endpoint file
  local url=$1 file=$2
  if [ "$url" = teachhub ]; then
    curl -s -m 60 -o /dev/null -w "%{http_code} %{time_total}s" -H "Authorization: Bearer $token" \
      -F program=TH-2026-0001 -F "file=@$file" "$base/api/v1/teachhub/cards/import?lang=en"
  else
    curl -s -m 60 -o /dev/null -w "%{http_code} %{time_total}s" -H "Authorization: Bearer $token" \
      -F program=MQ-2026-0001 -F dry_run=true -F "file=@$file" "$base/api/v1/batches?lang=en"
  fi
}
for f in "$tmp"/bomb-*; do
  for url in teachhub batches; do
    for r in $(seq 1 "$rounds"); do
      posts=()
      for p in $(seq 1 "$parallel"); do post "$url" "$f" >"$tmp/r.$p" & posts+=($!); done
      wait "${posts[@]}" || true
      echo "$(basename "$f") → $url round $r: $(for x in "$tmp"/r.*; do cat "$x"; echo -n "; "; done)RSS $(rss) MB"
      rm -f "$tmp"/r.*
    done
  done
done
kill $poller 2>/dev/null || true
peak=$(awk '/VmHWM/{print int($2/1024)}' /proc/$pid/status)
bad=$(grep -vc '^200$' "$tmp/health" || true)
echo "peak RSS ${peak} MB (limit ${limit} MB); /healthz: $(wc -l <"$tmp/health") polls, $bad not 200"
[ "$peak" -le "$limit" ] && [ "$bad" -eq 0 ]
