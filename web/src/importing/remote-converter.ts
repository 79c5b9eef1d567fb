import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  ConversionError,
  conversionEventSchema,
  type ConvertedPage,
  type PageEvent,
} from './conversion-events.ts';
import type { ConversionLimits, Converter } from './converter.ts';

/** The header that tells the converter service what the body is. */
export const DOCUMENT_KIND_HEADER = 'x-document-kind';
export const CONVERT_PATH = '/v1/convert';

/**
 * The converter service as a Converter: the document goes up as the request body, and the pages
 * come back as conversion events (one JSON line each, files inline). The service is another
 * process that reads hostile files, so its answer is parsed like any other untrusted input.
 */
export function createRemoteConverter(options: {
  url: string;
  limits: ConversionLimits;
}): Converter {
  return {
    // The service's image always carries LibreOffice; if it ever does not, the import says so.
    pptx: true,
    async convert(document, events) {
      let response: Response;
      try {
        response = await fetch(`${options.url}${CONVERT_PATH}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/octet-stream',
            [DOCUMENT_KIND_HEADER]: document.kind,
          },
          body: new Uint8Array(document.bytes),
          // The service has its own time limit; this one only stops waiting on a lost service.
          signal: AbortSignal.timeout(options.limits.timeLimitMs + 60_000),
        });
      } catch {
        throw new ConversionError('conversion_failed');
      }
      if (!response.ok || !response.body) throw new ConversionError('conversion_failed');
      const lines = createInterface({
        input: Readable.fromWeb(response.body as NodeReadableStream),
        crlfDelay: Infinity,
      });
      for await (const line of lines) {
        const parsed = conversionEventSchema.safeParse(safeJson(line));
        if (!parsed.success) throw new ConversionError('conversion_failed');
        const event = parsed.data;
        if (event.type === 'error') throw new ConversionError(event.code);
        if (event.type === 'pages') await events.onPages(event.total);
        if (event.type === 'page') await events.onPage(inlinePage(event));
        if (event.type === 'done') return;
      }
      throw new ConversionError('conversion_failed');
    },
  };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

function inlinePage(event: PageEvent): ConvertedPage {
  const file = (name: string | undefined): Buffer => {
    const data = name === undefined ? undefined : event.inline?.[name];
    if (data === undefined) throw new ConversionError('conversion_failed');
    return Buffer.from(data, 'base64');
  };
  return {
    index: event.index,
    width: event.width,
    height: event.height,
    text: event.text,
    notes: event.notes,
    original: file(event.files.original),
    variants: {
      '480': file(event.files.variants['480']),
      '960': file(event.files.variants['960']),
      '1920': file(event.files.variants['1920']),
    },
  };
}
