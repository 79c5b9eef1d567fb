import { isIP } from 'node:net';
import { TokenBucket } from './rate-limiter.ts';

/** Buckets per key, at most `maxKeys` of them: the oldest key is forgotten first (memory bound). */
class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly clock: { now(): number };
  private readonly maxKeys: number;

  constructor(perSecond: number, burst: number, clock: { now(): number }, maxKeys: number) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
    this.maxKeys = maxKeys;
  }

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
      bucket = new TokenBucket(this.perSecond, this.burst, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}

export interface JoinLimits {
  /** Joins per second one source address may keep up, and how many at once. */
  perSourcePerSecond: number;
  perSourceBurst: number;
  /** Joins per second one session code takes, and how many at once. */
  perCodePerSecond: number;
  perCodeBurst: number;
}

/**
 * Joins by code (a new student each) are limited per code and per source address, with limits a
 * whole school behind one address never meets in a lesson (a class of 30 joining within seconds
 * passes), so a script that reads the projected code cannot fill a session. Resuming with a
 * token is not a join and is not limited here.
 */
export class JoinLimiter {
  private readonly bySource: KeyedBuckets;
  private readonly byCode: KeyedBuckets;

  constructor(limits: JoinLimits, clock: { now(): number }) {
    this.bySource = new KeyedBuckets(
      limits.perSourcePerSecond,
      limits.perSourceBurst,
      clock,
      50_000,
    );
    this.byCode = new KeyedBuckets(limits.perCodePerSecond, limits.perCodeBurst, clock, 50_000);
  }

  /** False when this join is over either limit (nothing is taken from the other). */
  allow(code: string, source: string): boolean {
    return this.bySource.take(source) && this.byCode.take(code);
  }
}

const PRIVATE_V4 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^127\./];

/** Whether a peer address is one that may speak for others (X-Forwarded-For). */
export function trustedPeer(address: string, trust: 'loopback' | 'private'): boolean {
  const plain = address.replace(/^::ffff:/, '');
  if (plain === '::1' || plain.startsWith('127.')) return true;
  if (trust === 'loopback') return false;
  if (isIP(plain) === 4) return PRIVATE_V4.some((range) => range.test(plain));
  return /^f[cd]/i.test(plain) || /^fe80:/i.test(plain);
}

/**
 * The address a join comes from: the peer, or, when the peer is a proxy we trust (the web app on
 * this machine, the ingress in the cluster), the last address it added to X-Forwarded-For.
 */
export function joinSource(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: 'loopback' | 'private',
): string {
  const address = peer ?? 'unknown';
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  if (!header || !trustedPeer(address, trust)) return address;
  const last = header.split(',').at(-1)?.trim();
  return last && isIP(last.replace(/^::ffff:/, '')) ? last : address;
}
