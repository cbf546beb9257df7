import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: !!process.env.SOURCEMAP, minify: !process.env.SOURCEMAP },
  server: { host: '127.0.0.1', port: 5173 },
});
