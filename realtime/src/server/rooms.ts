/** socket.io room names: one per audience, so a broadcast never reaches someone it should not. */
export const teacherRoom = (sessionId: string) => `t:${sessionId}`;
export const studentsRoom = (sessionId: string) => `s:${sessionId}`;
export const studentRoom = (sessionId: string, studentId: string) => `u:${sessionId}:${studentId}`;
