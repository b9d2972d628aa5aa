#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (Playwright cannot download browsers here).
# Installs it when missing and we may (root + apt-get); otherwise says what to do.
set -euo pipefail
CHROMIUM="${FLOWBENCH_CHROMIUM:-/usr/bin/chromium}"
if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "[chromium] installing Debian's chromium for the e2e tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-liberation >/dev/null
  exit 0
fi
echo "[chromium] $CHROMIUM not found: install Chromium (Debian: sudo apt-get install chromium)" >&2
echo "[chromium] or point FLOWBENCH_CHROMIUM at a Chromium binary" >&2
exit 1
