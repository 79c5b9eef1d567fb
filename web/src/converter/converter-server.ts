import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  isConversionError,
  pageFiles,
  type ConversionEvent,
  type DocumentKind,
} from '../importing/conversion-events.ts';
import { ConversionQueue, QueueFullError } from '../importing/conversion-queue.ts';
import type { Converter } from '../importing/converter.ts';
import { findLibreOffice } from '../importing/libreoffice.ts';
import { createLocalConverter } from '../importing/local-converter.ts';
import { CONVERT_PATH, DOCUMENT_KIND_HEADER } from '../importing/remote-converter.ts';
import type { ConverterServiceConfig } from './config.ts';
import { converterMetrics } from './converter-metrics.ts';
import { listen, urlOf } from '../production/listen.ts';

export interface ConverterServer {
  url: string;
  internalUrl: string;
  /** Stops taking conversions, lets running ones finish; safe to call twice. */
  close(): Promise<void>;
}

export interface ConverterServerDeps {
  /** Default: sandboxed child processes on this machine (what the service is for). */
  converter?: Converter;
}

/**
 * The slide converter as its own service (Kubernetes): the web pods POST a document to
 * /v1/convert and read the pages back as conversion events, one JSON line each with the image
 * files inline. It holds no data and reaches nothing (its NetworkPolicy denies all egress): the
 * one place that opens teachers' untrusted files is also the one that can do the least harm.
 */
export async function createConverterServer(
  config: ConverterServiceConfig,
  deps: ConverterServerDeps = {},
): Promise<ConverterServer> {
  const metrics = converterMetrics();
  const converter =
    deps.converter ??
    createLocalConverter({
      limits: {
        ...config.limits,
        onDiagnostics: (text) => process.stderr.write(`conversion diagnostics:\n${text.trim()}\n`),
      },
      libreoffice: findLibreOffice(config.libreofficePath, config.searchPath),
    });
  const queue = new ConversionQueue(config.concurrency, config.queueMax);
  let closing = false;
  const running = new Set<Promise<void>>();

  const showQueue = () => {
    metrics.queue.set({ state: 'running' }, queue.size.running);
    metrics.queue.set({ state: 'waiting' }, queue.size.waiting);
  };

  const publicServer = createServer((req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== CONVERT_PATH)
      return answer(res, 404, 'not_found');
    if (closing) return answer(res, 503, 'shutting_down');
    const task = convertRequest(req, res).catch(() => {
      if (!res.headersSent) answer(res, 500, 'conversion_failed');
      else res.destroy();
    });
    running.add(task);
    void task.finally(() => running.delete(task));
  });

  async function convertRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const kindHeader = req.headers[DOCUMENT_KIND_HEADER];
    if (kindHeader !== 'pdf' && kindHeader !== 'pptx') return answer(res, 400, 'unknown_kind');
    const kind: DocumentKind = kindHeader;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (!Number.isFinite(declared)) return answer(res, 411, 'length_required');
    if (declared > config.maxBytes) return answer(res, 413, 'too_large');
    const bytes = await readBody(req, config.maxBytes);
    if (!bytes) return answer(res, 413, 'too_large');

    const write = (event: ConversionEvent) => {
      if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${JSON.stringify(event)}\n`);
    };
    const started = performance.now();
    let result = 'ok';
    try {
      await queue.run(async () => {
        showQueue();
        await converter.convert(
          { bytes, kind },
          {
            onPages: (total) => write({ type: 'pages', total }),
            onPage: (page) => {
              metrics.pages.inc();
              const { original, variants } = pageFiles(page.index);
              write({
                type: 'page',
                index: page.index,
                width: page.width,
                height: page.height,
                text: page.text,
                notes: page.notes,
                files: { original, variants },
                inline: {
                  [original]: page.original.toString('base64'),
                  [variants[480]]: page.variants['480'].toString('base64'),
                  [variants[960]]: page.variants['960'].toString('base64'),
                  [variants[1920]]: page.variants['1920'].toString('base64'),
                },
              });
            },
          },
        );
      }, showQueue);
      write({ type: 'done' });
    } catch (error) {
      if (error instanceof QueueFullError) {
        result = 'busy';
        if (!res.headersSent) return answer(res, 503, 'busy');
      }
      result = isConversionError(error) ? error.code : 'conversion_failed';
      write({
        type: 'error',
        code: isConversionError(error) ? error.code : 'conversion_failed',
      });
    } finally {
      showQueue();
      metrics.conversions.inc({ kind, result });
      if (result !== 'busy')
        metrics.duration.observe({ kind }, (performance.now() - started) / 1000);
    }
    res.end();
  }

  const internalServer = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return answer(res, 200, closing ? 'shutting-down' : 'ok');
    if (path === '/readyz')
      return answer(res, closing ? 503 : 200, closing ? 'not-ready' : 'ready');
    if (path === '/metrics' && req.method === 'GET') {
      void metrics.registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      });
      return;
    }
    answer(res, 404, 'not_found');
  });

  const port = await listen(publicServer, config.port, config.host);
  const internalPort = await listen(internalServer, config.internalPort, config.internalHost);
  let closed: Promise<void> | undefined;
  return {
    url: urlOf(config.host, port),
    internalUrl: urlOf(config.internalHost, internalPort),
    close() {
      closed ??= (async () => {
        closing = true;
        await new Promise<void>((resolve) => publicServer.close(() => resolve()));
        await Promise.allSettled([...running]);
        publicServer.closeAllConnections();
        internalServer.closeAllConnections();
        await new Promise<void>((resolve) => internalServer.close(() => resolve()));
      })();
      return closed;
    },
  };
}

function answer(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: code }));
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('error', () => resolve(null));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
