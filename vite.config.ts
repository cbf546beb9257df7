import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // elkjs ships CommonJS; the dev server must pre-bundle it for the layout worker (the build converts it anyway).
  optimizeDeps: { include: ['elkjs/lib/elk.bundled.js'] },
  build: { target: 'es2022', sourcemap: !!process.env.SOURCEMAP, minify: !process.env.SOURCEMAP },
  server: { host: '127.0.0.1', port: 5173 },
});
