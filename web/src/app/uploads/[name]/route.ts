import { database } from '../../../server/db.ts';
import { readUpload } from '../../../server/uploads.ts';

type Context = { params: Promise<{ name: string }> };

/**
 * Serves an uploaded image. Names are content hashes, so a response never changes and may be
 * cached forever. Public on purpose: students' browsers load pin-on-image pictures from here.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const file = await readUpload(await database(), (await params).name);
  if (!file) {
    return new Response('Not found', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      // An image opened directly must not be able to run anything, whatever its bytes hide.
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
