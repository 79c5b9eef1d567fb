import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const config: NextConfig = {
  // The workspace packages ship TypeScript sources (protocol, client, tokens, the reporter).
  transpilePackages: ['@classpulse/realtime', '@classpulse/metrics-aggregator'],
  // Native addons (the SQLite driver, the password hash, sharp) and pg load as they are, never bundled.
  serverExternalPackages: ['better-sqlite3', 'pg', '@node-rs/argon2', 'prom-client', 'sharp'],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: 'tsconfig.json' },
  async headers() {
    // The CSP with a per-request nonce is set in src/proxy.ts; these apply to every response.
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

/**
 * next-intl: the request config picks each reader's language (src/i18n/request.ts); catalogs under
 * messages/ are precompiled at build time, so browsers get no ICU parser, only a small formatter.
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: './src/i18n/request.ts',
  experimental: {
    messages: { path: './messages', format: 'json', locales: 'infer', precompile: true },
  },
});

export default withNextIntl(config);
