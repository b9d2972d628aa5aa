import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json';

/**
 * The headless CLI as a Node bundle: out/cli/flowbench.js (run with plain Node; `bin` in
 * package.json). The store's threads (the recorder's writer, the run archive) are emitted
 * beside it, where the engine looks for them. Dependencies stay external, so better-sqlite3
 * loads its Node build from node_modules.
 */
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  // json-schema-faker ships ESM only behind an import-only export map: bundled in (as in the app).
  ...Object.keys(pkg.dependencies).filter((d) => d !== 'json-schema-faker'),
];

export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src-shared') } },
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: {
        flowbench: resolve(__dirname, 'src-main/cli/cli-main.ts'),
        'recorder-worker': resolve(__dirname, 'src-main/store/recorder-worker.ts'),
        'archive-worker': resolve(__dirname, 'src-main/store/archive-worker.ts'),
      },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: {
        format: 'cjs',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        banner: (chunk) => (chunk.name === 'flowbench' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
  ssr: { noExternal: ['json-schema-faker'] },
});
