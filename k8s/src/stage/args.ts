import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `Usage: npm run stage -- <name> [options]

Deploys Classpulse into the namespace stage-<name> of your current kubectl context (server-side
apply), waits for its rollouts and prints its URLs.

  <name>                 lowercase letters, digits and "-", at most 40 characters
  --tag <tag>            image tag to deploy (default: $STAGE_IMAGE_TAG, else git rev-parse --short HEAD)
  --registry <registry>  image registry, e.g. ghcr.io/classpulse (default: the manifests' own)
  --host <host>          public host name (default: <name>.stage.classpulse.example)
  --timeout <seconds>    how long to wait for rollouts, or for --delete (default: 300)
  --context <context>    kubeconfig context to use (default: the current context)
  --dry-run              print the manifests as YAML and contact no cluster
  --delete               remove the stage: its namespace and its cluster-scoped objects
  -h, --help             show this text`;

/** A DNS-1123 label short enough that `stage-<name>` and names derived from it stay valid. */
const stageName = z
  .string()
  .max(40, 'at most 40 characters')
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
    'lowercase letters, digits and "-", starting and ending with a letter or digit',
  );
const dnsName = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'a lowercase DNS name',
  );
const imageTag = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'an image tag: letters, digits, "_", "." and "-"');
const registry = z
  .string()
  .regex(
    /^[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)*$/,
    'a registry without a scheme, e.g. ghcr.io/classpulse',
  );

const argsSchema = z.object({
  name: stageName,
  tag: imageTag.optional(),
  registry: registry.optional(),
  host: dnsName.optional(),
  timeoutSeconds: z.coerce
    .number({ error: 'a whole number of seconds' })
    .int('a whole number of seconds')
    .min(1)
    .max(3600)
    .default(300),
  context: z.string().min(1).optional(),
  dryRun: z.boolean(),
  delete: z.boolean(),
});

export type StageArgs = z.infer<typeof argsSchema>;

export type ParsedArgs =
  { kind: 'run'; args: StageArgs } | { kind: 'help' } | { kind: 'invalid'; problem: string };

const FIELD_FLAGS: Record<string, string> = {
  name: '<name>',
  tag: '--tag',
  registry: '--registry',
  host: '--host',
  timeoutSeconds: '--timeout',
  context: '--context',
};

export function parseStageArgs(argv: readonly string[]): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        tag: { type: 'string' },
        registry: { type: 'string' },
        host: { type: 'string' },
        timeout: { type: 'string' },
        context: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        delete: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { kind: 'invalid', problem: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { kind: 'help' };
  if (positionals.length === 0) return { kind: 'invalid', problem: 'the stage <name> is missing' };
  if (positionals.length > 1)
    return { kind: 'invalid', problem: `one stage name, got: ${positionals.join(' ')}` };
  if (values['dry-run'] === true && values.delete === true)
    return { kind: 'invalid', problem: '--dry-run and --delete cannot be combined' };

  const parsed = argsSchema.safeParse({
    name: positionals[0],
    tag: values.tag,
    registry: values.registry,
    host: values.host,
    timeoutSeconds: values.timeout,
    context: values.context,
    dryRun: values['dry-run'],
    delete: values.delete,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const given = field === 'name' ? ` "${positionals[0]}"` : '';
      return `${FIELD_FLAGS[field] ?? field}${given}: ${issue.message}`;
    });
    return { kind: 'invalid', problem: problems.join('; ') };
  }
  return { kind: 'run', args: parsed.data };
}

export const defaultHost = (name: string) => `${name}.stage.classpulse.example`;
