/**
 * Secrets the stack reads but never creates: operators create them (k8s/README.md lists them),
 * and manifests refer to them by name and key only, so no value is ever in a manifest.
 */
export const SECRETS = {
  /** HMAC secret (>= 32 characters) of teacher, student and probe tokens. */
  realtime: { name: 'classpulse-realtime', keys: { tokenSecret: 'token-secret' } },
  /** Signs teachers' sign-in cookies (>= 32 characters); every web replica shares it. */
  web: { name: 'classpulse-web', keys: { sessionSecret: 'session-secret' } },
  /**
   * Signs (web) and verifies (metrics aggregator) the short-lived token each served page reports
   * metrics with (>= 32 characters).
   */
  metrics: { name: 'classpulse-metrics', keys: { pageTokenSecret: 'page-token-secret' } },
  /** Object-storage credentials for the database's backups (CloudNativePG barmanObjectStore). */
  databaseBackup: {
    name: 'classpulse-db-backup',
    keys: { accessKeyId: 'access-key-id', secretAccessKey: 'secret-access-key' },
  },
  /** Redis's password (URL-safe characters: it is part of REALTIME_REDIS_URL). */
  redis: { name: 'classpulse-redis', keys: { password: 'password' } },
  /** Firebase mode, optional as a whole: without this Secret the stack runs on Redis alone. */
  firebase: {
    name: 'classpulse-firebase',
    keys: {
      databaseUrl: 'database-url',
      serviceAccountJson: 'service-account.json',
      webApiKey: 'web-api-key',
      authDomain: 'auth-domain',
    },
  },
  /**
   * School sign-in (OpenID Connect), optional as a whole: without this Secret teachers have
   * local accounts only. Each key is the web app's OIDC_* variable of the same name
   * (`issuer-url` is OIDC_ISSUER_URL, …); only `client-secret` is a secret, the rest live here
   * so one object holds a deployment's sign-in.
   */
  oidc: {
    name: 'classpulse-oidc',
    keys: {
      issuerUrl: 'issuer-url',
      clientId: 'client-id',
      clientSecret: 'client-secret',
      allowedEmailDomains: 'allowed-email-domains',
      studentEmailDomains: 'student-email-domains',
      adminEmails: 'admin-emails',
      providerName: 'provider-name',
    },
  },
  /** Mounted into Alertmanager at /etc/alertmanager/secrets/alertmanager-slack/. */
  alertmanagerSlack: {
    name: 'alertmanager-slack',
    keys: { url: 'url', deadmansSwitchToken: 'deadmans-switch-token' },
  },
} as const;

/** Environment variables that hold secrets: they must come from a secretKeyRef, never a value. */
export const SECRET_ENV_NAMES = [
  'REALTIME_TOKEN_SECRET',
  'WEB_SESSION_SECRET',
  'METRICS_PAGE_TOKEN_SECRET',
  'OIDC_CLIENT_SECRET',
  'DATABASE_URL',
  'FIREBASE_SERVICE_ACCOUNT_JSON',
  'REDIS_PASSWORD',
  'REDISCLI_AUTH',
] as const;
