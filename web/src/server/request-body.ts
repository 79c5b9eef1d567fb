import { safeParse, type $ZodType, type output } from 'zod/v4/core';
import { apiError, validationError } from './api-response.ts';

/** What an ordinary JSON route takes (a sign-in, a share, settings): far below a deck. */
export const SMALL_JSON_BYTES = 64 * 1024;

/**
 * Reads a request body, giving up as soon as it passes `limit` bytes, so an oversized body (one
 * sent without a length, which the front door cannot check) is never buffered whole. Null when
 * the limit is passed.
 */
export async function readBodyCapped(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

/** A JSON body of at most `maxBytes`: 413 past it, 400 when it is not JSON. */
export async function readJsonValue(
  request: Request,
  maxBytes = SMALL_JSON_BYTES,
): Promise<BodyResult<unknown>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const bytes = declared > maxBytes ? null : await readBodyCapped(request, maxBytes);
  if (!bytes)
    return {
      ok: false,
      response: apiError(413, 'too_large', 'The request is too large.'),
    };
  try {
    return { ok: true, data: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
  } catch {
    return { ok: false, response: apiError(400, 'invalid', 'The request body is not JSON.') };
  }
}

/** A JSON body checked by `schema`: 413 past `maxBytes`, 400 with field errors when it is wrong. */
export async function readJsonBody<S extends $ZodType>(
  request: Request,
  schema: S,
  maxBytes = SMALL_JSON_BYTES,
): Promise<BodyResult<output<S>>> {
  const raw = await readJsonValue(request, maxBytes);
  if (!raw.ok) return raw;
  // zod's core parse works for the web app's classic schemas and the protocol's zod/mini ones.
  const parsed = safeParse(schema, raw.data);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, response: validationError(parsed.error) };
}
