import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the bare React Flow page of the canvas benchmark into out/bench-canvas:
 * `npx vite build -c bench/canvas/vite.config.ts`. Relative asset paths, so any static
 * server (the bench's own) can serve the folder.
 */
export default defineConfig({
  root: resolve(__dirname, 'bare'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(__dirname, '../../out/bench-canvas'),
    emptyOutDir: true,
  },
});
