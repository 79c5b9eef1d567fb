import type { Member } from '../session-ops.ts';

interface Attachment {
  sessionId: string;
  member: Member;
  count: number;
}

/**
 * On a session's owner: the connections other processes announced for it, per process. When a
 * process dies its sockets never say goodbye; this is what lets the owner close them for it.
 */
export class RemoteAttachments {
  private readonly byProcess = new Map<string, Map<string, Attachment>>();

  add(processId: string, sessionId: string, member: Member): void {
    let entries = this.byProcess.get(processId);
    if (!entries) {
      entries = new Map<string, Attachment>();
      this.byProcess.set(processId, entries);
    }
    const key = attachmentKey(sessionId, member);
    const entry = entries.get(key);
    if (entry) entry.count += 1;
    else entries.set(key, { sessionId, member, count: 1 });
  }

  /** False when the process never announced this connection here (so there is nothing to undo). */
  remove(processId: string, sessionId: string, member: Member): boolean {
    const entries = this.byProcess.get(processId);
    const key = attachmentKey(sessionId, member);
    const entry = entries?.get(key);
    if (!entries || !entry) return false;
    entry.count -= 1;
    if (entry.count === 0) entries.delete(key);
    if (entries.size === 0) this.byProcess.delete(processId);
    return true;
  }

  processes(): string[] {
    return [...this.byProcess.keys()];
  }

  /** Forgets a process and returns each connection it had announced, once per connection. */
  takeProcess(processId: string): Array<{ sessionId: string; member: Member }> {
    const entries = this.byProcess.get(processId);
    this.byProcess.delete(processId);
    if (!entries) return [];
    return [...entries.values()].flatMap((e) =>
      Array.from({ length: e.count }, () => ({ sessionId: e.sessionId, member: e.member })),
    );
  }

  /** The session left this process: whatever was announced for it no longer counts here. */
  forgetSession(sessionId: string): void {
    for (const [processId, entries] of this.byProcess) {
      for (const [key, entry] of entries) if (entry.sessionId === sessionId) entries.delete(key);
      if (entries.size === 0) this.byProcess.delete(processId);
    }
  }
}

function attachmentKey(sessionId: string, member: Member): string {
  return `${sessionId}\u0000${member.role === 'teacher' ? `t:${member.teacherId}` : `s:${member.studentId}`}`;
}
