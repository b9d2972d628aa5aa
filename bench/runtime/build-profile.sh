#!/bin/sh
# Bundles the profile script (and the recorder's writer thread beside it) into .prof/, so
# plain `node --cpu-prof` can run it: node --cpu-prof .prof/profile-run.cjs kafka on
set -e
cd "$(dirname "$0")/../.."
npx esbuild bench/runtime/profile-run.ts --bundle --platform=node --format=cjs --external:better-sqlite3 \
  --alias:@shared=./src-shared --outfile=.prof/profile-run.cjs --log-level=warning \
  --define:import.meta.url=importMetaUrl \
  --banner:js="const importMetaUrl = require('node:url').pathToFileURL(__filename).href;"
npx esbuild src-main/store/recorder-worker.ts --bundle --platform=node --format=cjs --packages=external \
  --alias:@shared=./src-shared --outfile=.prof/recorder-worker.js --log-level=warning
