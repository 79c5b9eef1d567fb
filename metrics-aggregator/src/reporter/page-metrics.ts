import { BEACON_PATH, BEACON_VERSION, type BeaconEvent } from '../catalog/beacon.ts';
import {
  HEARTBEAT_INTERVAL_SECONDS,
  type App,
  type ClientErrorKind,
  type ConnectionEvent,
  type CounterName,
  type HistogramName,
  type LabelsOf,
  type LoadOutcome,
} from '../catalog/client-metrics.ts';
import type { PageTokenGrant } from '../page-token/grant.ts';
import { startTokenRenewal, type TokenHolder } from './page-token.ts';
import { sendBody } from './send.ts';

export interface PageMetricsOptions {
  app: App;
  /** The page token the web app signed when it served this page: beacons carry it. */
  token: PageTokenGrant;
  /**
   * The web app's same-origin route that renews the token before it expires (POST), so a page
   * open for hours keeps reporting. Without it the page stops reporting when its token expires.
   */
  tokenRefreshUrl?: string;
  /** Where beacons go; the page's own origin by default (the web app routes it). */
  endpoint?: string;
  /** Share of page loads that send distributions (vitals, timings); counts are always sent. */
  sampleRate?: number;
  flushIntervalMs?: number;
  /** A load not interactive by then counts as `timeout` (or `error` after an error). */
  loadTimeoutMs?: number;
}

export interface PageMetrics {
  readonly app: App;
  /** The page answers input now: a successful load, with its time to interactive. */
  interactive(): void;
  /** The page cannot work (its code or data failed): a failed load. */
  failed(): void;
  error(kind: ClientErrorKind): void;
  connection(transport: 'socket' | 'firebase', event: ConnectionEvent): void;
  count<N extends CounterName>(name: N, labels: LabelsOf<N>, by?: number): void;
  observe<N extends HistogramName>(name: N, labels: LabelsOf<N>, value: number): void;
  /** Sends what is queued now (also done on a timer and when the page is hidden or left). */
  flush(): void;
  /** The page's current metrics token (the network check sends an empty beacon with it). */
  token(): string;
}

const MAX_EVENTS_PER_BEACON = 50;
/** Well under the aggregator's 64 KiB and the browser's beacon quota shared by the page. */
const MAX_BEACON_CHARS = 16 * 1024;
const MAX_QUEUED = 500;
const MAX_ERRORS_PER_PAGE = 50;
const CHUNK_FAILURE =
  /ChunkLoadError|Loading (CSS )?chunk|dynamically imported module|Importing a module script failed/i;

/** Never let metrics break the page: every entry point swallows its own failures. */
function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch {
      // Reporting is best effort.
    }
  };
}

function errorKind(error: unknown, fallback: ClientErrorKind): ClientErrorKind {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return CHUNK_FAILURE.test(text) ? 'chunk_load' : fallback;
}

/** State shared by every page of one document (a client-side navigation keeps it). */
interface DocumentReporter {
  /** The page token and its renewal; one per document, like the page it proves. */
  token: TokenHolder;
  sampled: boolean;
  queue: BeaconEvent[];
  current: PageMetrics | null;
  /** Ends the current page's load as abandoned when another page takes over the document. */
  leaveCurrent: (() => void) | null;
  errors: number;
  vitalsStarted: boolean;
}
let doc: DocumentReporter | null = null;

/**
 * Starts reporting for the page `options.app` in this browser tab and returns its handle.
 * Calling it again for the same app in the same document returns the same handle (React
 * effects may run twice); another app starts a new load timed from that moment.
 */
export function startPageMetrics(options: PageMetricsOptions): PageMetrics {
  if (doc?.current?.app === options.app) return doc.current;
  const endpoint = options.endpoint ?? BEACON_PATH;
  const flushIntervalMs = options.flushIntervalMs ?? 10_000;
  const firstInDocument = doc === null;
  const state: DocumentReporter = (doc ??= {
    token: startTokenRenewal(options.token, options.tokenRefreshUrl ?? null, () =>
      doc?.current?.flush(),
    ),
    sampled: Math.random() < (options.sampleRate ?? 1),
    queue: [],
    current: null,
    leaveCurrent: null,
    errors: 0,
    vitalsStarted: false,
  });
  const app = options.app;
  const startedAt = firstInDocument ? 0 : performance.now();
  let outcome: LoadOutcome | null = null;
  let sawError = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let backoffMs = flushIntervalMs;

  const push = (event: BeaconEvent) => {
    if (state.queue.length >= MAX_QUEUED) return;
    state.queue.push(event);
    if (state.queue.length >= MAX_EVENTS_PER_BEACON) flush();
    else timer ??= setTimeout(flush, backoffMs);
  };

  const flushNow = (leaving: boolean) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    // An expired token's events would be refused: keep them until the renewal (which flushes).
    // A page being left sends anyway, since it gets no later chance.
    if (!leaving && state.queue.length > 0 && !state.token.usable()) {
      state.token.renew(true);
      timer = setTimeout(flush, backoffMs);
      return;
    }
    while (state.queue.length > 0) {
      const events = state.queue.splice(0, MAX_EVENTS_PER_BEACON);
      const t = state.token.current();
      let body = JSON.stringify({ v: BEACON_VERSION, t, events });
      while (body.length > MAX_BEACON_CHARS && events.length > 1) {
        state.queue.unshift(...events.splice(events.length >> 1));
        body = JSON.stringify({ v: BEACON_VERSION, t, events });
      }
      void sendBody(endpoint, body).then((ok) => {
        if (ok) {
          backoffMs = flushIntervalMs;
          return;
        }
        // Network trouble: keep the events (bounded) and back off up to five minutes.
        state.queue.unshift(...events.slice(0, MAX_QUEUED - state.queue.length));
        backoffMs = Math.min(backoffMs * 2, 300_000);
        timer ??= setTimeout(flush, backoffMs);
      });
    }
  };
  const flush = guard(() => flushNow(false));

  const count = guard(<N extends CounterName>(name: N, labels: LabelsOf<N>, by = 1) => {
    push({ m: name, l: labels, v: by } as BeaconEvent);
  });
  const observe = guard(<N extends HistogramName>(name: N, labels: LabelsOf<N>, value: number) => {
    if (state.sampled && Number.isFinite(value) && value >= 0)
      push({ m: name, l: labels, v: value } as BeaconEvent);
  });

  const settle = (result: LoadOutcome) => {
    if (outcome !== null) return;
    outcome = result;
    clearTimeout(loadTimer);
    count('classroom_app_loads_total', { app, outcome: result });
    if (result === 'success')
      observe(
        'classroom_app_load_duration_seconds',
        { app },
        (performance.now() - startedAt) / 1000,
      );
  };
  const loadTimer = setTimeout(
    guard(() => settle(sawError ? 'error' : 'timeout')),
    options.loadTimeoutMs ?? 30_000,
  );

  const error = guard((kind: ClientErrorKind) => {
    sawError = true;
    if (state.errors >= MAX_ERRORS_PER_PAGE) return;
    state.errors += 1;
    count('classroom_client_errors_total', { app: page.app, kind });
  });

  const page: PageMetrics = {
    app,
    interactive: guard(() => settle('success')),
    failed: guard(() => settle('error')),
    error,
    connection: guard((transport, event) =>
      count('classroom_realtime_connection_events_total', { app, transport, event }),
    ),
    count,
    observe,
    flush,
    token: () => state.token.current(),
  };
  // Errors and heartbeats belong to whichever page is current.
  state.leaveCurrent?.();
  state.current = page;
  const leave = guard(() => {
    settle(sawError ? 'error' : 'abandoned');
    flushNow(true);
  });
  state.leaveCurrent = leave;

  if (firstInDocument && typeof window !== 'undefined') {
    const current = () => state.current;
    addEventListener(
      'error',
      guard((event: Event) => {
        const target = event.target;
        // Capture phase: a <script> or stylesheet that failed to load is the app failing to load.
        if (target instanceof HTMLScriptElement || target instanceof HTMLLinkElement)
          current()?.error('resource_load');
        else if (target === window || target === null)
          current()?.error(errorKind((event as ErrorEvent).error, 'uncaught_error'));
      }),
      true,
    );
    addEventListener(
      'unhandledrejection',
      guard((event: PromiseRejectionEvent) =>
        current()?.error(errorKind(event.reason, 'unhandled_rejection')),
      ),
    );
    setInterval(
      guard(() => current()?.count('classroom_client_heartbeats_total', { app: current()!.app })),
      HEARTBEAT_INTERVAL_SECONDS * 1000,
    );
    // Hidden (a tab switch, a locked phone, or leaving): send now. On window in the bubble
    // phase, so it runs after web-vitals' own listeners have queued LCP, CLS and INP.
    addEventListener(
      'visibilitychange',
      guard(() => {
        if (document.visibilityState === 'hidden') current()?.flush();
        // Back from a sleep or a background tab, whose timers may not have run: renew if due.
        else state.token.renew();
      }),
    );
    // Leaving: a load that never became interactive was abandoned (or failed); send it all.
    addEventListener(
      'pagehide',
      guard(() => state.leaveCurrent?.()),
    );
  }
  count('classroom_client_heartbeats_total', { app });
  if (firstInDocument && state.sampled) startWebVitals(app, observe);
  return page;
}

/**
 * web-vitals loads once the page has loaded and the main thread is idle, so its chunk never
 * competes with the page's own start-up; its observers read buffered entries, so nothing is
 * missed by starting late.
 */
function startWebVitals(app: App, observe: PageMetrics['observe']): void {
  if (!doc || doc.vitalsStarted) return;
  doc.vitalsStarted = true;
  const ms = (value: number) => value / 1000;
  const start = () =>
    import('web-vitals')
      .then(({ onLCP, onINP, onCLS, onFCP, onTTFB }) => {
        onLCP((m) => observe('classroom_web_vitals_lcp_seconds', { app }, ms(m.value)));
        onINP((m) => observe('classroom_web_vitals_inp_seconds', { app }, ms(m.value)));
        onCLS((m) => observe('classroom_web_vitals_cls', { app }, m.value));
        onFCP((m) => observe('classroom_web_vitals_fcp_seconds', { app }, ms(m.value)));
        onTTFB((m) => observe('classroom_web_vitals_ttfb_seconds', { app }, ms(m.value)));
      })
      .catch(() => undefined);
  const whenIdle = () =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => void start(), { timeout: 5_000 })
      : setTimeout(() => void start(), 1_000);
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', () => whenIdle(), { once: true });
}
