/**
 * When a store writes a session snapshot: after at least `snapshotEvery` appends *and* once the
 * log since the last snapshot is at least as large as that snapshot. Serializing a
 * 10,000-student state on a fixed count of answers cost more CPU than the answers; this way
 * snapshot bytes never exceed log bytes, and a load replays at most about one snapshot's worth.
 *
 * A big state waits longer, until the log is BIG_LOG_FACTOR times its size: serializing a
 * 10,000-student state holds the event loop for 30–50 ms, and during a burst of 4,000 answers a
 * second every answer behind it waits too (that one stall set the burst's p99). A load of such a
 * session replays up to that many snapshots' worth of log instead (~0.1 s for 10,000 students).
 */

/** Snapshots from this size on are written less often: serializing one takes milliseconds. */
const BIG_SNAPSHOT_BYTES = 256 * 1024;
const BIG_LOG_FACTOR = 4;

export interface SnapshotPacer {
  /** Counts an append's log bytes; true when this append should carry a snapshot. */
  due(sessionId: string, eventsJson: string): boolean;
  written(sessionId: string, snapshotJson: string): void;
  /** After a load: the snapshot read and the log replayed after it. */
  loaded(sessionId: string, snapshotBytes: number, replayedBytes: number, replayed: number): void;
  forget(sessionId: string): void;
}

interface Pacing {
  bytes: number;
  logBytes: number;
  appends: number;
}

export function createSnapshotPacer(snapshotEvery: number): SnapshotPacer {
  const sessions = new Map<string, Pacing>();
  return {
    due(sessionId, eventsJson) {
      let pacing = sessions.get(sessionId);
      if (!pacing) {
        pacing = { bytes: 0, logBytes: 0, appends: 0 };
        sessions.set(sessionId, pacing);
      }
      pacing.logBytes += eventsJson.length;
      pacing.appends++;
      const factor = pacing.bytes >= BIG_SNAPSHOT_BYTES ? BIG_LOG_FACTOR : 1;
      return pacing.appends >= snapshotEvery && pacing.logBytes >= pacing.bytes * factor;
    },
    written(sessionId, snapshotJson) {
      sessions.set(sessionId, { bytes: snapshotJson.length, logBytes: 0, appends: 0 });
    },
    loaded(sessionId, snapshotBytes, replayedBytes, replayed) {
      sessions.set(sessionId, { bytes: snapshotBytes, logBytes: replayedBytes, appends: replayed });
    },
    forget(sessionId) {
      sessions.delete(sessionId);
    },
  };
}
