#!/usr/bin/env bash
# Photographs what a holder receives and sees, at phone width (390 px):
# the e-mails (as a real SMTP server, Mailpit, received them) and the
# holder's page /my, into docs/delivery/. Needs mailpit and chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/delivery
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
TANU_DELIVERY_SHOTS="$tmp" go test -count=1 -run '^TestDeliveryScreens$' ./internal/app/ >/dev/null
mkdir -p "$out"
for f in "$tmp"/*.html; do
  name=$(basename "$f" .html)
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=390,1100 --screenshot="$out/$name.png" "file://$f" >/dev/null 2>&1
  echo "$out/$name.png"
done
