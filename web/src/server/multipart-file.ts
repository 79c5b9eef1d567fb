import { apiError } from './api-response.ts';
import { MULTIPART_OVERHEAD_BYTES } from './front-door.ts';
import { readBodyCapped } from './request-body.ts';

/**
 * Reads a multipart/form-data request with one file in the field "file" (and small text fields
 * beside it), refusing anything over `maxBytes` before and while it is read. `what` names the
 * file in messages ("the image", "the file").
 */
export async function readMultipartFile(
  request: Request,
  maxBytes: number,
  what: { noun: string; choose: string },
): Promise<
  { ok: true; file: File; fields: Map<string, string> } | { ok: false; response: Response }
> {
  const tooLarge = () => {
    const mib = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
    return {
      ok: false as const,
      response: apiError(
        413,
        'too_large',
        `${capitalized(what.noun)} is too large. Use one under ${mib} MB.`,
      ),
    };
  };
  const missing = (message: string) => ({
    ok: false as const,
    response: apiError(400, 'missing_file', message),
  });
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data'))
    return missing(`Send ${what.noun} as multipart/form-data in the field "file".`);
  const limit = maxBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return tooLarge();
  const body = await readBodyCapped(request, limit);
  if (!body) return tooLarge();

  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return missing(`The upload could not be read. Choose ${what.noun} again.`);
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') return missing(what.choose);
  if (file.size > maxBytes) return tooLarge();
  const fields = new Map<string, string>();
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields.set(name, value);
  }
  return { ok: true, file, fields };
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
