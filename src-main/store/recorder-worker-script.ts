import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The store's worker entries: each an electron-vite entry (`<name>.js`) and a `<name>.ts` source here. */
export type StoreWorkerName = 'recorder-worker' | 'archive-worker';

const WORKER_LABEL: Record<StoreWorkerName, string> = {
  'recorder-worker': "recorder's writer thread",
  'archive-worker': "run archive's thread",
};

/** The part of esbuild's API used here (it comes with electron-vite and vite, the dev tools that run TS). */
interface Esbuild {
  buildSync(options: {
    entryPoints: string[];
    bundle: boolean;
    platform: 'node';
    format: 'cjs';
    target: string;
    packages: 'external';
    write: false;
  }): { outputFiles: Array<{ text: string }> };
}

const bundledSources = new Map<StoreWorkerName, string>();

/**
 * Starts the recorder's writer thread. From the build (`out/main`), that is the
 * `recorder-worker.js` entry electron-vite emits next to the entries (this module may sit
 * in `chunks/`). From TypeScript sources (vitest, the bench), plain Node cannot run the
 * `.ts` entry, so it is bundled once per process with esbuild (the transpiler behind
 * vite and electron-vite, so present wherever the sources run) and run as an eval
 * worker whose `require` resolves from this folder.
 */
export function startRecorderWorker(options: WorkerOptions): Worker {
  return startStoreWorker('recorder-worker', options);
}

/** Starts one of the store's worker threads the same way (see startRecorderWorker). */
export function startStoreWorker(name: StoreWorkerName, options: WorkerOptions): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    let source = bundledSources.get(name);
    if (source === undefined) {
      source = bundleSource(here, `${name}.ts`);
      bundledSources.set(name, source);
    }
    return new Worker(source, { ...options, eval: true });
  }
  const builtName = `${name}.js`;
  const candidates = [join(dirname(here), builtName), join(dirname(here), '..', builtName)];
  const built = candidates.find((file) => existsSync(file));
  if (!built) throw new Error(`The ${WORKER_LABEL[name]} is missing: no ${candidates.join(' or ')}.`);
  return new Worker(built, options);
}

function bundleSource(here: string, sourceName: string): string {
  const require = createRequire(here);
  const esbuild = require('esbuild') as Esbuild;
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [join(dirname(here), sourceName)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
  });
  return `(function (require) {\n${outputFiles[0].text}\n})(require('node:module').createRequire(${JSON.stringify(here)}));`;
}
