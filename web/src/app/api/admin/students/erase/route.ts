import { z } from 'zod';
import { apiError, json, validationError } from '../../../../../server/api-response.ts';
import { readBodyCapped, SMALL_JSON_BYTES } from '../../../../../server/request-body.ts';
import {
  confirmationMatches,
  eraseStudents,
} from '../../../../../server/student-requests-erase.ts';
import { admitStudentRequest } from '../../../../../server/student-requests-route.ts';
import { refText, studentRefsSchema } from '../../../../../server/student-requests.ts';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({
  students: studentRefsSchema,
  /** The student's name, typed by the admin to confirm. */
  confirmName: z.string().trim().min(1, 'Type the student’s name to confirm.').max(200),
  /** End a chosen session that is still live first (the realtime tier refuses it otherwise). */
  endLive: z.boolean().default(false),
});

/**
 * POST: erase the chosen student from the chosen sessions everywhere. Takes JSON
 * `{ students: ['<session>.<student>', …], confirmName, endLive? }` and answers JSON, or the erase
 * page's plain form (`s`, `confirm`, `endLive`; no JavaScript needed) and answers with a redirect to the page that
 * says how it went.
 */
export async function POST(request: Request): Promise<Response> {
  const admitted = await admitStudentRequest();
  if ('response' in admitted) return admitted.response;
  const fromForm = (request.headers.get('content-type') ?? '').startsWith(
    'application/x-www-form-urlencoded',
  );
  const bytes = await readBodyCapped(request, SMALL_JSON_BYTES);
  if (!bytes) return apiError(413, 'too_large', 'The request is too large.');
  const text = new TextDecoder().decode(bytes);
  let raw: unknown;
  if (fromForm) {
    const form = new URLSearchParams(text);
    raw = {
      students: form.getAll('s'),
      confirmName: form.get('confirm') ?? '',
      endLive: form.get('endLive') === 'on',
    };
  } else {
    try {
      raw = JSON.parse(text) as unknown;
    } catch {
      return apiError(400, 'invalid', 'The request body is not JSON.');
    }
  }
  const body = bodySchema.safeParse(raw);
  if (!body.success) {
    if (!fromForm) return validationError(body.error);
    return redirectTo(eraseFormPath(raw, 'confirm'));
  }
  const refs = body.data.students;
  if (!(await confirmationMatches(refs, body.data.confirmName))) {
    if (fromForm) return redirectTo(eraseFormPath(raw, 'confirm'));
    return apiError(
      400,
      'confirm_mismatch',
      'The name typed is not the chosen student’s: nothing was erased.',
    );
  }
  const outcome = await eraseStudents(admitted.admin.id, refs, { endLive: body.data.endLive });
  if (!fromForm) return json({ ok: outcome.failed.length === 0, ...outcome });
  const done = new URLSearchParams({ erased: String(outcome.erased) });
  for (const f of outcome.failed) done.append('failed', f.sessionId);
  return redirectTo(`/teacher/admin/students?${done.toString()}`);
}

/** Back to the erase page with the same students and the error to show. */
function eraseFormPath(raw: unknown, error: string): string {
  const params = new URLSearchParams();
  const students = (raw as { students?: unknown } | null)?.students;
  if (Array.isArray(students))
    for (const s of studentRefsSchema.safeParse(students).data ?? [])
      params.append('s', refText(s));
  params.set('error', error);
  return `/teacher/admin/students/erase?${params.toString()}`;
}

/** 303: the browser follows with a GET, so a reload does not post again. */
function redirectTo(path: string): Response {
  return new Response(null, {
    status: 303,
    headers: { location: path, 'cache-control': 'no-store' },
  });
}
