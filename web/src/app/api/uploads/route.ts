import { apiError, json } from '../../../server/api-response.ts';
import { webConfig } from '../../../server/config.ts';
import { requireTeacher } from '../../../server/require-teacher.ts';
import { database } from '../../../server/db.ts';
import { storeUpload } from '../../../server/uploads.ts';
import { MULTIPART_OVERHEAD_BYTES } from '../../../server/front-door.ts';
import { readBodyCapped } from '../../../server/request-body.ts';

function tooLarge(maxBytes: number): Response {
  const mib = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
  return apiError(413, 'too_large', `The image is too large. Use one under ${mib} MB.`);
}

/** Stores one image from the multipart field "file"; answers 201 with its public URL. */
export async function POST(request: Request): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const { uploadMaxBytes } = webConfig();

  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    return apiError(
      400,
      'missing_file',
      'Send the image as multipart/form-data in the field "file".',
    );
  }
  const limit = uploadMaxBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return tooLarge(uploadMaxBytes);
  const body = await readBodyCapped(request, limit);
  if (!body) return tooLarge(uploadMaxBytes);

  let file: FormDataEntryValue | null;
  try {
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    file = form.get('file');
  } catch {
    return apiError(400, 'missing_file', 'The upload could not be read. Choose the image again.');
  }
  if (!file || typeof file === 'string') {
    return apiError(400, 'missing_file', 'Choose an image to upload.');
  }

  const stored = await storeUpload(await database(), new Uint8Array(await file.arrayBuffer()), {
    maxBytes: uploadMaxBytes,
  });
  if (stored.ok) return json({ ok: true, url: stored.url }, 201);
  switch (stored.reason) {
    case 'empty':
      return apiError(400, 'missing_file', 'The chosen file is empty.');
    case 'too_large':
      return tooLarge(uploadMaxBytes);
    case 'unsupported_type':
      return apiError(415, 'unsupported_type', 'Use a PNG, JPEG, WebP or GIF image.');
  }
}
