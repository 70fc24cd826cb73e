import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client is built into dist/client and served by the Node server (the BFF); in development
// run `npm start` (it builds first) rather than the Vite dev server, so sign-in works.
export default defineConfig({
  root: 'src/client',
  plugins: [react()],
  build: {
    outDir: process.env.CASE_DESK_CLIENT_OUT ?? '../../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
});
