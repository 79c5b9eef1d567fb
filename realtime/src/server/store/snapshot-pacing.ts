/**
 * When a store writes a session snapshot: after at least `snapshotEvery` appends *and* once the
 * log since the last snapshot is at least as large as that snapshot. Serializing a
 * 10,000-student state on a fixed count of answers cost more CPU than the answers; this way
 * snapshot bytes never exceed log bytes, and a load replays at most about one snapshot's worth.
 */
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
      return pacing.appends >= snapshotEvery && pacing.logBytes >= pacing.bytes;
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
