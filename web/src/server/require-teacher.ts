import { apiError } from './api-response.ts';
import { currentTeacherId } from './auth.ts';

/** Route-handler guard: the teacher's id, or a 401 response to return as is. */
export async function requireTeacher(): Promise<{ teacherId: string } | { response: Response }> {
  const teacherId = await currentTeacherId();
  return teacherId
    ? { teacherId }
    : { response: apiError(401, 'signed_out', 'Sign in as a teacher first.') };
}
