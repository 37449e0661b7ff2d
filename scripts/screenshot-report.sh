#!/usr/bin/env bash
# Render a synthetic `foitag compare` HTML report with headless Chromium and check the PNG.
# Usage: scripts/screenshot-report.sh [WIDTH,HEIGHT]   (default 1200,1600)
# Output: target/tmp/compare-screenshot/report.{html,png}
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium
  else
    echo "chromium is missing: run 'apt-get install -y chromium' as root" >&2
    exit 1
  fi
fi

log=$(mktemp)
status=0
SCREENSHOT_SIZE="${1:-1200,1600}" cargo test --test compare_html -- --ignored --nocapture screenshot_report >"$log" 2>&1 || status=$?
# Chromium logs harmless D-Bus errors in containers; keep the rest.
grep -Ev 'dbus|ERROR:' "$log" || true
rm -f "$log"
[ "$status" = 0 ] || { echo "screenshot test failed" >&2; exit "$status"; }
png=target/tmp/compare-screenshot/report.png
[ -s "$png" ] || { echo "no screenshot at $png" >&2; exit 1; }
echo "screenshot: $png ($(stat -c %s "$png") bytes)"
