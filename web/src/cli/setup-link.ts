import { setupLinkIfNeeded } from '../server/accounts/owner-setup.ts';
import { database } from '../server/db.ts';

/**
 * Prints a one-time link that creates an admin account, for deployments without the embedded
 * launcher (Kubernetes: `kubectl exec deploy/web -c web -- node src/cli/setup-link.ts <site URL>`).
 * It refuses while an admin can sign in, unless given --force (every admin locked out).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const origin = args.find((a) => !a.startsWith('--'))?.replace(/\/$/, '');
  if (!origin || !/^https?:\/\/[^/]+$/.test(origin)) {
    process.stderr.write(
      'Usage: setup-link <site URL, e.g. https://classpulse.example.org> [--force]\n',
    );
    process.exit(2);
  }
  const db = await database();
  const link = await setupLinkIfNeeded(db, origin, args.includes('--force'));
  await db.destroy();
  if (!link) {
    process.stderr.write(
      'An admin account exists: ask an admin for an invitation (or pass --force if every admin is locked out).\n',
    );
    process.exit(1);
  }
  process.stdout.write(
    `Setup link (one use, until ${new Date(link.expiresAt).toISOString()}):\n  ${link.url}\n`,
  );
}

void main();
