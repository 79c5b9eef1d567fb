import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

/** What the compile-hint plugin uses of the webpack Next hands to the config (typed `any`). */
interface Bundler {
  Compilation: { PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE: number };
  sources: { ConcatSource: new (...parts: unknown[]) => unknown };
}
interface Compilation {
  hooks: {
    processAssets: {
      tap(options: { name: string; stage: number }, fn: (assets: object) => void): void;
    };
  };
  updateAsset(name: string, update: (source: unknown) => unknown): void;
}
interface Compiler {
  hooks: { thisCompilation: { tap(name: string, fn: (compilation: Compilation) => void): void } };
}

/**
 * V8's explicit compile hint on every browser chunk: a script that starts with
 * `//# allFunctionsCalledOnLoad` is compiled whole on the background thread that streams it,
 * instead of function by function on the main thread when first called. Evaluating Next's and
 * React's modules at startup was one ~90 ms task on the student page (×4 on Lighthouse's
 * mobile CPU), most of it lazy compilation; with the hint it is a few short tasks. Added after
 * minification (which drops comments) and before the content hashes are computed.
 */
function compileHints(bundler: Bundler) {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    apply(compiler: Compiler) {
      compiler.hooks.thisCompilation.tap('CompileHints', (compilation) => {
        compilation.hooks.processAssets.tap(
          {
            name: 'CompileHints',
            stage: bundler.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1,
          },
          (assets) => {
            for (const name of Object.keys(assets))
              if (name.endsWith('.js'))
                compilation.updateAsset(
                  name,
                  (source) => new bundler.sources.ConcatSource(HINT, source),
                );
          },
        );
      });
    },
  };
}

const config: NextConfig = {
  // The workspace packages ship TypeScript sources (protocol, client, tokens, the reporter).
  transpilePackages: ['@classpulse/realtime', '@classpulse/metrics-aggregator'],
  // Native addons (the SQLite driver, the password hash, sharp) and pg load as they are, never bundled.
  serverExternalPackages: ['better-sqlite3', 'pg', '@node-rs/argon2', 'prom-client', 'sharp'],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: 'tsconfig.json' },
  webpack(
    webpackConfig: { plugins: unknown[] },
    context: { isServer: boolean; dev: boolean; webpack: Bundler },
  ) {
    if (!context.isServer && !context.dev)
      webpackConfig.plugins.push(compileHints(context.webpack));
    return webpackConfig;
  },
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
