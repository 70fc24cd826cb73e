import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client is built into dist/client and served by the Express server (the BFF), so sign-in
// works the same in development and production: `npm start` builds, then serves.
export default defineConfig({
  root: 'src/client',
  plugins: [react()],
  build: { outDir: '../../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
