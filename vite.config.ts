import { defineConfig } from 'vite';

// The web app lives in web/; Express serves web/dist in production.
export default defineConfig({
  root: 'web',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:3000' } },
});
