import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  // HSTS is not here: these headers are fixed at `next build`, HSTS follows APP_URL when the server runs (src/proxy.ts).
];

const nextConfig: NextConfig = {
  // Native or WASM modules that must stay plain Node requires, not bundled.
  serverExternalPackages: ['argon2', '@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', 'nodemailer'],
  poweredByHeader: false,
  typedRoutes: false,
  // Document uploads (10 Mo) and CSV imports go through server actions, whose default limit is 1 Mo.
  experimental: { serverActions: { bodySizeLimit: '12mb' }, proxyClientMaxBodySize: '12mb' },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
