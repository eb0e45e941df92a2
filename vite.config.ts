import { defineConfig } from 'vite';
import { minifyTemplatesPlugin } from './web/build/minify-templates.ts';
import { purePalettes } from './web/build/pure-palettes.ts';

// The web app lives in web/; Express serves web/dist in production.
export default defineConfig({
  root: 'web',
  plugins: [minifyTemplatesPlugin(), purePalettes()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:3000' } },
});
