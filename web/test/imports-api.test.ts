/**
 * Slide imports through the real app (`npm start`'s stack, real converter child processes, real
 * LibreOffice): a teacher's PDF becomes a deck page by page, a PowerPoint file is appended with
 * its speaker notes, refused files say why and leave no deck, and nobody else sees the import.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Deck } from '@classpulse/realtime/protocol';
import {
  PPTX_DECK,
  encryptedPptx,
  manyPagesPdf,
  multiPagePdf,
  multiPagePdfText,
  notAPdf,
  pptxDeck,
  truncatedPdf,
  type FixtureFile,
} from './support/import-fixtures.ts';
import { createTeacher, signInCookie } from './support/sign-in.ts';
import { OWNER, startStack, type Credentials, type Stack } from './support/stack.ts';

const OTHER: Credentials = {
  name: 'Oscar Other',
  email: 'other@school.test',
  password: 'another correct horse battery',
};

interface ImportStatus {
  id: string;
  state: 'queued' | 'converting' | 'done' | 'failed';
  fileName: string;
  pagesDone: number;
  pagesTotal: number | null;
  deckId: string | null;
  error: { code: string; message: string } | null;
}

describe('slide imports (API)', () => {
  let stack: Stack;
  let cookie: string;
  let otherCookie: string;

  before(async () => {
    stack = await startStack({ WEB_IMPORT_MAX_BYTES: String(4 * 1024 * 1024) });
    cookie = await signInCookie(stack.webUrl, OWNER);
    await createTeacher(stack.webUrl, OWNER, OTHER);
    otherCookie = await signInCookie(stack.webUrl, OTHER);
  });
  after(() => stack?.stop());

  const post = (
    file: FixtureFile | { fileName: string; bytes: Uint8Array },
    fields: Record<string, string> = {},
    who = cookie,
  ) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(file.bytes)]), file.fileName);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return fetch(`${stack.webUrl}/api/imports`, {
      method: 'POST',
      headers: { cookie: who },
      body: form,
    });
  };

  const statusOf = async (id: string, who = cookie) =>
    fetch(`${stack.webUrl}/api/imports/${id}`, { headers: { cookie: who } });

  /** Polls until the import ends; records every distinct progress it saw. */
  async function finished(id: string): Promise<{ status: ImportStatus; seen: number[] }> {
    const seen: number[] = [];
    for (;;) {
      const response = await statusOf(id);
      assert.equal(response.status, 200);
      const { import: status } = (await response.json()) as { import: ImportStatus };
      if (seen.at(-1) !== status.pagesDone) seen.push(status.pagesDone);
      if (status.state === 'done' || status.state === 'failed') return { status, seen };
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  const deckOf = async (id: string): Promise<Deck> => {
    const response = await fetch(`${stack.webUrl}/api/decks/${id}`, { headers: { cookie } });
    assert.equal(response.status, 200);
    return ((await response.json()) as { deck: Deck }).deck;
  };

  const deckCount = async (): Promise<number> => {
    const response = await fetch(`${stack.webUrl}/api/decks`, { headers: { cookie } });
    return ((await response.json()) as { decks: unknown[] }).decks.length;
  };

  let deckId: string;

  it('says what it can import here', async () => {
    const response = await fetch(`${stack.webUrl}/api/imports/capabilities`, {
      headers: { cookie },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      ok: true,
      pdf: true,
      pptx: true,
      maxBytes: 4 * 1024 * 1024,
      maxPages: 100,
    });
    const signedOut = await fetch(`${stack.webUrl}/api/imports/capabilities`);
    assert.equal(signedOut.status, 401);
  });

  it('a PDF becomes a new deck, one image slide per page, progress page by page', async () => {
    const response = await post(await multiPagePdf(6), { title: 'Fractions' });
    assert.equal(response.status, 202);
    const started = ((await response.json()) as { import: ImportStatus }).import;
    assert.equal(started.fileName, 'fractions.pdf');
    const { status, seen } = await finished(started.id);
    assert.equal(status.state, 'done', JSON.stringify(status.error));
    assert.equal(status.pagesTotal, 6);
    assert.equal(status.pagesDone, 6);
    assert.ok(seen.length >= 2, `progress was reported along the way: ${seen.join(',')}`);
    deckId = status.deckId!;
    const deck = await deckOf(deckId);
    assert.equal(deck.title, 'Fractions');
    assert.equal(deck.slides.length, 6);
    deck.slides.forEach((slide, i) => {
      assert.equal(slide.title, '');
      assert.match(slide.image?.url ?? '', /^\/uploads\/[a-f0-9]{64}\.jpg$/);
      assert.equal(slide.image?.alt, multiPagePdfText(i + 1));
      assert.equal(slide.image?.width, 1920);
      assert.equal(slide.image?.height, 1080);
      assert.equal(slide.notes, undefined);
    });
    const url = deck.slides[0]!.image!.url;
    const original = await fetch(`${stack.webUrl}${url}`);
    assert.equal(original.headers.get('content-type'), 'image/jpeg');
    const phone = await fetch(`${stack.webUrl}${url.replace('.jpg', '-w480.webp')}`);
    assert.equal(phone.status, 200);
    assert.equal(phone.headers.get('content-type'), 'image/webp');
    assert.ok(
      Number(phone.headers.get('content-length')) < Number(original.headers.get('content-length')),
    );
  });

  it('a PowerPoint file is appended with its speaker notes (real LibreOffice)', async () => {
    const response = await post(await pptxDeck(), { deckId });
    assert.equal(response.status, 202);
    const { status } = await finished(
      ((await response.json()) as { import: ImportStatus }).import.id,
    );
    assert.equal(status.state, 'done', JSON.stringify(status.error));
    assert.equal(status.deckId, deckId);
    const deck = await deckOf(deckId);
    assert.equal(deck.slides.length, 6 + PPTX_DECK.slides.length);
    PPTX_DECK.slides.forEach((expected, i) => {
      const slide = deck.slides[6 + i]!;
      assert.equal(slide.notes, 'notes' in expected ? expected.notes : undefined);
      assert.ok(slide.image?.alt.includes(expected.texts[0]));
    });
  });

  it('nobody else sees the import or can add to the deck', async () => {
    const response = await post(await multiPagePdf(1), { deckId });
    const { id } = ((await response.json()) as { import: ImportStatus }).import;
    assert.equal((await statusOf(id, otherCookie)).status, 404);
    const theirs = await post(await multiPagePdf(1), { deckId }, otherCookie);
    assert.equal(theirs.status, 404);
    assert.equal(((await theirs.json()) as { error: string }).error, 'deck_not_found');
    await finished(id);
  });

  it('refuses what it cannot import, says why, and creates no deck', async () => {
    const decks = await deckCount();
    const text = await post(await notAPdf());
    assert.equal(text.status, 415);
    assert.match(((await text.json()) as { message: string }).message, /PDF or a PowerPoint/);
    const locked = await post(await encryptedPptx());
    assert.equal(locked.status, 422);
    assert.match(((await locked.json()) as { message: string }).message, /password/);
    const tooBig = await post({
      fileName: 'huge.pdf',
      bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]),
    });
    assert.equal(tooBig.status, 413);
    const empty = await post({ fileName: 'empty.pdf', bytes: new Uint8Array(0) });
    assert.equal(empty.status, 400);

    for (const [make, code] of [
      [truncatedPdf, 'malformed'],
      [() => manyPagesPdf(500), 'too_many_pages'],
    ] as const) {
      const response = await post(await make());
      assert.equal(response.status, 202);
      const { status } = await finished(
        ((await response.json()) as { import: ImportStatus }).import.id,
      );
      assert.equal(status.state, 'failed');
      assert.equal(status.error?.code, code);
      assert.ok((status.error?.message.length ?? 0) > 20, 'a sentence a teacher can act on');
      assert.equal(status.deckId, null);
    }
    assert.equal(await deckCount(), decks);
  });

  it('refuses an import that would take a deck past 100 slides', async () => {
    const big = await post(await multiPagePdf(95), { title: 'Big' });
    const { status } = await finished(((await big.json()) as { import: ImportStatus }).import.id);
    assert.equal(status.state, 'done');
    const more = await post(await multiPagePdf(6), { deckId: status.deckId! });
    const result = await finished(((await more.json()) as { import: ImportStatus }).import.id);
    assert.equal(result.status.error?.code, 'deck_full');
    assert.equal((await deckOf(status.deckId!)).slides.length, 95);
  });
});
