/**
 * Who a Firebase custom token says its holder is. The rules read these as `auth.uid` and
 * `auth.token.*` (database.rules.json); the web app mints them, nothing else does.
 */
export function studentIdentity(
  sessionId: string,
  studentId: string,
): { uid: string; claims: { role: 'student'; sessionId: string; studentId: string } } {
  return {
    uid: `student:${sessionId}:${studentId}`,
    claims: { role: 'student', sessionId, studentId },
  };
}

export function teacherIdentity(
  sessionId: string,
  teacherId: string,
): { uid: string; claims: { role: 'teacher'; sessionId: string } } {
  return { uid: teacherId, claims: { role: 'teacher', sessionId } };
}

/** A probe (probes/) at `location`: it may use `probes/{location}` and nothing else. */
export function probeIdentity(location: string): {
  uid: string;
  claims: { role: 'probe'; location: string };
} {
  return { uid: `probe:${location}`, claims: { role: 'probe', location } };
}
