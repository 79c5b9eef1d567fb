import type { Browser, BrowserContextOptions } from 'playwright-core';
import sharp from 'sharp';
import type { DeckInput } from '../realtime/src/protocol/index.ts';
import { signInCookie } from '../web/test/support/sign-in.ts';
import type { Credentials } from '../web/test/support/stack.ts';
import { ONE_QUESTION_DECK } from './one-question-deck.ts';

export const SLIDE_IMAGE = { width: 1920, height: 1080, alt: 'A number line from 0 to 1' };

/**
 * A 1920×1080 JPEG like a photographed or exported slide (~150 KB): a smooth two-colour
 * gradient with a few shapes. Its uploaded WebP copies (480/960/1920) let a phone take a small one.
 */
async function slidePhoto(): Promise<Buffer> {
  const { width, height } = SLIDE_IMAGE;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = 80 + (y * 120) / height;
      raw[i + 2] = 200 - (x * 100) / width;
    }
  const shapes = Buffer.from(
    `<svg width="${width}" height="${height}"><rect x="160" y="500" width="1600" height="12" fill="#111"/>` +
      Array.from(
        { length: 11 },
        (_, i) =>
          `<circle cx="${160 + i * 160}" cy="506" r="24" fill="#fff" stroke="#111" stroke-width="6"/>`,
      ).join('') +
      '</svg>',
  );
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .composite([{ input: shapes }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Uploads the photo as a teacher (POST /api/uploads, field "file"); its public URL. */
async function uploadSlidePhoto(webUrl: string, cookie: string): Promise<string> {
  const form = new FormData();
  form.set(
    'file',
    new Blob([new Uint8Array(await slidePhoto())], { type: 'image/jpeg' }),
    'slide.jpg',
  );
  const response = await fetch(`${webUrl}/api/uploads`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  const body = (await response.json()) as { ok: boolean; url?: string; message?: string };
  if (response.status !== 201 || !body.url)
    throw new Error(`uploading the slide image failed: ${response.status} ${body.message}`);
  return body.url;
}

/** The bench's one-question deck whose question slide carries the 1920×1080 image above it. */
export async function imageSlideDeck(webUrl: string, owner: Credentials): Promise<DeckInput> {
  const url = await uploadSlidePhoto(webUrl, await signInCookie(webUrl, owner));
  const [slide] = ONE_QUESTION_DECK.slides;
  return {
    ...ONE_QUESTION_DECK,
    title: 'Bench (image slide)',
    slides: [{ ...slide!, image: { url, ...SLIDE_IMAGE } }],
  };
}

/**
 * Whether the student page really shows the slide image (by its alt text) at a phone's width:
 * a figure for a page that leaves the image out would measure nothing.
 */
export async function studentSeesSlideImage(
  browser: Browser,
  studentUrl: string,
  storageState: BrowserContextOptions['storageState'],
): Promise<boolean> {
  const context = await browser.newContext({ storageState, viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    await page.goto(studentUrl);
    await page.getByRole('button', { name: 'Submit answer' }).waitFor();
    return await page.getByRole('img', { name: SLIDE_IMAGE.alt }).isVisible();
  } finally {
    await context.close();
  }
}
