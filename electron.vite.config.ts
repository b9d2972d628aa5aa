import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const alias = { '@shared': resolve(__dirname, 'src-shared') };

/**
 * Four Node entries share the main build: the Electron shell, the engine host that the
 * shell runs in a utilityProcess, the browser-mode server and the CLI. Only the shell
 * imports electron; the others run under plain Node too.
 */
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // json-schema-faker ships ESM with an import-only export map, which the CJS main
      // bundle cannot require(); it has no dependencies, so it is bundled in.
      externalizeDeps: { exclude: ['json-schema-faker'] },
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'src-main/app/main.ts'),
          'engine-host': resolve(__dirname, 'src-main/engine-host/engine-host.ts'),
          server: resolve(__dirname, 'src-main/server/server-main.ts'),
          // The recorder's writer thread, started by path from the engine (see recorder-worker-script.ts).
          'recorder-worker': resolve(__dirname, 'src-main/store/recorder-worker.ts'),
          // Run reports, timelines and run deletes, off the engine's thread (see archive-thread.ts).
          'archive-worker': resolve(__dirname, 'src-main/store/archive-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      externalizeDeps: true,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
