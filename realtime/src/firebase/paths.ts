/** Where things live in the Realtime Database (firebase/README.md). No imports: browsers use it. */
export const paths = {
  joinCode: (code: string) => `joinCodes/${code}`,
  /** A teacher's sessions, summarized, so a list never downloads answers. */
  teacherSession: (teacherId: string, sessionId: string) =>
    `teacherSessions/${teacherId}/${sessionId}`,
  teacherSessions: (teacherId: string) => `teacherSessions/${teacherId}`,
  session: (sessionId: string) => `sessions/${sessionId}`,
  roster: (sessionId: string, studentId: string) => `sessions/${sessionId}/roster/${studentId}`,
  presence: (sessionId: string, studentId: string) => `sessions/${sessionId}/presence/${studentId}`,
  response: (sessionId: string, slideId: string, studentId: string) =>
    `sessions/${sessionId}/responses/${slideId}/${studentId}`,
  public: (sessionId: string) => `sessions/${sessionId}/public`,
  /** Quiz mode: one student's own points and rank (written by servers, read by that student). */
  standing: (sessionId: string, studentId: string) =>
    `sessions/${sessionId}/standings/${studentId}`,
  /**
   * Health records of a session (admin only), outside the session's node so loading a session
   * never downloads them.
   */
  health: (sessionId: string) => `sessionHealth/${sessionId}`,
};
