import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertAccessible } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { parseCsv } from './support/csv.ts';
import { colourDeck } from './support/fixtures.ts';
import { signInInBrowser } from './support/sign-in.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));

/**
 * The session health page in Chromium after a short class: a student answers, goes offline and
 * answers again; the teacher opens the health report from the dashboard and from the report.
 */
describe('the session health report in Chromium', { timeout: 120_000 }, () => {
  const suite = chromiumSuite();

  it('shows connections, answers queued offline and the stored check; downloads the CSV', async () => {
    const teacherContext = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      acceptDownloads: true,
    });
    const teacher = await teacherContext.newPage();
    await signInInBrowser(teacher, suite.stack.owner!);
    const created = await teacher.request.post('/api/decks', { data: { title: 'Health check' } });
    const { id } = (await created.json()) as { id: string };
    const saved = await teacher.request.put(`/api/decks/${id}`, {
      data: colourDeck('Health check'),
    });
    assert.equal(saved.status(), 200);
    await teacher.goto('/teacher');
    await teacher.getByRole('button', { name: 'Start session with Health check' }).click();
    await teacher.waitForURL(/\/teacher\/sessions\/[^/]+$/);
    const sessionPath = new URL(teacher.url()).pathname;
    const code = (
      (await teacher
        .getByLabel(/^Join code/)
        .first()
        .textContent()) ?? ''
    ).trim();

    const studentContext = await suite.browser.newContext({ baseURL: suite.stack.webUrl });
    const student = await studentContext.newPage();
    await student.goto(`/join/${code}`);
    await student.getByLabel('Your name').fill('Noor');
    await student.getByRole('button', { name: 'Join' }).click();
    await student.getByRole('heading', { name: 'Noor', exact: true }).waitFor();
    await student.getByLabel('Red').check({ force: true });
    await student.getByRole('button', { name: 'Submit answer' }).click();
    await student.getByText('✓ Received').waitFor();
    await teacher.getByRole('button', { name: 'Next slide' }).click();
    await student.getByText('Slide 2 of 2').waitFor();
    await student.getByLabel('Why that colour?').fill('It is warm');
    await student.getByRole('button', { name: 'Submit answer' }).click();
    await student.getByText('✓ Received').waitFor();

    // Offline: the changed answer waits on the device and arrives when the network is back.
    await studentContext.setOffline(true);
    await student.getByText('Offline').first().waitFor();
    await student.getByLabel('Why that colour?').fill('Changed while offline');
    await student.getByRole('button', { name: 'Update answer' }).click();
    await student.getByText('Sending…').waitFor();
    await studentContext.setOffline(false);
    await student.getByText('✓ Received').waitFor();
    await teacher.getByText('Changed while offline').first().waitFor();

    // From the live dashboard.
    await teacher.getByRole('link', { name: 'Health' }).click();
    await teacher.waitForURL(`${suite.stack.webUrl}${sessionPath}/health`);
    await teacher.getByRole('heading', { level: 1, name: 'Health check' }).waitFor();
    await teacher.getByRole('heading', { name: 'Stored answers check' }).waitFor();
    await teacher.getByText('✓ All 3 acknowledged answers are stored.').waitFor();

    const totals = teacher.getByRole('table', { name: 'Session totals' });
    const total = async (label: string) =>
      (await totals.getByRole('row', { name: label }).getByRole('cell').textContent())?.trim();
    assert.equal(await total('Students in the session'), '1');
    assert.equal(await total('Answers acknowledged'), '3');
    assert.equal(await total('Answers queued offline and delivered later'), '1');
    assert.equal(await total('Server restarts seen'), '0');
    assert.match((await total('Delivery time, median (p50)')) ?? '', /^\d+(\.\d)? m?s$/);
    assert.equal(await total('Answers with a delivery time'), '3 of 3');
    assert.ok(Number(await total('Disconnects')) >= 1, 'the offline drop counts');

    const perStudent = teacher.getByRole('table', { name: 'Connections and answers per student' });
    const noor = perStudent.getByRole('row', { name: /^Noor/ });
    const cells = await noor.getByRole('cell').allTextContents();
    // Joined, connections, disconnects, reconnects, transports, answers, queued offline, …
    assert.match(cells[0] ?? '', /\d/);
    assert.equal(cells[4], 'websocket');
    assert.equal(cells[5], '3');
    assert.equal(cells[6], '1');
    assert.equal(cells[1], String(Number(cells[3]) + 1), 'each reconnect is a connection');
    await teacher.getByRole('table', { name: 'Connections and answers by transport' }).waitFor();
    await assertAccessible(teacher, 'session health report');
    await mkdir(ARTIFACTS, { recursive: true });
    await teacher.screenshot({ path: join(ARTIFACTS, 'teacher-health.png'), fullPage: true });
    // Printable: the actions are hidden on paper, the tables are not cut off.
    await teacher.emulateMedia({ media: 'print' });
    assert.equal(await teacher.getByRole('link', { name: 'Download CSV' }).isVisible(), false);
    await teacher.screenshot({ path: join(ARTIFACTS, 'teacher-health-print.png'), fullPage: true });
    await teacher.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^Health-check-[A-Z2-9]{6}-health\.csv$/);
    const records = parseCsv(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(records[0]?.slice(0, 4), [
      'Student',
      'Joined at (UTC)',
      'Removed',
      'Connections',
    ]);
    const row = records.find((record) => record[0] === 'Noor');
    assert.ok(row, 'a CSV row for Noor');
    assert.deepEqual([row[6], row[8], row[9]], ['websocket', '3', '1']);
    assert.ok(
      records.some(
        (r) => r[0] === 'Stored check' && r[1] === 'All 3 acknowledged answers are stored.',
      ),
    );
    const json = await teacher.request.get(
      `/api/sessions/${sessionPath.split('/').pop()}/health.json`,
    );
    const body = (await json.json()) as {
      storedCheck: { missing: unknown[] };
      definitions: object;
    };
    assert.deepEqual(body.storedCheck.missing, []);
    assert.ok('delivery' in body.definitions, 'the JSON says what its numbers mean');

    // From the answers report, too.
    await teacher.goto(`${sessionPath}/report`);
    await teacher.getByRole('link', { name: 'Health report' }).click();
    await teacher.getByRole('heading', { name: 'Stored answers check' }).waitFor();

    // A store that lost an acknowledged answer (forged here in the realtime tier's database)
    // shows as a red list, not a tick.
    const sessionId = sessionPath.split('/').pop()!;
    const studentId = (
      (await (await teacher.request.get(`/api/sessions/${sessionId}/health.json`)).json()) as {
        students: Array<{ studentId: string }>;
      }
    ).students[0]!.studentId;
    const db = new Database(join(suite.stack.dataDir, 'realtime.sqlite'));
    db.prepare('INSERT INTO session_health (session_id, records) VALUES (?, ?)').run(
      sessionId,
      JSON.stringify([
        {
          k: 'ack',
          at: Date.now(),
          receivedAt: Date.now(),
          studentId,
          slideId: 'q1',
          answerId: 'lost-answer-0001',
          transport: 'websocket',
          duplicate: false,
        },
      ]),
    );
    db.close();
    await teacher.reload();
    const alert = teacher.getByRole('alert');
    await alert.getByText('1 of 4 acknowledged answers are not stored.').waitFor();
    const missing = alert.getByRole('table', { name: 'Acknowledged answers that are not stored' });
    const lost = await missing
      .getByRole('row', { name: /^Noor/ })
      .getByRole('cell')
      .allTextContents();
    // Slide, acknowledged at (a local time), transport, answer id.
    assert.deepEqual([lost[0], lost[2], lost[3]], ['Slide 1', 'websocket', 'lost-answer-0001']);
    assert.match(lost[1] ?? '', /\d/);
    assert.equal(await teacher.getByText(/All \d+ acknowledged answers are stored/).count(), 0);
    await assertAccessible(teacher, 'session health report with a missing answer');
    await teacher.screenshot({
      path: join(ARTIFACTS, 'teacher-health-missing.png'),
      fullPage: true,
    });
  });
});
