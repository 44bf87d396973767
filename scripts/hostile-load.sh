#!/usr/bin/env bash
# Hostile load: the unauthenticated floods of issue 10 (parallel 15 MiB
# verify bodies, distinct large credentials) and spreadsheet bombs with a
# coordinator token, against `tanu demo` on 127.0.0.1 (embedded SQLite),
# twice: with the default limits, then with the per-client limits off.
# Samples the server's RSS from /proc/PID/status and probes /healthz; prints
# the figures and fails when RSS reaches the bound or /healthz stops
# answering. Bounded in requests and time; stops the server by itself.
#   scripts/hostile-load.sh [-bound-mib 768] [-workers 8] [-seconds 20] [-requests 40]
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./scripts/hostile-load "$@"
