import type { NextConfig } from 'next';

// `npm run build` builds for `npm start` (next start); the Docker image builds with
// NEXT_OUTPUT=standalone, the self-contained server Next traces for a small image.
const config: NextConfig = {
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' as const } : {}),
  poweredByHeader: false,
  // Loaded from node_modules at run time, not bundled: PGlite reads its WebAssembly files next
  // to its code, and the audit log's stores open their own database connections. (Not the
  // auth client: its React part must share Next's own React.)
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@cityofboston/audit-log'],
  // The Content Security Policy is set per response by src/proxy.ts (it carries a fresh nonce).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'x-content-type-options', value: 'nosniff' },
          { key: 'referrer-policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default config;
