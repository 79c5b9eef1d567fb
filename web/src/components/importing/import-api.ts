import * as z from 'zod/mini';
import type { ImportStatus } from '../../server/imports.ts';

export type { ImportStatus };

/*
 * The import API as the browser sees it (contract: GET /api/imports/capabilities, POST
 * /api/imports, GET /api/imports/<id>). Answers are parsed, not trusted: a reply of another shape
 * becomes a failure with a code the page words in the teacher's language, never a crash.
 */

// The server's type is the one definition; this schema checks a reply has that shape.
const importStatusSchema: z.ZodMiniType<ImportStatus> = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  state: z.enum(['queued', 'converting', 'done', 'failed']),
  fileName: z.string(),
  pagesDone: z.number(),
  pagesTotal: z.nullable(z.number()),
  deckId: z.nullable(z.string()),
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
});

const capabilitiesSchema = z.object({
  pdf: z.boolean(),
  pptx: z.boolean(),
  pptxHelp: z.optional(z.string()),
  maxBytes: z.number(),
  maxPages: z.number(),
});
export type ImportCapabilities = z.infer<typeof capabilitiesSchema>;

const failureSchema = z.object({ code: z.string().check(z.minLength(1), z.maxLength(100)) });

/** An import id as it may appear in the page's address (what resuming after a refresh reads). */
export const IMPORT_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** A failure's `code` is an error code the page shows in the reader's language (useErrorText). */
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; status: number; code: string; signedOut: boolean };

/** The API's own error code when it sent one, else one for the status. */
function failure(status: number, body: unknown): ApiResult<never> {
  const parsed = failureSchema.safeParse(body);
  const signedOut = status === 401;
  const code = parsed.success
    ? parsed.data.code
    : signedOut
      ? 'signed_out'
      : status === 413
        ? 'too_large'
        : status === 0
          ? 'network'
          : 'internal_error';
  return { ok: false, status, code, signedOut };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

async function getJson<T>(path: string, read: (body: unknown) => T | null): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { cache: 'no-store' });
  } catch {
    return failure(0, null);
  }
  const body = parseJson(await response.text().catch(() => ''));
  if (!response.ok) return failure(response.status, body);
  const value = read(body);
  return value === null ? failure(response.status, null) : { ok: true, value };
}

export function fetchCapabilities(): Promise<ApiResult<ImportCapabilities>> {
  return getJson('/api/imports/capabilities', (body) => {
    const parsed = capabilitiesSchema.safeParse(body);
    return parsed.success ? parsed.data : null;
  });
}

function readImport(body: unknown): ImportStatus | null {
  const parsed = z.object({ import: importStatusSchema }).safeParse(body);
  return parsed.success ? parsed.data.import : null;
}

export function fetchImport(id: string): Promise<ApiResult<ImportStatus>> {
  return getJson(`/api/imports/${encodeURIComponent(id)}`, readImport);
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends the file with XMLHttpRequest rather than fetch: only XHR reports upload progress, which
 * a teacher on school Wi-Fi sending a 40 MB deck needs to see.
 */
export function startImport(
  fields: { file: File; title?: string; deckId?: string },
  onProgress: (progress: UploadProgress) => void,
): Promise<ApiResult<ImportStatus>> {
  const form = new FormData();
  form.append('file', fields.file);
  if (fields.deckId !== undefined) form.append('deckId', fields.deckId);
  if (fields.title !== undefined && fields.title.trim() !== '')
    form.append('title', fields.title.trim());
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.upload.addEventListener('progress', (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    });
    xhr.addEventListener('load', () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) return resolve(failure(xhr.status, body));
      const status = readImport(body);
      resolve(status ? { ok: true, value: status } : failure(xhr.status, null));
    });
    xhr.addEventListener('error', () => resolve(failure(0, null)));
    xhr.addEventListener('abort', () => resolve(failure(0, null)));
    xhr.send(form);
  });
}
