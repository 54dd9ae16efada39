import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** The local Functions host (`npm start`) serves the API here; the dev server forwards `/api` to it. */
const LOCAL_API = 'http://127.0.0.1:7071';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Forms check fields with core's zod schemas (the same rules as the API), so zod is part of the bundle.
    alias: { '@core': fileURLToPath(new URL('../core', import.meta.url)) },
  },
  // No source maps in the production build: they would publish the source next to the app.
  build: { outDir: 'dist', sourcemap: false, assetsDir: 'assets' },
  server: { proxy: { '/api': { target: LOCAL_API, changeOrigin: false } } },
});
