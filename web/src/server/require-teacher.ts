import { apiError } from './api-response.ts';
import { currentTeacherId } from './auth.ts';

/** Route-handler guard: the teacher's id, or a 401 response to return as is. */
export async function requireTeacher(): Promise<{ teacherId: string } | { response: Response }> {
  const teacherId = await currentTeacherId();
  return teacherId
    ? { teacherId }
    : { response: apiError(401, 'signed_out', 'Sign in as a teacher first.') };
}

/** What Next passes the handlers of a route under an `[id]` segment (a deck's or a session's). */
export interface IdRouteContext {
  params: Promise<{ id: string }>;
}

/**
 * A handler of a route under `[id]` that runs only for a signed-in teacher: anyone else gets
 * requireTeacher's 401 before the path is read. The handler gets the teacher's id and the `[id]`;
 * whether that deck or session is this teacher's is still the handler's to check.
 */
export function teacherRouteWithId(
  handler: (teacherId: string, id: string, request: Request) => Response | Promise<Response>,
): (request: Request, context: IdRouteContext) => Promise<Response> {
  return async (request, { params }) => {
    const auth = await requireTeacher();
    if ('response' in auth) return auth.response;
    return handler(auth.teacherId, (await params).id, request);
  };
}
