import { deckSchema, LIMITS, type Slide } from '@classpulse/realtime/protocol';
import { webConfig } from './config.ts';
import { database } from './db.ts';
import { createDeck, getDeck, saveDeck } from './decks.ts';
import {
  activeImportCount,
  failUnfinishedImports,
  getImport,
  insertImport,
  updateImport,
  type ImportStatus,
} from './data/import-repository.ts';
import { newId } from './ids.ts';
import { processSingleton } from './process-singleton.ts';
import { storePageImage } from './uploads.ts';
import {
  isConversionError,
  conversionErrorMessage,
  LIBREOFFICE_HELP,
  type ConvertedPage,
  type DocumentKind,
} from '../importing/conversion-events.ts';
import { ConversionQueue, QueueFullError } from '../importing/conversion-queue.ts';
import { registeredConverter } from '../importing/converter-registry.ts';
import { sniffDocument } from '../importing/sniff-document.ts';

/**
 * Slide imports: a teacher's PDF or PowerPoint file becomes one slide per page, each page's image
 * with its text as the description and its speaker notes kept for the teacher. The file is
 * converted in the background (queued, sandboxed), progress is recorded page by page so any web
 * replica can report it, and nothing is stored until every page converted: a refused or failed
 * file leaves no deck and no images behind.
 */

export type { ImportStatus };

export interface ImportRefusal {
  status: number;
  code: string;
  message: string;
}

const queue = () => {
  const { concurrency, queueMax } = webConfig().imports;
  return processSingleton('import-queue', () => new ConversionQueue(concurrency, queueMax));
};

/** What the import page may offer on this deployment. */
export function importCapabilities(): {
  pdf: boolean;
  pptx: boolean;
  pptxHelp?: string;
  maxBytes: number;
  maxPages: number;
} {
  const converter = registeredConverter();
  const pptx = converter?.pptx ?? false;
  return {
    pdf: converter !== null,
    pptx,
    ...(pptx ? {} : { pptxHelp: LIBREOFFICE_HELP }),
    maxBytes: webConfig().imports.maxBytes,
    maxPages: LIMITS.slidesMax,
  };
}

const refusal = (status: number, code: string, message: string): { refused: ImportRefusal } => ({
  refused: { status, code, message },
});

/** The part of a file name a deck title can use: no folders, no extension. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const title = base.replace(/\.(pdf|pptx)$/i, '').trim();
  return (title || 'Imported slides').slice(0, LIMITS.deckTitleMax);
}

export async function startImport(
  teacherId: string,
  file: { name: string; bytes: Buffer },
  target: { deckId?: string; title?: string; language?: string },
): Promise<{ started: ImportStatus } | { refused: ImportRefusal }> {
  const converter = registeredConverter();
  if (!converter)
    return refusal(503, 'imports_unavailable', 'Importing slides is not available here.');
  const sniffed = sniffDocument(file.bytes);
  if (!sniffed.ok) {
    return sniffed.reason === 'encrypted_office'
      ? refusal(
          422,
          'encrypted',
          'This looks like a password-protected PowerPoint file (or an old .ppt). Save it as .pptx without a password, or export it as PDF, and import that.',
        )
      : refusal(415, 'unsupported_type', 'Use a PDF or a PowerPoint (.pptx) file.');
  }
  if (sniffed.kind === 'pptx' && !converter.pptx)
    return refusal(503, 'libreoffice_missing', LIBREOFFICE_HELP);

  if (target.deckId !== undefined) {
    const deck = await getDeck(teacherId, target.deckId);
    if (!deck) return refusal(404, 'deck_not_found', 'That deck does not exist.');
    if (deck.access === 'view')
      return refusal(
        403,
        'read_only',
        'This deck was shared with you to view: copy it to add slides.',
      );
    if (deck.deck.slides.length >= LIMITS.slidesMax)
      return refusal(422, 'deck_full', deckFullMessage(deck.deck.slides.length));
  }

  const db = await database();
  const { perTeacher, queueMax } = webConfig().imports;
  if ((await activeImportCount(db, teacherId)) >= perTeacher)
    return refusal(
      429,
      'too_many_imports',
      `You have ${perTeacher} imports under way. Wait for one to finish, then try again.`,
    );
  if (queue().size.waiting >= queueMax)
    return refusal(503, 'import_busy', 'Many imports are waiting. Try again in a minute.');

  const status = await insertImport(
    db,
    { id: newId(), teacherId, fileName: file.name.slice(0, 300), deckId: target.deckId ?? null },
    Date.now(),
  );
  void runImport(
    status.id,
    teacherId,
    { bytes: file.bytes, kind: sniffed.kind },
    {
      deckId: target.deckId,
      title: target.title?.trim() || titleFromFileName(file.name),
      language: target.language,
    },
  );
  return { started: status };
}

function deckFullMessage(existing: number, adding?: number): string {
  return adding === undefined
    ? `This deck already has ${existing} slides, the most a deck can hold.`
    : `This file has ${adding} pages, and the deck has ${existing} slides: together more than the ${LIMITS.slidesMax} a deck can hold. Import into a new deck, or split the file.`;
}

const HEARTBEAT_MS = 20_000;
/** No heartbeat for this long: the process running the import is gone. */
const INTERRUPTED_AFTER_MS = 6 * HEARTBEAT_MS;

class ImportFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Where an import's slides go: a deck to append to, or a new deck's title and language. */
interface ImportTarget {
  deckId: string | undefined;
  title: string;
  language: string | undefined;
}

async function runImport(
  id: string,
  teacherId: string,
  document: { bytes: Buffer; kind: DocumentKind },
  target: ImportTarget,
): Promise<void> {
  const db = await database();
  const set = (change: Parameters<typeof updateImport>[2]) =>
    updateImport(db, id, change, Date.now());
  // A heartbeat while waiting or converting: an import that stops beating was interrupted.
  const heartbeat = setInterval(() => void set({}).catch(() => undefined), HEARTBEAT_MS);
  try {
    const existing = target.deckId
      ? ((await getDeck(teacherId, target.deckId))?.deck.slides.length ?? 0)
      : 0;
    const pages: ConvertedPage[] = [];
    await queue().run(async () => {
      await set({ state: 'converting' });
      await registeredConverter()!.convert(document, {
        async onPages(total) {
          if (existing + total > LIMITS.slidesMax) {
            throw new ImportFailure(
              target.deckId ? 'deck_full' : 'too_many_pages',
              target.deckId
                ? deckFullMessage(existing, total)
                : conversionErrorMessage('too_many_pages', { maxPages: LIMITS.slidesMax }),
            );
          }
          await set({ pagesTotal: total });
        },
        async onPage(page) {
          pages.push(page);
          await set({ pagesDone: pages.length });
        },
      });
    });
    const slides: Slide[] = [];
    for (const page of pages) {
      slides.push({
        id: newId(),
        title: '',
        body: '',
        image: {
          url: await storePageImage(db, page),
          alt: altText(page.text, page.index),
          width: page.width,
          height: page.height,
        },
        ...(page.notes ? { notes: page.notes.slice(0, LIMITS.slideNotesMax) } : {}),
      });
    }
    const deckId = await saveImportedSlides(teacherId, target, slides);
    await set({ state: 'done', deckId });
  } catch (error) {
    await set({ state: 'failed', error: failureOf(error, document.kind) }).catch(() => undefined);
  } finally {
    clearInterval(heartbeat);
  }
}

function failureOf(error: unknown, kind: DocumentKind): { code: string; message: string } {
  if (error instanceof ImportFailure) return { code: error.code, message: error.message };
  if (isConversionError(error))
    return {
      code: error.code,
      message: conversionErrorMessage(error.code, { kind, maxPages: LIMITS.slidesMax }),
    };
  if (error instanceof QueueFullError)
    return { code: 'import_busy', message: 'Many imports are waiting. Try again in a minute.' };
  return {
    code: 'conversion_failed',
    message: conversionErrorMessage('conversion_failed', { kind }),
  };
}

/** The page's text as its image description: whole words, within the limit; else "Page N". */
export function altText(text: string, index: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return `Page ${index + 1}`;
  if (flat.length <= LIMITS.slideImageAltMax) return flat;
  const cut = flat.slice(0, LIMITS.slideImageAltMax - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > LIMITS.slideImageAltMax / 2 ? cut.slice(0, space) : cut}…`;
}

async function saveImportedSlides(
  teacherId: string,
  target: ImportTarget,
  slides: Slide[],
): Promise<string> {
  if (target.deckId === undefined) {
    // A new deck is in the teacher's language; an existing one keeps its own.
    const deck = deckSchema.parse({
      ...(target.language ? { language: target.language } : {}),
      title: target.title,
      slides,
    });
    return (await createDeck(teacherId, deck)).id;
  }
  // The deck as it is now (its teacher may have edited it while the file converted).
  const current = await getDeck(teacherId, target.deckId);
  if (!current || current.access === 'view')
    throw new ImportFailure(
      'deck_not_found',
      'The deck was deleted or unshared during the import.',
    );
  if (current.deck.slides.length + slides.length > LIMITS.slidesMax)
    throw new ImportFailure(
      'deck_full',
      deckFullMessage(current.deck.slides.length, slides.length),
    );
  const deck = deckSchema.parse({ ...current.deck, slides: [...current.deck.slides, ...slides] });
  const saved = await saveDeck(teacherId, target.deckId, deck);
  if (saved !== 'saved')
    throw new ImportFailure(
      'deck_not_found',
      'The deck was deleted or unshared during the import.',
    );
  return target.deckId;
}

/**
 * An import's status for the teacher who started it. One whose process stopped (a restart, a
 * crash) has stopped its heartbeat: it is failed, with words that say to try again, rather than
 * left spinning.
 */
export async function importStatus(teacherId: string, id: string): Promise<ImportStatus | null> {
  const db = await database();
  const now = Date.now();
  await failUnfinishedImports(
    db,
    now - INTERRUPTED_AFTER_MS,
    {
      code: 'interrupted',
      message:
        'The import stopped before it finished (the server restarted). Import the file again.',
    },
    now,
  );
  return getImport(db, teacherId, id);
}
