#!/bin/sh
# Bundles the profile script and the recording-cost script (and the recorder's writer thread
# beside them) into .prof/, so plain node can run them:
#   node --cpu-prof .prof/profile-run.cjs kafka on
#   node .prof/recording-cost.cjs
set -e
cd "$(dirname "$0")/../.."
# ESM builds first (module before main): jsonc-parser's UMD build requires files esbuild cannot see.
# import.meta.glob is vite's (the bundled templates); the profile runs no template, so none are bundled.
npx esbuild bench/runtime/profile-run.ts --bundle --platform=node --format=cjs --external:better-sqlite3 --main-fields=module,main \
  --alias:@shared=./src-shared --outfile=.prof/profile-run.cjs --log-level=error \
  --define:import.meta.url=importMetaUrl --define:import.meta.glob=importMetaGlob \
  --banner:js="const importMetaUrl = require('node:url').pathToFileURL(__filename).href; const importMetaGlob = () => ({});"
npx esbuild src-main/store/recorder-worker.ts --bundle --platform=node --format=cjs --packages=external \
  --alias:@shared=./src-shared --outfile=.prof/recorder-worker.js --log-level=warning
npx esbuild bench/runtime/recording-cost.ts --bundle --platform=node --format=cjs --external:better-sqlite3 \
  --alias:@shared=./src-shared --outfile=.prof/recording-cost.cjs --log-level=warning \
  --define:import.meta.url=importMetaUrl \
  --banner:js="const importMetaUrl = require('node:url').pathToFileURL(__filename).href;"
npx esbuild src-main/store/archive-worker.ts --bundle --platform=node --format=cjs --packages=external \
  --alias:@shared=./src-shared --outfile=.prof/archive-worker.js --log-level=warning
