#!/usr/bin/env bash
# The interoperability tests check that standard command-line clients read what a flow
# sends and that a flow reads what they send: Debian's kcat (Kafka) and amqp-tools
# (RabbitMQ). Installs them when missing and we may (root + apt-get); otherwise says what to do.
set -euo pipefail
missing=()
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
command -v amqp-publish >/dev/null 2>&1 || missing+=(amqp-tools)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "[cli-clients] installing ${missing[*]} for the interoperability tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "[cli-clients] missing ${missing[*]}: install them (Debian: sudo apt-get install ${missing[*]})" >&2
exit 1
