import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { z } from 'zod';
import type { cnpgClusterSpec, cnpgScheduledBackupSpec } from './database-schema.ts';
import { CNPG_API_VERSION } from './database-schema.ts';
import { labelsFor, NAMES } from './labels.ts';
import type { StackOptions } from './options.ts';
import { namespaced } from './pod.ts';
import { SECRETS } from './secrets.ts';

/** PostgreSQL 16 from CloudNativePG's own images, pinned. */
export const POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql:16.6';

/**
 * The Secret CloudNativePG creates for the application user (`<cluster>-app`); its `uri` key is
 * the web tier's DATABASE_URL. No manifest holds the password.
 */
export const DATABASE_APP_SECRET = { name: `${NAMES.database}-app`, key: 'uri' } as const;

/**
 * The web tier's PostgreSQL, run by the CloudNativePG operator (installed with its CRDs, not by
 * this stack): a primary and streaming replicas it fails over to, a base backup every night and
 * every WAL segment archived to object storage (point-in-time recovery), kept for the retention
 * window. Restores and the operator's runbooks: k8s/README.md, "Database".
 */
export class Database extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor(NAMES.database);
    const backup = options.database.backup;
    const s3 = SECRETS.databaseBackup;
    const spec: z.input<typeof cnpgClusterSpec> = {
      instances: options.database.instances,
      imageName: POSTGRES_IMAGE,
      primaryUpdateStrategy: 'unsupervised',
      storage: {
        size: options.storage.database,
        ...(options.storage.className ? { storageClass: options.storage.className } : {}),
      },
      bootstrap: { initdb: { database: 'classpulse', owner: 'classpulse' } },
      backup: {
        retentionPolicy: backup.retention,
        barmanObjectStore: {
          destinationPath: backup.destinationPath ?? `s3://classpulse-backups/${options.namespace}`,
          ...(backup.endpointUrl ? { endpointURL: backup.endpointUrl } : {}),
          s3Credentials: {
            accessKeyId: { name: s3.name, key: s3.keys.accessKeyId },
            secretAccessKey: { name: s3.name, key: s3.keys.secretAccessKey },
          },
          wal: { compression: 'gzip' },
          data: { compression: 'gzip' },
        },
      },
      monitoring: { enablePodMonitor: true },
    };
    new ApiObject(this, 'cluster', {
      apiVersion: CNPG_API_VERSION,
      kind: 'Cluster',
      metadata: namespaced(options, NAMES.database, labels),
      spec,
    });
    const scheduled: z.input<typeof cnpgScheduledBackupSpec> = {
      schedule: backup.schedule,
      backupOwnerReference: 'self',
      cluster: { name: NAMES.database },
    };
    new ApiObject(this, 'scheduled-backup', {
      apiVersion: CNPG_API_VERSION,
      kind: 'ScheduledBackup',
      metadata: namespaced(options, `${NAMES.database}-nightly`, labels),
      spec: scheduled,
    });
  }
}
