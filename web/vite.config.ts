import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.SERVICEPRO_API_URL ?? 'http://localhost:3000';

// The web app lives in web/ and builds to web/dist, which the API serves in production.
// In development (`npx vite --config web/vite.config.ts`) API calls are proxied to the API.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The production build is served as is: no source maps handing out the original code.
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/healthz': { target: apiTarget, changeOrigin: true },
    },
  },
});
