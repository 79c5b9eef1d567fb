import type { Presence } from '../protocol/index.ts';
import type { Clock } from './clock.ts';

interface Entry extends Omit<Presence, 'rttMs'> {
  sockets: number;
  goneTimer: NodeJS.Timeout | null;
  /** The latest round trip the student reported on `transport`, and when it was accepted. */
  rttMs: number | null;
  rttAt: number | null;
}

/** A student's client reports its round trip every 20 s; reports closer than this are dropped. */
export const RTT_REPORT_MIN_INTERVAL_MS = 5_000;

/**
 * Live connection state of one session's students. Not durable on purpose: after a restart every
 * student starts as "reconnecting" and becomes "connected" or "gone" by themselves.
 */
export class PresenceTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Clock;
  private readonly goneAfterMs: number;
  private readonly onChange: (studentId: string, presence: Presence) => void;
  private readonly rttMinIntervalMs: number;

  constructor(
    clock: Clock,
    goneAfterMs: number,
    onChange: (studentId: string, presence: Presence) => void,
    rttMinIntervalMs = RTT_REPORT_MIN_INTERVAL_MS,
  ) {
    this.clock = clock;
    this.goneAfterMs = goneAfterMs;
    this.onChange = onChange;
    this.rttMinIntervalMs = rttMinIntervalMs;
  }

  /** Students known from the stored state, before any of them reconnected. */
  expect(studentIds: Iterable<string>): void {
    for (const id of studentIds) {
      if (this.entries.has(id)) continue;
      const entry: Entry = {
        status: 'reconnecting',
        lastSeenAt: this.clock.now(),
        transport: null,
        sockets: 0,
        goneTimer: null,
        rttMs: null,
        rttAt: null,
      };
      this.entries.set(id, entry);
      this.scheduleGone(id, entry);
    }
  }

  connected(studentId: string, transport: string): void {
    const entry = this.entry(studentId);
    entry.sockets += 1;
    this.cancelGone(entry);
    this.update(studentId, entry, 'connected', transport);
  }

  transportChanged(studentId: string, transport: string): void {
    const entry = this.entries.get(studentId);
    if (entry && entry.sockets > 0) this.update(studentId, entry, 'connected', transport);
  }

  disconnected(studentId: string): void {
    const entry = this.entries.get(studentId);
    if (!entry) return;
    entry.sockets = Math.max(0, entry.sockets - 1);
    if (entry.sockets > 0) return;
    this.update(studentId, entry, 'reconnecting', entry.transport);
    this.scheduleGone(studentId, entry);
  }

  /**
   * The round trip a connected student measured on `transport`. Ignored when the student is
   * not connected on that transport any more (a late report from the one they left), and when
   * it comes sooner than `rttMinIntervalMs` after the last one accepted. Only a changed value
   * tells the teacher.
   */
  rtt(studentId: string, transport: string, rttMs: number): void {
    const entry = this.entries.get(studentId);
    if (!entry || entry.sockets === 0 || entry.transport !== transport) return;
    if (!Number.isFinite(rttMs) || rttMs < 0) return;
    const now = this.clock.now();
    if (entry.rttAt !== null && now - entry.rttAt < this.rttMinIntervalMs) return;
    entry.rttAt = now;
    const rounded = Math.round(rttMs);
    if (entry.rttMs === rounded) return;
    entry.rttMs = rounded;
    this.onChange(studentId, presenceOf(entry));
  }

  /** Removed students are gone at once. */
  remove(studentId: string): void {
    const entry = this.entries.get(studentId);
    if (!entry) return;
    this.cancelGone(entry);
    entry.sockets = 0;
    this.update(studentId, entry, 'gone', entry.transport);
  }

  seen(studentId: string): void {
    const entry = this.entries.get(studentId);
    if (entry) entry.lastSeenAt = this.clock.now();
  }

  /** One student's presence, without building the whole snapshot. */
  get(studentId: string): Presence | undefined {
    const e = this.entries.get(studentId);
    return e && presenceOf(e);
  }

  /** The transport the student is (or was last) connected on; null when never. */
  transportOf(studentId: string): string | null {
    return this.entries.get(studentId)?.transport ?? null;
  }

  snapshot(): Record<string, Presence> {
    const out: Record<string, Presence> = {};
    for (const [id, e] of this.entries) out[id] = presenceOf(e);
    return out;
  }

  dispose(): void {
    for (const entry of this.entries.values()) this.cancelGone(entry);
  }

  private entry(studentId: string): Entry {
    let entry = this.entries.get(studentId);
    if (!entry) {
      entry = {
        status: 'gone',
        lastSeenAt: this.clock.now(),
        transport: null,
        sockets: 0,
        goneTimer: null,
        rttMs: null,
        rttAt: null,
      };
      this.entries.set(studentId, entry);
    }
    return entry;
  }

  private update(
    studentId: string,
    entry: Entry,
    status: Presence['status'],
    transport: string | null,
  ): void {
    entry.status = status;
    if (transport !== entry.transport) {
      // A round trip measured on another transport says nothing about this one.
      entry.rttMs = null;
      entry.rttAt = null;
    }
    entry.transport = transport;
    entry.lastSeenAt = this.clock.now();
    this.onChange(studentId, presenceOf(entry));
  }

  private scheduleGone(studentId: string, entry: Entry): void {
    this.cancelGone(entry);
    entry.goneTimer = this.clock.setTimeout(() => {
      entry.goneTimer = null;
      if (entry.sockets === 0) {
        entry.status = 'gone';
        this.onChange(studentId, presenceOf(entry));
      }
    }, this.goneAfterMs);
    entry.goneTimer.unref?.();
  }

  private cancelGone(entry: Entry): void {
    if (entry.goneTimer) this.clock.clearTimeout(entry.goneTimer);
    entry.goneTimer = null;
  }
}

function presenceOf(entry: Entry): Presence {
  const presence: Presence = {
    status: entry.status,
    lastSeenAt: entry.lastSeenAt,
    transport: entry.transport,
  };
  // Only while connected: a gone student's last round trip would read as a current one.
  if (entry.rttMs !== null && entry.status === 'connected') presence.rttMs = entry.rttMs;
  return presence;
}
