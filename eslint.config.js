// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Package boundaries from DESIGN.md: dependencies point one way, only through published entry
 * points, and nothing imports from web/.
 */
const PACKAGES = ['web', 'realtime', 'metrics-aggregator', 'probes', 'k8s'];
const allowedImports = {
  realtime: [],
  // The one environment-parsing helper of every service (DESIGN.md, convention 14): realtime/
  // depends on nothing, so this edge adds no cycle.
  'metrics-aggregator': ['@classpulse/realtime/env'],
  web: [
    '@classpulse/realtime/protocol',
    '@classpulse/realtime/engine',
    '@classpulse/realtime/client',
    // The client apart from its transports, and each transport: a student page loads only its own.
    '@classpulse/realtime/client/core',
    '@classpulse/realtime/client/socket',
    '@classpulse/realtime/client/firebase',
    // Firebase mode's dark launch: the shadow connection, loaded lazily by student pages.
    '@classpulse/realtime/client/shadow',
    '@classpulse/realtime/firebase-config',
    '@classpulse/realtime/firebase-admin',
    '@classpulse/realtime/testing',
    '@classpulse/realtime/server',
    '@classpulse/realtime/tokens',
    '@classpulse/realtime/env',
    '@classpulse/metrics-aggregator/catalog',
    '@classpulse/metrics-aggregator/reporter',
    // Served pages' metrics tokens: the web app signs what the aggregator verifies (one format).
    '@classpulse/metrics-aggregator/page-token',
    // The embedded launcher (npm start) runs the aggregator in its process.
    '@classpulse/metrics-aggregator/server',
  ],
  probes: [
    '@classpulse/realtime/protocol',
    '@classpulse/realtime/client',
    '@classpulse/realtime/testing',
    // Firebase mode's settings and identities live once, in realtime/.
    '@classpulse/realtime/firebase-config',
    // The one environment-parsing helper of every service (DESIGN.md, convention 14).
    '@classpulse/realtime/env',
    '@classpulse/realtime/firebase-admin',
    // The probe signs its own probe token for the socket tier; tests start the real tier.
    '@classpulse/realtime/tokens',
    '@classpulse/realtime/server',
    '@classpulse/metrics-aggregator/catalog',
  ],
  k8s: [
    '@classpulse/metrics-aggregator/catalog',
    // Dashboards name the socket tier's server metrics from its catalog instead of retyping them.
    '@classpulse/realtime/metrics',
    // The live alert test runs real Prometheus the way the aggregator's own scrape test does.
    '@classpulse/metrics-aggregator/testing',
    // Alert rules and their traffic model read the school clock the aggregator exposes; the
    // live alert test scrapes a real aggregator for it.
    '@classpulse/metrics-aggregator/school-clock',
    '@classpulse/metrics-aggregator/server',
  ],
};

const boundaryRules = PACKAGES.map((pkg) => ({
  files: [`${pkg}/**/*.{ts,tsx,js,mjs}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^@classpulse/(?!(${allowedImports[pkg].map((s) => s.replace('@classpulse/', '')).join('|') || 'NOTHING'})$)`,
            message: `${pkg}/ may import only ${allowedImports[pkg].join(', ') || 'no other workspace'} (DESIGN.md: dependencies point one way).`,
          },
          {
            regex: `^(\\.\\./)+(${PACKAGES.join('|')})/`,
            message: 'Import another workspace by its package name, never by a relative path.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/.data/**',
      '**/coverage/**',
      '**/test-artifacts/**',
      // Scratch space of `npm run bench` (a blank Next.js app is built there).
      'bench/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: [
                'describe',
                'it',
                'test',
                'suite',
                'before',
                'after',
                'beforeEach',
                'afterEach',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // Adapters implement async ports synchronously (SQLite); that is not a smell.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always'],
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test', 'suite'].map((object) => ({
          object,
          property: 'only',
          message: 'Focused tests hide the rest of the suite.',
        })),
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in config.ts only (DESIGN.md convention 4).',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='only'][value.value=true]",
          message: 'Focused tests hide the rest of the suite.',
        },
      ],
    },
  },
  ...boundaryRules,
  {
    // The one place that reads the environment, and test and bench harnesses that pass it to child processes.
    files: ['**/config.ts', '**/test/support/**', 'bench/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test', 'suite'].map((object) => ({ object, property: 'only' })),
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
