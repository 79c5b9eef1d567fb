/**
 * `npm run synth -w @classpulse/k8s -- --namespace <ns> --tag <image tag> [--out <file>]`:
 * synthesizes the whole stack (src/manifests), validates every object, and writes
 * multi-document YAML to the file or stdout. Optional: --host, --registry, --region (repeat),
 * --school-calendar (a JSON file with the `schoolCalendar` option).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  ObjectValidationError,
  StackOptionsError,
  synthesize,
  toYaml,
  validateObjects,
  type StackOptionsInput,
} from '../src/manifests/synthesize.ts';

const USAGE = `usage: npm run synth -- --namespace <namespace> --tag <image tag> [options]

  --namespace <name>   Kubernetes namespace (DNS-1123 label)           required
  --tag <tag>          image tag of every classpulse-<service> image   required
  --out <file>         write the YAML here (default: stdout)
  --host <host>        public DNS name (default: <namespace>.classpulse.example)
  --registry <prefix>  image registry (default: ghcr.io/classpulse)
  --region <region>    a probe region; repeat for several (default: us-east1, europe-west1,
                       asia-southeast1)
  --school-calendar <file.json>
                       the schools' zone, days, hours and closures (the stack option
                       schoolCalendar; default: New York, Monday–Friday, US holidays)
  -h, --help           this text`;

const argsSchema = z.object({
  namespace: z.string('--namespace is required.'),
  tag: z.string('--tag is required.'),
  out: z.string().min(1, '--out needs a file name.').optional(),
  host: z.string().optional(),
  registry: z.string().optional(),
  region: z.array(z.string()).optional(),
  'school-calendar': z.string().min(1, '--school-calendar needs a file name.').optional(),
});

/** A calendar file is small (500 closures are ~40 kB); anything bigger is the wrong file. */
const MAX_CALENDAR_FILE_BYTES = 1_000_000;

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const OPTIONS = {
  namespace: { type: 'string' },
  tag: { type: 'string' },
  out: { type: 'string' },
  host: { type: 'string' },
  registry: { type: 'string' },
  region: { type: 'string', multiple: true },
  'school-calendar': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
try {
  ({ values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS, strict: true }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const parsed = argsSchema.safeParse(values);
if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join('\n       '));
const args = parsed.data;

/** The JSON in --school-calendar; the stack options check what it says. */
function readSchoolCalendar(file: string): unknown {
  try {
    if (statSync(file).size > MAX_CALENDAR_FILE_BYTES)
      fail(`--school-calendar ${file} is larger than ${MAX_CALENDAR_FILE_BYTES} bytes.`);
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`--school-calendar ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const schoolCalendar =
  args['school-calendar'] === undefined ? undefined : readSchoolCalendar(args['school-calendar']);

let yaml: string;
try {
  const objects = synthesize({
    namespace: args.namespace,
    imageTag: args.tag,
    ...(args.host !== undefined && { host: args.host }),
    ...(args.registry !== undefined && { imageRegistry: args.registry }),
    ...(args.region !== undefined && { regions: args.region }),
    // Unchecked here: parseStackOptions validates it and names every problem.
    ...(schoolCalendar !== undefined && {
      schoolCalendar: schoolCalendar as StackOptionsInput['schoolCalendar'],
    }),
  });
  validateObjects(objects);
  yaml = toYaml(objects);
} catch (error) {
  if (error instanceof StackOptionsError || error instanceof ObjectValidationError)
    fail(error.message);
  throw error;
}
// `npm run synth … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
if (args.out) {
  writeFileSync(args.out, yaml);
  process.stderr.write(`wrote ${args.out}\n`);
} else process.stdout.write(yaml);
