import type { $ZodError } from 'zod/v4/core';

/** The one error shape of the web API, with field paths so forms show errors next to fields. */
export interface ApiError {
  ok: false;
  code: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
}

export function apiError(
  status: number,
  code: string,
  message: string,
  issues?: ApiError['issues'],
): Response {
  const body: ApiError = { ok: false, code, message, ...(issues ? { issues } : {}) };
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/** Any zod error: the protocol's schemas are `zod/mini`, the web app's own are classic `zod`. */
export function validationError(error: $ZodError): Response {
  const issues = error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  return apiError(400, 'invalid', issues[0]?.message ?? 'Check the highlighted fields.', issues);
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
