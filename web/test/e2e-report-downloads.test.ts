/**
 * The streamed downloads through the real stack on a session of 200 students × 100 questions
 * (20,000 answers, seeded through the engine and the SQLite store): the answers CSV, the health
 * CSV and the health JSON hold exactly what the one-string versions held (the same functions over
 * the session read whole from the realtime tier); browsers that go away part-way through a
 * download leave the server serving, and the next download is whole.
 */
import {
  healthReportSchema,
  HEALTH_DEFINITIONS,
  type SessionState,
} from '@classpulse/realtime/protocol';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toCsv } from '../src/server/csv.ts';
import { healthCsvRows } from '../src/server/session-health.ts';
import { reportRows } from '../src/server/session-report.ts';
import { seededStack, type SeededSession } from './support/seeded-stack.ts';
import { signInCookie } from './support/sign-in.ts';
import { OWNER, type Stack } from './support/stack.ts';

const BOM = '\uFEFF';

describe('streamed report downloads of a 20,000-answer session', { timeout: 600_000 }, () => {
  let stack: Stack;
  let session: SeededSession;
  let cookie: string;

  before(async () => {
    const seeded = await seededStack(
      { hall: { title: 'Streamed hall', slides: 100, students: 200, answersPerSlide: 1 } },
      undefined,
    );
    stack = seeded.stack;
    session = seeded.sessions.hall;
    cookie = await signInCookie(stack.webUrl, OWNER);
  });
  after(() => stack?.stop());

  const download = async (file: string) => {
    const response = await fetch(`${stack.webUrl}/api/sessions/${session.sessionId}/${file}`, {
      headers: { cookie },
    });
    assert.equal(response.status, 200, file);
    return {
      response,
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()),
    };
  };

  /** The session and its health report read whole from the realtime tier, as the web app did. */
  const fromRealtime = async (path: string) => {
    const grant = (await (
      await fetch(`${stack.webUrl}/api/sessions/${session.sessionId}/teacher-token`, {
        headers: { cookie },
      })
    ).json()) as { token: string };
    const response = await fetch(`${stack.realtimeUrl}/v1/sessions/${session.sessionId}${path}`, {
      headers: { authorization: `Bearer ${grant.token}` },
    });
    assert.equal(response.status, 200);
    return (await response.json()) as unknown;
  };

  it('the answers CSV has the bytes of the one-string CSV', async () => {
    const { response, text } = await download('report.csv');
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /Streamed-hall-[A-Z2-9]{6}\.csv/,
    );
    const { state } = (await fromRealtime('')) as { state: SessionState };
    assert.equal(text, `${BOM}${toCsv(reportRows(state, new Map()))}`);
    assert.equal(text.split('\r\n').length - 1, session.students + 1, 'a header and a row each');
  });

  it('the health CSV and JSON have what the one-string files had', async () => {
    const report = healthReportSchema.parse(await fromRealtime('/health'));
    assert.equal(report.totals.answers, session.answers);
    const csv = await download('health.csv');
    assert.equal(csv.text, `${BOM}${toCsv(healthCsvRows(report))}`);
    assert.match(csv.text, /network dropped/, 'disconnect reasons in plain words');
    assert.doesNotMatch(csv.text, /transport close/);

    const json = await download('health.json');
    const body = JSON.parse(json.text) as Record<string, unknown>;
    assert.equal(json.text, JSON.stringify(body, null, 2), 'written as JSON.stringify(…, null, 2)');
    assert.deepEqual(
      { ...body, generatedAt: 0 },
      JSON.parse(JSON.stringify({ ...report, generatedAt: 0, definitions: HEALTH_DEFINITIONS })),
    );
  });

  it('keeps serving when browsers go away part-way through a download', async () => {
    for (const file of ['report.csv', 'health.json', 'report.csv', 'health.csv', 'report.csv']) {
      const controller = new AbortController();
      const response = await fetch(`${stack.webUrl}/api/sessions/${session.sessionId}/${file}`, {
        headers: { cookie },
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      const first = await reader.read();
      assert.ok(!first.done);
      controller.abort();
      await reader.read().catch(() => undefined);
    }
    assert.equal((await fetch(`${stack.webUrl}/healthz`)).status, 200);
    const { text } = await download('report.csv');
    assert.equal(text.split('\r\n').length - 1, session.students + 1);
  });
});
