import { healthReportSchema, type HealthReport } from '@classpulse/realtime/protocol';
import { getFromRealtime, type RealtimeFailure } from './realtime-session.ts';
import type { CsvCell } from './csv.ts';
import { reasonsText, storedCheckSentence } from '../lib/health-words.ts';

export type HealthResult = { ok: true; report: HealthReport } | RealtimeFailure;

/** The session's health report from the realtime tier, checked against the protocol's schema. */
export async function loadSessionHealth(
  teacherId: string,
  sessionId: string,
): Promise<HealthResult> {
  const got = await getFromRealtime(teacherId, sessionId, '/health');
  if (!got.ok) return got;
  const parsed = healthReportSchema.safeParse(await got.response.json().catch(() => null));
  if (!parsed.success)
    return {
      ok: false,
      status: 502,
      message: 'The live-session service answered with a report this page cannot read.',
    };
  return { ok: true, report: parsed.data };
}

const ms = (value: number | null) => (value === null ? null : Math.round(value));

/**
 * The CSV for IT: one row per student and a total, then the stored check with any missing
 * answer. Times in milliseconds; empty cells where nothing was measured.
 */
export function healthCsvRows(report: HealthReport): CsvCell[][] {
  const header = [
    'Student',
    'Joined at (UTC)',
    'Removed',
    'Connections',
    'Disconnects',
    'Reconnects',
    'Transports',
    'Disconnect reasons',
    'Answers acknowledged',
    'Queued offline, delivered later',
    'Resent',
    'Delivery p50 (ms)',
    'Delivery p95 (ms)',
  ];
  const rows = report.students.map((s) => [
    s.name,
    s.joinedAt > 0 ? new Date(s.joinedAt).toISOString() : '',
    s.removed ? 'yes' : 'no',
    s.connections,
    s.disconnects,
    s.reconnects,
    s.transports.join(' '),
    reasonsText(s.disconnectReasons),
    s.answers,
    s.queuedOffline,
    s.resent,
    ms(s.deliveryP50Ms),
    ms(s.deliveryP95Ms),
  ]);
  const t = report.totals;
  const total = [
    'All students',
    '',
    '',
    t.connections,
    t.disconnects,
    t.reconnects,
    report.transports.map((x) => x.transport).join(' '),
    `server restarts: ${t.restarts}`,
    t.answers,
    t.queuedOffline,
    t.resent,
    ms(report.delivery.p50Ms),
    ms(report.delivery.p95Ms),
  ];
  const check = [
    ['Stored check', storedCheckSentence(report.storedCheck)],
    ...report.storedCheck.missing.map((m) => [
      'Not stored',
      m.name,
      m.slideNumber === null ? m.slideId : `slide ${m.slideNumber}`,
      m.answerId,
      new Date(m.acknowledgedAt).toISOString(),
      m.transport,
    ]),
  ];
  return [header, ...rows, total, [], ...check];
}
