import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** The local Functions host (`npm start`) serves the API here; the dev server forwards `/api` to it. */
const LOCAL_API = 'http://127.0.0.1:7071';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Only types come from core (`import type`), so no zod ends up in the bundle.
    alias: { '@core': fileURLToPath(new URL('../core', import.meta.url)) },
  },
  build: { outDir: 'dist', sourcemap: true, assetsDir: 'assets' },
  server: { proxy: { '/api': { target: LOCAL_API, changeOrigin: false } } },
});
