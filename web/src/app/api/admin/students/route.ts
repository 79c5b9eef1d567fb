import { apiError, json } from '../../../../server/api-response.ts';
import { admitStudentRequest } from '../../../../server/student-requests-route.ts';
import { findStudents, parseFindQuery, refText } from '../../../../server/student-requests.ts';

export const dynamic = 'force-dynamic';

/**
 * GET ?email=… (every session a school address signed in to) or ?name=…[&code=…][&teacher=…]
 * [&day=YYYY-MM-DD] (that name in the chosen sessions' rosters): the students found, each with
 * its `ref` for the export and erase routes. Admins only.
 */
export async function GET(request: Request): Promise<Response> {
  const admitted = await admitStudentRequest();
  if ('response' in admitted) return admitted.response;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { query } = parseFindQuery(params);
  if (!query)
    return apiError(
      400,
      'invalid',
      'Give a school email address, or a name (with a join code, teacher or day).',
    );
  const found = await findStudents(query);
  return json({
    ok: true,
    students: found.students.map((s) => ({ ...s, ref: refText(s) })),
    unreachable: found.unreachable,
  });
}
