import type { Member } from '../session-ops.ts';

interface Attachment {
  sessionId: string;
  member: Member;
}

/**
 * On a session's owner: the connections other processes announced for it, per process and
 * connection (socket id). Keyed by connection so a retried announcement counts once, and so
 * that when a process dies (its sockets never say goodbye) the owner can close them for it.
 */
export class RemoteAttachments {
  private readonly byProcess = new Map<string, Map<string, Attachment>>();

  has(processId: string, connection: string): boolean {
    return this.byProcess.get(processId)?.has(connection) ?? false;
  }

  /** False when this connection was already announced (nothing to count again). */
  add(processId: string, connection: string, sessionId: string, member: Member): boolean {
    let entries = this.byProcess.get(processId);
    if (!entries) {
      entries = new Map<string, Attachment>();
      this.byProcess.set(processId, entries);
    }
    if (entries.has(connection)) return false;
    entries.set(connection, { sessionId, member });
    return true;
  }

  /** The announced connection, forgotten; undefined when it was never announced here. */
  remove(processId: string, connection: string): Attachment | undefined {
    const entries = this.byProcess.get(processId);
    const entry = entries?.get(connection);
    if (!entries || !entry) return undefined;
    entries.delete(connection);
    if (entries.size === 0) this.byProcess.delete(processId);
    return entry;
  }

  processes(): string[] {
    return [...this.byProcess.keys()];
  }

  /** Forgets a process and returns every connection it had announced, by connection. */
  takeProcess(processId: string): Array<[string, Attachment]> {
    const entries = this.byProcess.get(processId);
    this.byProcess.delete(processId);
    return entries ? [...entries] : [];
  }

  /** The session left this process: whatever was announced for it no longer counts here. */
  forgetSession(sessionId: string): void {
    for (const [processId, entries] of this.byProcess) {
      for (const [connection, entry] of entries) {
        if (entry.sessionId === sessionId) entries.delete(connection);
      }
      if (entries.size === 0) this.byProcess.delete(processId);
    }
  }
}
