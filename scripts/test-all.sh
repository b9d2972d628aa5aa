#!/usr/bin/env bash
# The whole test suite, as the README promises: starts the real brokers itself, then
# static checks, unit and integration tests, the build, and the browser e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

step "brokers (real Kafka + RabbitMQ on 127.0.0.1)"
bash scripts/brokers.sh up

step "typecheck"
npm run --silent typecheck

step "lint"
npm run --silent lint

step "format"
npm run --silent format:check

step "unit and integration tests (vitest)"
bash scripts/ensure-cli-clients.sh
npx vitest run --project unit --project integration

step "build (electron-vite: shell, engine host, server, renderer)"
npx electron-vite build

step "e2e (Playwright in Chromium, browser mode)"
bash scripts/ensure-chromium.sh
npx playwright test
