import { apiError, json } from '../../../server/api-response.ts';
import { webConfig } from '../../../server/config.ts';
import { requireTeacher } from '../../../server/require-teacher.ts';
import { database } from '../../../server/db.ts';
import { readMultipartFile } from '../../../server/multipart-file.ts';
import { storeUpload } from '../../../server/uploads.ts';

/**
 * Stores one image from the multipart field "file"; answers 201 with its public URL and its size
 * in pixels (slides reserve that space before the image loads).
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const { uploadMaxBytes } = webConfig();
  const read = await readMultipartFile(request, uploadMaxBytes, {
    noun: 'the image',
    choose: 'Choose an image to upload.',
  });
  if (!read.ok) return read.response;

  const stored = await storeUpload(
    await database(),
    new Uint8Array(await read.file.arrayBuffer()),
    {
      maxBytes: uploadMaxBytes,
    },
  );
  if (stored.ok)
    return json({ ok: true, url: stored.url, width: stored.width, height: stored.height }, 201);
  switch (stored.reason) {
    case 'empty':
      return apiError(400, 'missing_file', 'The chosen file is empty.');
    case 'too_large':
      return apiError(413, 'too_large', 'The image is too large.');
    case 'unsupported_type':
      return apiError(415, 'unsupported_type', 'Use a PNG, JPEG, WebP or GIF image.');
    case 'unreadable':
      return apiError(
        415,
        'unreadable',
        'This image is damaged or too large to open (at most 40 megapixels). Save it again and retry.',
      );
  }
}
