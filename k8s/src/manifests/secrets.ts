/**
 * Secrets the stack reads but never creates: operators create them (k8s/README.md lists them),
 * and manifests refer to them by name and key only, so no value is ever in a manifest.
 */
export const SECRETS = {
  /** HMAC secret (>= 32 characters) of teacher, student and probe tokens. */
  realtime: { name: 'classpulse-realtime', keys: { tokenSecret: 'token-secret' } },
  /** Signs teachers' sign-in cookies (>= 32 characters); every web replica shares it. */
  web: { name: 'classpulse-web', keys: { sessionSecret: 'session-secret' } },
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
  'DATABASE_URL',
  'FIREBASE_SERVICE_ACCOUNT_JSON',
  'REDIS_PASSWORD',
  'REDISCLI_AUTH',
] as const;
