#!/usr/bin/env bash
# Unauthenticated floods of POST /api/v1/verify against a tanu demo on
# 127.0.0.1: 16 MiB JSON bodies, 2 MiB PDF bombs (repeated attachment
# markers) and 60 KiB junk tokens, PARALLEL at once for ROUNDS rounds,
# while /healthz is polled. Prints the server's peak resident memory and
# how /healthz fared; fails when the peak passes MAX_RSS_MB or /healthz
# stopped answering. Talks to 127.0.0.1 only, bounded in count and time,
# and stops the server when done. Needs curl.
#   scripts/verify-flood.sh [rounds] [parallel]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
parallel=${2:-10}
max_rss_mb=${MAX_RSS_MB:-300}
tmp=$(mktemp -d)
bin=$tmp/tanu
go build -o "$bin" ./cmd/tanu
port=$((20000 + RANDOM % 20000))
TANU_LOG_LEVEL=error "$bin" demo --listen "127.0.0.1:$port" >"$tmp/out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do grep -q "^Serving " "$tmp/out" && break; sleep 0.2; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/out" | head -1)
[ -n "$base" ] || { echo "flood: demo did not start"; cat "$tmp/out"; exit 1; }

# The payloads.
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
open(d + "/big.json", "w").write('{"a":[' + ",".join(["1"] * (8 << 20)) + "]}")
open(d + "/bomb.pdf", "w").write("%PDF-1.7\n" + "/Type /EmbeddedFile " * ((2 << 20) // 20 - 1))
open(d + "/junk.jwt", "w").write("eyJhbGciOiJFUzI1NiJ9." + "A" * (60 << 10) + ".c2ln")
PY

peak=0
sample() {
  local kb
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ "${kb:-0}" -gt "$peak" ] && peak=$kb
  return 0
}
sample
echo "flood: server RSS at start $((peak / 1024)) MiB"
health_ok=0 health_bad=0 codes=""
start=$(date +%s)
for r in $(seq 1 "$rounds"); do
  for i in $(seq 1 "$parallel"); do
    case $((i % 3)) in
      0) f=big.json ct=application/json ;;
      1) f=bomb.pdf ct=application/pdf ;;
      2) f=junk.jwt ct=text/plain ;;
    esac
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -H "Content-Type: $ct" --data-binary "@$tmp/$f" "$base/api/v1/verify" >>"$tmp/codes" &
  done
  for _ in 1 2 3 4; do
    sample
    if curl -s -o /dev/null --max-time 2 "$base/healthz"; then health_ok=$((health_ok + 1)); else health_bad=$((health_bad + 1)); fi
    sleep 0.1
  done
  wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
  sample
done
echo "flood: $((rounds * parallel)) requests in $(( $(date +%s) - start )) s; answers: $(sort "$tmp/codes" | uniq -c | tr '\n' ' ')"
echo "flood: /healthz answered $health_ok times, failed $health_bad times"
echo "flood: peak server RSS $((peak / 1024)) MiB (bound $max_rss_mb MiB)"
[ "$health_bad" -eq 0 ] && [ $((peak / 1024)) -le "$max_rss_mb" ]
