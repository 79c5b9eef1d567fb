import { z } from 'zod';

/**
 * The subset of CloudNativePG's `Cluster` and `ScheduledBackup` (postgresql.cnpg.io/v1) this
 * stack writes, as zod schemas: kubernetes-models has none for the operator's CRDs, and an
 * object this stack applies is always validated (validate.ts). Strict, so a misspelt field fails
 * here rather than being dropped by the API server.
 */
const secretKey = z.object({ name: z.string().min(1), key: z.string().min(1) }).strict();

export const CNPG_API_VERSION = 'postgresql.cnpg.io/v1';

export const cnpgClusterSpec = z
  .object({
    instances: z.number().int().min(1),
    imageName: z.string().regex(/^\S+:[A-Za-z0-9_][A-Za-z0-9_.-]*$/),
    primaryUpdateStrategy: z.enum(['unsupervised', 'supervised']),
    storage: z
      .object({ size: z.string().min(1), storageClass: z.string().min(1).optional() })
      .strict(),
    bootstrap: z
      .object({
        initdb: z.object({ database: z.string().min(1), owner: z.string().min(1) }).strict(),
      })
      .strict(),
    backup: z
      .object({
        retentionPolicy: z.string().regex(/^[1-9][0-9]*[dwm]$/),
        barmanObjectStore: z
          .object({
            destinationPath: z.string().min(1),
            endpointURL: z.url().optional(),
            s3Credentials: z
              .object({ accessKeyId: secretKey, secretAccessKey: secretKey })
              .strict(),
            wal: z.object({ compression: z.enum(['gzip', 'bzip2', 'snappy']) }).strict(),
            data: z.object({ compression: z.enum(['gzip', 'bzip2', 'snappy']) }).strict(),
          })
          .strict(),
      })
      .strict(),
    monitoring: z.object({ enablePodMonitor: z.boolean() }).strict(),
  })
  .strict();

export const cnpgScheduledBackupSpec = z
  .object({
    schedule: z.string().min(11),
    backupOwnerReference: z.enum(['none', 'self', 'cluster']),
    cluster: z.object({ name: z.string().min(1) }).strict(),
  })
  .strict();
